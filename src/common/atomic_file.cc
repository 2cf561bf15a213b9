#include "common/atomic_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <random>
#include <vector>

namespace bjlg {

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

void SyncFolder(const std::string& dir) {
  const int dfd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& target, mode_t mode) {
  if (target.empty() || target.back() == '/') {
    return Status::InvalidArgument("path \"" + target + "\" names no file");
  }
  struct stat st;
  if (stat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Status::InvalidArgument(target + " is a directory");
  }
  std::unique_ptr<AtomicFile> f(new AtomicFile());
  f->target_ = target;
  f->dir_ = FolderOf(target);
  std::string name = f->dir_ + "/" + kTempPrefix + "XXXXXX";
  std::vector<char> buf(name.begin(), name.end());
  buf.push_back('\0');
  const int fd = mkostemp(buf.data(), O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "cannot create a file in " + f->dir_);
  f->fd_ = fd;
  f->temp_path_ = buf.data();
  if (fchmod(fd, mode) != 0 || flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    return Status::FromErrno(err, "cannot prepare " + f->temp_path_);  // ~AtomicFile removes it
  }
  return f;
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::CreateAt(int dir_fd, const std::string& leaf,
                                                         const std::string& display, mode_t mode, bool replace,
                                                         bool sync) {
  if (leaf.empty() || leaf.find('/') != std::string::npos || leaf == "." || leaf == "..") {
    return Status::InvalidArgument("\"" + leaf + "\" is not a file name");
  }
  std::unique_ptr<AtomicFile> f(new AtomicFile());
  f->target_ = display;
  f->leaf_ = leaf;
  f->replace_ = replace;
  f->sync_ = sync;
  f->dir_fd_ = fcntl(dir_fd, F_DUPFD_CLOEXEC, 0);
  if (f->dir_fd_ < 0) return Status::FromErrno(errno, "cannot write " + display);
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device random;
  for (int attempt = 0; attempt < 100 && f->fd_ < 0; ++attempt) {
    std::string name = kTempPrefix;
    for (int i = 0; i < 6; ++i) name += kAlphabet[random() % (sizeof kAlphabet - 1)];
    const int fd = openat(f->dir_fd_, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd >= 0) {
      f->fd_ = fd;
      f->temp_leaf_ = name;
    } else if (errno != EEXIST) {
      return Status::FromErrno(errno, "cannot create a file beside " + display);
    }
  }
  if (f->fd_ < 0) return Status::IOError("cannot create a file beside " + display + ": no free temporary name");
  if (flock(f->fd_, LOCK_EX | LOCK_NB) != 0) return Status::FromErrno(errno, "cannot prepare a file beside " + display);
  return f;
}

AtomicFile::~AtomicFile() {
  Discard();
  if (dir_fd_ >= 0) close(dir_fd_);
}

void AtomicFile::Discard() {
  // Unlinked before closing: a sweeper never sees it unlocked.
  if (!committed_ && !temp_path_.empty()) {
    unlink(temp_path_.c_str());
    temp_path_.clear();
  }
  if (!committed_ && !temp_leaf_.empty()) {
    unlinkat(dir_fd_, temp_leaf_.c_str(), 0);
    temp_leaf_.clear();
  }
  if (fd_ >= 0) {
    close(fd_);
    fd_ = -1;
  }
}

Status AtomicFile::Publish() {
  if (dir_fd_ < 0) {
    if (rename(temp_path_.c_str(), target_.c_str()) == 0) return Status::OK();
    return Status::FromErrno(errno, "cannot rename into " + target_);
  }
  const unsigned flags = replace_ ? 0 : RENAME_NOREPLACE;
  if (renameat2(dir_fd_, temp_leaf_.c_str(), dir_fd_, leaf_.c_str(), flags) == 0) return Status::OK();
  if (errno == EEXIST) return Status::IOError("cannot write " + target_ + ": it already exists");
  return Status::FromErrno(errno, "cannot rename into " + target_);
}

Status AtomicFile::Append(const void* data, size_t size) {
  if (fd_ < 0) return Status::InvalidArgument("writing to " + target_ + " after it was closed");
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = write(fd_, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::FromErrno(errno, "cannot write " + target_);
    }
    p += n;
    size -= static_cast<size_t>(n);
  }
  return Status::OK();
}

Status AtomicFile::Commit() {
  if (fd_ < 0 || committed_) return Status::InvalidArgument(target_ + " is already closed");
  if (sync_ && fsync(fd_) != 0) {
    const Status s = Status::FromErrno(errno, "cannot write " + target_);
    Discard();
    return s;
  }
  const Status published = Publish();
  if (!published.ok()) {
    Discard();
    return published;
  }
  committed_ = true;
  close(fd_);  // after the rename: the lock is held until the file has its final name
  fd_ = -1;
  if (dir_fd_ >= 0) {
    if (sync_) fsync(dir_fd_);
  } else {
    SyncFolder(dir_);
  }
  return Status::OK();
}

Status WriteFileAtomically(const std::string& target, std::string_view content, mode_t mode) {
  Result<std::unique_ptr<AtomicFile>> f = AtomicFile::Create(target, mode);
  if (!f.ok()) return f.status();
  Status s = (*f)->Append(content);
  if (!s.ok()) return s;
  return (*f)->Commit();
}

}  // namespace bjlg
