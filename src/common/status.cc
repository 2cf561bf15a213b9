#include "common/status.h"

#include <cerrno>
#include <cstring>

namespace bjlg {

const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk: return "OK";
    case Status::Code::kInvalidArgument: return "Invalid argument";
    case Status::Code::kNotFound: return "Not found";
    case Status::Code::kCorruption: return "Corruption";
    case Status::Code::kIOError: return "I/O error";
    case Status::Code::kNotSupported: return "Not supported";
    case Status::Code::kCancelled: return "Cancelled";
    case Status::Code::kUnauthenticated: return "Unauthenticated";
    case Status::Code::kPermissionDenied: return "Permission denied";
    case Status::Code::kNetwork: return "Network error";
  }
  return "Unknown";
}

Status Status::FromErrno(int err, const std::string& what) {
  std::string msg = what + ": " + std::strerror(err);
  switch (err) {
    case ENOENT:
    case ENOTDIR: return NotFound(std::move(msg));
    case EACCES:
    case EPERM:
    case EROFS: return PermissionDenied(std::move(msg));
    default: return IOError(std::move(msg));
  }
}

std::string Status::error_code() const {
  switch (code_) {
    case Code::kOk: return "";
    case Code::kInvalidArgument: return "invalid_argument";
    case Code::kNotFound: return "not_found";
    case Code::kCorruption: return truncated_ ? "truncated" : "corrupt";
    case Code::kIOError: return "io";
    case Code::kNotSupported: return "unsupported";
    case Code::kCancelled: return "cancelled";
    case Code::kUnauthenticated: return "wrong_key";
    case Code::kPermissionDenied: return "permission_denied";
    case Code::kNetwork: return detail_.empty() ? "protocol" : detail_;
  }
  return "io";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(code_)) + ": " + message_;
}

}  // namespace bjlg
