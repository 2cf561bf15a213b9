#include "crypto/plaintext_reader.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "crypto/aead_header.h"
#include "crypto/aead_stream.h"
#include "crypto/cipher.h"
#include "crypto/file_io.h"
#include "crypto/primitives.h"

namespace bjlg::crypto {

namespace {

// Chunk k of the AEAD format is stored at kSize + k * (S + 16); each read opens the chunks it
// touches, keeping the last one opened.
class AeadPlaintext : public PlaintextReader {
 public:
  AeadPlaintext(InputFile in, const AeadHeader& header, AeadKeys keys, uint64_t chunks)
      : in_(std::move(in)), header_(header), keys_(std::move(keys)), chunks_(chunks),
        size_(header.PlaintextSize(in_.size())) {}
  ~AeadPlaintext() override { Wipe(plain_.data(), plain_.size()); }

  uint64_t size() const override { return size_; }
  const char* format() const override { return "bjlg"; }

  Result<size_t> ReadAt(uint64_t offset, uint8_t* out, size_t size) override {
    size_t done = 0;
    while (done < size && offset < size_) {
      const uint64_t k = offset / header_.chunk_size;
      if (k != cached_) {
        Status s = Load(k);
        if (!s.ok()) return s;
      }
      const size_t at = static_cast<size_t>(offset - k * header_.chunk_size);
      const size_t n = std::min(size - done, plain_bytes_ - at);
      std::memcpy(out + done, plain_.data() + at, n);
      done += n;
      offset += n;
    }
    return done;
  }

 private:
  Status Load(uint64_t k) {
    const uint64_t stored = uint64_t{header_.chunk_size} + AeadHeader::kTagSize;
    const uint64_t begin = AeadHeader::kSize + k * stored;
    const size_t bytes = static_cast<size_t>(std::min<uint64_t>(stored, in_.size() - begin));
    sealed_.resize(bytes);
    plain_.resize(header_.chunk_size);
    cached_ = UINT64_MAX;
    Status s = in_.ReadAt(begin, sealed_.data(), bytes);
    if (s.ok()) s = OpenChunks(header_, keys_, 1, k, chunks_, sealed_.data(), bytes, plain_.data());
    if (!s.ok()) {
      Wipe(plain_.data(), plain_.size());
      return s;
    }
    plain_bytes_ = bytes - AeadHeader::kTagSize;
    cached_ = k;
    return Status::OK();
  }

  InputFile in_;
  AeadHeader header_;
  AeadKeys keys_;
  uint64_t chunks_;
  uint64_t size_;
  uint64_t cached_ = UINT64_MAX;
  size_t plain_bytes_ = 0;
  std::vector<uint8_t> sealed_, plain_;
};

}  // namespace

bool LooksEncrypted(const std::string& path) {
  Result<InputFile> in = InputFile::Open(path);
  if (!in.ok() || in->size() < 8) return false;
  uint8_t head[8];
  return in->ReadAt(0, head, sizeof head).ok() && DetectFormat(head, sizeof head).has_value();
}

Result<std::unique_ptr<PlaintextReader>> OpenPlaintextReader(const std::string& path, const Secret& secret,
                                                             const Bjlgenc1ReadOptions& options) {
  Result<InputFile> in = InputFile::Open(path);
  if (!in.ok()) return in.status();
  uint8_t head[Bjlgenc1Header::kMaxSize];
  const size_t n = static_cast<size_t>(std::min<uint64_t>(in->size(), sizeof head));
  Status s = in->ReadAt(0, head, n);
  if (!s.ok()) return s;
  const std::optional<Format> format = DetectFormat(head, n);
  if (format == Format::kBjlgenc1) {
    Result<Bjlgenc1Header> h = Bjlgenc1Header::Parse(head, n, in->size());
    if (!h.ok()) return h.status();
    return OpenBjlgenc1Plaintext(std::move(*in), *h, secret, options);
  }
  if (format != Format::kBjlg) {
    return Status::NotSupported(path + " is not an encrypted file: no BJLGAEAD or BJLGENC1 magic");
  }
  Result<AeadHeader> h = AeadHeader::Parse(head, n);
  if (!h.ok()) return h.status();
  Result<uint64_t> chunks = h->ChunkCount(in->size());
  if (!chunks.ok()) return chunks.status();
  Result<AeadKeys> keys = OpenHeader(*h, secret);
  if (!keys.ok()) return keys.status();
  return std::unique_ptr<PlaintextReader>(
      std::make_unique<AeadPlaintext>(std::move(*in), *h, std::move(*keys), *chunks));
}

}  // namespace bjlg::crypto
