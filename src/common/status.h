// Status: how the core reports failure without exceptions.
//
// Every fallible core operation returns a Status, or a Result<T> carrying either a value or a
// Status. The kinds are distinct because the user acts differently on each: Corruption means the
// data is bad (a failed MAC, a broken archive), IOError means the environment failed (a full
// disk), InvalidArgument means the caller passed something wrong.
#ifndef BJLG_COMMON_STATUS_H_
#define BJLG_COMMON_STATUS_H_

#include <cassert>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace bjlg {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,
    kNotFound,
    kCorruption,
    kIOError,
    kNotSupported,
    kCancelled,
    kUnauthenticated,  // the secret given does not open the data: wrong key or password
    kPermissionDenied, // the environment refused access (EACCES, EPERM): not the same as missing
    kNetwork,          // a remote party failed or refused; error_code() says how (see below)
  };

  Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  // An InvalidArgument about one option, named so that callers need not read the message:
  // 'option "<option>" <reason>' (no space before a reason that starts with ':' or '[', an
  // element of the option: 'option "schedules"[2]["duration"] must be ...').
  static Status InvalidOption(const std::string& option, const std::string& reason) {
    const bool joined = !reason.empty() && (reason[0] == ':' || reason[0] == '[');
    Status s(Code::kInvalidArgument, "option \"" + option + "\"" + (joined ? "" : " ") + reason);
    s.option_ = option;
    s.reason_ = reason;
    return s;
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  // A Corruption whose data ends too early, so that callers can say "truncated" without
  // reading the message.
  static Status Truncated(std::string msg) {
    Status s(Code::kCorruption, std::move(msg));
    s.truncated_ = true;
    return s;
  }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status NotSupported(std::string msg) { return Status(Code::kNotSupported, std::move(msg)); }
  static Status Cancelled(std::string msg) { return Status(Code::kCancelled, std::move(msg)); }
  static Status Unauthenticated(std::string msg) { return Status(Code::kUnauthenticated, std::move(msg)); }
  static Status PermissionDenied(std::string msg) { return Status(Code::kPermissionDenied, std::move(msg)); }
  // A network failure with its stable code: "auth", "not_found", "throttled", "timeout", "tls",
  // "protocol", "unreachable" or "rejected" (the codes of docs/architecture.md).
  static Status Network(std::string error_code, std::string msg) {
    Status s(Code::kNetwork, std::move(msg));
    s.detail_ = std::move(error_code);
    return s;
  }
  // The status of a failed system call: NotFound for ENOENT/ENOTDIR, PermissionDenied for
  // EACCES/EPERM/EROFS, IOError otherwise; the message is "<what>: <strerror(err)>".
  static Status FromErrno(int err, const std::string& what);

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  bool IsTruncated() const { return truncated_; }
  // The option InvalidOption() named; "" otherwise.
  const std::string& option() const { return option_; }
  // The same refusal of the option under another name, for a caller that exposes the option
  // under its own name (the archive writer's "encrypt_" options): itself when no option.
  Status ForOption(const std::string& name) const {
    if (option_.empty()) return *this;
    Status s = InvalidOption(name, reason_);
    s.item_ = item_;
    return s;
  }
  // The position (from 0) of the element of an input list the failure is about (a sample, a
  // destination, an archive), when it is about one: set with AtItem().
  std::optional<size_t> item() const { return item_; }
  Status AtItem(size_t index) const {
    Status s = *this;
    s.item_ = index;
    return s;
  }
  // The stable, machine-readable name of the failure, the same in every capability and carried
  // by every PHP exception as `error_code`: "invalid_argument", "not_found", "permission_denied",
  // "corrupt", "truncated", "io", "unsupported", "cancelled", "wrong_key", or for kNetwork the
  // code given to Network(). "" when ok().
  std::string error_code() const;

  // "Corruption: <message>", for logs and tests.
  std::string ToString() const;
  // The same kind with `context` put before the message: Annotate("encrypting: ").
  Status Annotate(const std::string& context) const {
    Status s = *this;
    s.message_ = context + message_;
    return s;
  }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
  bool truncated_ = false;
  std::string detail_;  // kNetwork: the error code
  std::string option_;
  std::string reason_;  // InvalidOption's reason
  std::optional<size_t> item_;
};

const char* CodeName(Status::Code code);

// Either a value or a failed Status. REQUIRES: a Result built from a Status is not OK.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose, like expected<T>
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace bjlg

#endif  // BJLG_COMMON_STATUS_H_
