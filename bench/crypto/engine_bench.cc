// The crypto engines alone, without writing files: what each format costs on this machine's
// cores. Prints Markdown rows:
//   bjlg_crypto_engine_bench [SIZE_MB=1024] [THREADS...]   the bjlg AEAD chunk engine, memory to
//       memory, in the batches the file path uses, one row per thread count
//   bjlg_crypto_engine_bench --bjlgenc1 [SIZE_MB=1024]       BJLGENC1 (CBC + HMAC pipeline), read
//       from a memory file (memfd) into a sink that discards: encryption, and decryption with
//       its two passes (authenticate, then decrypt and authenticate again)
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "crypto/aead_header.h"
#include "crypto/aead_stream.h"
#include "crypto/bjlgenc1.h"
#include "crypto/file_io.h"
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

// A memory file filled by `fill`, reachable by path while `fd` stays open.
std::string MemoryFile(const char* name, int* fd, const std::function<void(int fd)>& fill) {
  *fd = memfd_create(name, 0);
  if (*fd < 0) { std::perror("memfd_create"); std::exit(1); }
  fill(*fd);
  return "/proc/self/fd/" + std::to_string(*fd);
}

void Check(const Status& s, const char* what) {
  if (!s.ok()) { std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str()); std::exit(1); }
}

int Bjlgenc1Bench(uint64_t total) {
  auto key = Key::Generate();
  Check(key.status(), "key");
  const Secret secret(*key);
  std::array<uint8_t, 16> iv{}, salt{};
  int plain_fd = -1, sealed_fd = -1;
  std::vector<uint8_t> block(8 << 20, 0x5a);
  const std::string plain_path = MemoryFile("bjlg-bench-plain", &plain_fd, [&](int fd) {
    for (uint64_t done = 0; done < total; done += block.size()) {
      if (write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size())) std::exit(1);
    }
  });
  auto in = InputFile::Open(plain_path);
  Check(in.status(), "open");
  auto discard = [](const uint8_t*, size_t) { return Status::OK(); };
  double best_enc = 1e9;
  for (int round = 0; round < 2; ++round) {
    auto t0 = std::chrono::steady_clock::now();
    auto tag = Bjlgenc1EncryptStream(*in, secret, iv, salt, discard);
    Check(tag.status(), "encrypt");
    best_enc = std::min(best_enc, Seconds(std::chrono::steady_clock::now() - t0));
  }
  // The ciphertext to decrypt: the same encryption, kept this time.
  const std::string sealed_path = MemoryFile("bjlg-bench-sealed", &sealed_fd, [&](int fd) {
    auto tag = Bjlgenc1EncryptStream(*in, secret, iv, salt, [fd](const uint8_t* d, size_t n) {
      return write(fd, d, n) == static_cast<ssize_t>(n) ? Status::OK() : Status::IOError("write");
    });
    Check(tag.status(), "encrypt");
    if (pwrite(fd, tag->mac.data(), 32, static_cast<off_t>(tag->offset)) != 32) std::exit(1);
  });
  auto sealed = InputFile::Open(sealed_path);
  Check(sealed.status(), "open");
  uint8_t head[Bjlgenc1Header::kMaxSize];
  Check(sealed->ReadAt(0, head, sizeof head), "read");
  auto header = Bjlgenc1Header::Parse(head, sizeof head, sealed->size());
  Check(header.status(), "parse");
  double best_dec = 1e9;
  for (int round = 0; round < 2; ++round) {
    Bjlgenc1Stream stream;
    stream.sink = discard;
    uint64_t plaintext = 0;
    auto t0 = std::chrono::steady_clock::now();
    Check(Bjlgenc1DecryptStream(*sealed, *header, secret, {}, stream, &plaintext), "decrypt");
    best_dec = std::min(best_dec, Seconds(std::chrono::steady_clock::now() - t0));
  }
  std::printf("| engine bjlgenc1 (aes-256-cbc + hmac-sha256), %llu MiB from a memory file | %.0f | %.0f |\n",
              static_cast<unsigned long long>(total >> 20), total / best_enc / 1e6, total / best_dec / 1e6);
  close(plain_fd);
  close(sealed_fd);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--bjlgenc1") {
    return Bjlgenc1Bench((argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1024) << 20);
  }
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
