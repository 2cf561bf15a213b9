// S3-compatible storage (AWS, Wasabi, Backblaze B2's S3 API, MinIO, any endpoint): usage is the
// sum of the object sizes of ListObjectsV2, page by page (continuation tokens), streamed through
// expat so that no page, let alone the listing, is held. S3 has no quota API: the quota is the
// configured quota_bytes. Requests are signed with AWS Signature V4 (sigv4.h).
#include <memory>

#include "quota/listing.h"
#include "quota/probe.h"
#include "quota/s3_endpoint.h"
#include "quota/xml_stream.h"

namespace bjlg::quota {
namespace {

const char kWhat[] = "S3 ListObjectsV2";

class S3Probe : public Probe {
 public:
  S3Probe(const Destination& d, QuotaUsage* usage) : endpoint_(d), usage_(usage) {
    page_size_ = d.Number("page_size").value_or(1000);
    usage_->used_bytes = 0;
    usage_->object_count = 0;
    usage_->source = UsedSource::kListing;
  }

  bool Next(Request* r) override {
    if (finished_) return false;
    r->what = kWhat;
    endpoint_.SignListPage(r, page_size_, token_);
    page_ = ListingPage();
    truncated_ = false;
    xml_ = std::make_unique<XmlStream>([this](const std::string& path, const std::string& text) { OnElement(path, text); });
    r->sink = [this](std::string_view chunk) { return xml_->Feed(chunk); };
    return true;
  }

  std::optional<QuotaError> OnResponse(Response& response) override {
    if (response.status < 200 || response.status >= 300) return endpoint_.ErrorFor(kWhat, response);
    std::string where = endpoint_.Where(kWhat);
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

  S3Endpoint endpoint_;
  QuotaUsage* usage_;
  std::string token_;
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
