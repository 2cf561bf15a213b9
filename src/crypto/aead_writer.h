// AeadFileWriter: encrypts a stream pushed in pieces into a bjlg-format file, so that a producer
// (the archive writer) can write an encrypted archive in one pass, with no plaintext file at all.
// The output is a PrivateOutput: it appears under its name only when Finish() succeeds, and a
// writer destroyed before that leaves nothing. Memory: two batches (see aead_stream.h).
#ifndef BJLG_CRYPTO_AEAD_WRITER_H_
#define BJLG_CRYPTO_AEAD_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "crypto/aead_header.h"
#include "crypto/cipher.h"
#include "crypto/file_io.h"

namespace bjlg::crypto {

// A header for a new bjlg file, with its keys: random salt and base nonce, the KDF and cipher
// the options ask for, sealed. InvalidArgument for options a reader would refuse.
struct NewAeadFile {
  AeadHeader header;
  AeadKeys keys;
};
Result<NewAeadFile> StartAeadFile(const Secret& secret, const EncryptOptions& options);
// The header StartAeadFile would fill, before any random bytes or key derivation: what a caller
// checks to refuse bad options before any work. InvalidArgument for options a reader refuses.
Result<AeadHeader> PlanAeadHeader(const Secret& secret, const EncryptOptions& options);

class AeadFileWriter {
 public:
  // REQUIRES: options.format == Format::kBjlg.
  static Result<std::unique_ptr<AeadFileWriter>> Create(const std::string& out, const Secret& secret,
                                                         const EncryptOptions& options);
  AeadFileWriter(const AeadFileWriter&) = delete;
  AeadFileWriter& operator=(const AeadFileWriter&) = delete;
  ~AeadFileWriter();

  // Appends plaintext. Full batches are encrypted on all threads and written as they fill.
  Status Write(const uint8_t* data, size_t size);
  // Encrypts what is left, marks the final chunk, and commits the file. Call once.
  Result<FileReport> Finish();

 private:
  AeadFileWriter(NewAeadFile file, PrivateOutput out, unsigned threads);
  Status Flush(bool final_batch);

  NewAeadFile file_;
  PrivateOutput out_;
  unsigned threads_;
  size_t capacity_;             // plaintext bytes per batch
  std::vector<uint8_t> pending_, sealed_;
  uint64_t chunks_written_ = 0;
  uint64_t plaintext_size_ = 0;
  bool failed_ = false;
};

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_AEAD_WRITER_H_
