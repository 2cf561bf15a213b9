#include "quota/s3_endpoint.h"

#include "quota/crypto.h"
#include "quota/listing.h"
#include "quota/probe.h"

namespace bjlg::quota {

S3Endpoint::S3Endpoint(const Destination& d) {
  credentials_ = {d.Text("access_key"), d.Text("secret_key"), d.Text("region", "us-east-1"), "s3"};
  session_token_ = d.Text("session_token");
  bucket_ = d.Text("bucket");
  prefix_ = d.Text("prefix");
  std::string endpoint = TrimSlash(d.Text("endpoint"));
  if (endpoint.empty()) {
    endpoint = credentials_.region == "us-east-1" ? "https://s3.amazonaws.com"
                                                  : "https://s3." + credentials_.region + ".amazonaws.com";
  }
  size_t scheme_end = endpoint.find("://") + 3;
  std::string scheme = endpoint.substr(0, scheme_end);
  std::string rest = endpoint.substr(scheme_end);
  size_t slash = rest.find('/');
  host_ = rest.substr(0, slash);
  std::string base_path = slash == std::string::npos ? "" : rest.substr(slash);
  if (d.Flag("path_style", false)) {
    bucket_path_ = base_path + "/" + bucket_ + "/";
  } else {
    host_ = bucket_ + "." + host_;
    bucket_path_ = base_path + "/";
  }
  origin_ = scheme + host_;
}

void S3Endpoint::SignListPage(remote::Request* r, int64_t page_size, const std::string& continuation_token) const {
  std::vector<std::pair<std::string, std::string>> query = {{"list-type", "2"}, {"max-keys", std::to_string(page_size)}};
  if (!prefix_.empty()) query.emplace_back("prefix", prefix_);
  if (!continuation_token.empty()) query.emplace_back("continuation-token", continuation_token);
  Sign(r, "GET", "", std::move(query), "");
}

void S3Endpoint::Sign(remote::Request* r, const std::string& method, const std::string& object_key,
                      std::vector<std::pair<std::string, std::string>> query, const std::string& body,
                      const std::vector<std::pair<std::string, std::string>>& extra_headers) const {
  std::string date = AmzDateNow();
  std::string payload = Hex(Sha256(body));
  std::string path = bucket_path_ + object_key;
  SigV4Request sr;
  sr.method = method;
  sr.path = path;
  sr.query = std::move(query);
  sr.headers = {{"host", host_}, {"x-amz-date", date}, {"x-amz-content-sha256", payload}};
  if (!session_token_.empty()) sr.headers.emplace_back("x-amz-security-token", session_token_);
  for (const auto& h : extra_headers) sr.headers.push_back(h);
  sr.payload_sha256_hex = payload;
  SigV4Signature sig = SignV4(sr, credentials_, date);

  r->method = method;
  r->url = origin_ + UriEncode(path, true) + (sig.canonical_query.empty() ? "" : "?" + sig.canonical_query);
  r->headers = {"x-amz-date: " + date, "x-amz-content-sha256: " + payload, "Authorization: " + sig.authorization};
  if (!session_token_.empty()) r->headers.push_back("x-amz-security-token: " + session_token_);
  for (const auto& [name, value] : extra_headers) r->headers.push_back(name + ": " + value);
  if (host_ != HostOf(origin_)) r->headers.push_back("Host: " + host_);
  r->body = body;
}

std::string S3Endpoint::Where(const std::string& what) const { return what + " on " + HostOf(origin_); }

remote::RemoteError S3Endpoint::ErrorFor(const std::string& what, const remote::Response& response) const {
  std::string code = XmlErrorCode(response.body);
  remote::RemoteError e = HttpError(Where(what), response, code);
  if (code == "NoSuchBucket") e.code = ErrorCode::kNotFound;
  if (code == "SignatureDoesNotMatch" || code == "InvalidAccessKeyId" || code == "AccessDenied" ||
      code == "ExpiredToken" || code == "InvalidToken") {
    e.code = ErrorCode::kAuth;
  }
  if (code == "SlowDown") e.code = ErrorCode::kThrottled;
  return e;
}

}  // namespace bjlg::quota
