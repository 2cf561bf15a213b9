// pCloud: the listing is GET /listfolder of `folder_id` (folderid) or `folder` (path), which
// answers the whole folder at once (pCloud does not page it); entries with isfolder are
// skipped. Each archive goes with GET /deletefile?fileid=. pCloud answers HTTP 200 on errors
// with a numeric result (quota/session.h PcloudResultError); 2009 "file not found" means
// already gone.
// https://docs.pcloud.com/methods/folder/listfolder.html
// https://docs.pcloud.com/methods/file/deletefile.html
// https://docs.pcloud.com/structures/metadata.html
#include "quota/crypto.h"
#include "quota/json_probe.h"
#include "remote/purge/hosted.h"
#include "remote/purge/one_by_one.h"

namespace bjlg::remote::purge {
namespace {

using nlohmann::json;
using quota::JsonText;
using quota::UriEncode;

const char kList[] = "pCloud listfolder";
const char kDelete[] = "pCloud deletefile";
constexpr uint64_t kFileNotFound = 2009;

class PcloudListProbe : public HostedListProbe {
 public:
  PcloudListProbe(const quota::Destination& d, Listing* out)
      : HostedListProbe(quota::MakeOAuthSession(d, quota::PcloudEndpoints(d)), out, kList),
        query_(d.Has("folder_id") ? "folderid=" + UriEncode(d.Text("folder_id"), false)
                                  : "path=" + UriEncode(d.Text("folder"), true)) {}

 protected:
  void PageRequest(const std::string& base, Request* r) override { r->url = base + "/listfolder?" + query_; }

  std::optional<RemoteError> ReadPage(const json& answer) override {
    if (std::optional<RemoteError> e = quota::PcloudResultError(where(), answer)) return e;
    auto metadata = answer.find("metadata");
    if (metadata == answer.end() || !metadata->is_object() || !metadata->contains("contents") ||
        !(*metadata)["contents"].is_array()) {
      return ProtocolError(where(), "the answer has no metadata.contents");
    }
    for (const json& e : (*metadata)["contents"]) {
      if (e.is_object() && e.contains("isfolder") && e["isfolder"] == true) continue;
      std::string name = JsonText(e, "name");
      std::optional<uint64_t> id = quota::JsonUint(e, "fileid");
      std::optional<uint64_t> size = quota::JsonUint(e, "size");
      if (name.empty() || !id || !size) return ProtocolError(where(), "a file has no name, fileid or size");
      std::string modified = JsonText(e, "modified");  // "Thu, 19 Sep 2013 07:31:46 +0000"
      Add(name, *size, modified.empty() ? std::nullopt : ParseHttpDate(modified), std::to_string(*id));
    }
    Finish();
    return std::nullopt;
  }

 private:
  std::string query_;
};

}  // namespace

std::unique_ptr<Probe> MakePcloudListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<PcloudListProbe>(d, out);
}

std::unique_ptr<Probe> MakePcloudDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                             BeforeDelete before, AfterDelete after) {
  std::shared_ptr<quota::Session> session = quota::MakeOAuthSession(d, quota::PcloudEndpoints(d));
  quota::Session* s = session.get();
  return MakeOneByOneDeleteProbe(
      std::move(items),
      [s](const std::string&, const std::string& id, Request* r) -> std::optional<RemoteError> {
        if (id.empty()) return RemoteError{ErrorCode::kProtocol, std::string(kDelete) + ": the listing gave no fileid"};
        r->what = kDelete;
        r->url = s->base() + "/deletefile?fileid=" + UriEncode(id, false);
        return std::nullopt;
      },
      [s](const Response& response) -> DeleteVerdict {
        std::string where = std::string(kDelete) + " on " + HostOf(s->base());
        if (response.status < 200 || response.status >= 300) {
          return {Deletion::Outcome::kFailed, HttpError(where, response)};
        }
        json answer = quota::ParseJson(response.body);
        if (quota::JsonUint(answer, "result") == kFileNotFound) return {Deletion::Outcome::kGone, std::nullopt};
        if (std::optional<RemoteError> e = quota::PcloudResultError(where, answer)) {
          return {Deletion::Outcome::kFailed, e};
        }
        return {Deletion::Outcome::kDeleted, std::nullopt};
      },
      std::move(before), std::move(after), std::move(session));
}

}  // namespace bjlg::remote::purge
