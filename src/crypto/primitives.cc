#include "crypto/primitives.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <memory>
#include <string>

namespace bjlg::crypto {

namespace {

struct KdfDeleter {
  void operator()(EVP_KDF* k) const { EVP_KDF_free(k); }
  void operator()(EVP_KDF_CTX* c) const { EVP_KDF_CTX_free(c); }
};

Status Derive(const char* name, OSSL_PARAM* params, uint8_t out[32]) {
  std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, name, nullptr));
  if (!kdf) return Status::NotSupported(std::string("OpenSSL has no ") + name + " KDF");
  std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
  if (!ctx) return Status::IOError("out of memory creating a KDF context");
  if (EVP_KDF_derive(ctx.get(), out, 32, params) != 1) {
    return Status::InvalidArgument(std::string(name) + " key derivation failed");
  }
  return Status::OK();
}

}  // namespace

HmacSha256Stream::HmacSha256Stream(const uint8_t* key, size_t key_size) {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (mac == nullptr) return;
  ctx_ = EVP_MAC_CTX_new(mac);
  EVP_MAC_free(mac);
  if (ctx_ == nullptr) return;
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                         OSSL_PARAM_construct_end()};
  if (EVP_MAC_init(ctx_, key, key_size, params) != 1) {
    EVP_MAC_CTX_free(ctx_);
    ctx_ = nullptr;
  }
}

HmacSha256Stream::~HmacSha256Stream() { EVP_MAC_CTX_free(ctx_); }

void HmacSha256Stream::Update(const void* data, size_t size) {
  EVP_MAC_update(ctx_, static_cast<const unsigned char*>(data), size);
}

void HmacSha256Stream::Final(uint8_t out[kSha256Size]) {
  size_t len = 0;
  EVP_MAC_final(ctx_, out, &len, kSha256Size);
}

Status Hkdf(const uint8_t* ikm, size_t ikm_size, const uint8_t* salt, size_t salt_size,
            std::string_view info, uint8_t out[32]) {
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<uint8_t*>(ikm), ikm_size),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<uint8_t*>(salt), salt_size),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(info.data()),
                                        info.size()),
      OSSL_PARAM_construct_end()};
  return Derive("HKDF", params, out);
}

Status Pbkdf2Sha256(std::string_view password, const uint8_t* salt, size_t salt_size,
                    uint32_t iterations, uint8_t out[32]) {
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt,
                        static_cast<int>(salt_size), static_cast<int>(iterations), EVP_sha256(), 32,
                        out) != 1) {
    return Status::InvalidArgument("PBKDF2 key derivation failed");
  }
  return Status::OK();
}

Status Scrypt(std::string_view password, const uint8_t* salt, size_t salt_size, uint32_t log_n,
              uint32_t r, uint32_t p, uint8_t out[32]) {
  uint64_t n = uint64_t{1} << log_n;
  uint32_t r_param = r, p_param = p;
  // OpenSSL refuses more than 32 MiB by default; allow what the parameters need plus slack.
  uint64_t maxmem = 128 * n * r + 128 * r * p + (uint64_t{1} << 20);
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, const_cast<char*>(password.data()),
                                        password.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<uint8_t*>(salt), salt_size),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r_param),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p_param),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
      OSSL_PARAM_construct_end()};
  return Derive("SCRYPT", params, out);
}

Status RandomBytes(uint8_t* out, size_t size) {
  if (size == 0) return Status::OK();
  if (RAND_bytes(out, static_cast<int>(size)) != 1) {
    return Status::IOError("the random number generator failed");
  }
  return Status::OK();
}

void Wipe(void* p, size_t size) { OPENSSL_cleanse(p, size); }

bool EqualConstantTime(const uint8_t* a, const uint8_t* b, size_t size) {
  return CRYPTO_memcmp(a, b, size) == 0;
}

bool HasAesInstructions() {
#if defined(__x86_64__) || defined(__i386__)
  return __builtin_cpu_supports("aes");
#else
  return true;
#endif
}

}  // namespace bjlg::crypto
