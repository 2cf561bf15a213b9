// SHA-256 through OpenSSL's EVP interface, incrementally: for the entries of the index and for
// the archive file itself.
#ifndef BJLG_ARCHIVE_SHA256_H_
#define BJLG_ARCHIVE_SHA256_H_

#include <cstddef>
#include <string>

#include "common/status.h"

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace bjlg::archive {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(const void* data, size_t size);
  // The digest as 64 lowercase hex digits; the object restarts empty afterwards.
  std::string FinalHex();

 private:
  EVP_MD_CTX* ctx_;
};

// SHA-256 of a whole file, read in 1 MiB pieces. IOError when it cannot be read.
Result<std::string> Sha256OfFile(const std::string& path);

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_SHA256_H_
