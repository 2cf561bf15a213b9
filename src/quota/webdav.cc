// WebDAV: RFC 4331 quota properties, quota-used-bytes and quota-available-bytes, asked with a
// Depth: 0 PROPFIND on the configured URL. A server that reports neither is a protocol error
// (no listing fallback: a recursive PROPFIND of a backup folder is unbounded).
#include <memory>

#include "quota/probe.h"
#include "quota/xml_stream.h"

namespace bjlg::quota {
namespace {

const char kWhat[] = "WebDAV PROPFIND";
const char kBody[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:quota-available-bytes/><d:quota-used-bytes/></d:prop></d:propfind>\n";

class WebdavProbe : public Probe {
 public:
  WebdavProbe(const Destination& d, QuotaUsage* usage)
      : url_(d.Text("url")), username_(d.Text("username")), password_(d.Text("password")), usage_(usage) {}

  bool Next(Request* r) override {
    if (sent_) return false;
    sent_ = true;
    r->what = kWhat;
    r->method = "PROPFIND";
    r->url = url_;
    r->headers = {"Depth: 0", "Content-Type: application/xml; charset=utf-8"};
    r->body = kBody;
    r->username = username_;
    r->password = password_;
    return true;
  }

  std::optional<QuotaError> OnResponse(Response& response) override {
    std::string where = std::string(kWhat) + " on " + HostOf(url_);
    if (response.status != 207 && response.status != 200) return HttpError(where, response);
    std::optional<uint64_t> used, available;
    bool bad = false, root = false;
    XmlStream xml([&](const std::string& path, const std::string& text) {
      if (path == "multistatus") root = true;
      if (path == "multistatus/response/propstat/prop/quota-used-bytes" && !text.empty()) {
        used = ParseUint(text);
        bad = bad || !used;
      } else if (path == "multistatus/response/propstat/prop/quota-available-bytes" && !text.empty()) {
        available = ParseUint(text);
        bad = bad || !available;
      }
    });
    if (!xml.Feed(response.body) || !xml.Finish()) return ProtocolError(where, xml.error());
    if (!root) return ProtocolError(where, "the answer is not a DAV:multistatus");
    if (bad) return ProtocolError(where, "a quota property is not a number");
    if (!used && !available) return ProtocolError(where, "the server reports no RFC 4331 quota properties");
    usage_->used_bytes = used;
    usage_->free_bytes = available;
    usage_->source = UsedSource::kProvider;
    return std::nullopt;
  }

 private:
  std::string url_, username_, password_;
  QuotaUsage* usage_;
  bool sent_ = false;
};

}  // namespace

std::unique_ptr<Probe> MakeWebdavProbe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<WebdavProbe>(d, usage);
}

}  // namespace bjlg::quota
