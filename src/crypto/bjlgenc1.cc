#include "crypto/bjlgenc1.h"

#include <openssl/evp.h>

#include <cstring>
#include <memory>
#include <string>

#include "crypto/primitives.h"

namespace bjlg::crypto {

namespace {

constexpr size_t kBlock = 16;
constexpr size_t kIoSize = 1 << 20;

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
  HmacSha256(zero, 32, ikm, 32, prk);
  static constexpr char kAes[] = "bjlg-encryption:aes\x01";
  static constexpr char kHmac[] = "bjlg-encryption:hmac\x01";
  HmacSha256(prk, 32, kAes, sizeof kAes - 1, out.enc);
  HmacSha256(prk, 32, kHmac, sizeof kHmac - 1, out.mac);
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

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

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
    if (size < pos + 1) return Status::Corruption("truncated: BJLGENC1 flags byte missing");
    h.password_mode = (data[pos] & 1) != 0;
    ++pos;
  }
  if (size < pos + 16) return Status::Corruption("truncated: BJLGENC1 IV missing");
  std::memcpy(h.iv.data(), data + pos, 16);
  pos += 16;
  if (h.password_mode) {
    if (size < pos + 1) return Status::Corruption("truncated: BJLGENC1 salt missing");
    size_t salt_size = data[pos++];
    if (salt_size == 0) return Status::Corruption("BJLGENC1 salt length is 0");
    if (size < pos + salt_size) return Status::Corruption("truncated: BJLGENC1 salt cut short");
    if (salt_size != 16) {
      return Status::NotSupported("BJLGENC1 salt of " + std::to_string(salt_size) +
                                  " bytes: the plugin only derives keys from 16-byte salts");
    }
    h.salt.assign(data + pos, data + pos + salt_size);
    pos += salt_size;
  }
  if (size < pos + 32) return Status::Corruption("truncated: BJLGENC1 HMAC missing");
  std::memcpy(h.tag.data(), data + pos, 32);
  pos += 32;
  h.ciphertext_offset = pos;
  h.ciphertext_size = file_size - pos;
  if (h.ciphertext_size == 0) return Status::Corruption("truncated: BJLGENC1 ciphertext missing");
  if (h.ciphertext_size % kBlock != 0) {
    return Status::Corruption("BJLGENC1 ciphertext is not a whole number of AES blocks "
                              "(truncated or corrupted)");
  }
  return h;
}

Status Bjlgenc1Decrypt(const InputFile& in, const Bjlgenc1Header& header, const Secret& secret,
                       const Bjlgenc1ReadOptions& options, PrivateOutput* out) {
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
  Subkeys keys;
  Status s = SubkeysFor(secret, salt, salt_size, keys);
  if (!s.ok()) return s;

  std::vector<uint8_t> buf(kIoSize), plain(kIoSize + kBlock);
  // Pass 1 (always) authenticates; pass 2 (only with an output) decrypts and re-authenticates,
  // so that a file changed between the passes is never released.
  for (int pass = 0; pass < (out != nullptr ? 2 : 1); ++pass) {
    HmacSha256Stream hmac(keys.mac, 32);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> cbc(EVP_CIPHER_CTX_new());
    if (!hmac.ok() || !cbc) {
      return Status::IOError("out of memory");
    }
    bool decrypt = pass == 1;
    if (decrypt) {
      if (EVP_DecryptInit_ex(cbc.get(), EVP_aes_256_cbc(), nullptr, keys.enc, header.iv.data()) != 1) {
        return Status::IOError("OpenSSL cannot start AES-256-CBC");
      }
      EVP_CIPHER_CTX_set_padding(cbc.get(), 0);
    }
    uint8_t last_block[kBlock];
    for (uint64_t done = 0; done < header.ciphertext_size;) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(kIoSize, header.ciphertext_size - done));
      s = in.ReadAt(header.ciphertext_offset + done, buf.data(), n);
      if (!s.ok()) return s;
      hmac.Update(buf.data(), n);
      done += n;
      if (decrypt) {
        int len = 0;
        if (EVP_DecryptUpdate(cbc.get(), plain.data(), &len, buf.data(), static_cast<int>(n)) != 1) {
          return Status::IOError("OpenSSL failed to decrypt");
        }
        size_t release = static_cast<size_t>(len);
        if (done == header.ciphertext_size) {  // hold back the padded block
          release -= kBlock;
          std::memcpy(last_block, plain.data() + release, kBlock);
        }
        s = out->Write(plain.data(), release);
        if (!s.ok()) return s;
      }
    }
    uint8_t mac[32];
    hmac.Final(mac);
    if (!EqualConstantTime(mac, header.tag.data(), 32)) {
      return Status::Corruption(
          decrypt ? "the file changed while it was being decrypted"
                  : "integrity check failed: wrong key or password, or corrupted data");
    }
    if (decrypt) {
      uint8_t p = last_block[kBlock - 1];
      bool ok = p >= 1 && p <= kBlock;
      for (size_t i = kBlock - (ok ? p : 0); ok && i < kBlock; ++i) ok = last_block[i] == p;
      if (!ok) {
        Wipe(last_block, kBlock);
        return Status::Corruption("invalid padding");
      }
      s = out->Write(last_block, kBlock - p);
      Wipe(last_block, kBlock);
      if (!s.ok()) return s;
    }
  }
  Wipe(plain.data(), plain.size());
  return Status::OK();
}

