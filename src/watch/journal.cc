#include "watch/journal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <unordered_map>

#include "common/atomic_file.h"
#include "watch/line_reader.h"

namespace bjlg::watch {

namespace {

constexpr char kHeaderPrefix[] = "#bjlg-watch-journal v1 base=";
constexpr size_t kMaxHeader = 128;
// Numbers are written with at most 19 digits (record.h's parser reads no more).
constexpr uint64_t kMaxSeq = 9999999999999999999ull;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::FromErrno(errno, "writing the journal");
    done += static_cast<size_t>(n);
  }
  return Status::OK();
}

// The header of the open journal: its base number and where the records start.
Status ReadHeader(int fd, const std::string& path, uint64_t* base, uint64_t* records_from) {
  char buf[kMaxHeader];
  ssize_t n;
  do {
    n = pread(fd, buf, sizeof buf, 0);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return Status::FromErrno(errno, "reading the journal " + path);
  const std::string_view head(buf, static_cast<size_t>(n));
  const size_t nl = head.find('\n');
  if (nl == std::string_view::npos) return Status::Corruption(path + " is not a bjlg watch journal (no header line)");
  auto parsed = ParseHeader(std::string(head.substr(0, nl)));
  if (!parsed.ok()) return Status::Corruption(path + ": " + parsed.status().message());
  *base = *parsed;
  *records_from = nl + 1;
  return Status::OK();
}

bool IsFileEvent(const std::string& type) { return type == "created" || type == "modified" || type == "deleted"; }

}  // namespace

std::string HeaderLine(uint64_t base) { return kHeaderPrefix + std::to_string(base) + "\n"; }

Result<uint64_t> ParseHeader(const std::string& line) {
  const size_t n = sizeof kHeaderPrefix - 1;
  if (line.compare(0, n, kHeaderPrefix) != 0 || line.size() == n || line.size() > n + 19) {
    return Status::Corruption("not a bjlg watch journal header");
  }
  uint64_t v = 0;
  for (size_t i = n; i < line.size(); ++i) {
    if (line[i] < '0' || line[i] > '9') return Status::Corruption("not a bjlg watch journal header");
    v = v * 10 + (line[i] - '0');
  }
  return v;
}

Result<std::unique_ptr<Journal>> Journal::Open(const std::string& path) {
  if (path.empty()) return Status::InvalidArgument("journal path must not be empty");
  if (path.find('\0') != std::string::npos) return Status::InvalidArgument("journal path must not contain NUL bytes");
  std::unique_ptr<Journal> j(new Journal(path));
  const int fd = open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
  if (fd < 0) return Status::FromErrno(errno, "opening the journal " + path);
  j->fd_ = fd;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return Status::IOError(path + " is not a regular file");
  fcntl(fd, F_SETFL, O_APPEND);  // blocking again: a regular file never blocked anyway
  Status s = j->Lock(LOCK_EX);
  if (!s.ok()) return s;
  if (fstat(j->fd_, &st) != 0) s = Status::FromErrno(errno, "reading the journal " + path);
  if (s.ok() && st.st_size == 0) {
    s = WriteAll(j->fd_, HeaderLine(0));
    if (s.ok() && fdatasync(j->fd_) != 0) s = Status::FromErrno(errno, "syncing the journal " + path);
  } else if (s.ok()) {
    uint64_t base = 0, from = 0;
    s = ReadHeader(j->fd_, path, &base, &from);
  }
  j->Unlock();
  if (!s.ok()) return s;
  return j;
}

Journal::~Journal() {
  if (fd_ >= 0) close(fd_);
}

Status Journal::Lock(int lock) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    if (fd_ < 0) {
      fd_ = open(path_.c_str(), O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
      if (fd_ < 0) return Status::FromErrno(errno, "opening the journal " + path_);
    }
    while (flock(fd_, lock) != 0) {
      if (errno != EINTR) return Status::FromErrno(errno, "locking the journal " + path_);
    }
    struct stat by_fd, by_path;
    if (fstat(fd_, &by_fd) != 0) return Status::FromErrno(errno, "reading the journal " + path_);
    if (stat(path_.c_str(), &by_path) == 0 && by_path.st_ino == by_fd.st_ino && by_path.st_dev == by_fd.st_dev) {
      return Status::OK();
    }
    // compact() replaced the file while we waited for the lock: follow it.
    close(fd_);
    fd_ = -1;
    known_inode_ = 0;
  }
  return Status::IOError("the journal " + path_ + " keeps being replaced");
}

