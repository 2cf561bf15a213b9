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

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_PARALLEL_H_
