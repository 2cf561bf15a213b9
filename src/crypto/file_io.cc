#include "crypto/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "common/parse_limits.h"

namespace bjlg::crypto {

namespace {

Status IoFailure(const std::string& what, const std::string& path, int err) {
  return Status::FromErrno(err, what + " " + path);
}

}  // namespace

Result<InputFile> InputFile::Open(const std::string& path, const std::string& what) {
  Result<int> fd = OpenRegularFile(path, what);
  if (!fd.ok()) return fd.status();
  struct stat st;
  if (::fstat(*fd, &st) != 0) {
    int err = errno;
    ::close(*fd);
    return IoFailure("cannot stat", path, err);
  }
  return InputFile(*fd, static_cast<uint64_t>(st.st_size), path);
}

InputFile::InputFile(InputFile&& other) noexcept
    : fd_(other.fd_), size_(other.size_), path_(std::move(other.path_)) {
  other.fd_ = -1;
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status InputFile::ReadAt(uint64_t offset, uint8_t* out, size_t size) const {
  while (size > 0) {
    ssize_t n = ::pread(fd_, out, size, static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoFailure("cannot read", path_, errno);
    }
    if (n == 0) return Status::IOError("file shrank while being read: " + path_);
    out += n;
    size -= static_cast<size_t>(n);
    offset += static_cast<uint64_t>(n);
  }
  return Status::OK();
}

Result<PrivateOutput> PrivateOutput::Create(const std::string& final_path) {
  if (final_path.empty()) return Status::InvalidArgument("the output path is empty");
  size_t slash = final_path.rfind('/');
  std::string parent = slash == std::string::npos ? "." : final_path.substr(0, slash);
  if (parent.empty()) parent = "/";
  std::string name = slash == std::string::npos ? final_path : final_path.substr(slash + 1);
  if (name.empty() || name == "." || name == "..") {
    return Status::InvalidArgument("the output path names a directory: " + final_path);
  }
  std::string pattern = parent + "/.bjlg-XXXXXX";
  std::vector<char> templ(pattern.begin(), pattern.end());
  templ.push_back('\0');
  if (::mkdtemp(templ.data()) == nullptr) {
    return IoFailure("cannot create a private directory in", parent, errno);
  }
  std::string dir(templ.data());
  std::string temp = dir + "/" + name + ".part";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    int err = errno;
    ::rmdir(dir.c_str());
    return IoFailure("cannot create", temp, err);
  }
  return PrivateOutput(fd, std::move(dir), std::move(temp), final_path);
}

PrivateOutput::PrivateOutput(PrivateOutput&& other) noexcept
    : fd_(other.fd_),
      dir_(std::move(other.dir_)),
      temp_(std::move(other.temp_)),
      final_(std::move(other.final_)),
      committed_(other.committed_) {
  other.fd_ = -1;
  other.committed_ = true;  // the moved-from object owns nothing to clean up
}

PrivateOutput::~PrivateOutput() { Discard(); }

void PrivateOutput::Discard() {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!committed_) {
    ::unlink(temp_.c_str());
    ::rmdir(dir_.c_str());
    committed_ = true;
  }
}

Status PrivateOutput::Write(const uint8_t* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoFailure("cannot write", final_, errno);
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return Status::OK();
}

Status PrivateOutput::WriteAt(uint64_t offset, const uint8_t* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::pwrite(fd_, data, size, static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoFailure("cannot write", final_, errno);
    }
    data += n;
    size -= static_cast<size_t>(n);
    offset += static_cast<uint64_t>(n);
  }
  return Status::OK();
}

Status PrivateOutput::Commit() {
  if (::fsync(fd_) != 0) return IoFailure("cannot flush", final_, errno);
  if (::close(fd_) != 0) {
    fd_ = -1;
    return IoFailure("cannot close", final_, errno);
  }
  fd_ = -1;
  if (::rename(temp_.c_str(), final_.c_str()) != 0) {
    return IoFailure("cannot rename the finished file to", final_, errno);
  }
  committed_ = true;
  ::rmdir(dir_.c_str());
  return Status::OK();
}

}  // namespace bjlg::crypto
