// ParallelFor: runs fn(0..count-1) on up to `threads` threads (the caller's included) and
// returns the failure of the lowest failing index, so results do not depend on scheduling.
// If a thread cannot be started the remaining work runs on the threads that did start.
#ifndef BJLG_CRYPTO_PARALLEL_H_
#define BJLG_CRYPTO_PARALLEL_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

#include "common/status.h"

namespace bjlg::crypto {

// 0 means one thread per core.
unsigned ResolveThreads(unsigned requested);

Status ParallelFor(size_t count, unsigned threads, const std::function<Status(size_t)>& fn);

// Runs `other` on a new thread while `here` runs on the calling thread, and returns when both
// are done; if no thread can be started, runs `other` first, in line.
void RunAlongside(const std::function<void()>& other, const std::function<void()>& here);

// Runs read(k), then process(k), then write(k) for k = 0..count-1, overlapping the I/O of
// neighbouring steps with the work of the current one: while one thread processes step k and
// another reads step k+1, the calling thread writes step k-1. write() always runs on the calling
// thread, so it may call back into the caller's environment (a PHP progress callable, a parser
// that is not thread-safe); read() and process() run on other threads, each step after the
// previous one of its kind. Each step uses buffer slot k % 2, so the caller keeps two sets of
// buffers. write(k) only runs after process(k) succeeded; the first failure stops the pipeline
// and is returned (a write failure before the failure of the step being processed).
using PipelineStep = std::function<Status(uint64_t step, int slot)>;
Status RunPipeline(uint64_t count, const PipelineStep& read, const PipelineStep& process,
                   const PipelineStep& write);

// Runs step(k, worker) for k = 0..count-1 on up to `threads` threads, the calling thread being
// worker 0: each thread takes the next k when it is free and reads, processes and writes it
// itself, so there is no hand-off between threads and never more threads than asked for (the
// way to scale file-to-file work whose steps land at known offsets). `after_own_step` runs on
// the calling thread after each of its steps (a progress report); a failure of it or of any step
// stops every thread before its next step. Returns the failure of the lowest failing step, else
// the failure of `after_own_step`. Steps are taken in order, so every step below a failing one
// has run: the failure returned does not depend on scheduling.
using BatchStep = std::function<Status(uint64_t step, unsigned worker)>;
Status RunBatches(uint64_t count, unsigned threads, const BatchStep& step,
                  const std::function<Status()>& after_own_step);

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_PARALLEL_H_
