#include "crypto/aead_stream.h"

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "crypto/parallel.h"
#include "crypto/primitives.h"

namespace bjlg::crypto {

namespace {

constexpr size_t kChunksPerThread = 4;
constexpr uint64_t kMaxBatchBytes = 32 << 20;

struct CtxDeleter {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CtxDeleter>;

const EVP_CIPHER* EvpCipher(AeadCipher c) {
  return c == AeadCipher::kAes256Gcm ? EVP_aes_256_gcm() : EVP_chacha20_poly1305();
}

void ChunkNonce(const AeadHeader& h, uint64_t index, bool last, uint8_t nonce[12]) {
  for (int i = 0; i < 12; ++i) nonce[i] = h.base_nonce[i];
  for (int i = 0; i < 8; ++i) nonce[3 + i] ^= static_cast<uint8_t>(index >> (8 * (7 - i)));
  if (last) nonce[11] ^= 1;
}

// One chunk through the AEAD. For decryption returns false when the tag does not verify.
bool SealOrOpen(bool encrypt, const AeadHeader& h, const AeadKeys& keys, uint64_t index, bool last,
                const uint8_t* in, size_t size, uint8_t* out, uint8_t tag[16]) {
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return false;
  uint8_t nonce[12];
  ChunkNonce(h, index, last, nonce);
  int len = 0;
  int enc = encrypt ? 1 : 0;
  if (EVP_CipherInit_ex(ctx.get(), EvpCipher(h.cipher), nullptr, nullptr, nullptr, enc) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, 12, nullptr) != 1 ||
      EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, keys.payload_key.data(), nonce, enc) != 1 ||
      EVP_CipherUpdate(ctx.get(), nullptr, &len, h.mac.data(), 32) != 1) {
    return false;
  }
  if (size > 0 && EVP_CipherUpdate(ctx.get(), out, &len, in, static_cast<int>(size)) != 1) {
    return false;
  }
  if (!encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, 16, tag) != 1) return false;
  uint8_t scratch[16];
  if (EVP_CipherFinal_ex(ctx.get(), scratch, &len) != 1) return false;
  if (encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, 16, tag) != 1) return false;
  return true;
}

// RunBatches' hook on the calling thread: reports `done` bytes; a false answer cancels.
std::function<Status()> ReportDone(const std::function<bool(uint64_t)>& progress,
                                   const std::atomic<uint64_t>& done) {
  return [&progress, &done] {
    return !progress || progress(done.load()) ? Status::OK()
                                              : Status::Cancelled("cancelled by the progress callback");
  };
}

}  // namespace

size_t BatchChunks(unsigned threads, uint64_t chunk_size) {
  uint64_t by_memory = std::max<uint64_t>(1, kMaxBatchBytes / chunk_size);
  return static_cast<size_t>(std::min<uint64_t>(std::max(1u, threads) * kChunksPerThread, by_memory));
}

Status SealChunks(const AeadHeader& header, const AeadKeys& keys, unsigned threads, uint64_t first,
                  bool final_batch, const uint8_t* plain, size_t bytes, uint8_t* sealed,
                  size_t* chunk_count) {
  const size_t chunk = header.chunk_size;
  const size_t count = bytes == 0 ? 1 : (bytes + chunk - 1) / chunk;
  *chunk_count = count;
  return ParallelFor(count, threads, [&](size_t j) {
    size_t begin = j * chunk;
    size_t size = std::min(chunk, bytes - begin);
    uint8_t* dst = sealed + j * (chunk + AeadHeader::kTagSize);
    uint64_t index = first + j;
    if (!SealOrOpen(true, header, keys, index, final_batch && j + 1 == count, plain + begin, size,
                    dst, dst + size)) {
      return Status::IOError("OpenSSL failed to encrypt chunk " + std::to_string(index));
    }
    return Status::OK();
  });
}

