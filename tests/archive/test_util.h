// Helpers for the archive tests: scratch folders, files, and the independent readers
// (Python's zipfile, Info-ZIP unzip, 7-Zip) every produced archive is checked with.
#ifndef BJLG_TESTS_ARCHIVE_TEST_UTIL_H_
#define BJLG_TESTS_ARCHIVE_TEST_UTIL_H_

#include <dirent.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "archive/writer.h"

namespace bjlg::archive::testing {

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    const char* base = getenv("TMPDIR");
    std::string templ = std::string(base != nullptr ? base : "/tmp") + "/bjlg-archive-test-XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    path_ = mkdtemp(buf.data());
  }
  ~TempDir() { Run("chmod -R u+rwx '" + path_ + "' 2>/dev/null; rm -rf '" + path_ + "'"); }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

  static int Run(const std::string& cmd) {
    const int rc = system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
  }

 private:
  std::string path_;
};

inline void MakeDirs(const std::string& path) {
  std::string cur;
  std::stringstream ss(path);
  std::string part;
  if (!path.empty() && path[0] == '/') cur = "";
  while (std::getline(ss, part, '/')) {
    if (part.empty()) continue;
    cur += "/" + part;
    mkdir(cur.c_str(), 0755);
  }
}

inline void WriteFile(const std::string& path, const std::string& data) {
  const size_t slash = path.rfind('/');
  if (slash != std::string::npos) MakeDirs(path.substr(0, slash));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

inline std::string RandomBytes(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

// Text that compresses like source code.
inline std::string SourceLike(size_t n, uint32_t seed) {
  static const char* words[] = {"function ", "return ", "$value", " = ", "array(", ");\n",
                                "if (", ") {\n", "}\n", "wp_", "get_option", "'key'", "    "};
  std::mt19937 rng(seed);
  std::string s;
  while (s.size() < n) s += words[rng() % 13];
  s.resize(n);
  return s;
}

// Runs `cmd`, returning its exit code and filling *out with stdout and stderr.
inline int Capture(const std::string& cmd, std::string* out) {
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) return -1;
  char buf[4096];
  out->clear();
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  const int rc = pclose(p);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

inline std::string SourceDir() {
  const char* d = getenv("BJLG_SOURCE_DIR");
  return d != nullptr ? d : ".";
}

// Python's zipfile reads every entry (CRC-checked) and prints one line per entry:
// "name<TAB>size<TAB>method<TAB>sha256"; the exit code is 0 when the archive is sound.
inline int PythonList(const std::string& zip, std::string* out) {
  return Capture("python3 '" + SourceDir() + "/tests/archive/zipcheck.py' list '" + zip + "'", out);
}

// 0 when Info-ZIP's `unzip -t` finds no error (and 7-Zip's `7z t` too, when installed).
inline int ExternalTest(const std::string& zip, std::string* out) {
  int rc = Capture("unzip -tqq '" + zip + "'", out);
  if (rc != 0) return rc;
  if (TempDir::Run("command -v 7z >/dev/null") == 0) {
    rc = Capture("7z t -bd '" + zip + "'", out);
  }
  return rc;
}

// Runs `body` in a child process (as user nobody when `as_nobody` and we are root, so that file
// permissions apply) and returns its exit code, or 128 + the signal that ended it.
inline int InChild(const std::function<int()>& body, bool as_nobody) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (as_nobody && geteuid() == 0) {
      struct passwd* pw = getpwnam("nobody");
      if (pw == nullptr || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0) _exit(99);
    }
    _exit(body());
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// A writer of `path` killed outright (SIGKILL: no destructor, no cleanup, as a crash or
// `kill -9`) at its first progress report while it adds the folder `src`. Returns 128 + SIGKILL
// when it died as planned.
inline int KillWhileWriting(const std::string& path, WriterOptions options, const std::string& src) {
  return InChild([&] {
    auto w = Writer::Create(path, std::move(options));
    if (!w.ok()) return 10;
    (*w)->set_progress([](const Progress&) {
      raise(SIGKILL);
      return true;
    });
    (void)(*w)->AddDirectory(src, "");
    return 11;
  }, false);
}

}  // namespace bjlg::archive::testing

#endif  // BJLG_TESTS_ARCHIVE_TEST_UTIL_H_