void Journal::Unlock() {
  if (fd_ >= 0) flock(fd_, LOCK_UN);
}

Result<uint64_t> Journal::RecoverLastSeq() {
  struct stat st;
  if (fstat(fd_, &st) != 0) return Status::FromErrno(errno, "reading the journal " + path_);
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (st.st_ino == known_inode_ && size == known_size_) return known_seq_;
  uint64_t base = 0, from = 0;
  Status s = ReadHeader(fd_, path_, &base, &from);
  if (!s.ok()) return s;
  // The last record lies in the last two record lengths unless damage follows it; a window
  // without any valid record falls back to the whole file.
  const uint64_t window = 2 * kMaxRecordLine;
  uint64_t start = size > from + window ? size - window : from;
  for (;;) {
    LineReader reader(fd_, start, size);
    Line line;
    uint64_t last = 0, floor = base, torn_at = 0;
    bool torn = false, first = start != from;
    for (;;) {
      auto more = reader.Next(&line);
      if (!more.ok()) return more.status();
      if (!*more) break;
      if (first) {  // the window may start inside a line
        first = false;
        continue;
      }
      auto rec = line.overlong ? Result<Record>(Status::Corruption("overlong")) : ParseRecord(line.text);
      if (rec.ok() && line.complete) {
        last = rec->seq;
      } else {
        floor = std::max(floor, LeadingSeq(line.text));
        if (!line.complete) {
          torn = true;
          torn_at = line.offset;
        }
      }
    }
    if (last == 0 && start != from) {
      start = from;
      continue;
    }
    uint64_t end = size;
    if (torn) {
      // A writer killed in its write() left this; nobody acknowledged it, nobody can read it.
      if (ftruncate(fd_, static_cast<off_t>(torn_at)) != 0) return Status::FromErrno(errno, "repairing the journal " + path_);
      end = torn_at;
    }
    known_inode_ = st.st_ino;
    known_size_ = end;
    known_seq_ = std::max({base, last, floor});
    return known_seq_;
  }
}

Result<uint64_t> Journal::Append(const nlohmann::json& event) { return AppendAll({event}); }

Result<uint64_t> Journal::AppendAll(const std::vector<nlohmann::json>& events) {
  if (events.empty()) return uint64_t{0};
  for (const auto& e : events) {
    Status v = ValidateEvent(e);
    if (!v.ok()) return v;
  }
  Status s = Lock(LOCK_EX);
  if (!s.ok()) return s;
  auto last = RecoverLastSeq();
  if (!last.ok()) {
    Unlock();
    return last.status();
  }
  if (*last > kMaxSeq - events.size()) {
    Unlock();
    return Status::IOError("the journal " + path_ + " has used every sequence number: start a new one");
  }
  const int64_t now = NowMs();
  std::string data;
  uint64_t seq = *last;
  for (const auto& e : events) {
    auto line = FormatRecord(++seq, now, e);
    if (!line.ok()) {
      Unlock();
      return line.status();
    }
    data += *line;
  }
  s = WriteAll(fd_, data);
  if (s.ok() && fdatasync(fd_) != 0) s = Status::FromErrno(errno, "syncing the journal " + path_);
  if (!s.ok()) {
    // Leave no partial record behind (a full disk): the next append would remove it anyway.
    if (ftruncate(fd_, static_cast<off_t>(known_size_)) != 0) known_inode_ = 0;
    Unlock();
    return s;
  }
  known_size_ += data.size();
  known_seq_ = seq;
  Unlock();
  return *last + 1;
}

