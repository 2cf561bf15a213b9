#include "quota/azure_endpoint.h"

#include <algorithm>

#include "quota/crypto.h"
#include "quota/listing.h"
#include "quota/probe.h"

namespace bjlg::quota {
namespace {
const char kVersion[] = "2023-08-03";
}  // namespace

AzureEndpoint::AzureEndpoint(const Destination& d)
    : account_(d.Text("account")), container_(d.Text("container")), key_(d.Text("key")), sas_(d.Text("sas")),
      prefix_(d.Text("prefix")) {
  if (!sas_.empty() && sas_[0] == '?') sas_.erase(0, 1);
  endpoint_ = TrimSlash(d.Text("endpoint", "https://" + account_ + ".blob.core.windows.net"));
  size_t host_end = endpoint_.find('/', endpoint_.find("://") + 3);
  base_path_ = host_end == std::string::npos ? "" : endpoint_.substr(host_end);
}

std::optional<remote::RemoteError> AzureEndpoint::SignListPage(remote::Request* r, int64_t page_size,
                                                              const std::string& marker) const {
  std::vector<std::pair<std::string, std::string>> query = {
      {"restype", "container"}, {"comp", "list"}, {"maxresults", std::to_string(page_size)}};
  if (!prefix_.empty()) query.emplace_back("prefix", prefix_);
  if (!marker.empty()) query.emplace_back("marker", marker);
  return Sign(r, "GET", "", std::move(query));
}

std::optional<remote::RemoteError> AzureEndpoint::Sign(remote::Request* r, const std::string& method,
                                                       const std::string& blob,
                                                       std::vector<std::pair<std::string, std::string>> query) const {
  std::string path = base_path_ + "/" + container_ + (blob.empty() ? "" : "/" + blob);
  std::string query_text;
  for (const auto& [k, v] : query) query_text += (query_text.empty() ? "" : "&") + k + "=" + UriEncode(v, false);
  r->method = method;
  r->url = endpoint_.substr(0, endpoint_.size() - base_path_.size()) + UriEncode(path, true) +
           (query_text.empty() ? "" : "?" + query_text);
  if (!sas_.empty()) {
    r->url += (query_text.empty() ? "?" : "&") + sas_;
    r->headers = {std::string("x-ms-version: ") + kVersion};
    return std::nullopt;
  }
  std::optional<std::string> key = Base64Decode(key_);
  if (!key) return remote::RemoteError{ErrorCode::kAuth, r->what + ": the account key is not valid base64"};
  std::string date = FormatUtcNow("%a, %d %b %Y %H:%M:%S GMT");
  // Canonicalized headers: x-ms-* sorted; canonicalized resource: /account/path then each query
  // parameter "name:value" sorted by name. No body: the twelve standard headers are empty.
  std::string headers = "x-ms-date:" + date + "\nx-ms-version:" + kVersion + "\n";
  std::sort(query.begin(), query.end());
  std::string resource = "/" + account_ + UriEncode(path, true);
  for (const auto& [k, v] : query) resource += "\n" + k + ":" + v;
  std::string to_sign = method + "\n\n\n\n\n\n\n\n\n\n\n\n" + headers + resource;
  std::string signature = Base64Encode(HmacSha256(*key, to_sign));
  r->headers = {"x-ms-date: " + date, std::string("x-ms-version: ") + kVersion,
                "Authorization: SharedKey " + account_ + ":" + signature};
  return std::nullopt;
}

std::string AzureEndpoint::Where(const std::string& what) const { return what + " on " + HostOf(endpoint_); }

remote::RemoteError AzureEndpoint::ErrorFor(const std::string& what, const remote::Response& response) const {
  std::string code = XmlErrorCode(response.body);
  if (code.empty()) {
    auto it = response.headers.find("x-ms-error-code");
    if (it != response.headers.end()) code = it->second;
  }
  remote::RemoteError e = HttpError(Where(what), response, code);
  if (code == "ContainerNotFound" || code == "ResourceNotFound" || code == "BlobNotFound") e.code = ErrorCode::kNotFound;
  if (code.rfind("Authentication", 0) == 0 || code.rfind("Authorization", 0) == 0) e.code = ErrorCode::kAuth;
  return e;
}

}  // namespace bjlg::quota
