#include "crypto/bjlgenc1.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "crypto/parallel.h"
#include "crypto/plaintext_reader.h"
#include "crypto/primitives.h"

namespace bjlg::crypto {

namespace {

constexpr size_t kBlock = 16;
constexpr size_t kIoSize = 4 << 20;

struct Subkeys {
  uint8_t enc[32];
  uint8_t mac[32];
  ~Subkeys() {
    Wipe(enc, sizeof enc);
    Wipe(mac, sizeof mac);
  }
};

// ENC L856-900: IKM = key or PBKDF2(password, salt, 10000); HKDF-SHA256 with a zero salt.
Status DeriveSubkeys(const uint8_t* ikm, Subkeys& out) {
  uint8_t zero[32] = {0};
  uint8_t prk[32];
  HmacSha256Digest(zero, 32, ikm, 32, prk);
  static constexpr char kAes[] = "bjlg-encryption:aes\x01";
  static constexpr char kHmac[] = "bjlg-encryption:hmac\x01";
  HmacSha256Digest(prk, 32, kAes, sizeof kAes - 1, out.enc);
  HmacSha256Digest(prk, 32, kHmac, sizeof kHmac - 1, out.mac);
  Wipe(prk, sizeof prk);
  return Status::OK();
}

Status SubkeysFor(const Secret& secret, const uint8_t* salt, size_t salt_size, Subkeys& out) {
  if (const Key* key = std::get_if<Key>(&secret)) return DeriveSubkeys(key->data(), out);
  uint8_t ikm[32];
  Status s = Pbkdf2Sha256(std::get<Password>(secret).bytes(), salt, salt_size,
                          Bjlgenc1Header::kPbkdf2Iterations, ikm);
  if (s.ok()) s = DeriveSubkeys(ikm, out);
  Wipe(ikm, sizeof ikm);
  return s;
}

// The subkeys of `header`'s file for `secret`: checks the mode against the secret's kind, and
// takes a v1 password's salt from the options.
Status KeysFor(const Bjlgenc1Header& header, const Secret& secret, const Bjlgenc1ReadOptions& options,
               Subkeys& keys) {
  const uint8_t* salt = header.salt.data();
  size_t salt_size = header.salt.size();
  if (header.version == 2) {
    if (header.password_mode && !IsPassword(secret)) {
      return Status::Unauthenticated("wrong key: this BJLGENC1 file is protected by a password");
    }
    if (!header.password_mode && IsPassword(secret)) {
      return Status::Unauthenticated(
          "wrong password: this BJLGENC1 file is protected by the site key, not a password");
    }
  } else if (IsPassword(secret)) {
    if (!options.legacy_salt) {
      return Status::NotSupported(
          "a BJLGENC1 v1 file opened with a password needs the site's bjlg_encryption_salt");
    }
    salt = options.legacy_salt->data();
    salt_size = 16;
  }
  return SubkeysFor(secret, salt, salt_size, keys);
}

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

// PKCS#7 padding length of the final plaintext block, or 0 if the padding is invalid.
size_t PaddingLength(const uint8_t block[kBlock]) {
  uint8_t p = block[kBlock - 1];
  bool ok = p >= 1 && p <= kBlock;
  for (size_t i = kBlock - (ok ? p : 0); ok && i < kBlock; ++i) ok = block[i] == p;
  return ok ? p : 0;
}

// Decrypts only the last ciphertext block (CBC: P = D(C_last) XOR C_previous) and returns its
// padding length, 0 if invalid.
Result<size_t> ReadPadding(const InputFile& in, const Bjlgenc1Header& header, const uint8_t* key) {
  uint8_t tail[2 * kBlock];
  uint8_t* previous = tail;
  if (header.ciphertext_size >= 2 * kBlock) {
    Status s = in.ReadAt(header.ciphertext_offset + header.ciphertext_size - 2 * kBlock, tail,
                         sizeof tail);
    if (!s.ok()) return s;
  } else {
    std::memcpy(tail, header.iv.data(), kBlock);
    Status s = in.ReadAt(header.ciphertext_offset, tail + kBlock, kBlock);
    if (!s.ok()) return s;
  }
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
  uint8_t block[kBlock];
  int len = 0;
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, key, previous) != 1 ||
      EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1 ||
      EVP_DecryptUpdate(ctx.get(), block, &len, tail + kBlock, kBlock) != 1 || len != kBlock) {
    return Status::IOError("OpenSSL failed to decrypt");
  }
  size_t padding = PaddingLength(block);
  Wipe(block, sizeof block);
  return padding;
}

}  // namespace

