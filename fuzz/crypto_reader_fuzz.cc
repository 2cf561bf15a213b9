// libFuzzer target for the readers of encrypted files: the bjlg AEAD header and chunk layer,
// the BJLGENC1 header and MAC pass, and Key::FromString. Files are authenticated with a fixed
// key (00..1f), the key of the seed corpus, so that mutations reach the chunk layer.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "crypto/aead_header.h"
#include "crypto/bjlgenc1.h"
#include "crypto/cipher.h"
#include "crypto/key.h"

namespace {

// The file each input is written to, removed when the fuzzer exits.
struct TempFile {
  std::string path;
  TempFile() {
    char name[] = "/tmp/bjlg-crypto-fuzz-XXXXXX";
    int fd = mkstemp(name);
    if (fd >= 0) close(fd);
    path = name;
  }
  ~TempFile() { unlink(path.c_str()); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace bjlg::crypto;
  static const TempFile temp;
  const std::string& path = temp.path;
  static const Key key = [] {
    uint8_t k[32];
    for (int i = 0; i < 32; ++i) k[i] = static_cast<uint8_t>(i);
    return *Key::FromBytes(k, 32);
  }();

  (void)Key::FromString(std::string_view(reinterpret_cast<const char*>(data), size));
  auto aead = AeadHeader::Parse(data, size);
  if (aead.ok()) (void)aead->ChunkCount(size);
  (void)Bjlgenc1Header::Parse(data, size < Bjlgenc1Header::kMaxSize ? size : Bjlgenc1Header::kMaxSize,
                              size);

  int fd = open(path.c_str(), O_WRONLY | O_TRUNC);
  if (fd < 0) return 0;
  bool written = write(fd, data, size) == static_cast<ssize_t>(size);
  close(fd);
  if (!written) return 0;
  DecryptOptions options;
  options.threads = 2;
  (void)InspectFile(path);
  auto verified = VerifyFile(path, key, options);
  if (verified.ok() && verified->format == "bjlg" && !verified->plaintext_size) __builtin_trap();
  return 0;
}
