#include "crypto/key.h"

#include <cstring>

#include "crypto/primitives.h"

namespace bjlg::crypto {

namespace {

constexpr char kAlphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// -1: skipped (whitespace PHP skips in strict mode), -2: invalid, else the 6-bit value.
int Base64Value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return -1;
  return -2;
}

bool IsPhpTrimmed(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\x0B';
}

// PHP's php_base64_decode_impl() in strict mode. Decodes into `out` (at most `cap` bytes
// counted; more sets *size past cap so the caller rejects it). Returns false when PHP returns
// false.
bool PhpStrictBase64Decode(std::string_view in, uint8_t* out, size_t cap, size_t* size) {
  size_t i = 0, padding = 0, j = 0;
  uint8_t pending = 0;
  for (unsigned char c : in) {
    if (c == '=') {
      ++padding;
      continue;
    }
    int ch = Base64Value(c);
    if (ch == -1) continue;
    if (ch == -2 || padding) return false;
    switch (i % 4) {
      case 0: pending = static_cast<uint8_t>(ch << 2); break;
      case 1:
        if (j < cap) out[j] = static_cast<uint8_t>(pending | (ch >> 4));
        ++j;
        pending = static_cast<uint8_t>((ch & 0x0f) << 4);
        break;
      case 2:
        if (j < cap) out[j] = static_cast<uint8_t>(pending | (ch >> 2));
        ++j;
        pending = static_cast<uint8_t>((ch & 0x03) << 6);
        break;
      case 3:
        if (j < cap) out[j] = static_cast<uint8_t>(pending | ch);
        ++j;
        break;
    }
    ++i;
  }
  Wipe(&pending, sizeof pending);
  if (i % 4 == 1) return false;
  if (padding && (padding > 2 || (i + padding) % 4 != 0)) return false;
  *size = j;
  return true;
}

}  // namespace

Result<Key> Key::FromString(std::string_view encoded) {
  while (!encoded.empty() && IsPhpTrimmed(encoded.front())) encoded.remove_prefix(1);
  while (!encoded.empty() && IsPhpTrimmed(encoded.back())) encoded.remove_suffix(1);
  constexpr std::string_view kPrefix = "base64:";
  if (encoded.substr(0, kPrefix.size()) == kPrefix) encoded.remove_prefix(kPrefix.size());
  Key key;
  size_t size = 0;
  if (!PhpStrictBase64Decode(encoded, key.bytes_.data(), kSize, &size)) {
    return Status::InvalidArgument("the key is not valid base64");
  }
  if (size != kSize) {
    return Status::InvalidArgument("the key must decode to exactly 32 bytes, not " +
                                   std::to_string(size));
  }
  return key;
}

Result<Key> Key::FromBytes(const uint8_t* bytes, size_t size) {
  if (size != kSize) return Status::InvalidArgument("a key is exactly 32 bytes");
  Key key;
  std::memcpy(key.bytes_.data(), bytes, kSize);
  return key;
}

Result<Key> Key::Generate() {
  Key key;
  Status s = RandomBytes(key.bytes_.data(), kSize);
  if (!s.ok()) return s;
  return key;
}

Key::Key(const Key& other) : bytes_(other.bytes_) {}

Key& Key::operator=(const Key& other) {
  bytes_ = other.bytes_;
  return *this;
}

Key::~Key() { Wipe(bytes_.data(), bytes_.size()); }

std::string Key::ToString() const {
  std::string out;
  out.reserve(44);
  for (size_t i = 0; i < kSize; i += 3) {
    uint32_t v = uint32_t{bytes_[i]} << 16;
    size_t n = kSize - i < 3 ? kSize - i : 3;
    if (n > 1) v |= uint32_t{bytes_[i + 1]} << 8;
    if (n > 2) v |= bytes_[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += n > 1 ? kAlphabet[(v >> 6) & 63] : '=';
    out += n > 2 ? kAlphabet[v & 63] : '=';
  }
  return out;
}

Key::Id Key::KeyId() const {
  static constexpr char kLabel[] = "bjlg key id v1";
  uint8_t mac[kSha256Size];
  HmacSha256Digest(bytes_.data(), kSize, kLabel, sizeof kLabel - 1, mac);
  Id id;
  std::memcpy(id.data(), mac, kIdSize);
  return id;
}

std::string Key::Fingerprint() const {
  Id id = KeyId();
  return HexLower(id.data(), id.size());
}


}  // namespace bjlg::crypto
