#include "crypto/aead_writer.h"

#include <cstring>

#include "crypto/aead_stream.h"
#include "crypto/parallel.h"
#include "crypto/primitives.h"

namespace bjlg::crypto {

Result<AeadHeader> PlanAeadHeader(const Secret& secret, const EncryptOptions& options) {
  AeadHeader h;
  h.chunk_size = options.chunk_size;
  h.cipher = options.cipher.value_or(HasAesInstructions() ? AeadCipher::kAes256Gcm
                                                          : AeadCipher::kChaCha20Poly1305);
  if (IsPassword(secret)) {
    h.kdf = options.password_kdf;
    if (h.kdf == KdfId::kScrypt) {
      h.kdf_a = options.scrypt_log_n;
      h.kdf_b = options.scrypt_r;
      h.kdf_c = options.scrypt_p;
    } else if (h.kdf == KdfId::kPbkdf2Sha256) {
      h.kdf_a = options.pbkdf2_iterations;
    } else {
      return Status::InvalidArgument("a password needs a KDF");
    }
  }
  Status s = h.Validate();
  if (!s.ok()) return s;
  return h;
}

Result<NewAeadFile> StartAeadFile(const Secret& secret, const EncryptOptions& options) {
  Result<AeadHeader> planned = PlanAeadHeader(secret, options);
  if (!planned.ok()) return planned.status();
  AeadHeader& h = *planned;
  Status s = RandomBytes(h.salt.data(), h.salt.size());
  if (s.ok()) s = RandomBytes(h.base_nonce.data(), h.base_nonce.size());
  if (!s.ok()) return s;
  Result<AeadKeys> keys = DeriveAeadKeys(h, secret);
  if (!keys.ok()) return keys.status();
  SealHeader(h, *keys);
  return NewAeadFile{h, *keys};
}

Result<std::unique_ptr<AeadFileWriter>> AeadFileWriter::Create(const std::string& out,
                                                               const Secret& secret,
                                                               const EncryptOptions& options) {
  if (options.format != Format::kBjlg) {
    return Status::InvalidArgument("the streaming writer writes the bjlg format only");
  }
  Result<NewAeadFile> file = StartAeadFile(secret, options);
  if (!file.ok()) return file.status();
  Result<PrivateOutput> output = PrivateOutput::Create(out);
  if (!output.ok()) return output.status();
  auto head = file->header.Serialize();
  Status s = output->Write(head.data(), head.size());
  if (!s.ok()) return s;
  return std::unique_ptr<AeadFileWriter>(
      new AeadFileWriter(std::move(*file), std::move(*output), ResolveThreads(options.threads)));
}

AeadFileWriter::AeadFileWriter(NewAeadFile file, PrivateOutput out, unsigned threads)
    : file_(std::move(file)),
      out_(std::move(out)),
      threads_(threads),
      capacity_(BatchChunks(threads, file_.header.chunk_size) * file_.header.chunk_size) {
  pending_.reserve(capacity_);
}

AeadFileWriter::~AeadFileWriter() { Wipe(pending_.data(), pending_.capacity()); }

Status AeadFileWriter::Flush(bool final_batch) {
  sealed_.resize(capacity_ + (capacity_ / file_.header.chunk_size + 1) * AeadHeader::kTagSize);
  size_t count = 0;
  Status s = SealChunks(file_.header, file_.keys, threads_, chunks_written_, final_batch,
                        pending_.data(), pending_.size(), sealed_.data(), &count);
  if (s.ok()) s = out_.Write(sealed_.data(), pending_.size() + count * AeadHeader::kTagSize);
  chunks_written_ += count;
  Wipe(pending_.data(), pending_.size());
  pending_.clear();
  return s;
}

Status AeadFileWriter::Write(const uint8_t* data, size_t size) {
  if (failed_) return Status::InvalidArgument("the writer already failed");
  while (size > 0) {
    // A full batch is flushed only when more data follows, so the final chunk is always still
    // pending when Finish() marks it.
    if (pending_.size() == capacity_) {
      Status s = Flush(false);
      if (!s.ok()) {
        failed_ = true;
        return s;
      }
    }
    size_t n = std::min(size, capacity_ - pending_.size());
    pending_.insert(pending_.end(), data, data + n);
    data += n;
    size -= n;
    plaintext_size_ += n;
  }
  return Status::OK();
}

Result<FileReport> AeadFileWriter::Finish() {
  if (failed_) return Status::InvalidArgument("the writer already failed");
  failed_ = true;  // whatever happens, no more writes
  Status s = Flush(true);
  if (s.ok()) s = out_.Commit();
  if (!s.ok()) return s;
  return DescribeAeadFile(file_.header, AeadHeader::kSize + plaintext_size_ +
                                            chunks_written_ * AeadHeader::kTagSize);
}

}  // namespace bjlg::crypto