Result<Changes> Journal::Read(uint64_t since, size_t limit) const {
  // Its own descriptor and a shared lock: readers run beside each other and never see a record
  // being written.
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    fd = open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return Status::FromErrno(errno, "opening the journal " + path_);
    while (flock(fd, LOCK_SH) != 0 && errno == EINTR) {
    }
    struct stat by_fd, by_path;
    if (fstat(fd, &by_fd) != 0 || stat(path_.c_str(), &by_path) != 0 || by_fd.st_ino != by_path.st_ino) {
      close(fd);
      fd = -1;
    }
  }
  if (fd < 0) return Status::IOError("the journal " + path_ + " keeps being replaced");
  struct stat st;
  fstat(fd, &st);
  uint64_t base = 0, from = 0;
  Status s = ReadHeader(fd, path_, &base, &from);
  Changes out;
  out.last_seq = base;
  LineReader reader(fd, from, static_cast<uint64_t>(st.st_size));
  Line line;
  while (s.ok()) {
    auto more = reader.Next(&line);
    if (!more.ok()) {
      s = more.status();
      break;
    }
    if (!*more) break;
    auto rec = line.overlong ? Result<Record>(Status::Corruption("overlong")) : ParseRecord(line.text);
    if (!rec.ok() || !line.complete) {
      if (line.complete) {
        ++out.damaged;
      } else {
        out.torn_tail = true;
      }
      continue;
    }
    out.last_seq = std::max(out.last_seq, rec->seq);
    if (rec->seq <= since) continue;
    ++out.pending;
    if (out.records.size() >= limit) {
      out.more = true;
      continue;  // keep reading: last_seq and damage are about the whole file
    }
    out.records.push_back(std::move(*rec));
  }
  close(fd);
  if (!s.ok()) return s;
  return out;
}

Result<CompactResult> Journal::Compact(uint64_t through) {
  Status s = Lock(LOCK_EX);
  if (!s.ok()) return s;
  CompactResult result;
  auto finish = [&](Status st) -> Result<CompactResult> {
    Unlock();
    if (!st.ok()) return st;
    return result;
  };
  auto last = RecoverLastSeq();
  if (!last.ok()) return finish(last.status());
  uint64_t base = 0, from = 0;
  s = ReadHeader(fd_, path_, &base, &from);
  if (!s.ok()) return finish(s);
  const uint64_t size = known_size_;
  result.bytes_before = size;
  // Pass 1: the last file event per path (paths only for records that will be kept).
  std::unordered_map<std::string, uint64_t> last_on_path;
  {
    LineReader reader(fd_, from, size);
    Line line;
    for (;;) {
      auto more = reader.Next(&line);
      if (!more.ok()) return finish(more.status());
      if (!*more) break;
      if (line.overlong || !line.complete) continue;
      auto rec = ParseRecord(line.text);
      if (!rec.ok() || rec->seq <= through) continue;
      const std::string type = rec->event["type"].get<std::string>();
      if (IsFileEvent(type)) last_on_path[rec->event["path"].get<std::string>()] = rec->seq;
    }
  }
  auto out = AtomicFile::Create(path_, 0600);
  if (!out.ok()) return finish(out.status());
  result.base = *last;
  s = (*out)->Append(HeaderLine(*last));
  result.bytes_after = HeaderLine(*last).size();
  LineReader reader(fd_, from, size);
  Line line;
  while (s.ok()) {
    auto more = reader.Next(&line);
    if (!more.ok()) return finish(more.status());
    if (!*more) break;
    auto rec = line.overlong || !line.complete ? Result<Record>(Status::Corruption("damaged")) : ParseRecord(line.text);
    bool keep = rec.ok() && rec->seq > through;
    if (keep && IsFileEvent(rec->event["type"].get<std::string>())) {
      keep = last_on_path[rec->event["path"].get<std::string>()] == rec->seq;
    }
    if (!keep) {
      ++result.dropped;
      continue;
    }
    ++result.kept;
    std::string text(line.text);
    text += '\n';
    result.bytes_after += text.size();
    s = (*out)->Append(text);
  }
  if (s.ok()) s = (*out)->Commit();
  if (!s.ok()) return finish(s);
  // Our descriptor is the replaced file now; the next lock reopens the path.
  Unlock();
  close(fd_);
  fd_ = -1;
  known_inode_ = 0;
  return result;
}

}  // namespace bjlg::watch
