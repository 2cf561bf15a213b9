// Google Drive v3: the listing is files.list of the folder `folder_id` (q: '<id>' in parents and
// trashed = false), 1,000 files a page (pageToken / nextPageToken), fields id, name, size,
// modifiedTime, mimeType; sub-folders are skipped. Each archive goes with DELETE
// /drive/v3/files/{id} for every file of its name: a permanent delete, not the trash, since
// trashed files still count against the quota a purge is meant to free. 404 means already gone.
// https://developers.google.com/drive/api/reference/rest/v3/files/list
// https://developers.google.com/drive/api/guides/search-files
// https://developers.google.com/drive/api/reference/rest/v3/files/delete
#include "quota/crypto.h"
#include "quota/json_probe.h"
#include "remote/purge/hosted.h"
#include "remote/purge/one_by_one.h"

namespace bjlg::remote::purge {
namespace {

using nlohmann::json;
using quota::JsonText;
using quota::UriEncode;

const char kList[] = "Google Drive files.list";
const char kDelete[] = "Google Drive files.delete";
const char kFolderType[] = "application/vnd.google-apps.folder";

// The search query's string literal: quotes and backslashes escaped (search-files guide).
std::string QueryLiteral(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

class GdriveListProbe : public HostedListProbe {
 public:
  GdriveListProbe(const quota::Destination& d, Listing* out)
      : HostedListProbe(quota::MakeOAuthSession(d, quota::GdriveEndpoints(d)), out, kList),
        folder_id_(d.Text("folder_id")) {}

 protected:
  void PageRequest(const std::string& base, Request* r) override {
    r->url = base + "/drive/v3/files?q=" +
             UriEncode(QueryLiteral(folder_id_) + " in parents and trashed = false", false) +
             "&pageSize=1000&supportsAllDrives=true&includeItemsFromAllDrives=true&fields=" +
             UriEncode("nextPageToken,files(id,name,size,modifiedTime,mimeType)", false);
    if (!token_.empty()) r->url += "&pageToken=" + UriEncode(token_, false);
  }

  std::optional<RemoteError> ReadPage(const json& answer) override {
    auto files = answer.find("files");
    if (files == answer.end() || !files->is_array()) return ProtocolError(where(), "the answer has no files list");
    for (const json& f : *files) {
      std::string id = JsonText(f, "id"), name = JsonText(f, "name");
      if (id.empty() || name.empty()) return ProtocolError(where(), "a file has no id or name");
      if (JsonText(f, "mimeType") == kFolderType) continue;
      // size is an int64 sent as a string; Google Docs have none (they take no quota).
      uint64_t size = 0;
      if (f.contains("size")) {
        std::optional<uint64_t> bytes = quota::JsonUint(f, "size");
        if (!bytes) return ProtocolError(where(), "a file's size is not a number");
        size = *bytes;
      }
      Add(name, size, JsonTime(f, "modifiedTime"), id);
    }
    std::string next = JsonText(answer, "nextPageToken");
    if (next.empty()) {
      Finish();
    } else {
      if (next == token_) return ProtocolError(where(), "the page token did not advance");
      token_ = next;
    }
    return std::nullopt;
  }

 private:
  std::string folder_id_, token_;
};

}  // namespace

std::unique_ptr<Probe> MakeGdriveListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<GdriveListProbe>(d, out);
}

std::unique_ptr<Probe> MakeGdriveDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                             BeforeDelete before, AfterDelete after) {
  std::shared_ptr<quota::Session> session = quota::MakeOAuthSession(d, quota::GdriveEndpoints(d));
  quota::Session* s = session.get();
  return MakeOneByOneDeleteProbe(
      std::move(items),
      [s](const std::string&, const std::string& id, Request* r) -> std::optional<RemoteError> {
        if (id.empty()) return RemoteError{ErrorCode::kProtocol, std::string(kDelete) + ": the listing gave no file id"};
        r->what = kDelete;
        r->method = "DELETE";
        r->url = s->base() + "/drive/v3/files/" + UriEncode(id, false) + "?supportsAllDrives=true";
        return std::nullopt;
      },
      JudgeByStatus([s](const Response& response) {
        return HostedHttpError(std::string(kDelete) + " on " + HostOf(s->base()), response);
      }),
      std::move(before), std::move(after), std::move(session));
}

}  // namespace bjlg::remote::purge
