// The chunk layer of the bjlg streaming AEAD format (docs/encryption.md §1.3): encrypting a
// plaintext file into chunks after a sealed header, and authenticating (and optionally
// releasing) the chunks of an encrypted file. Chunks are processed in batches of 4 per thread
// (at most 32 MiB, at least one chunk), two batches in flight: memory stays within
// 4 × batch × (chunk size + 16) whatever the file size.
#ifndef BJLG_CRYPTO_AEAD_STREAM_H_
#define BJLG_CRYPTO_AEAD_STREAM_H_

#include <cstdint>
#include <functional>

#include "common/status.h"
#include "crypto/aead_header.h"
#include "crypto/file_io.h"

namespace bjlg::crypto {

// Chunks per batch for `threads` threads: 4 per thread, at most 32 MiB, at least one chunk.
size_t BatchChunks(unsigned threads, uint64_t chunk_size);

// Seals `bytes` of plaintext as consecutive chunks numbered from `first` (one empty chunk when
// bytes == 0), marking the last one final if `final_batch`, into `sealed` (bytes + 16 per
// chunk). Sets *chunk_count.
Status SealChunks(const AeadHeader& header, const AeadKeys& keys, unsigned threads, uint64_t first,
                  bool final_batch, const uint8_t* plain, size_t bytes, uint8_t* sealed,
                  size_t* chunk_count);

// Opens the consecutive stored chunks in `sealed` (`bytes` bytes: whole chunks of S + 16 bytes,
// the last one possibly shorter), numbered from `first` in a file of `total_chunks` chunks, into
// `plain` (S bytes per chunk), on `threads` threads. Corruption names the first chunk that fails
// authentication, or says "truncated" when the file's last chunk is not a final chunk. The
// plaintext of a batch that failed must not be used. (Used by DecryptAeadChunks and by readers
// that consume the plaintext in memory, such as the verifier.)
Status OpenChunks(const AeadHeader& header, const AeadKeys& keys, unsigned threads, uint64_t first,
                  uint64_t total_chunks, uint8_t* sealed, size_t bytes, uint8_t* plain);

// Writes header then chunks of `in` to `out`. REQUIRES: SealHeader(header, keys) done.
// Each of `threads` threads reads, seals and writes whole batches at their own offsets (memory:
// one plaintext and one sealed batch per thread). `progress`, if set, is called on the calling
// thread after each batch it wrote, with the plaintext bytes done; false stops with Cancelled.
Status EncryptAeadChunks(const InputFile& in, const AeadHeader& header, const AeadKeys& keys,
                         unsigned threads, PrivateOutput& out,
                         const std::function<bool(uint64_t done)>& progress = nullptr);

// Where DecryptAeadStream sends what it reads.
struct AeadReadStream {
  // Authenticated plaintext, in order, in batches (up to 32 MiB), on the calling thread. A
  // failure stops the pass and is returned as is. Empty: authenticate only.
  std::function<Status(const uint8_t* data, size_t size)> sink;
  // After each batch, on the calling thread, with the file bytes done; false stops with Cancelled.
  std::function<bool(uint64_t done)> progress;
  // The stored bytes after the header, in order, on the reading thread, each batch before the
  // next one is read: lets a caller hash the file as stored in the same read.
  std::function<void(const uint8_t* data, size_t size)> ciphertext;
};

// Authenticates every chunk of `in` (opened with OpenHeader), batch k+1 on `threads` threads
// while the sink consumes batch k, and gives each batch's plaintext to the stream's sink once
// every tag of the batch has checked. Corruption names the first bad chunk; truncation at a chunk
// boundary is reported as "truncated". Memory: two stored and two plaintext batches.
Status DecryptAeadStream(const InputFile& in, const AeadHeader& header, const AeadKeys& keys,
                         unsigned threads, const AeadReadStream& stream);

// Authenticates every chunk of `in` as above and, when `out` is not null, writes the plaintext
// at its offset; each of `threads` threads reads, opens and writes whole batches (the output is
// committed by the caller only once this succeeded). `progress`, if set, is called on the calling
// thread after each batch it did, with the bytes of `in` done; false stops with Cancelled.
Status DecryptAeadChunks(const InputFile& in, const AeadHeader& header, const AeadKeys& keys,
                         unsigned threads, PrivateOutput* out,
                         const std::function<bool(uint64_t done)>& progress = nullptr);

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_AEAD_STREAM_H_
