// Worker threads that compress pieces of entries, in parallel, while the calling thread reads
// the next files and writes finished pieces in their original order.
//
// A piece is either a whole entry (compressed in one call by libdeflate, the fastest deflate,
// and stored instead when deflate does not shrink it) or one chunk of a large entry or stream
// (raw deflate by zlib, primed with the previous chunk's last 32 KiB as dictionary and ended
// with a sync flush, so the chunks concatenate into one deflate stream whose ratio is within a
// fraction of a percent of a one-pass compression; libdeflate has no streaming interface).
// Each piece carries its own level, so one archive can mix levels (a database dump at a fast
// level beside files at the archive's). Output is identical whatever the number of threads.
#ifndef BJLG_ARCHIVE_DEFLATE_POOL_H_
#define BJLG_ARCHIVE_DEFLATE_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace bjlg::archive {

enum class PieceMode { kStore, kWhole, kChunk };

struct Piece {
  uint32_t entry = 0;
  bool first = false;
  bool last = false;
  PieceMode mode = PieceMode::kStore;
  int level = 6;                    // 1..9 for kWhole and kChunk
  std::vector<unsigned char> data;  // uncompressed input
  std::vector<unsigned char> dict;  // kChunk after the first: the previous 32 KiB of input
  std::vector<unsigned char> out;   // compressed output (kWhole unless stored, kChunk)
  bool stored = false;              // kWhole: deflate did not shrink it, `data` is written
};

// A batch of pieces handed to one worker: many small files, or one chunk of a large one.
struct Job {
  std::vector<Piece> pieces;
  size_t bytes = 0;
  bool done = false;
};

class DeflatePool {
 public:
  // REQUIRES: threads >= 1.
  explicit DeflatePool(int threads);
  ~DeflatePool();
  DeflatePool(const DeflatePool&) = delete;
  DeflatePool& operator=(const DeflatePool&) = delete;

  void Submit(std::shared_ptr<Job> job);
  // Blocks until `job` is done.
  void Wait(const Job& job);
  // The workers' time spent compressing so far, added up over the workers.
  double BusySeconds() const { return busy_ns_.load() / 1e9; }

 private:
  void Run();

  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<std::shared_ptr<Job>> queue_;
  bool stop_ = false;
  std::atomic<int64_t> busy_ns_{0};
  std::vector<std::thread> threads_;
};

// Deflate of `data` in one call at `level`; empty when deflate would not shrink it.
std::vector<unsigned char> DeflateWhole(const unsigned char* data, size_t size, int level);

// True when a sample looks compressible: libdeflate at level 1 shrinks it by more than 3%.
bool LooksCompressible(const unsigned char* data, size_t size);

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_DEFLATE_POOL_H_
