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
constexpr char kPrivatePrefix[] = ".bjlg-";  // then mkdtemp's 6 characters
constexpr time_t kStaleSeconds = 60;

bool IsPartialName(const char* name) {
  return strncmp(name, kPartialPrefix, sizeof(kPartialPrefix) - 1) == 0;
}

bool IsPrivateDirName(const char* name) {
  return strncmp(name, kPrivatePrefix, sizeof(kPrivatePrefix) - 1) == 0 &&
         strlen(name) == sizeof(kPrivatePrefix) - 1 + 6;
}

// The partial file `name` in `dir_fd`, opened and locked, when its writer is gone: a regular
// file older than a minute whose lock is free (a live writer holds it until it ends). -1
// otherwise. The caller removes it, then closes the descriptor.
int LockStalePartial(int dir_fd, const char* name, time_t now) {
  const int fd = openat(dir_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return -1;
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > kStaleSeconds &&
      flock(fd, LOCK_EX | LOCK_NB) == 0) {
    return fd;
  }
  close(fd);
  return -1;
}

// Removes what the folder open as `dir_fd` holds: files, and folders `depth` levels down (the
// crypto engine's own private folder inside ours). Never follows a symbolic link. Takes dir_fd.
void RemoveContents(int dir_fd, int depth) {
  DIR* d = fdopendir(dir_fd);
  if (d == nullptr) {
    close(dir_fd);
    return;
  }
  while (struct dirent* e = readdir(d)) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    if (unlinkat(dirfd(d), e->d_name, 0) == 0 || errno != EISDIR || depth == 0) continue;
    const int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) continue;
    RemoveContents(sub, depth - 1);
    unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR);
  }
  closedir(d);
}

// A private folder left by a killed writer: it holds a stale partial file, or nothing at all
// and is older than a minute (a writer that failed where it could not remove its folder). A
// folder holding files but no partial is not an archive writer's (Bjlg\Crypto's own private
// folders, possibly live) and is kept.
void SweepPrivateDir(int dir_fd, const char* name, time_t now) {
  const int fd = openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st;
  DIR* d = fstat(fd, &st) == 0 ? fdopendir(fd) : nullptr;
  if (d == nullptr) {
    close(fd);
    return;
  }
  int locked = -1;
  bool empty = true;
  while (struct dirent* e = readdir(d)) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    empty = false;
    if (IsPartialName(e->d_name) && (locked = LockStalePartial(dirfd(d), e->d_name, now)) >= 0) {
      break;
    }
  }
  closedir(d);
  if (locked >= 0) {
    const int again = openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (again >= 0) RemoveContents(again, 1);
    unlinkat(dir_fd, name, AT_REMOVEDIR);
    close(locked);
  } else if (empty && now - st.st_mtime > kStaleSeconds) {
    unlinkat(dir_fd, name, AT_REMOVEDIR);  // fails harmlessly if a file appeared meanwhile
  }
}

// What killed writers left in `dir`: their partial files and their private folders.
void SweepStale(const std::string& dir) {
  const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  DIR* d = fdopendir(fd);
  if (d == nullptr) {
    close(fd);
    return;
  }
  const time_t now = time(nullptr);
  while (struct dirent* e = readdir(d)) {
    if (IsPartialName(e->d_name)) {
      const int locked = LockStalePartial(dirfd(d), e->d_name, now);
      if (locked >= 0) {
        unlinkat(dirfd(d), e->d_name, 0);
        close(locked);
      }
    } else if (IsPrivateDirName(e->d_name)) {
      SweepPrivateDir(dirfd(d), e->d_name, now);
    }
  }
  closedir(d);
}

}  // namespace

Result<std::unique_ptr<OutputFile>> OutputFile::Create(const std::string& target, Placement placement) {
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
  SweepStale(out->dir_);
  std::string temp_dir = out->dir_;
  if (placement == Placement::kPrivateDir) {
    std::string templ = out->dir_ + "/" + kPrivatePrefix + "XXXXXX";
    std::vector<char> name(templ.begin(), templ.end());
    name.push_back('\0');
    if (mkdtemp(name.data()) == nullptr) {  // mode 0700
      return Status::IOError("cannot create a private folder in " + out->dir_ + ": " + strerror(errno));
    }
    out->private_dir_ = temp_dir = name.data();
  }
  std::string templ = temp_dir + "/" + kPartialPrefix + "XXXXXX";
  std::vector<char> name(templ.begin(), templ.end());
  name.push_back('\0');
  const int fd = mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    out->Discard();
    return Status::IOError("cannot create a file in " + temp_dir + ": " + strerror(err));
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

OutputFile::~OutputFile() { Discard(); }

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
  if (size >= kBufferSize / 2) {
    // A large piece (a chunk of media) goes straight to the file: copying it through the
    // buffer would cost one more pass over most of the archive's bytes.
    Status s = Flush();
    size_t done = 0;
    while (s.ok() && done < size) {
      const ssize_t n = pwrite(fd_, p + done, size - done, static_cast<off_t>(flushed_ + done));
      if (n < 0 && errno != EINTR) s = Fail("writing", errno);
      if (n == 0) s = Fail("writing", ENOSPC);
      if (n > 0) done += static_cast<size_t>(n);
    }
    flushed_ += done;
    position_ += done;
    return s;
  }
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
  // A private temporary is never published: the file derived from it is what must be durable,
  // and not forcing the plaintext to disk spares a full write of the archive.
  if (private_dir_.empty() && fsync(fd_) != 0) return Fail("syncing", errno);
  return Status::OK();
}

Status OutputFile::Commit() {
  if (!private_dir_.empty()) return Status::InvalidArgument("a private archive file is published, not committed");
  if (rename(temp_path_.c_str(), target_.c_str()) != 0) {
    return Status::IOError("cannot rename " + temp_path_ + " to " + target_ + ": " + strerror(errno));
  }
  committed_ = true;
  close(fd_);
  fd_ = -1;
  SyncFolder();
  return Status::OK();
}

Status OutputFile::Publish(const std::string& finished) {
  if (private_dir_.empty()) return Status::InvalidArgument("only a private archive file is published");
  if (rename(finished.c_str(), target_.c_str()) != 0) {
    return Status::IOError("cannot rename " + finished + " to " + target_ + ": " + strerror(errno));
  }
  SyncFolder();
  Discard();
  return Status::OK();
}

void OutputFile::SyncFolder() {
  const int dfd = open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
}

void OutputFile::Discard() {
  if (!committed_ && !temp_path_.empty()) {
    unlink(temp_path_.c_str());  // before closing: a sweeper never sees it unlocked
    temp_path_.clear();
  }
  if (fd_ >= 0) {
    close(fd_);
    fd_ = -1;
  }
  if (!private_dir_.empty()) {
    const int dfd = open(private_dir_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd >= 0) RemoveContents(dfd, 1);
    rmdir(private_dir_.c_str());
    private_dir_.clear();
  }
}

}  // namespace bjlg::archive
