#include "crypto/parallel.h"

#include <mutex>

namespace bjlg::crypto {

unsigned ResolveThreads(unsigned requested) {
  if (requested > 0) return requested;
  unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

Status ParallelFor(size_t count, unsigned threads, const std::function<Status(size_t)>& fn) {
  std::atomic<size_t> next{0};
  std::mutex mu;
  size_t failed_index = count;
  Status failure;
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
      Status s = fn(i);
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        if (i < failed_index) {
          failed_index = i;
          failure = std::move(s);
        }
      }
    }
  };
  std::vector<std::thread> pool;
  size_t extra = threads > 1 ? std::min<size_t>(threads, count) - 1 : 0;
  for (size_t t = 0; t < extra; ++t) {
    try {
      pool.emplace_back(work);
    } catch (...) {
      break;  // fewer threads; `work` below still drains the queue
    }
  }
  work();
  for (auto& th : pool) th.join();
  return failed_index < count ? failure : Status::OK();
}

void RunAlongside(const std::function<void()>& other, const std::function<void()>& here) {
  std::thread worker;
  try {
    worker = std::thread(other);
  } catch (...) {
    other();  // no thread: one after the other
  }
  here();
  if (worker.joinable()) worker.join();
}

Status RunPipeline(uint64_t count, const PipelineStep& read, const PipelineStep& process,
                   const PipelineStep& write) {
  if (count == 0) return Status::OK();
  Status s = read(0, 0);
  if (!s.ok()) return s;
  for (uint64_t k = 0; k <= count; ++k) {
    Status processed, fetched, wrote;
    auto process_this = [&] {
      if (k < count) processed = process(k, static_cast<int>(k % 2));
    };
    auto read_next = [&] {
      if (k + 1 < count) fetched = read(k + 1, static_cast<int>((k + 1) % 2));
    };
    std::thread worker, reader;
    try {
      worker = std::thread(process_this);
    } catch (...) {
      process_this();  // no thread: do the work first, in line
    }
    try {
      reader = std::thread(read_next);
    } catch (...) {
      read_next();
    }
    if (k > 0) wrote = write(k - 1, static_cast<int>((k - 1) % 2));
    if (worker.joinable()) worker.join();
    if (reader.joinable()) reader.join();
    if (!wrote.ok()) return wrote;
    if (!processed.ok()) return processed;
    if (!fetched.ok()) return fetched;
  }
  return Status::OK();
}

Status RunBatches(uint64_t count, unsigned threads, const BatchStep& step,
                  const std::function<Status()>& after_own_step) {
  std::atomic<uint64_t> next{0};
  std::atomic<uint64_t> lowest_failed{count};
  std::atomic<bool> cancelled{false};
  std::mutex mu;
  Status step_failure, caller_failure;
  auto work = [&](unsigned worker) {
    for (uint64_t k = next.fetch_add(1); k < count; k = next.fetch_add(1)) {
      // A step taken before a higher one failed still runs: the lowest failure is the one kept.
      if (cancelled.load() || k > lowest_failed.load()) return;
      Status s = step(k, worker);
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        if (k < lowest_failed.load()) {
          lowest_failed.store(k);
          step_failure = std::move(s);
        }
      } else if (worker == 0 && after_own_step) {
        caller_failure = after_own_step();
        if (!caller_failure.ok()) cancelled.store(true);
      }
    }
  };
  std::vector<std::thread> pool;
  const uint64_t wanted = std::min<uint64_t>(std::max(1u, threads), count);
  for (unsigned w = 1; w < wanted; ++w) {
    try {
      pool.emplace_back(work, w);
    } catch (...) {
      break;  // fewer threads; the others drain the steps
    }
  }
  work(0);
  for (auto& th : pool) th.join();
  return lowest_failed.load() < count ? step_failure : caller_failure;
}

}  // namespace bjlg::crypto
