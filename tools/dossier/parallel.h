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
};

// Calls job(i) for i in [0, count) on `threads` threads (1 = in this thread) and sink(i, result)
// in increasing i from the calling thread. Shows a progress bar on stderr when `progress` is set
// and stderr is a terminal. Returns false if the sink returned false (stops early).
bool RunOrdered(size_t count, int threads, bool progress,
                const std::function<JobResult(size_t)>& job,
                const std::function<bool(size_t, JobResult&)>& sink);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_PARALLEL_H_
