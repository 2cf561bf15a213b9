// The bjlg AEAD chunk engine alone, memory to memory: what the format costs on this machine's
// cores without the file system. Prints one Markdown row per thread count:
//   bjlg_crypto_engine_bench [SIZE_MB=1024] [THREADS...]
// The size is processed in batches of 32 MiB, the batch size the file path uses at most.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "crypto/aead_header.h"
#include "crypto/aead_stream.h"
#include "crypto/key.h"
#include "crypto/parallel.h"
#include "crypto/primitives.h"

using bjlg::Status;
using namespace bjlg::crypto;

namespace {

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

struct Run {
  double seal_mbps, open_mbps;
};

Run Measure(const AeadHeader& h, const AeadKeys& keys, unsigned threads, uint64_t total,
            std::vector<uint8_t>& plain, std::vector<uint8_t>& sealed) {
  const size_t batch_chunks = BatchChunks(threads, h.chunk_size);
  const size_t batch = batch_chunks * h.chunk_size;
  const uint64_t batches = total / batch;
  const uint64_t chunks = batches * batch_chunks;
  double best_seal = 1e9, best_open = 1e9;
  for (int round = 0; round < 2; ++round) {  // best of two: the machine may be shared
    auto t0 = std::chrono::steady_clock::now();
    for (uint64_t b = 0; b < batches; ++b) {
      size_t count = 0;
      Status s = SealChunks(h, keys, threads, b * batch_chunks, b + 1 == batches, plain.data(),
                            batch, sealed.data(), &count);
      if (!s.ok()) { std::fprintf(stderr, "seal: %s\n", s.ToString().c_str()); std::exit(1); }
    }
    auto t1 = std::chrono::steady_clock::now();
    // Opening needs chunks sealed under the indexes it checks: batch 0, opened `batches` times.
    size_t count = 0;
    Status s = SealChunks(h, keys, threads, 0, batches == 1, plain.data(), batch, sealed.data(), &count);
    auto t2 = std::chrono::steady_clock::now();
    for (uint64_t b = 0; b < batches && s.ok(); ++b) {
      s = OpenChunks(h, keys, threads, 0, batches == 1 ? batch_chunks : chunks, sealed.data(),
                     batch + batch_chunks * AeadHeader::kTagSize, plain.data());
    }
    auto t3 = std::chrono::steady_clock::now();
    if (!s.ok()) { std::fprintf(stderr, "open: %s\n", s.ToString().c_str()); std::exit(1); }
    best_seal = std::min(best_seal, Seconds(t1 - t0));
    best_open = std::min(best_open, Seconds(t3 - t2));
  }
  const double bytes = static_cast<double>(batches * batch);
  return {bytes / best_seal / 1e6, bytes / best_open / 1e6};
}

}  // namespace

int main(int argc, char** argv) {
  const uint64_t total = (argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1024) << 20;
  std::vector<unsigned> thread_counts;
  for (int i = 2; i < argc; ++i) thread_counts.push_back(std::strtoul(argv[i], nullptr, 10));
  if (thread_counts.empty()) thread_counts = {1, ResolveThreads(0)};

  AeadHeader h;
  h.cipher = HasAesInstructions() ? AeadCipher::kAes256Gcm : AeadCipher::kChaCha20Poly1305;
  auto key = Key::Generate();
  if (!key.ok()) { std::fprintf(stderr, "%s\n", key.status().ToString().c_str()); return 1; }
  auto keys = DeriveAeadKeys(h, Secret(*key));
  if (!keys.ok()) { std::fprintf(stderr, "%s\n", keys.status().ToString().c_str()); return 1; }
  SealHeader(h, *keys);

  const size_t max_batch = BatchChunks(ResolveThreads(0) * 4, h.chunk_size) * h.chunk_size;
  std::vector<uint8_t> plain(max_batch, 0x5a), sealed(max_batch + (max_batch / h.chunk_size + 1) * 16);
  for (unsigned threads : thread_counts) {
    Run r = Measure(h, *keys, threads, total, plain, sealed);
    std::printf("| engine %s, %u thread%s, %llu MiB in memory | %.0f | %.0f |\n",
                AeadCipherName(h.cipher), threads, threads == 1 ? "" : "s",
                static_cast<unsigned long long>(total >> 20), r.seal_mbps, r.open_mbps);
  }
  return 0;
}
