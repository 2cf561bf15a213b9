// SHA-256, HMAC-SHA256 and lower-case hex, once for every capability: the archive's index and
// file digests, the crypto formats' checks and MACs, the storage APIs' request signatures.
// Thin wrappers over OpenSSL 3.
#ifndef BJLG_COMMON_DIGEST_H_
#define BJLG_COMMON_DIGEST_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/status.h"

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace bjlg {

constexpr size_t kSha256Size = 32;

void Sha256Digest(const void* data, size_t size, uint8_t out[kSha256Size]);
void HmacSha256Digest(const void* key, size_t key_size, const void* data, size_t size,
                      uint8_t out[kSha256Size]);

// MD5, only where a protocol demands it as a transfer checksum (S3 DeleteObjects' Content-MD5);
// never for integrity that matters.
constexpr size_t kMd5Size = 16;
void Md5Digest(const void* data, size_t size, uint8_t out[kMd5Size]);

// "00ff..." for the bytes given.
std::string HexLower(const void* data, size_t size);

// Incremental SHA-256, for data that arrives in pieces.
class Sha256 {
 public:
  Sha256();  // throws std::bad_alloc when OpenSSL cannot allocate a context
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(const void* data, size_t size);
  // The digest; the object restarts empty afterwards.
  void Final(uint8_t out[kSha256Size]);
  std::string FinalHex();

 private:
  EVP_MD_CTX* ctx_;
};

// SHA-256 of a whole file, read in 1 MiB pieces, as hex. IOError when it cannot be read.
Result<std::string> Sha256OfFile(const std::string& path);

}  // namespace bjlg

#endif  // BJLG_COMMON_DIGEST_H_
