#include "remote/purge/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

namespace bjlg::remote::purge {
namespace {

Status IoError(const std::string& what, const std::string& path, int err) {
  return Status::IOError("purge journal " + path + ": " + what + ": " + std::strerror(err));
}

}  // namespace

Result<Journal> Journal::Open(const std::string& path, const std::string& plan_id) {
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return IoError("cannot open", path, errno);
  Journal journal(path, fd);
  // Read what a previous run wrote (journals are small: two lines per archive).
  std::string text;
  char buf[65536];
  for (;;) {
    ssize_t n = pread(fd, buf, sizeof buf, static_cast<off_t>(text.size()));
    if (n < 0) return IoError("cannot read", path, errno);
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  bool first = true;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) break;  // a torn last line: its step is redone
    nlohmann::json line = nlohmann::json::parse(text.begin() + static_cast<long>(start),
                                                text.begin() + static_cast<long>(end), nullptr, false);
    start = end + 1;
    if (!line.is_object()) return Status::InvalidArgument(path + " is not a purge journal (a line is not a JSON object)");
    if (first) {
      first = false;
      if (!line.contains("plan") || line["plan"] != plan_id) {
        return Status::InvalidArgument("purge journal " + path +
                                          " belongs to another plan: give another journal path or remove it");
      }
      continue;
    }
    if (line.contains("done") && line["done"].is_string() && line.contains("archive") && line["archive"].is_string() &&
        line.contains("outcome") && line["outcome"].is_string()) {
      journal.done_[{line["done"].get<std::string>(), line["archive"].get<std::string>()}] =
          line["outcome"].get<std::string>();
    }
  }
  if (first) {
    if (ftruncate(fd, 0) != 0) return IoError("cannot truncate", path, errno);
    Status s = journal.Append(nlohmann::json{{"plan", plan_id}}.dump() + "\n");
    if (s.ok()) s = journal.Sync();
    if (!s.ok()) return s;
  }
  return Result<Journal>(std::move(journal));
}

Journal::Journal(Journal&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), done_(std::move(other.done_)) {
  other.fd_ = -1;
}

Journal::~Journal() {
  if (fd_ >= 0) close(fd_);
}

std::string Journal::DoneBefore(const std::string& destination, const std::string& archive) const {
  auto it = done_.find({destination, archive});
  return it == done_.end() ? "" : it->second;
}

Status Journal::Intend(const std::string& destination, const std::vector<std::string>& archives) {
  Status s = Append(nlohmann::json{{"intent", destination}, {"archives", archives}}.dump() + "\n");
  return s.ok() ? Sync() : s;
}

Status Journal::Done(const std::string& destination, const std::string& archive, const std::string& outcome) {
  done_[{destination, archive}] = outcome;
  return Append(nlohmann::json{{"done", destination}, {"archive", archive}, {"outcome", outcome}}.dump() + "\n");
}

Status Journal::Sync() {
  if (fdatasync(fd_) != 0) return IoError("cannot sync", path_, errno);
  return Status::OK();
}

Status Journal::Append(const std::string& line) {
  size_t written = 0;
  while (written < line.size()) {
    ssize_t n = write(fd_, line.data() + written, line.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError("cannot write", path_, errno);
    }
    written += static_cast<size_t>(n);
  }
  return Status::OK();
}

}  // namespace bjlg::remote::purge