Result<Bjlgenc1Header> Bjlgenc1Header::Parse(const uint8_t* data, size_t size, uint64_t file_size) {
  if (size < 8 || std::memcmp(data, kMagic, 8) != 0) {
    return Status::NotSupported("not a BJLGENC1 file (bad magic)");
  }
  if (size < 9 || (data[8] != 1 && data[8] != 2)) {
    return Status::NotSupported("unsupported BJLGENC1 version");
  }
  Bjlgenc1Header h;
  h.version = data[8];
  size_t pos = 9;
  if (h.version == 2) {
    if (size < pos + 1) return Status::Truncated("truncated: BJLGENC1 flags byte missing");
    h.password_mode = (data[pos] & 1) != 0;
    ++pos;
  }
  if (size < pos + 16) return Status::Truncated("truncated: BJLGENC1 IV missing");
  std::memcpy(h.iv.data(), data + pos, 16);
  pos += 16;
  if (h.password_mode) {
    if (size < pos + 1) return Status::Truncated("truncated: BJLGENC1 salt missing");
    size_t salt_size = data[pos++];
    if (salt_size == 0) return Status::Corruption("BJLGENC1 salt length is 0");
    if (size < pos + salt_size) return Status::Truncated("truncated: BJLGENC1 salt cut short");
    if (salt_size != 16) {
      return Status::NotSupported("BJLGENC1 salt of " + std::to_string(salt_size) +
                                  " bytes: the plugin only derives keys from 16-byte salts");
    }
    h.salt.assign(data + pos, data + pos + salt_size);
    pos += salt_size;
  }
  if (size < pos + 32) return Status::Truncated("truncated: BJLGENC1 HMAC missing");
  std::memcpy(h.tag.data(), data + pos, 32);
  pos += 32;
  h.ciphertext_offset = pos;
  h.ciphertext_size = file_size - pos;
  if (h.ciphertext_size == 0) return Status::Truncated("truncated: BJLGENC1 ciphertext missing");
  if (h.ciphertext_size % kBlock != 0) {
    return Status::Corruption("BJLGENC1 ciphertext is not a whole number of AES blocks "
                              "(truncated or corrupted)");
  }
  return h;
}

uint64_t Bjlgenc1Progress(const Bjlgenc1Header& header, uint64_t file_size, uint64_t ciphertext_done, int pass) {
  const uint64_t half = (header.ciphertext_offset + ciphertext_done) / 2;
  return pass == 1 ? half : file_size - file_size / 2 + half;
}

Status Bjlgenc1Decrypt(const InputFile& in, const Bjlgenc1Header& header, const Secret& secret,
                       const Bjlgenc1ReadOptions& options, PrivateOutput* out,
                       uint64_t* plaintext_size,
                       const std::function<bool(uint64_t ciphertext_done, int pass)>& progress) {
  Bjlgenc1Stream stream;
  stream.progress = progress;
  if (out != nullptr) {
    stream.sink = [out](const uint8_t* data, size_t size) { return out->Write(data, size); };
  }
  return Bjlgenc1DecryptStream(in, header, secret, options, stream, plaintext_size);
}

