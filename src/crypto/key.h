// Key: a 32-byte encryption key, the plugin's BJLG_ENCRYPTION_KEY.
//
// The bytes are wiped (OPENSSL_cleanse) whenever a Key is destroyed or overwritten, and no
// method puts them in a message. ToString() is the only way out, for the caller who must store
// the key.
#ifndef BJLG_CRYPTO_KEY_H_
#define BJLG_CRYPTO_KEY_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace bjlg::crypto {

class Key {
 public:
  static constexpr size_t kSize = 32;
  static constexpr size_t kIdSize = 8;
  using Id = std::array<uint8_t, kIdSize>;

  // Parses the plugin's forms exactly (ENC L110-140): trim as PHP's trim(), an optional
  // "base64:" prefix, then PHP's base64_decode($s, true) (standard alphabet, space/tab/CR/LF
  // skipped, optional padding, nothing after '='); the result must be exactly 32 bytes.
  // Fails with InvalidArgument, with a message that never quotes the input.
  static Result<Key> FromString(std::string_view encoded);
  // REQUIRES: size == kSize, otherwise InvalidArgument.
  static Result<Key> FromBytes(const uint8_t* bytes, size_t size);
  // 32 bytes from OpenSSL's CSPRNG.
  static Result<Key> Generate();

  Key(const Key& other);
  Key& operator=(const Key& other);
  ~Key();

  // Padded standard base64 without prefix, as the plugin's "generate key" action prints it.
  std::string ToString() const;
  // The key id used in bjlg files: HMAC-SHA256(key, "bjlg key id v1"), first 8 bytes.
  Id KeyId() const;
  // KeyId() as 16 lowercase hex digits.
  std::string Fingerprint() const;

  const uint8_t* data() const { return bytes_.data(); }

 private:
  Key() = default;
  std::array<uint8_t, kSize> bytes_{};
};

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_KEY_H_
