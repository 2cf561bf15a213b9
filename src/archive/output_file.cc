#include "archive/output_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

namespace bjlg::archive {

namespace {

constexpr size_t kBufferSize = 1 << 20;
constexpr char kPartialPrefix[] = ".bjlg-partial-";

void SweepStalePartials(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  const time_t now = time(nullptr);
  while (struct dirent* e = readdir(d)) {
    if (strncmp(e->d_name, kPartialPrefix, sizeof(kPartialPrefix) - 1) != 0) continue;
    const std::string path = dir + "/" + e->d_name;
    const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > 60 &&
        flock(fd, LOCK_EX | LOCK_NB) == 0) {
      unlink(path.c_str());
    }
    close(fd);
  }
  closedir(d);
}

}  // namespace

Result<std::unique_ptr<OutputFile>> OutputFile::Create(const std::string& target) {
  if (target.empty() || target.back() == '/') {
    return Status::InvalidArgument("archive path \"" + target + "\" names no file");
  }
  std::unique_ptr<OutputFile> out(new OutputFile());
  out->target_ = target;
  const size_t slash = target.rfind('/');
  out->dir_ = slash == std::string::npos ? "." : (slash == 0 ? "/" : target.substr(0, slash));
  struct stat st;
  if (stat(out->dir_.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound("archive folder " + out->dir_ + " does not exist");
    return Status::IOError("archive folder " + out->dir_ + ": " + strerror(err));
  }
  if (!S_ISDIR(st.st_mode)) return Status::InvalidArgument(out->dir_ + " is not a directory");
  if (stat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Status::InvalidArgument("archive path " + target + " is a directory");
  }
  SweepStalePartials(out->dir_);
  std::string templ = out->dir_ + "/" + kPartialPrefix + "XXXXXX";
  std::vector<char> name(templ.begin(), templ.end());
  name.push_back('\0');
  const int fd = mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    return Status::IOError("cannot create a file in " + out->dir_ + ": " + strerror(errno));
  }
  out->fd_ = fd;
  out->temp_path_ = name.data();
  flock(fd, LOCK_EX | LOCK_NB);
  fchmod(fd, 0600);
  if (fstat(fd, &st) == 0) {
    out->device_ = st.st_dev;
    out->inode_ = st.st_ino;
  }
  out->buffer_.reserve(kBufferSize);
  return out;
}

OutputFile::~OutputFile() {
  if (!committed_) Discard();
}

Status OutputFile::Fail(const char* what, int err) {
  return Status::IOError(std::string(what) + " " + temp_path_ + " (archive " + target_ +
                         "): " + strerror(err));
}

Status OutputFile::Flush() {
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = pwrite(fd_, buffer_.data() + done, buffer_.size() - done,
                             static_cast<off_t>(flushed_ + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Fail("writing", errno);
    }
    done += static_cast<size_t>(n);
  }
  flushed_ += buffer_.size();
  buffer_.clear();
  return Status::OK();
}

Status OutputFile::Write(const void* data, size_t size) {
  if (fd_ < 0) return Status::IOError("archive file is closed");
  const unsigned char* p = static_cast<const unsigned char*>(data);
  while (size > 0) {
    if (buffer_.size() == kBufferSize) {
      Status s = Flush();
      if (!s.ok()) return s;
    }
    const size_t take = std::min(size, kBufferSize - buffer_.size());
    buffer_.insert(buffer_.end(), p, p + take);
    p += take;
    size -= take;
    position_ += take;
  }
  return Status::OK();
}

Status OutputFile::PatchAt(uint64_t offset, const void* data, size_t size) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) {
    const uint64_t at = offset + i;
    if (at >= flushed_) {
      buffer_[at - flushed_] = p[i];
    } else {
      // Rare (headers of entries larger than the buffer): write the flushed part directly.
      size_t run = 1;
      while (i + run < size && offset + i + run < flushed_) ++run;
      if (pwrite(fd_, p + i, run, static_cast<off_t>(at)) != static_cast<ssize_t>(run)) {
        return Fail("patching", errno);
      }
      i += run - 1;
    }
  }
  return Status::OK();
}

Status OutputFile::TruncateTo(uint64_t offset) {
  if (offset >= flushed_) {
    buffer_.resize(offset - flushed_);
  } else {
    buffer_.clear();
    if (ftruncate(fd_, static_cast<off_t>(offset)) != 0) return Fail("truncating", errno);
    flushed_ = offset;
  }
  position_ = offset;
  return Status::OK();
}

Status OutputFile::Finish() {
  Status s = Flush();
  if (!s.ok()) return s;
  if (fsync(fd_) != 0) return Fail("syncing", errno);
  return Status::OK();
}

Status OutputFile::Commit() {
  if (rename(temp_path_.c_str(), target_.c_str()) != 0) {
    return Status::IOError("cannot rename " + temp_path_ + " to " + target_ + ": " + strerror(errno));
  }
  committed_ = true;
  close(fd_);
  fd_ = -1;
  const int dfd = open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return Status::OK();
}

void OutputFile::Discard() {
  if (fd_ >= 0) {
    close(fd_);
    fd_ = -1;
  }
  if (!committed_ && !temp_path_.empty()) {
    unlink(temp_path_.c_str());
    temp_path_.clear();
  }
}

}  // namespace bjlg::archive
