// The cryptographic primitives bjlg builds its formats from, as thin wrappers over OpenSSL 3:
// hashes, MACs, key derivation, randomness and the two AEADs. No format knowledge lives here.
#ifndef BJLG_CRYPTO_PRIMITIVES_H_
#define BJLG_CRYPTO_PRIMITIVES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <openssl/types.h>

#include "common/digest.h"
#include "common/status.h"

namespace bjlg::crypto {

using bjlg::kSha256Size;  // one-shot SHA-256 and HMAC-SHA256 are in common/digest.h

// Incremental HMAC-SHA256 (OpenSSL EVP_MAC), for MACs over whole files.
class HmacSha256Stream {
 public:
  HmacSha256Stream(const uint8_t* key, size_t key_size);
  HmacSha256Stream(const HmacSha256Stream&) = delete;
  HmacSha256Stream& operator=(const HmacSha256Stream&) = delete;
  ~HmacSha256Stream();
  bool ok() const { return ctx_ != nullptr; }
  void Update(const void* data, size_t size);
  void Final(uint8_t out[kSha256Size]);

 private:
  EVP_MAC_CTX* ctx_ = nullptr;
};

// RFC 5869 HKDF-SHA256 with a 32-byte output.
Status Hkdf(const uint8_t* ikm, size_t ikm_size, const uint8_t* salt, size_t salt_size,
            std::string_view info, uint8_t out[32]);
// PBKDF2-HMAC-SHA256 with a 32-byte output; the password is used as raw bytes.
Status Pbkdf2Sha256(std::string_view password, const uint8_t* salt, size_t salt_size,
                    uint32_t iterations, uint8_t out[32]);
// scrypt (N = 2^log_n) with a 32-byte output, through OpenSSL's EVP_KDF "SCRYPT".
Status Scrypt(std::string_view password, const uint8_t* salt, size_t salt_size, uint32_t log_n,
              uint32_t r, uint32_t p, uint8_t out[32]);

// Fills `out` from OpenSSL's CSPRNG. Fails only if the RNG cannot be seeded.
Status RandomBytes(uint8_t* out, size_t size);

// Overwrites `size` bytes at `p` in a way the compiler cannot elide.
void Wipe(void* p, size_t size);

// Constant-time comparison.
bool EqualConstantTime(const uint8_t* a, const uint8_t* b, size_t size);

// True when the CPU has AES instructions (x86 AES-NI; assumed on other architectures).
bool HasAesInstructions();

}  // namespace bjlg::crypto

#endif  // BJLG_CRYPTO_PRIMITIVES_H_