Status Bjlgenc1DecryptStream(const InputFile& in, const Bjlgenc1Header& header, const Secret& secret,
                             const Bjlgenc1ReadOptions& options, Bjlgenc1Stream& stream,
                             uint64_t* plaintext_size) {
  stream.failed_pass = 1;
  Subkeys keys;
  Status s = KeysFor(header, secret, options, keys);
  if (!s.ok()) return s;

  const uint64_t total = header.ciphertext_size;
  const uint64_t steps = (total + kIoSize - 1) / kIoSize;
  auto size_of = [&](uint64_t k) {
    return static_cast<size_t>(std::min<uint64_t>(kIoSize, total - k * kIoSize));
  };
  std::vector<uint8_t> sealed[2], plain[2];
  size_t release[2] = {0, 0};
  uint8_t last_block[kBlock];
  // Pass 1 (always) authenticates; pass 2 (only with a sink) decrypts and re-authenticates,
  // so that a file changed between the passes is never released.
  const bool decrypting = static_cast<bool>(stream.sink);
  for (int pass = 0; pass < (decrypting ? 2 : 1); ++pass) {
    const bool decrypt = pass == 1;
    stream.failed_pass = pass + 1;
    HmacSha256Stream hmac(keys.mac, 32);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> cbc(EVP_CIPHER_CTX_new());
    if (!hmac.ok() || !cbc) return Status::IOError("out of memory");
    if (decrypt) {
      if (EVP_DecryptInit_ex(cbc.get(), EVP_aes_256_cbc(), nullptr, keys.enc, header.iv.data()) != 1) {
        return Status::IOError("OpenSSL cannot start AES-256-CBC");
      }
      EVP_CIPHER_CTX_set_padding(cbc.get(), 0);
    }
    // Two threads for two cores: the calling thread MACs step k and hands on step k-1 (sink,
    // progress: the caller's thread, as documented); a second thread decrypts step k (pass 2)
    // and reads step k+1, cheaper than the MAC even together.
    auto read = [&](uint64_t k, int slot) {
      Status r = in.ReadAt(header.ciphertext_offset + k * kIoSize, sealed[slot].data(), size_of(k));
      if (r.ok() && !decrypt && stream.ciphertext) stream.ciphertext(sealed[slot].data(), size_of(k));
      return r;
    };
    auto decrypt_step = [&](uint64_t k, int slot) {
      int len = 0;
      if (EVP_DecryptUpdate(cbc.get(), plain[slot].data(), &len, sealed[slot].data(),
                            static_cast<int>(size_of(k))) != 1) {
        return Status::IOError("OpenSSL failed to decrypt");
      }
      release[slot] = static_cast<size_t>(len);
      if (k + 1 == steps) {  // hold back the padded block until the MAC and padding check
        release[slot] -= kBlock;
        std::memcpy(last_block, plain[slot].data() + release[slot], kBlock);
      }
      return Status::OK();
    };
    for (int i = 0; i < 2; ++i) {
      sealed[i].resize(kIoSize);
      if (decrypt) plain[i].resize(kIoSize);
    }
    s = steps > 0 ? read(0, 0) : Status::OK();
    const uint64_t rounds = decrypt ? steps + 1 : steps;  // pass 2 hands each step on one round later
    for (uint64_t k = 0; s.ok() && k < rounds; ++k) {
      const int slot = static_cast<int>(k % 2);
      Status worked;
      auto work = [&] {
        if (decrypt && k < steps) worked = decrypt_step(k, slot);
        if (worked.ok() && k + 1 < steps) worked = read(k + 1, 1 - slot);
      };
      Status handed;
      const bool step_done = decrypt ? k > 0 : true;
      const uint64_t done_step = decrypt ? k - 1 : k;
      RunAlongside(work, [&] {
        if (k < steps) hmac.Update(sealed[slot].data(), size_of(k));
        if (step_done && decrypt) handed = stream.sink(plain[1 - slot].data(), release[1 - slot]);
      });
      if (handed.ok() && step_done && stream.progress &&
          !stream.progress(done_step * kIoSize + size_of(done_step), pass + 1)) {
        handed = Status::Cancelled("cancelled by the progress callback");
      }
      s = worked.ok() ? handed : worked;
    }
    if (!s.ok()) break;
    uint8_t mac[32];
    hmac.Final(mac);
    if (!EqualConstantTime(mac, header.tag.data(), 32)) {
      s = Status::Corruption(decrypt ? "the file changed while it was being decrypted"
                                     : "integrity check failed: wrong key or password, or "
                                       "corrupted data");
      break;
    }
    size_t padding = 0;
    if (decrypt) {
      padding = PaddingLength(last_block);
      if (padding > 0) s = stream.sink(last_block, kBlock - padding);
    } else {
      Result<size_t> read = ReadPadding(in, header, keys.enc);
      if (!read.ok()) return read.status();
      padding = *read;
    }
    if (padding == 0) s = Status::Corruption("invalid padding");
    if (!s.ok()) break;
    *plaintext_size = header.ciphertext_size - padding;
  }
  if (s.ok()) stream.failed_pass = 0;
  Wipe(last_block, kBlock);
  for (auto& p : plain) Wipe(p.data(), p.size());
  return s;
}

