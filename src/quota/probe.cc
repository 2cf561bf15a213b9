#include "quota/probe.h"

#include <charconv>

namespace bjlg::quota {

std::unique_ptr<Probe> MakeProbe(const Destination& d, QuotaUsage* usage) {
  switch (d.type) {
    case DestinationType::kS3: return MakeS3Probe(d, usage);
    case DestinationType::kAzure: return MakeAzureProbe(d, usage);
    case DestinationType::kB2: return MakeB2Probe(d, usage);
    case DestinationType::kGdrive: return MakeGdriveProbe(d, usage);
    case DestinationType::kDropbox: return MakeDropboxProbe(d, usage);
    case DestinationType::kOnedrive: return MakeOnedriveProbe(d, usage);
    case DestinationType::kPcloud: return MakePcloudProbe(d, usage);
    case DestinationType::kWebdav: return MakeWebdavProbe(d, usage);
    case DestinationType::kSftp: return MakeSftpProbe(d, usage);
    case DestinationType::kLocal: return MakeLocalProbe(d, usage);
  }
  return nullptr;
}

QuotaError HttpError(const std::string& what, const Response& response, const std::string& detail) {
  QuotaError e;
  long s = response.status;
  if (s == 401 || s == 403) {
    e.code = ErrorCode::kAuth;
  } else if (s == 404) {
    e.code = ErrorCode::kNotFound;
  } else if (s == 429 || s == 503) {
    e.code = ErrorCode::kThrottled;
  } else {
    e.code = ErrorCode::kProtocol;
  }
  e.message = what + ": HTTP " + std::to_string(s);
  if (!detail.empty()) e.message += " (" + detail.substr(0, 120) + ")";
  return e;
}

QuotaError ProtocolError(const std::string& what, const std::string& why) {
  return {ErrorCode::kProtocol, what + ": " + why};
}

std::optional<uint64_t> ParseUint(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' || text.back() == '\t')) text.remove_suffix(1);
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

std::string TrimSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace bjlg::quota