Status Bjlgenc1Encrypt(const InputFile& in, const Secret& secret, PrivateOutput& out) {
  std::array<uint8_t, 16> iv, salt;
  Status s = RandomBytes(iv.data(), iv.size());
  if (s.ok()) s = RandomBytes(salt.data(), salt.size());
  if (!s.ok()) return s;
  return Bjlgenc1EncryptWith(in, secret, iv, salt, out);
}

Status Bjlgenc1EncryptWith(const InputFile& in, const Secret& secret,
                           const std::array<uint8_t, 16>& iv, const std::array<uint8_t, 16>& salt,
                           PrivateOutput& out) {
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
  s = out.Write(header.data(), header.size());
  if (!s.ok()) return s;

  HmacSha256Stream hmac(keys.mac, 32);
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> cbc(EVP_CIPHER_CTX_new());
  if (!hmac.ok() || !cbc ||
      EVP_EncryptInit_ex(cbc.get(), EVP_aes_256_cbc(), nullptr, keys.enc, iv.data()) != 1) {
    return Status::IOError("OpenSSL cannot start AES-256-CBC");
  }
  std::vector<uint8_t> plain(kIoSize), sealed(kIoSize + kBlock);
  for (uint64_t done = 0; done <= in.size();) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(kIoSize, in.size() - done));
    int len = 0;
    if (n > 0) {
      s = in.ReadAt(done, plain.data(), n);
      if (!s.ok()) return s;
      if (EVP_EncryptUpdate(cbc.get(), sealed.data(), &len, plain.data(), static_cast<int>(n)) != 1) {
        return Status::IOError("OpenSSL failed to encrypt");
      }
    }
    done += n;
    size_t produced = static_cast<size_t>(len);
    bool end = done == in.size();
    if (end) {
      int tail = 0;
      if (EVP_EncryptFinal_ex(cbc.get(), sealed.data() + produced, &tail) != 1) {
        return Status::IOError("OpenSSL failed to encrypt");
      }
      produced += static_cast<size_t>(tail);
    }
    hmac.Update(sealed.data(), produced);
    s = out.Write(sealed.data(), produced);
    if (!s.ok()) return s;
    if (end) break;
  }
  Wipe(plain.data(), plain.size());
  uint8_t tag[32];
  hmac.Final(tag);
  return out.WriteAt(tag_offset, tag, sizeof tag);
}

}  // namespace bjlg::crypto