Status Bjlgenc1Encrypt(const InputFile& in, const Secret& secret, PrivateOutput& out,
                       const std::function<bool(uint64_t done)>& progress) {
  std::array<uint8_t, 16> iv, salt;
  Status s = RandomBytes(iv.data(), iv.size());
  if (s.ok()) s = RandomBytes(salt.data(), salt.size());
  if (!s.ok()) return s;
  return Bjlgenc1EncryptWith(in, secret, iv, salt, out, progress);
}

Status Bjlgenc1EncryptWith(const InputFile& in, const Secret& secret,
                           const std::array<uint8_t, 16>& iv, const std::array<uint8_t, 16>& salt,
                           PrivateOutput& out, const std::function<bool(uint64_t done)>& progress) {
  Result<Bjlgenc1Tag> tag = Bjlgenc1EncryptStream(
      in, secret, iv, salt, [&out](const uint8_t* data, size_t size) { return out.Write(data, size); },
      progress);
  if (!tag.ok()) return tag.status();
  return out.WriteAt(tag->offset, tag->mac.data(), tag->mac.size());
}

Result<Bjlgenc1Tag> Bjlgenc1EncryptStream(const InputFile& in, const Secret& secret,
                                          const std::array<uint8_t, 16>& iv,
                                          const std::array<uint8_t, 16>& salt,
                                          const std::function<Status(const uint8_t*, size_t)>& sink,
                                          const std::function<bool(uint64_t done)>& progress) {
  bool password = IsPassword(secret);
  Subkeys keys;
  Status s = SubkeysFor(secret, salt.data(), salt.size(), keys);
  if (!s.ok()) return s;
  std::vector<uint8_t> header(Bjlgenc1Header::kMagic, Bjlgenc1Header::kMagic + 8);
  header.push_back(2);
  header.push_back(password ? 1 : 0);
  header.insert(header.end(), iv.begin(), iv.end());
  if (password) {
    header.push_back(16);
    header.insert(header.end(), salt.begin(), salt.end());
  }
  const uint64_t tag_offset = header.size();
  header.resize(header.size() + 32, 0);  // the tag, written last
  s = sink(header.data(), header.size());
  if (!s.ok()) return s;

  HmacSha256Stream hmac(keys.mac, 32);
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> cbc(EVP_CIPHER_CTX_new());
  if (!hmac.ok() || !cbc ||
      EVP_EncryptInit_ex(cbc.get(), EVP_aes_256_cbc(), nullptr, keys.enc, iv.data()) != 1) {
    return Status::IOError("OpenSSL cannot start AES-256-CBC");
  }
  // CBC is serial: while a second thread encrypts step k, the calling thread MACs step k-1,
  // hands it on (sink, progress: the caller's thread, as documented) and reads step k+1. Two
  // busy threads for two cores; a third would only take turns with the CBC thread.
  const uint64_t total = in.size();
  const uint64_t steps = total / kIoSize + 1;  // the last step may be empty: it adds the padding
  auto size_of = [&](uint64_t k) {
    return static_cast<size_t>(std::min<uint64_t>(kIoSize, total - k * kIoSize));
  };
  std::vector<uint8_t> plain[2], sealed[2];
  for (int i = 0; i < 2; ++i) {
    plain[i].resize(kIoSize);
    sealed[i].resize(kIoSize + kBlock);
  }
  size_t produced[2] = {0, 0};
  auto encrypt_step = [&](uint64_t k, int slot) {
    int len = 0, tail = 0;
    const size_t n = size_of(k);
    if (n > 0 && EVP_EncryptUpdate(cbc.get(), sealed[slot].data(), &len, plain[slot].data(),
                                   static_cast<int>(n)) != 1) {
      return Status::IOError("OpenSSL failed to encrypt");
    }
    if (k + 1 == steps && EVP_EncryptFinal_ex(cbc.get(), sealed[slot].data() + len, &tail) != 1) {
      return Status::IOError("OpenSSL failed to encrypt");
    }
    produced[slot] = static_cast<size_t>(len + tail);
    return Status::OK();
  };
  s = in.ReadAt(0, plain[0].data(), size_of(0));
  for (uint64_t k = 0; s.ok() && k <= steps; ++k) {
    const int slot = static_cast<int>(k % 2);
    Status encrypted;
    auto encrypt = [&] {
      if (k < steps) encrypted = encrypt_step(k, slot);
    };
    Status handed;
    RunAlongside(encrypt, [&] {
      if (k > 0) {
        hmac.Update(sealed[1 - slot].data(), produced[1 - slot]);
        handed = sink(sealed[1 - slot].data(), produced[1 - slot]);
        if (handed.ok() && progress && !progress((k - 1) * kIoSize + size_of(k - 1))) {
          handed = Status::Cancelled("cancelled by the progress callback");
        }
      }
      if (handed.ok() && k + 1 < steps) {
        handed = in.ReadAt((k + 1) * kIoSize, plain[1 - slot].data(), size_of(k + 1));
      }
    });
    s = encrypted.ok() ? handed : encrypted;
  }
  for (auto& p : plain) Wipe(p.data(), p.size());
  if (!s.ok()) return s;
  Bjlgenc1Tag tag;
  tag.offset = tag_offset;
  hmac.Final(tag.mac.data());
  return tag;
}

