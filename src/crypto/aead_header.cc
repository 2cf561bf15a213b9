#include "crypto/aead_header.h"

#include <cstring>

#include "crypto/primitives.h"

namespace bjlg::crypto {

namespace {

void PutU32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

uint32_t GetU32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

constexpr size_t kCheckOffset = 64;
constexpr size_t kMacOffset = 68;

}  // namespace

const char* AeadCipherName(AeadCipher c) {
  return c == AeadCipher::kAes256Gcm ? "aes-256-gcm" : "chacha20-poly1305";
}

const char* KdfName(KdfId k) {
  switch (k) {
    case KdfId::kNone: return "none";
    case KdfId::kScrypt: return "scrypt";
    case KdfId::kPbkdf2Sha256: return "pbkdf2-sha256";
  }
  return "unknown";
}

Result<AeadHeader> AeadHeader::Parse(const uint8_t* data, size_t size) {
  if (size < 8 || std::memcmp(data, kMagic, 8) != 0) {
    return Status::NotSupported("not a bjlg encrypted file (bad magic)");
  }
  if (size < 9) return Status::Truncated("truncated: the header is incomplete");
  if (data[8] != kVersion) {
    return Status::NotSupported("unsupported bjlg format version " + std::to_string(data[8]));
  }
  if (size < kSize) return Status::Truncated("truncated: the header is incomplete");
  uint8_t check[kSha256Size];
  Sha256Digest(data, kCheckOffset, check);
  if (std::memcmp(check, data + kCheckOffset, 4) != 0) {
    return Status::Corruption("the header is corrupted (header check mismatch)");
  }
  if (data[9] != 1 && data[9] != 2) {
    return Status::NotSupported("unsupported cipher id " + std::to_string(data[9]));
  }
  if (data[10] > 2) return Status::NotSupported("unsupported KDF id " + std::to_string(data[10]));
  if (data[11] != 0) return Status::NotSupported("unsupported header flags");
  AeadHeader h;
  h.cipher = static_cast<AeadCipher>(data[9]);
  h.kdf = static_cast<KdfId>(data[10]);
  h.chunk_size = GetU32(data + 12);
  h.kdf_a = GetU32(data + 16);
  h.kdf_b = GetU32(data + 20);
  h.kdf_c = GetU32(data + 24);
  std::memcpy(h.salt.data(), data + 28, 16);
  std::memcpy(h.base_nonce.data(), data + 44, 12);
  std::memcpy(h.key_id.data(), data + 56, 8);
  std::memcpy(h.mac.data(), data + kMacOffset, 32);
  Status s = h.Validate();
  if (!s.ok()) return Status::Corruption("the header is corrupted: " + s.message());
  return h;
}

Status AeadHeader::Validate() const {
  if (chunk_size < kMinChunkSize || chunk_size > kMaxChunkSize) {
    return Status::InvalidArgument("chunk size must be between 16 bytes and 64 MiB");
  }
  switch (kdf) {
    case KdfId::kNone:
      if (kdf_a || kdf_b || kdf_c) return Status::InvalidArgument("KDF parameters without a KDF");
      break;
    case KdfId::kScrypt: {
      if (kdf_a < kMinScryptLogN || kdf_a > kMaxScryptLogN) return Status::InvalidArgument("scrypt log2(N) must be 14..20");
      if (kdf_b < 1 || kdf_b > 32) return Status::InvalidArgument("scrypt r must be 1..32");
      if (kdf_c < 1 || kdf_c > 16) return Status::InvalidArgument("scrypt p must be 1..16");
      uint64_t memory = uint64_t{128} << kdf_a;
      if (memory * kdf_b > (uint64_t{1} << 30)) {
        return Status::InvalidArgument("scrypt parameters need more than 1 GiB");
      }
      break;
    }
    case KdfId::kPbkdf2Sha256:
      if (kdf_a < kMinPbkdf2Iterations || kdf_a > kMaxPbkdf2Iterations) {
        return Status::InvalidArgument("PBKDF2 iterations must be 600000..100000000");
      }
      if (kdf_b || kdf_c) return Status::InvalidArgument("unused PBKDF2 parameters must be 0");
      break;
  }
  return Status::OK();
}

std::array<uint8_t, 68> AeadHeader::SerializeUnsigned() const {
  std::array<uint8_t, 68> out{};
  std::memcpy(out.data(), kMagic, 8);
  out[8] = kVersion;
  out[9] = static_cast<uint8_t>(cipher);
  out[10] = static_cast<uint8_t>(kdf);
  out[11] = 0;
  PutU32(out.data() + 12, chunk_size);
  PutU32(out.data() + 16, kdf_a);
  PutU32(out.data() + 20, kdf_b);
  PutU32(out.data() + 24, kdf_c);
  std::memcpy(out.data() + 28, salt.data(), 16);
  std::memcpy(out.data() + 44, base_nonce.data(), 12);
  std::memcpy(out.data() + 56, key_id.data(), 8);
  uint8_t check[kSha256Size];
  Sha256Digest(out.data(), kCheckOffset, check);
  std::memcpy(out.data() + kCheckOffset, check, 4);
  return out;
}

std::array<uint8_t, AeadHeader::kSize> AeadHeader::Serialize() const {
  std::array<uint8_t, kSize> out{};
  auto head = SerializeUnsigned();
  std::memcpy(out.data(), head.data(), head.size());
  std::memcpy(out.data() + kMacOffset, mac.data(), 32);
  return out;
}

Result<uint64_t> AeadHeader::ChunkCount(uint64_t file_size) const {
  if (file_size <= kSize) return Status::Truncated("truncated: the file has no chunk");
  uint64_t payload = file_size - kSize;
  uint64_t stored = uint64_t{chunk_size} + kTagSize;
  uint64_t count = (payload + stored - 1) / stored;
  uint64_t last = payload - (count - 1) * stored;
  if (last < kTagSize) return Status::Truncated("truncated: the last chunk is cut inside its tag");
  return count;
}

uint64_t AeadHeader::PlaintextSize(uint64_t file_size) const {
  uint64_t count = *ChunkCount(file_size);
  return file_size - kSize - count * kTagSize;
}

Result<AeadKeys> DeriveAeadKeys(const AeadHeader& header, const Secret& secret) {
  uint8_t master[32];
  Status s;
  if (const Key* key = std::get_if<Key>(&secret)) {
    std::memcpy(master, key->data(), 32);
  } else {
    std::string_view password = std::get<Password>(secret).bytes();
    if (header.kdf == KdfId::kScrypt) {
      s = Scrypt(password, header.salt.data(), 16, header.kdf_a, header.kdf_b, header.kdf_c, master);
    } else {
      s = Pbkdf2Sha256(password, header.salt.data(), 16, header.kdf_a, master);
    }
  }
  uint8_t header_key[32], payload_key[32];
  if (s.ok()) s = Hkdf(master, 32, header.salt.data(), 16, "bjlg-aead-v1 header", header_key);
  if (s.ok()) s = Hkdf(master, 32, header.salt.data(), 16, "bjlg-aead-v1 payload", payload_key);
  Result<AeadKeys> out = s.ok() ? Result<AeadKeys>(AeadKeys{*Key::FromBytes(master, 32),
                                                            *Key::FromBytes(header_key, 32),
                                                            *Key::FromBytes(payload_key, 32)})
                                : Result<AeadKeys>(s);
  Wipe(master, 32);
  Wipe(header_key, 32);
  Wipe(payload_key, 32);
  return out;
}

void SealHeader(AeadHeader& header, const AeadKeys& keys) {
  header.key_id = keys.master.KeyId();
  auto head = header.SerializeUnsigned();
  HmacSha256Digest(keys.header_key.data(), 32, head.data(), head.size(), header.mac.data());
}

Result<AeadKeys> OpenHeader(const AeadHeader& header, const Secret& secret) {
  bool password_file = header.kdf != KdfId::kNone;
  if (password_file && !IsPassword(secret)) {
    return Status::Unauthenticated("wrong key: this file is protected by a password, not a key");
  }
  if (!password_file && IsPassword(secret)) {
    return Status::Unauthenticated("wrong password: this file is protected by a key, not a password");
  }
  Result<AeadKeys> keys = DeriveAeadKeys(header, secret);
  if (!keys.ok()) return keys.status();
  Key::Id id = keys->master.KeyId();
  if (!EqualConstantTime(id.data(), header.key_id.data(), id.size())) {
    return Status::Unauthenticated(password_file
                                       ? "wrong password"
                                       : "wrong key: the file was encrypted with key " +
                                             HexLower(header.key_id.data(), 8));
  }
  auto head = header.SerializeUnsigned();
  uint8_t mac[32];
  HmacSha256Digest(keys->header_key.data(), 32, head.data(), head.size(), mac);
  if (!EqualConstantTime(mac, header.mac.data(), 32)) {
    return Status::Corruption("the header is corrupted (header MAC mismatch)");
  }
  return keys;
}

}  // namespace bjlg::crypto
