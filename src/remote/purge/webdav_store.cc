// WebDAV: the listing is one PROPFIND Depth: 1 on the destination's URL (a collection): every
// member that is not itself a collection, with getcontentlength and getlastmodified; each
// archive goes with one DELETE. A 404 means already gone.
#include <cctype>
#include <memory>

#include "quota/crypto.h"
#include "quota/xml_stream.h"
#include "remote/purge/one_by_one.h"
#include "remote/purge/store.h"

namespace bjlg::remote::purge {
namespace {

using quota::XmlStream;

const char kList[] = "WebDAV PROPFIND";
const char kDelete[] = "WebDAV DELETE";
const char kBody[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:resourcetype/><d:getcontentlength/><d:getlastmodified/></d:prop>"
    "</d:propfind>\n";

std::string Collection(std::string url) {
  if (url.empty() || url.back() != '/') url += '/';
  return url;
}

// "%41b" -> "Ab"; invalid escapes are kept as written.
std::string PercentDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

class WebdavListProbe : public Probe {
 public:
  WebdavListProbe(const quota::Destination& d, Listing* out)
      : url_(Collection(d.Text("url"))), username_(d.Text("username")), password_(d.Text("password")), out_(out) {}

  bool Next(Request* r) override {
    if (sent_) return false;
    sent_ = true;
    r->what = kList;
    r->method = "PROPFIND";
    r->url = url_;
    r->headers = {"Depth: 1", "Content-Type: application/xml; charset=utf-8"};
    r->body = kBody;
    r->username = username_;
    r->password = password_;
    xml_ = std::make_unique<XmlStream>([this](const std::string& p, const std::string& t) { OnElement(p, t); });
    r->sink = [this](std::string_view chunk) { return xml_->Feed(chunk); };
    return true;
  }

  std::optional<RemoteError> OnResponse(Response& response) override {
    std::string where = std::string(kList) + " on " + HostOf(url_);
    if (response.status != 207) return HttpError(where, response);
    if (response.sink_failed || !xml_->Finish()) return ProtocolError(where, xml_->error());
    if (!root_) return ProtocolError(where, "the answer is not a DAV:multistatus");
    if (bad_) return ProtocolError(where, "a member has a size that is not a number");
    if (out_->objects.size() > kMaxListedObjects) {
      return ProtocolError(where, "more than " + std::to_string(kMaxListedObjects) + " members in the collection");
    }
    return std::nullopt;
  }

 private:
  void OnElement(const std::string& path, const std::string& text) {
    const std::string prop = "multistatus/response/propstat/prop/";
    if (path == "multistatus") {
      root_ = true;
    } else if (path == "multistatus/response/href") {
      href_ = text;
    } else if (path == prop + "resourcetype/collection") {
      collection_ = true;
    } else if (path == prop + "getcontentlength" && !text.empty()) {
      std::optional<uint64_t> size = ParseUint(text);
      bad_ = bad_ || !size;
      object_.size = size.value_or(0);
    } else if (path == prop + "getlastmodified" && !text.empty()) {
      object_.mtime = ParseHttpDate(text);
    } else if (path == "multistatus/response") {
      // The member's name is the last segment of its href; the collection itself and the
      // sub-collections are not archives.
      std::string href = href_;
      while (!href.empty() && href.back() == '/') href.pop_back();
      size_t slash = href.rfind('/');
      std::string name = PercentDecode(slash == std::string::npos ? href : href.substr(slash + 1));
      if (!collection_ && !name.empty() && out_->objects.size() <= kMaxListedObjects) {
        object_.name = name;
        out_->objects.push_back(std::move(object_));
      }
      object_ = ListedObject();
      href_.clear();
      collection_ = false;
    }
  }

  std::string url_, username_, password_;
  Listing* out_;
  bool sent_ = false, root_ = false, bad_ = false, collection_ = false;
  std::string href_;
  ListedObject object_;
  std::unique_ptr<XmlStream> xml_;
};

}  // namespace

std::unique_ptr<Probe> MakeWebdavListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<WebdavListProbe>(d, out);
}

std::unique_ptr<Probe> MakeWebdavDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                             BeforeDelete before, AfterDelete after) {
  std::string url = Collection(d.Text("url")), username = d.Text("username"), password = d.Text("password");
  return MakeOneByOneDeleteProbe(
      std::move(items),
      [=](const std::string& name, const std::string&, Request* r) -> std::optional<RemoteError> {
        r->what = kDelete;
        r->method = "DELETE";
        r->url = url + quota::UriEncode(name, false);
        r->username = username;
        r->password = password;
        return std::nullopt;
      },
      JudgeByStatus([url](const Response& response) { return HttpError(std::string(kDelete) + " on " + HostOf(url), response); }),
      std::move(before), std::move(after));
}

}  // namespace bjlg::remote::purge