namespace {

// CBC random access: plaintext block i is D(C_i) XOR C_(i-1) (the IV before block 0).
class Bjlgenc1Plaintext : public PlaintextReader {
 public:
  Bjlgenc1Plaintext(InputFile in, const Bjlgenc1Header& header, uint64_t size)
      : in_(std::move(in)), header_(header), size_(size) {}
  ~Bjlgenc1Plaintext() override { Wipe(buffer_.data(), buffer_.size()); }

  Subkeys& keys() { return keys_; }
  uint64_t size() const override { return size_; }
  const char* format() const override { return "bjlgenc1"; }

  Result<size_t> ReadAt(uint64_t offset, uint8_t* out, size_t size) override {
    size_t done = 0;
    while (done < size && offset + done < size_) {
      Result<size_t> n = ReadPiece(offset + done, out + done, size - done);
      if (!n.ok()) return n;
      done += *n;
    }
    return done;
  }

 private:
  static constexpr uint64_t kPiece = 1 << 20;  // bytes decrypted per step at most

  // At most kPiece bytes at `offset`. REQUIRES: offset < size_.
  Result<size_t> ReadPiece(uint64_t offset, uint8_t* out, size_t size) {
    size = static_cast<size_t>(std::min<uint64_t>({size, size_ - offset, kPiece}));
    const uint64_t first = offset / kBlock, last = (offset + size - 1) / kBlock;
    const size_t blocks = static_cast<size_t>(last - first + 1);
    // One block before the range (or the IV), then the blocks of the range.
    buffer_.resize((blocks + 1) * kBlock);
    Status s;
    if (first == 0) {
      std::memcpy(buffer_.data(), header_.iv.data(), kBlock);
      s = in_.ReadAt(header_.ciphertext_offset, buffer_.data() + kBlock, blocks * kBlock);
    } else {
      s = in_.ReadAt(header_.ciphertext_offset + (first - 1) * kBlock, buffer_.data(), (blocks + 1) * kBlock);
    }
    if (!s.ok()) return s;
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
    plain_.resize(blocks * kBlock);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, keys_.enc, buffer_.data()) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1 ||
        EVP_DecryptUpdate(ctx.get(), plain_.data(), &len, buffer_.data() + kBlock,
                          static_cast<int>(blocks * kBlock)) != 1 ||
        static_cast<size_t>(len) != blocks * kBlock) {
      return Status::IOError("OpenSSL failed to decrypt");
    }
    std::memcpy(out, plain_.data() + (offset - first * kBlock), size);
    Wipe(plain_.data(), plain_.size());
    return size;
  }

  InputFile in_;
  Bjlgenc1Header header_;
  uint64_t size_;
  Subkeys keys_;
  std::vector<uint8_t> buffer_, plain_;
};

}  // namespace

Result<std::unique_ptr<PlaintextReader>> OpenBjlgenc1Plaintext(InputFile in, const Bjlgenc1Header& header,
                                                               const Secret& secret,
                                                               const Bjlgenc1ReadOptions& options) {
  Bjlgenc1Stream authenticate;  // no sink: one authenticating pass
  uint64_t size = 0;
  Status s = Bjlgenc1DecryptStream(in, header, secret, options, authenticate, &size);
  if (!s.ok()) return s;
  auto reader = std::make_unique<Bjlgenc1Plaintext>(std::move(in), header, size);
  s = KeysFor(header, secret, options, reader->keys());
  if (!s.ok()) return s;
  return std::unique_ptr<PlaintextReader>(std::move(reader));
}

}  // namespace bjlg::crypto
