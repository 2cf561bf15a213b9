// Azure Blob Storage: usage is the sum of Content-Length over List Blobs, page by page (markers),
// streamed through expat. Auth is Shared Key (HMAC-SHA256 of the canonical request with the
// account key) or a SAS token appended to the query. Azure has no container quota: the quota is
// the configured quota_bytes.
// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key
#include <algorithm>
#include <ctime>
#include <memory>

#include "quota/crypto.h"
#include "quota/listing.h"
#include "quota/probe.h"
#include "quota/xml_stream.h"

namespace bjlg::quota {
namespace {

const char kWhat[] = "Azure List Blobs";
const char kVersion[] = "2023-08-03";

class AzureProbe : public Probe {
 public:
  AzureProbe(const Destination& d, QuotaUsage* usage)
      : account_(d.Text("account")), container_(d.Text("container")), key_(d.Text("key")),
        sas_(d.Text("sas")), prefix_(d.Text("prefix")), usage_(usage) {
    if (!sas_.empty() && sas_[0] == '?') sas_.erase(0, 1);
    page_size_ = d.Number("page_size").value_or(5000);
    endpoint_ = TrimSlash(d.Text("endpoint", "https://" + account_ + ".blob.core.windows.net"));
    size_t host_end = endpoint_.find('/', endpoint_.find("://") + 3);
    base_path_ = host_end == std::string::npos ? "" : endpoint_.substr(host_end);
    usage_->used_bytes = 0;
    usage_->object_count = 0;
    usage_->source = UsedSource::kListing;
  }

  bool Next(Request* r) override {
    if (finished_) return false;
    std::vector<std::pair<std::string, std::string>> query = {
        {"restype", "container"}, {"comp", "list"}, {"maxresults", std::to_string(page_size_)}};
    if (!prefix_.empty()) query.emplace_back("prefix", prefix_);
    if (!marker_.empty()) query.emplace_back("marker", marker_);
    std::string path = base_path_ + "/" + container_;
    std::string query_text;
    for (const auto& [k, v] : query) query_text += (query_text.empty() ? "" : "&") + k + "=" + UriEncode(v, false);
    r->what = kWhat;
    r->url = endpoint_.substr(0, endpoint_.size() - base_path_.size()) + UriEncode(path, true) + "?" + query_text;
    if (!sas_.empty()) {
      r->url += "&" + sas_;
      r->headers = {std::string("x-ms-version: ") + kVersion};
    } else {
      std::optional<std::string> key = Base64Decode(key_);
      if (!key) {
        usage_->errors.push_back({ErrorCode::kAuth, std::string(kWhat) + ": the account key is not valid base64"});
        finished_ = true;
        return false;
      }
      std::string date = FormatUtcNow("%a, %d %b %Y %H:%M:%S GMT");
      // Canonicalized headers: x-ms-* sorted; canonicalized resource: /account/path then each
      // query parameter "name:value" sorted by name.
      std::string headers = "x-ms-date:" + date + "\nx-ms-version:" + kVersion + "\n";
      std::sort(query.begin(), query.end());
      std::string resource = "/" + account_ + UriEncode(path, true);
      for (const auto& [k, v] : query) resource += "\n" + k + ":" + v;
      std::string to_sign = "GET\n\n\n\n\n\n\n\n\n\n\n\n" + headers + resource;
      std::string signature = Base64Encode(HmacSha256(*key, to_sign));
      r->headers = {"x-ms-date: " + date, std::string("x-ms-version: ") + kVersion,
                    "Authorization: SharedKey " + account_ + ":" + signature};
    }
    page_ = ListingPage();
    xml_ = std::make_unique<XmlStream>([this](const std::string& p, const std::string& t) { OnElement(p, t); });
    r->sink = [this](std::string_view chunk) { return xml_->Feed(chunk); };
    return true;
  }

  std::optional<QuotaError> OnResponse(Response& response) override {
    std::string where = std::string(kWhat) + " on " + HostOf(endpoint_);
    if (response.status < 200 || response.status >= 300) {
      std::string code = XmlErrorCode(response.body);
      if (code.empty()) {
        auto it = response.headers.find("x-ms-error-code");
        if (it != response.headers.end()) code = it->second;
      }
      QuotaError e = HttpError(where, response, code);
      if (code == "ContainerNotFound" || code == "ResourceNotFound") e.code = ErrorCode::kNotFound;
      if (code.rfind("Authentication", 0) == 0 || code.rfind("Authorization", 0) == 0) e.code = ErrorCode::kAuth;
      return e;
    }
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

  std::string account_, container_, key_, sas_, prefix_, endpoint_, base_path_, marker_;
  int64_t page_size_ = 5000;
  QuotaUsage* usage_;
  bool finished_ = false;
  ListingPage page_;
  std::unique_ptr<XmlStream> xml_;
};

}  // namespace

std::unique_ptr<Probe> MakeAzureProbe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<AzureProbe>(d, usage);
}

}  // namespace bjlg::quota