// Each thread encrypts whole batches of chunks end to end (read, seal, write at the batch's own
// offset): on a machine whose cores also do the kernel's copies in and out, handing batches
// between reader, sealer and writer threads cost more than the sealing it spread out.
Status EncryptAeadChunks(const InputFile& in, const AeadHeader& header, const AeadKeys& keys,
                         unsigned threads, PrivateOutput& out,
                         const std::function<bool(uint64_t done)>& progress) {
  auto head = header.Serialize();
  Status s = out.Write(head.data(), head.size());
  if (!s.ok()) return s;
  const uint64_t total = in.size();
  const uint64_t chunk = header.chunk_size;
  const uint64_t stored = chunk + AeadHeader::kTagSize;
  const uint64_t chunks = total == 0 ? 1 : (total + chunk - 1) / chunk;
  const size_t batch = BatchChunks(1, chunk);
  const uint64_t batches = (chunks + batch - 1) / batch;
  const unsigned workers = static_cast<unsigned>(std::min<uint64_t>(std::max(1u, threads), batches));
  std::vector<std::vector<uint8_t>> plain(workers), sealed(workers);
  std::atomic<uint64_t> done{0};
  s = RunBatches(
      batches, workers,
      [&](uint64_t b, unsigned w) {
        const size_t count = static_cast<size_t>(std::min<uint64_t>(batch, chunks - b * batch));
        const size_t bytes = static_cast<size_t>(std::min<uint64_t>(count * chunk, total - b * batch * chunk));
        plain[w].resize(batch * chunk);
        sealed[w].resize(batch * stored);
        Status r = in.ReadAt(b * batch * chunk, plain[w].data(), bytes);
        size_t sealed_count = 0;
        if (r.ok()) {
          r = SealChunks(header, keys, 1, b * batch, b + 1 == batches, plain[w].data(), bytes,
                         sealed[w].data(), &sealed_count);
        }
        if (r.ok()) {
          r = out.WriteAt(head.size() + b * batch * stored, sealed[w].data(),
                          bytes + count * AeadHeader::kTagSize);
        }
        if (r.ok()) done.fetch_add(bytes);
        return r;
      },
      ReportDone(progress, done));
  for (auto& p : plain) Wipe(p.data(), p.size());
  return s;
}

Status OpenChunks(const AeadHeader& header, const AeadKeys& keys, unsigned threads, uint64_t first,
                  uint64_t total_chunks, uint8_t* sealed, size_t bytes, uint8_t* plain) {
  const uint64_t chunk = header.chunk_size;
  const uint64_t stored = chunk + AeadHeader::kTagSize;
  const size_t count = static_cast<size_t>((bytes + stored - 1) / stored);
  return ParallelFor(count, threads, [&](size_t j) {
    size_t begin = j * stored;
    size_t size = static_cast<size_t>(std::min<uint64_t>(stored, bytes - begin)) -
                  AeadHeader::kTagSize;
    uint8_t* src = sealed + begin;
    uint8_t* dst = plain + j * chunk;
    uint64_t index = first + j;
    bool last = index + 1 == total_chunks;
    if (SealOrOpen(false, header, keys, index, last, src, size, dst, src + size)) {
      return Status::OK();
    }
    if (last && SealOrOpen(false, header, keys, index, false, src, size, dst, src + size)) {
      return Status::Truncated("truncated: the file ends after chunk " + std::to_string(index) +
                                ", which is not the final chunk");
    }
    return Status::Corruption("chunk " + std::to_string(index) + " of " +
                              std::to_string(total_chunks) + " failed authentication");
  });
}

