#include "archive/deflate_pool.h"

#include <libdeflate.h>
#include <zlib.h>

#include <array>
#include <chrono>
#include <memory>
#include <new>

namespace bjlg::archive {

namespace {

struct Compressors {
  explicit Compressors(int level) : deflate(libdeflate_alloc_compressor(level)) {
    if (deflate == nullptr) throw std::bad_alloc();
    zs = z_stream{};
    if (deflateInit2(&zs, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      libdeflate_free_compressor(deflate);
      throw std::bad_alloc();
    }
  }
  ~Compressors() {
    libdeflate_free_compressor(deflate);
    deflateEnd(&zs);
  }
  libdeflate_compressor* deflate;
  z_stream zs;
};

// A worker's compressors, one pair per level, made when a piece first asks for that level.
class CompressorSet {
 public:
  Compressors& ForLevel(int level) {
    std::unique_ptr<Compressors>& c = by_level_[static_cast<size_t>(level)];
    if (!c) c = std::make_unique<Compressors>(level);
    return *c;
  }

 private:
  std::array<std::unique_ptr<Compressors>, 10> by_level_;
};

void CompressChunk(Piece* piece, z_stream* zs) {
  deflateReset(zs);
  if (!piece->dict.empty()) {
    deflateSetDictionary(zs, piece->dict.data(), static_cast<uInt>(piece->dict.size()));
  }
  piece->out.resize(deflateBound(zs, piece->data.size()) + 64);
  zs->next_in = piece->data.data();
  zs->avail_in = static_cast<uInt>(piece->data.size());
  size_t produced = 0;
  const int flush = piece->last ? Z_FINISH : Z_SYNC_FLUSH;
  while (true) {
    if (produced == piece->out.size()) piece->out.resize(piece->out.size() * 2);
    zs->next_out = piece->out.data() + produced;
    zs->avail_out = static_cast<uInt>(piece->out.size() - produced);
    const int rc = deflate(zs, flush);
    produced = piece->out.size() - zs->avail_out;
    if (flush == Z_FINISH && rc == Z_STREAM_END) break;
    if (flush == Z_SYNC_FLUSH && zs->avail_in == 0 && zs->avail_out != 0) break;
  }
  piece->out.resize(produced);
}

void CompressPiece(Piece* piece, CompressorSet* compressors) {
  switch (piece->mode) {
    case PieceMode::kStore:
      break;
    case PieceMode::kWhole: {
      libdeflate_compressor* compressor = compressors->ForLevel(piece->level).deflate;
      const size_t size = piece->data.size();
      piece->out.resize(size);
      const size_t n = size == 0 ? 0
                                 : libdeflate_deflate_compress(compressor, piece->data.data(), size,
                                                               piece->out.data(), size);
      if (n == 0) {
        piece->stored = true;
        piece->out.clear();  // its capacity is recycled by the writer
      } else {
        piece->out.resize(n);
      }
      break;
    }
    case PieceMode::kChunk:
      CompressChunk(piece, &compressors->ForLevel(piece->level).zs);
      break;
  }
}

}  // namespace

DeflatePool::DeflatePool(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
}

DeflatePool::~DeflatePool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void DeflatePool::Submit(std::shared_ptr<Job> job) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(job));
  }
  work_cv_.notify_one();
}

void DeflatePool::Wait(const Job& job) {
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [&] { return job.done; });
}

void DeflatePool::Run() {
  CompressorSet compressors;
  while (true) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    const auto started = std::chrono::steady_clock::now();
    for (Piece& p : job->pieces) CompressPiece(&p, &compressors);
    busy_ns_.fetch_add(std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::steady_clock::now() - started).count());
    {
      std::lock_guard<std::mutex> lock(mu_);
      job->done = true;
    }
    done_cv_.notify_all();
  }
}

std::vector<unsigned char> DeflateWhole(const unsigned char* data, size_t size, int level) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(level);
  if (c == nullptr) throw std::bad_alloc();
  std::vector<unsigned char> out(size);
  const size_t n = size == 0 ? 0 : libdeflate_deflate_compress(c, data, size, out.data(), size);
  libdeflate_free_compressor(c);
  out.resize(n);
  return out;
}

bool LooksCompressible(const unsigned char* data, size_t size) {
  if (size < 4096) return true;
  libdeflate_compressor* c = libdeflate_alloc_compressor(1);
  if (c == nullptr) throw std::bad_alloc();
  const size_t limit = size - size / 32;
  std::vector<unsigned char> out(limit);
  const size_t n = libdeflate_deflate_compress(c, data, size, out.data(), limit);
  libdeflate_free_compressor(c);
  return n != 0;
}

}  // namespace bjlg::archive
