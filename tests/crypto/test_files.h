// Helpers for the crypto tests: a scratch directory, whole-file I/O, SHA-256 in hex, and the
// location of ../shared (BJLG_SHARED_DIR, else $BJLG_SOURCE_DIR/../shared, else ../shared).
#ifndef BJLG_TESTS_CRYPTO_TEST_FILES_H_
#define BJLG_TESTS_CRYPTO_TEST_FILES_H_

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/key.h"
#include "crypto/primitives.h"

namespace bjlg::crypto::testing {

inline std::string SharedDir() {
  if (const char* d = std::getenv("BJLG_SHARED_DIR")) return d;
  if (const char* s = std::getenv("BJLG_SOURCE_DIR")) return std::string(s) + "/../shared";
  return "../shared";
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline void WriteAll(const std::string& path, const std::string& data) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

inline bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

inline std::string Sha256Hex(const std::string& data) {
  uint8_t d[32];
  Sha256Digest(data.data(), data.size(), d);
  return HexLower(d, 32);
}

// Deterministic pseudo-random bytes.
inline std::string Pattern(size_t size, uint32_t seed = 1) {
  std::string out(size, '\0');
  uint32_t x = seed * 2654435761u + 1;
  for (size_t i = 0; i < size; ++i) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    out[i] = static_cast<char>(x);
  }
  return out;
}

// A fresh directory under $TMPDIR, removed (with its files) at scope exit.
class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp ? tmp : "/tmp") + "/bjlg-test-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    path_ = ::mkdtemp(buf.data());
  }
  ~ScratchDir() { RemoveTree(path_); }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }
  // Names in the directory, "." and ".." excluded.
  std::vector<std::string> List() const {
    std::vector<std::string> names;
    if (DIR* d = ::opendir(path_.c_str())) {
      while (dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n != "." && n != "..") names.push_back(n);
      }
      ::closedir(d);
    }
    return names;
  }

 private:
  static void RemoveTree(const std::string& p) {
    if (DIR* d = ::opendir(p.c_str())) {
      while (dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n == "." || n == "..") continue;
        std::string child = p + "/" + n;
        struct stat st;
        if (::lstat(child.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) RemoveTree(child);
        else ::unlink(child.c_str());
      }
      ::closedir(d);
    }
    ::rmdir(p.c_str());
  }
  std::string path_;
};

inline std::string FromHex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

}  // namespace bjlg::crypto::testing

#endif  // BJLG_TESTS_CRYPTO_TEST_FILES_H_
