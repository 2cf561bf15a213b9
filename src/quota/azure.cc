// Azure Blob Storage: usage is the sum of Content-Length over List Blobs, page by page (markers),
// streamed through expat. Auth is Shared Key (HMAC-SHA256 of the canonical request with the
// account key) or a SAS token appended to the query. Azure has no container quota: the quota is
// the configured quota_bytes.
// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key
#include <memory>

#include "quota/azure_endpoint.h"
#include "quota/listing.h"
#include "quota/probe.h"
#include "quota/xml_stream.h"

namespace bjlg::quota {
namespace {

const char kWhat[] = "Azure List Blobs";

class AzureProbe : public Probe {
 public:
  AzureProbe(const Destination& d, QuotaUsage* usage) : endpoint_(d), usage_(usage) {
    page_size_ = d.Number("page_size").value_or(5000);
    usage_->used_bytes = 0;
    usage_->object_count = 0;
    usage_->source = UsedSource::kListing;
  }

  bool Next(Request* r) override {
    if (finished_) return false;
    r->what = kWhat;
    if (std::optional<QuotaError> e = endpoint_.SignListPage(r, page_size_, marker_)) {
      usage_->errors.push_back(*e);
      finished_ = true;
      return false;
    }
    page_ = ListingPage();
    xml_ = std::make_unique<XmlStream>([this](const std::string& p, const std::string& t) { OnElement(p, t); });
    r->sink = [this](std::string_view chunk) { return xml_->Feed(chunk); };
    return true;
  }

  std::optional<QuotaError> OnResponse(Response& response) override {
    if (response.status < 200 || response.status >= 300) return endpoint_.ErrorFor(kWhat, response);
    std::string where = endpoint_.Where(kWhat);
    if (auto e = page_.AddTo(usage_, *xml_, response.sink_failed, where, "EnumerationResults")) return e;
    if (page_.next.empty()) {
      finished_ = true;
    } else {
      if (page_.next == marker_) return ProtocolError(where, "the marker did not advance");
      marker_ = page_.next;
    }
    return std::nullopt;
  }

 private:
  void OnElement(const std::string& path, const std::string& text) {
    if (path == "EnumerationResults/Blobs/Blob/Properties/Content-Length") {
      page_.AddObject(text);
    } else if (path == "EnumerationResults/NextMarker") {
      page_.next = text;
    } else if (path == "EnumerationResults") {
      page_.root_seen = true;
    }
  }

  AzureEndpoint endpoint_;
  QuotaUsage* usage_;
  std::string marker_;
  int64_t page_size_ = 5000;
  bool finished_ = false;
  ListingPage page_;
  std::unique_ptr<XmlStream> xml_;
};

}  // namespace

std::unique_ptr<Probe> MakeAzureProbe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<AzureProbe>(d, usage);
}

}  // namespace bjlg::quota
