// Runs one job per input on N threads and hands the results to a sink in input order, so a batch
// prints the same lines with -j 1 and -j 8. At most a bounded number of results wait to be
// written, so memory stays flat on long batches.
#ifndef DOSSIER_TOOLS_PARALLEL_H_
#define DOSSIER_TOOLS_PARALLEL_H_

#include <cstddef>
#include <functional>
#include <string>

namespace dossier::cli {

struct JobResult {
  std::string output;  // written to stdout as is
  std::string error;   // one line for stderr when the input failed ("" when it did not)
  std::string note;    // one line for stderr that is not a failure (a WARC file's record counts)
  std::function<void()> in_order;  // when set, run by the sink's thread in input order
};

// A one-line progress bar on stderr (only when it is a terminal), redrawn at most every 1 %.
class ProgressBar {
 public:
  ProgressBar(size_t total, bool enabled);
  ~ProgressBar();
  void Update(size_t done);

 private:
  size_t total_;
  bool enabled_;
  bool drawn_ = false;
  size_t last_percent_ = 0;
};

// A unit of work made by a producer and run on a worker.
using Task = std::function<JobResult()>;

// Like RunOrdered for an input of unknown length that is read as it goes (WARC records, lines of
// standard input): next(&task) is called on the calling thread until it returns false, at most
// a bounded number of tasks ahead of the output; tasks run on `threads` workers; sink(result) is
// called in production order from one thread (the calling thread when threads <= 1, else a writer
// thread, so a result goes out as soon as it and those before it are done, even while the producer
// waits for input). Returns false if the sink returned false (stops early).
bool RunOrderedStream(int threads, const std::function<bool(Task*)>& next,
                      const std::function<bool(JobResult&)>& sink);

// Calls job(i) for i in [0, count) on `threads` threads (1 = in this thread) and sink(i, result)
// in increasing i from the calling thread. Shows a progress bar on stderr when `progress` is set
// and stderr is a terminal. Returns false if the sink returned false (stops early).
bool RunOrdered(size_t count, int threads, bool progress,
                const std::function<JobResult(size_t)>& job,
                const std::function<bool(size_t, JobResult&)>& sink);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_PARALLEL_H_
