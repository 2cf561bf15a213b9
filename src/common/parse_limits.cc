#include "common/parse_limits.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace bjlg {

namespace {

const char* FileKind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISDIR(mode)) return "a folder";
  return "not a regular file";
}

std::string Bytes(uint64_t n) {
  if (n % (1 << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n % (1 << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

}  // namespace

std::string DepthLimitMessage(int max_depth) {
  return "nested deeper than " + std::to_string(max_depth) + " levels";
}

Result<int> OpenRegularFile(const std::string& path, const std::string& what_) {
  const std::string named = what_.empty() ? path : what_ + " " + path;
  // O_NONBLOCK: open() of a FIFO without a writer would wait forever. O_NOCTTY: a terminal
  // device must not become our controlling terminal before fstat() refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "cannot open " + named);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return Status::FromErrno(err, "cannot stat " + named);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IOError(named + " is " + FileKind(st.st_mode) + ", not a regular file");
  }
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
    const int err = errno;
    ::close(fd);
    return Status::FromErrno(err, "cannot read " + named);
  }
  return fd;
}

Result<std::string> ReadSmallFile(const std::string& path, uint64_t max_bytes, const std::string& what) {
  Result<int> fd = OpenRegularFile(path, what);
  if (!fd.ok()) return fd.status();
  const Status too_large =
      Status::InvalidArgument(what + " " + path + " is larger than the " + Bytes(max_bytes) + " limit");
  struct stat st;
  if (::fstat(*fd, &st) == 0 && static_cast<uint64_t>(st.st_size) > max_bytes) {
    ::close(*fd);
    return too_large;
  }
  std::string data;
  data.resize(static_cast<size_t>(st.st_size));
  size_t used = 0;
  // Reads until end of file, however the file changed since fstat(), and one byte past the cap
  // at most.
  while (true) {
    if (used == data.size()) {
      if (data.size() > max_bytes) break;
      data.resize(static_cast<size_t>(std::min<uint64_t>(max_bytes + 1, data.size() + 4096)));
    }
    const ssize_t n = ::read(*fd, &data[used], data.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(*fd);
      return Status::FromErrno(err, "cannot read " + what + " " + path);
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  ::close(*fd);
  if (used > max_bytes) return too_large;
  data.resize(used);
  return data;
}

Status CheckJsonDepth(std::string_view text, int max_depth, const std::string& what) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;  // an escaped character never ends the string
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        if (++depth > max_depth) return Status::Corruption(what + " is " + DepthLimitMessage(max_depth));
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;  // unbalanced: the parser will say so
        break;
      default: break;
    }
  }
  return Status::OK();
}

Result<nlohmann::json> ParseUntrustedJson(std::string_view text, const std::string& what, int max_depth) {
  Status depth = CheckJsonDepth(text, max_depth, what);
  if (!depth.ok()) return depth;
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return Status::Corruption(what + " is not valid JSON");
  return doc;
}

Status ExpansionBudget::Enter(int depth) {
  if (depth > max_depth_) return Status::Corruption(what_ + " is " + DepthLimitMessage(max_depth_));
  if (++nodes_ > max_nodes_) {
    return Status::Corruption(what_ + " expands to more than " + std::to_string(max_nodes_) +
                              " nodes (aliases count each time they are used)");
  }
  return Status::OK();
}

Status CheckThreadCount(int64_t threads, const std::string& option) {
  if (threads >= 0 && threads <= kMaxThreads) return Status::OK();
  return Status::InvalidOption(option, "must be between 0 and " + std::to_string(kMaxThreads));
}

}  // namespace bjlg
