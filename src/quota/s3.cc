// S3-compatible storage (AWS, Wasabi, Backblaze B2's S3 API, MinIO, any endpoint): usage is the
// sum of the object sizes of ListObjectsV2, page by page (continuation tokens), streamed through
// expat so that no page, let alone the listing, is held. S3 has no quota API: the quota is the
// configured quota_bytes. Requests are signed with AWS Signature V4 (sigv4.h).
#include <memory>

#include "quota/crypto.h"
#include "quota/listing.h"
#include "quota/probe.h"
#include "quota/sigv4.h"
#include "quota/xml_stream.h"

namespace bjlg::quota {
namespace {

const char kWhat[] = "S3 ListObjectsV2";

class S3Probe : public Probe {
 public:
  S3Probe(const Destination& d, QuotaUsage* usage) : usage_(usage) {
    credentials_ = {d.Text("access_key"), d.Text("secret_key"), d.Text("region", "us-east-1"), "s3"};
    session_token_ = d.Text("session_token");
    bucket_ = d.Text("bucket");
    prefix_ = d.Text("prefix");
    page_size_ = d.Number("page_size").value_or(1000);
    std::string endpoint = TrimSlash(d.Text("endpoint"));
    bool path_style = d.Flag("path_style", false);
    if (endpoint.empty()) {
      endpoint = credentials_.region == "us-east-1" ? "https://s3.amazonaws.com"
                                                    : "https://s3." + credentials_.region + ".amazonaws.com";
    }
    size_t scheme_end = endpoint.find("://") + 3;
    std::string scheme = endpoint.substr(0, scheme_end);
    std::string rest = endpoint.substr(scheme_end);
    size_t slash = rest.find('/');
    host_ = rest.substr(0, slash);
    base_path_ = slash == std::string::npos ? "" : rest.substr(slash);
    if (path_style) {
      path_ = base_path_ + "/" + bucket_ + "/";
    } else {
      host_ = bucket_ + "." + host_;
      path_ = base_path_ + "/";
    }
    origin_ = scheme + host_;
    usage_->used_bytes = 0;
    usage_->object_count = 0;
    usage_->source = UsedSource::kListing;
  }

  bool Next(Request* r) override {
    if (finished_) return false;
    std::vector<std::pair<std::string, std::string>> query = {{"list-type", "2"},
                                                              {"max-keys", std::to_string(page_size_)}};
    if (!prefix_.empty()) query.emplace_back("prefix", prefix_);
    if (!token_.empty()) query.emplace_back("continuation-token", token_);
    std::string date = AmzDateNow();
    std::string payload = Hex(Sha256(""));
    SigV4Request sr;
    sr.method = "GET";
    sr.path = path_;
    sr.query = query;
    sr.headers = {{"host", host_}, {"x-amz-date", date}, {"x-amz-content-sha256", payload}};
    if (!session_token_.empty()) sr.headers.emplace_back("x-amz-security-token", session_token_);
    sr.payload_sha256_hex = payload;
    SigV4Signature sig = SignV4(sr, credentials_, date);

    r->what = kWhat;
    r->url = origin_ + UriEncode(path_, true) + "?" + sig.canonical_query;
    r->headers = {"x-amz-date: " + date, "x-amz-content-sha256: " + payload, "Authorization: " + sig.authorization};
    if (!session_token_.empty()) r->headers.push_back("x-amz-security-token: " + session_token_);
    if (host_ != HostOf(origin_)) r->headers.push_back("Host: " + host_);

    page_ = ListingPage();
    truncated_ = false;
    xml_ = std::make_unique<XmlStream>([this](const std::string& path, const std::string& text) { OnElement(path, text); });
    r->sink = [this](std::string_view chunk) { return xml_->Feed(chunk); };
    return true;
  }

  std::optional<QuotaError> OnResponse(Response& response) override {
    if (response.status < 200 || response.status >= 300) return ErrorFor(response);
    std::string where = std::string(kWhat) + " on " + HostOf(origin_);
    if (auto e = page_.AddTo(usage_, *xml_, response.sink_failed, where, "ListBucketResult")) return e;
    if (truncated_) {
      if (page_.next.empty()) return ProtocolError(where, "truncated listing without NextContinuationToken");
      if (page_.next == token_) return ProtocolError(where, "the continuation token did not advance");
      token_ = page_.next;
    } else {
      finished_ = true;
    }
    return std::nullopt;
  }

 private:
  void OnElement(const std::string& path, const std::string& text) {
    if (path == "ListBucketResult/Contents/Size") {
      page_.AddObject(text);
    } else if (path == "ListBucketResult/IsTruncated") {
      truncated_ = text == "true";
    } else if (path == "ListBucketResult/NextContinuationToken") {
      page_.next = text;
    } else if (path == "ListBucketResult") {
      page_.root_seen = true;
    }
  }

  QuotaError ErrorFor(const Response& response) {
    std::string code = XmlErrorCode(response.body);
    QuotaError e = HttpError(std::string(kWhat) + " on " + HostOf(origin_), response, code);
    if (code == "NoSuchBucket") e.code = ErrorCode::kNotFound;
    if (code == "SignatureDoesNotMatch" || code == "InvalidAccessKeyId" || code == "AccessDenied" ||
        code == "ExpiredToken" || code == "InvalidToken") {
      e.code = ErrorCode::kAuth;
    }
    if (code == "SlowDown") e.code = ErrorCode::kThrottled;
    return e;
  }

  QuotaUsage* usage_;
  SigV4Credentials credentials_;
  std::string session_token_, bucket_, prefix_, host_, base_path_, path_, origin_, token_;
  int64_t page_size_ = 1000;
  bool finished_ = false;
  bool truncated_ = false;
  ListingPage page_;
  std::unique_ptr<XmlStream> xml_;
};

}  // namespace

std::unique_ptr<Probe> MakeS3Probe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<S3Probe>(d, usage);
}

}  // namespace bjlg::quota