Status DecryptAeadStream(const InputFile& in, const AeadHeader& header, const AeadKeys& keys,
                         unsigned threads, const AeadReadStream& stream) {
  Result<uint64_t> chunk_count = header.ChunkCount(in.size());
  if (!chunk_count.ok()) return chunk_count.status();
  const uint64_t chunks = *chunk_count;
  const uint64_t chunk = header.chunk_size;
  const uint64_t stored = chunk + AeadHeader::kTagSize;
  const uint64_t payload = in.size() - AeadHeader::kSize;
  const size_t batch = BatchChunks(threads, chunk);
  const uint64_t batches = (chunks + batch - 1) / batch;
  std::vector<uint8_t> sealed[2], plain[2];
  auto count_of = [&](uint64_t b) {
    return static_cast<size_t>(std::min<uint64_t>(batch, chunks - b * batch));
  };
  auto bytes_of = [&](uint64_t b) {  // stored bytes of batch b
    return static_cast<size_t>(std::min<uint64_t>(count_of(b) * stored, payload - b * batch * stored));
  };
  // Batch k+1 is read (and seen by `ciphertext`) and batch k opened on other threads while the
  // sink consumes batch k-1 here.
  Status s = RunPipeline(
      batches,
      [&](uint64_t b, int slot) {
        sealed[slot].resize(batch * stored);
        Status r = in.ReadAt(AeadHeader::kSize + b * batch * stored, sealed[slot].data(), bytes_of(b));
        if (r.ok() && stream.ciphertext) stream.ciphertext(sealed[slot].data(), bytes_of(b));
        return r;
      },
      [&](uint64_t b, int slot) {
        plain[slot].resize(batch * chunk);
        return OpenChunks(header, keys, threads, b * batch, chunks, sealed[slot].data(),
                          bytes_of(b), plain[slot].data());
      },
      [&](uint64_t b, int slot) {
        Status w = stream.sink ? stream.sink(plain[slot].data(), bytes_of(b) - count_of(b) * AeadHeader::kTagSize)
                               : Status::OK();
        if (w.ok() && stream.progress && !stream.progress(AeadHeader::kSize + b * batch * stored + bytes_of(b))) {
          w = Status::Cancelled("cancelled by the progress callback");
        }
        return w;
      });
  for (auto& p : plain) Wipe(p.data(), p.size());
  return s;
}

Status DecryptAeadChunks(const InputFile& in, const AeadHeader& header, const AeadKeys& keys,
                         unsigned threads, PrivateOutput* out,
                         const std::function<bool(uint64_t done)>& progress) {
  Result<uint64_t> chunk_count = header.ChunkCount(in.size());
  if (!chunk_count.ok()) return chunk_count.status();
  const uint64_t chunks = *chunk_count;
  const uint64_t chunk = header.chunk_size;
  const uint64_t stored = chunk + AeadHeader::kTagSize;
  const uint64_t payload = in.size() - AeadHeader::kSize;
  const size_t batch = BatchChunks(1, chunk);
  const uint64_t batches = (chunks + batch - 1) / batch;
  const unsigned workers = static_cast<unsigned>(std::min<uint64_t>(std::max(1u, threads), batches));
  std::vector<std::vector<uint8_t>> sealed(workers), plain(workers);
  std::atomic<uint64_t> done{AeadHeader::kSize};
  Status s = RunBatches(
      batches, workers,
      [&](uint64_t b, unsigned w) {
        const size_t count = static_cast<size_t>(std::min<uint64_t>(batch, chunks - b * batch));
        const size_t bytes = static_cast<size_t>(std::min<uint64_t>(count * stored, payload - b * batch * stored));
        sealed[w].resize(batch * stored);
        plain[w].resize(batch * chunk);
        Status r = in.ReadAt(AeadHeader::kSize + b * batch * stored, sealed[w].data(), bytes);
        if (r.ok()) {
          r = OpenChunks(header, keys, 1, b * batch, chunks, sealed[w].data(), bytes, plain[w].data());
        }
        if (r.ok() && out != nullptr) {
          r = out->WriteAt(b * batch * chunk, plain[w].data(), bytes - count * AeadHeader::kTagSize);
        }
        if (r.ok()) done.fetch_add(bytes);
        return r;
      },
      ReportDone(progress, done));
  for (auto& p : plain) Wipe(p.data(), p.size());
  return s;
}

}  // namespace bjlg::crypto
