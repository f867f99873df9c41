#include "parallel.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dossier::cli {

ProgressBar::ProgressBar(size_t total, bool enabled) : total_(total), enabled_(enabled && isatty(2)) {}
ProgressBar::~ProgressBar() {
  if (enabled_ && drawn_) std::fputs("\r\033[K", stderr);
}
void ProgressBar::Update(size_t done) {
  if (!enabled_ || total_ == 0) return;
  const size_t percent = done * 100 / total_;
  if (drawn_ && percent == last_percent_ && done != total_) return;
  last_percent_ = percent;
  drawn_ = true;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(percent * kWidth / 100);
  std::fprintf(stderr, "\r[%.*s%*s] %3zu%% %zu/%zu", filled, "##############################",
               kWidth - filled, "", percent, done, total_);
  std::fflush(stderr);
}

bool RunOrdered(size_t count, int threads, bool progress,
                const std::function<JobResult(size_t)>& job,
                const std::function<bool(size_t, JobResult&)>& sink) {
  ProgressBar bar(count, progress);
  if (threads <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) {
      JobResult r = job(i);
      if (!sink(i, r)) return false;
      bar.Update(i + 1);
    }
    return true;
  }
  // Results wait in a window of slots indexed i % window; a worker may start job i only when
  // i < written + window, which bounds memory by `window` results.
  const size_t window = static_cast<size_t>(threads) * 4;
  std::vector<std::optional<JobResult>> slots(window);
  std::mutex mu;
  std::condition_variable ready, room;
  size_t next = 0, written = 0;
  bool stop = false;
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(mu);
        room.wait(lock, [&] { return stop || next >= count || next < written + window; });
        if (stop || next >= count) return;
        i = next++;
      }
      JobResult r = job(i);
      {
        std::lock_guard lock(mu);
        slots[i % window] = std::move(r);
      }
      ready.notify_one();
    }
  };
  std::vector<std::thread> pool;
  const int n = static_cast<int>(std::min<size_t>(static_cast<size_t>(threads), count));
  for (int t = 0; t < n; ++t) pool.emplace_back(worker);
  bool ok = true;
  for (size_t i = 0; i < count; ++i) {
    JobResult r;
    {
      std::unique_lock lock(mu);
      ready.wait(lock, [&] { return slots[i % window].has_value(); });
      r = std::move(*slots[i % window]);
      slots[i % window].reset();
      written = i + 1;
    }
    room.notify_all();
    if (!sink(i, r)) {
      ok = false;
      std::lock_guard lock(mu);
      stop = true;
      room.notify_all();
      break;
    }
    bar.Update(i + 1);
  }
  for (auto& t : pool) t.join();
  return ok;
}

bool RunOrderedStream(int threads, const std::function<bool(Task*)>& next,
                      const std::function<bool(JobResult&)>& sink) {
  if (threads <= 1) {
    Task task;
    while (next(&task)) {
      JobResult r = task();
      if (!sink(r)) return false;
    }
    return true;
  }
  // Task i waits in `queue` for a worker, its result in slot i % window for the writer; the
  // producer makes task i only when i < written + window, which bounds memory by `window` tasks.
  const size_t window = static_cast<size_t>(threads) * 4;
  std::vector<std::optional<JobResult>> slots(window);
  std::deque<std::pair<size_t, Task>> queue;
  std::mutex mu;
  std::condition_variable work, ready, room;
  size_t produced = 0, written = 0;
  bool producing = true, stop = false;
  auto worker = [&] {
    for (;;) {
      std::pair<size_t, Task> item;
      {
        std::unique_lock lock(mu);
        work.wait(lock, [&] { return stop || !queue.empty() || !producing; });
        if (stop || queue.empty()) return;
        item = std::move(queue.front());
        queue.pop_front();
      }
      JobResult r = item.second();
      {
        std::lock_guard lock(mu);
        slots[item.first % window] = std::move(r);
      }
      ready.notify_all();
    }
  };
  bool ok = true;
  auto writer = [&] {
    for (size_t i = 0;; ++i) {
      JobResult r;
      {
        std::unique_lock lock(mu);
        ready.wait(lock, [&] { return slots[i % window].has_value() || (!producing && i >= produced); });
        if (!slots[i % window].has_value()) return;
        r = std::move(*slots[i % window]);
        slots[i % window].reset();
      }
      const bool more = sink(r);
      {
        std::lock_guard lock(mu);
        written = i + 1;
        if (!more) stop = true, ok = false;
      }
      room.notify_all();
      if (!more) {
        work.notify_all();
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
  std::thread out(writer);
  for (;;) {
    {
      std::unique_lock lock(mu);
      room.wait(lock, [&] { return stop || produced < written + window; });
      if (stop) break;
    }
    Task task;
    if (!next(&task)) break;
    {
      std::lock_guard lock(mu);
      queue.emplace_back(produced++, std::move(task));
    }
    work.notify_one();
  }
  {
    std::lock_guard lock(mu);
    producing = false;
  }
  work.notify_all();
  ready.notify_all();
  for (auto& t : pool) t.join();
  out.join();
  return ok;
}

}  // namespace dossier::cli
