#include "remote/errors.h"

#include <charconv>

#include <curl/curl.h>

namespace bjlg::remote {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kAuth: return "auth";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kThrottled: return "throttled";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kTls: return "tls";
    case ErrorCode::kProtocol: return "protocol";
    case ErrorCode::kUnreachable: return "unreachable";
    case ErrorCode::kRejected: return "rejected";
  }
  return "protocol";
}

std::string RemoteError::ToString() const { return std::string("[") + ErrorCodeName(code) + "] " + message; }

RemoteError HttpError(const std::string& what, const Response& response, const std::string& detail) {
  RemoteError e;
  long s = response.status;
  if (s == 401 || s == 403) {
    e.code = ErrorCode::kAuth;
  } else if (s == 404) {
    e.code = ErrorCode::kNotFound;
  } else if (s == 429 || s == 503) {
    e.code = ErrorCode::kThrottled;
  } else if (s == 400 || s == 422) {
    e.code = ErrorCode::kRejected;
  } else {
    e.code = ErrorCode::kProtocol;
  }
  e.message = what + ": HTTP " + std::to_string(s);
  if (!detail.empty()) e.message += " (" + detail.substr(0, 120) + ")";
  return e;
}

RemoteError ProtocolError(const std::string& what, const std::string& why) {
  return {ErrorCode::kProtocol, what + ": " + why};
}

std::optional<uint64_t> ParseUint(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string HostOf(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  size_t at = host.rfind('@');  // never show user:password@
  return at == std::string::npos ? host : host.substr(at + 1);
}

RemoteError TransportError(CURLcode rc, const std::string& what, const std::string& host, uint64_t size_limit,
                           const std::function<RemoteError()>& timeout) {
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
      return timeout();
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
      if (size_limit > 0 || rc == CURLE_FILESIZE_EXCEEDED) {
        return ProtocolError(what, "response larger than " + std::to_string(size_limit) + " bytes refused");
      }
      return ProtocolError(what, "could not store the response");
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_USE_SSL_FAILED:
      return {ErrorCode::kTls, what + ": " + host + ": " + curl_easy_strerror(rc)};
    case CURLE_LOGIN_DENIED:
    case CURLE_REMOTE_ACCESS_DENIED:
      return {ErrorCode::kAuth, what + ": " + host + ": authentication refused"};
    case CURLE_REMOTE_FILE_NOT_FOUND:
      return {ErrorCode::kNotFound, what + ": " + host + ": path not found"};
    case CURLE_QUOTE_ERROR:
      return {ErrorCode::kNotFound, what + ": " + host + ": the server refused the command (no such path?)"};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSH:
      return {ErrorCode::kUnreachable, what + ": " + host + ": " + curl_easy_strerror(rc)};
    default:
      return ProtocolError(what, host + ": " + curl_easy_strerror(rc));
  }
}

RemoteError SmtpError(const std::string& what, long status, CURLcode rc) {
  RemoteError e;
  if (status == 530 || status == 534 || status == 535 || rc == CURLE_LOGIN_DENIED) {
    e.code = ErrorCode::kAuth;
  } else if (status >= 400 && status < 500) {
    e.code = ErrorCode::kThrottled;
  } else {
    e.code = ErrorCode::kRejected;
  }
  e.message = what + ": SMTP " + std::to_string(status);
  if (rc != CURLE_OK) e.message += std::string(" (") + curl_easy_strerror(rc) + ")";
  return e;
}

}  // namespace bjlg::remote

namespace bjlg::remote {

std::optional<int64_t> ParseHttpDate(const std::string& text) {
  time_t when = curl_getdate(text.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return static_cast<int64_t>(when);
}

}  // namespace bjlg::remote
