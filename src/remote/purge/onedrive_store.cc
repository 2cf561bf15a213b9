// OneDrive (Microsoft Graph): the listing is GET /v1.0/me/drive/root:/{folder}:/children, the
// pages Graph hands out through @odata.nextLink (followed only on the API's own origin, so the
// token never leaves it); items with a folder facet are skipped. Each archive goes with DELETE
// /v1.0/me/drive/items/{id}; 404 means already gone.
// https://learn.microsoft.com/graph/api/driveitem-list-children
// https://learn.microsoft.com/graph/paging
// https://learn.microsoft.com/graph/api/driveitem-delete
#include "quota/crypto.h"
#include "quota/json_probe.h"
#include "remote/purge/hosted.h"
#include "remote/purge/one_by_one.h"

namespace bjlg::remote::purge {
namespace {

using nlohmann::json;
using quota::JsonText;
using quota::UriEncode;

const char kList[] = "OneDrive list children";
const char kDelete[] = "OneDrive delete item";

class OnedriveListProbe : public HostedListProbe {
 public:
  OnedriveListProbe(const quota::Destination& d, Listing* out)
      : HostedListProbe(quota::MakeOAuthSession(d, quota::OnedriveEndpoints(d)), out, kList) {
    std::string folder = d.Text("folder");
    while (!folder.empty() && folder.front() == '/') folder.erase(0, 1);
    while (!folder.empty() && folder.back() == '/') folder.pop_back();
    path_ = UriEncode(folder, true);
  }

 protected:
  void PageRequest(const std::string& base, Request* r) override {
    r->url = next_.empty() ? base + "/v1.0/me/drive/root:/" + path_ +
                                 ":/children?$select=id,name,size,lastModifiedDateTime,file,folder&$top=200"
                           : next_;
  }

  std::optional<RemoteError> ReadPage(const json& answer) override {
    auto items = answer.find("value");
    if (items == answer.end() || !items->is_array()) return ProtocolError(where(), "the answer has no value list");
    for (const json& item : *items) {
      std::string id = JsonText(item, "id"), name = JsonText(item, "name");
      if (id.empty() || name.empty()) return ProtocolError(where(), "an item has no id or name");
      if (item.contains("folder")) continue;
      std::optional<uint64_t> size = quota::JsonUint(item, "size");
      if (!size) return ProtocolError(where(), "an item has no size");
      Add(name, *size, JsonTime(item, "lastModifiedDateTime"), id);
    }
    std::string next = JsonText(answer, "@odata.nextLink");
    if (next.empty()) {
      Finish();
      return std::nullopt;
    }
    // The link carries Graph's own paging state; it must stay on the API's origin.
    const std::string& base = session().base();
    if (next.compare(0, base.size() + 1, base + "/") != 0) {
      return ProtocolError(where(), "@odata.nextLink leaves " + HostOf(base));
    }
    if (next == next_) return ProtocolError(where(), "@odata.nextLink did not advance");
    next_ = next;
    return std::nullopt;
  }

 private:
  std::string path_, next_;
};

}  // namespace

std::unique_ptr<Probe> MakeOnedriveListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<OnedriveListProbe>(d, out);
}

std::unique_ptr<Probe> MakeOnedriveDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                               BeforeDelete before, AfterDelete after) {
  std::shared_ptr<quota::Session> session = quota::MakeOAuthSession(d, quota::OnedriveEndpoints(d));
  quota::Session* s = session.get();
  return MakeOneByOneDeleteProbe(
      std::move(items),
      [s](const std::string&, const std::string& id, Request* r) -> std::optional<RemoteError> {
        if (id.empty()) return RemoteError{ErrorCode::kProtocol, std::string(kDelete) + ": the listing gave no item id"};
        r->what = kDelete;
        r->method = "DELETE";
        r->url = s->base() + "/v1.0/me/drive/items/" + UriEncode(id, false);
        return std::nullopt;
      },
      JudgeByStatus([s](const Response& response) {
        return HostedHttpError(std::string(kDelete) + " on " + HostOf(s->base()), response);
      }),
      std::move(before), std::move(after), std::move(session));
}

}  // namespace bjlg::remote::purge
