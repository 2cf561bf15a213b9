#include "common/digest.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <string.h>
#include <unistd.h>

#include <cerrno>
#include <new>
#include <vector>

#include "common/parse_limits.h"

namespace bjlg {

void Sha256Digest(const void* data, size_t size, uint8_t out[kSha256Size]) {
  SHA256(static_cast<const unsigned char*>(data), size, out);
}

void Md5Digest(const void* data, size_t size, uint8_t out[kMd5Size]) {
  unsigned int length = 0;
  EVP_Digest(data, size, out, &length, EVP_md5(), nullptr);
}

void HmacSha256Digest(const void* key, size_t key_size, const void* data, size_t size,
                      uint8_t out[kSha256Size]) {
  unsigned int len = 0;
  HMAC(EVP_sha256(), key, static_cast<int>(key_size), static_cast<const unsigned char*>(data), size,
       out, &len);
}

std::string HexLower(const void* data, size_t size) {
  static const char kDigits[] = "0123456789abcdef";
  const auto* bytes = static_cast<const unsigned char*>(data);
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (ctx_ == nullptr || EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(ctx_);
    throw std::bad_alloc();
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

void Sha256::Update(const void* data, size_t size) {
  if (size > 0) EVP_DigestUpdate(ctx_, data, size);
}

void Sha256::Final(uint8_t out[kSha256Size]) {
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_, out, &len);
  EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr);
}

std::string Sha256::FinalHex() {
  uint8_t digest[kSha256Size];
  Final(digest);
  return HexLower(digest, sizeof digest);
}

Result<std::string> Sha256OfFile(const std::string& path) {
  Result<int> opened = OpenRegularFile(path, "");
  if (!opened.ok()) return Status::IOError(opened.status().message());
  const int fd = *opened;
  Sha256 sha;
  std::vector<char> buf(1 << 20);
  while (true) {
    const ssize_t n = read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      close(fd);
      return Status::IOError(path + ": " + strerror(err));
    }
    if (n == 0) break;
    sha.Update(buf.data(), static_cast<size_t>(n));
  }
  close(fd);
  return sha.FinalHex();
}

}  // namespace bjlg
