// Dropbox: the listing is POST /2/files/list_folder on `folder` (not recursive), then
// /2/files/list_folder/continue with the cursor while has_more; entries tagged "file" only.
// Each archive goes with POST /2/files/delete_v2 on its path; a 409 whose error is
// path_lookup/not_found means already gone.
//
// delete_v2 one by one rather than delete_batch: delete_batch is asynchronous (an async_job_id
// to poll with delete_batch/check until it completes), so a run killed or timed out while the
// job runs cannot tell which archives went; delete_v2 answers for one archive at once, which is
// what the journal records, and Run keeps several in flight per destination. The cost is one
// request per archive; Dropbox's too_many_write_operations (429, Retry-After) is retried.
// https://www.dropbox.com/developers/documentation/http/documentation#files-list_folder
// https://www.dropbox.com/developers/documentation/http/documentation#files-list_folder-continue
// https://www.dropbox.com/developers/documentation/http/documentation#files-delete
// https://www.dropbox.com/developers/reference/error-handling
#include "quota/json_probe.h"
#include "remote/purge/hosted.h"
#include "remote/purge/one_by_one.h"

namespace bjlg::remote::purge {
namespace {

using nlohmann::json;
using quota::JsonText;

const char kList[] = "Dropbox list_folder";
const char kDelete[] = "Dropbox delete_v2";

std::string FolderOf(const quota::Destination& d) {
  std::string folder = d.Text("folder");
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  return folder;
}

// Dropbox's endpoint errors are HTTP 409 with error_summary "<tag>/<tag>/…".
bool SummaryStarts(const Response& response, const std::string& prefix) {
  return response.status == 409 && JsonText(quota::ParseJson(response.body), "error_summary").rfind(prefix, 0) == 0;
}

class DropboxListProbe : public HostedListProbe {
 public:
  DropboxListProbe(const quota::Destination& d, Listing* out)
      : HostedListProbe(quota::MakeOAuthSession(d, quota::DropboxEndpoints(d)), out, kList), folder_(FolderOf(d)) {}

 protected:
  void PageRequest(const std::string& base, Request* r) override {
    r->method = "POST";
    r->headers = {"Content-Type: application/json"};
    if (cursor_.empty()) {
      r->url = base + "/2/files/list_folder";
      r->body = json{{"path", folder_}, {"recursive", false}, {"include_deleted", false}, {"limit", 2000}}.dump();
    } else {
      r->url = base + "/2/files/list_folder/continue";
      r->body = json{{"cursor", cursor_}}.dump();
    }
  }

  RemoteError PageError(const Response& response) override {
    RemoteError e = HostedHttpError(where(), response);
    if (SummaryStarts(response, "path/not_found")) e.code = ErrorCode::kNotFound;
    return e;
  }

  std::optional<RemoteError> ReadPage(const json& answer) override {
    auto entries = answer.find("entries");
    if (entries == answer.end() || !entries->is_array()) return ProtocolError(where(), "the answer has no entries");
    for (const json& e : *entries) {
      if (JsonText(e, ".tag") != "file") continue;  // folders, and deleted entries
      std::string name = JsonText(e, "name");
      std::optional<uint64_t> size = quota::JsonUint(e, "size");
      if (name.empty() || !size) return ProtocolError(where(), "a file has no name or size");
      Add(name, *size, JsonTime(e, "server_modified"), "");
    }
    auto more = answer.find("has_more");
    if (more == answer.end() || !more->is_boolean()) return ProtocolError(where(), "the answer has no has_more");
    if (!more->get<bool>()) {
      Finish();
      return std::nullopt;
    }
    std::string cursor = JsonText(answer, "cursor");
    if (cursor.empty() || cursor == cursor_) return ProtocolError(where(), "the cursor did not advance");
    cursor_ = cursor;
    return std::nullopt;
  }

 private:
  std::string folder_, cursor_;
};

}  // namespace

std::unique_ptr<Probe> MakeDropboxListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<DropboxListProbe>(d, out);
}

std::unique_ptr<Probe> MakeDropboxDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                              BeforeDelete before, AfterDelete after) {
  std::shared_ptr<quota::Session> session = quota::MakeOAuthSession(d, quota::DropboxEndpoints(d));
  quota::Session* s = session.get();
  const std::string folder = FolderOf(d);
  return MakeOneByOneDeleteProbe(
      std::move(items),
      [s, folder](const std::string& name, const std::string&, Request* r) -> std::optional<RemoteError> {
        r->what = kDelete;
        r->method = "POST";
        r->url = s->base() + "/2/files/delete_v2";
        r->headers = {"Content-Type: application/json"};
        r->body = json{{"path", folder + "/" + name}}.dump();
        return std::nullopt;
      },
      [s](const Response& response) -> DeleteVerdict {
        if (response.status >= 200 && response.status < 300) return {Deletion::Outcome::kDeleted, std::nullopt};
        if (SummaryStarts(response, "path_lookup/not_found")) return {Deletion::Outcome::kGone, std::nullopt};
        return {Deletion::Outcome::kFailed, HostedHttpError(std::string(kDelete) + " on " + HostOf(s->base()), response)};
      },
      std::move(before), std::move(after), std::move(session));
}

}  // namespace bjlg::remote::purge
