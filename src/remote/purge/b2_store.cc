// Backblaze B2 native API: the listing is b2_list_file_versions under the prefix (quota's
// B2VersionPages, after quota's B2Session: b2_authorize_account, b2_list_buckets for a bucket
// given by name). Versions list newest first within a name, so a name whose newest version is a
// hide marker is already deleted for readers and is not listed; a visible name is one archive
// whose size is the sum of its versions and whose ids are all its versions' (hide markers
// included), since a purge must free what B2 bills: each goes with b2_delete_file_version
// (fileName + fileId). A version already gone (404, or 400 file_not_present) is done.
// Unfinished large files (action "start") are not archives and are left alone.
// https://www.backblaze.com/apidocs/b2-list-file-versions
// https://www.backblaze.com/apidocs/b2-delete-file-version
// https://www.backblaze.com/docs/cloud-storage-file-versions
#include <set>

#include "quota/json_probe.h"
#include "remote/purge/hosted.h"
#include "remote/purge/one_by_one.h"

namespace bjlg::remote::purge {
namespace {

using nlohmann::json;
using quota::JsonText;

const char kList[] = "B2 b2_list_file_versions";
const char kDelete[] = "B2 b2_delete_file_version";

class B2ListProbe : public HostedListProbe {
 public:
  B2ListProbe(const quota::Destination& d, Listing* out) : B2ListProbe(d, out, new quota::B2Session(d)) {}

 private:
  // The base owns the session (adopted at once); b2_ keeps its B2 side (the bucket's id) at hand.
  B2ListProbe(const quota::Destination& d, Listing* out, quota::B2Session* session)
      : HostedListProbe(std::unique_ptr<quota::Session>(session), out, kList), b2_(session), pages_(d) {}

 protected:
  void PageRequest(const std::string&, Request* r) override { pages_.Request(*b2_, r); }

  RemoteError PageError(const Response& response) override { return quota::B2Error(where(), response); }

  std::optional<RemoteError> ReadPage(const json& answer) override {
    const json* files = nullptr;
    if (std::optional<RemoteError> e = pages_.Read(where(), answer, &files)) return e;
    for (const json& f : *files) {
      std::string name = JsonText(f, "fileName"), id = JsonText(f, "fileId"), action = JsonText(f, "action");
      std::optional<uint64_t> size = quota::JsonUint(f, "contentLength");
      if (name.empty() || id.empty() || !size) return ProtocolError(where(), "a file has no fileName, fileId or contentLength");
      if (action == "start" || action == "folder") continue;
      bool newest = seen_.insert(name).second;
      if (newest && action == "hide") hidden_.insert(name);
      if (hidden_.count(name) > 0) continue;
      std::optional<uint64_t> ms = quota::JsonUint(f, "uploadTimestamp");
      Add(name, action == "hide" ? 0 : *size, ms ? std::optional<int64_t>(*ms / 1000) : std::nullopt, id);
    }
    if (pages_.done()) Finish();
    return std::nullopt;
  }

 private:
  quota::B2Session* b2_ = nullptr;  // owned by the base
  quota::B2VersionPages pages_;
  std::set<std::string> seen_, hidden_;
};

}  // namespace

std::unique_ptr<Probe> MakeB2ListProbe(const quota::Destination& d, Listing* out) {
  return std::make_unique<B2ListProbe>(d, out);
}

std::unique_ptr<Probe> MakeB2DeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                         BeforeDelete before, AfterDelete after) {
  auto session = std::make_shared<quota::B2Session>(d);
  quota::B2Session* s = session.get();
  return MakeOneByOneDeleteProbe(
      std::move(items),
      [s](const std::string& name, const std::string& id, Request* r) -> std::optional<RemoteError> {
        if (id.empty()) return RemoteError{ErrorCode::kProtocol, std::string(kDelete) + ": the listing gave no fileId"};
        r->what = kDelete;
        r->method = "POST";
        r->url = s->base() + "/b2api/v2/b2_delete_file_version";
        r->headers = {"Content-Type: application/json"};
        r->body = json{{"fileName", name}, {"fileId", id}}.dump();
        return std::nullopt;
      },
      [s](const Response& response) -> DeleteVerdict {
        if (response.status >= 200 && response.status < 300) return {Deletion::Outcome::kDeleted, std::nullopt};
        std::string code = JsonText(quota::ParseJson(response.body), "code");
        if (response.status == 404 || (response.status == 400 && code == "file_not_present")) {
          return {Deletion::Outcome::kGone, std::nullopt};
        }
        return {Deletion::Outcome::kFailed, quota::B2Error(std::string(kDelete) + " on " + HostOf(s->base()), response)};
      },
      std::move(before), std::move(after), std::move(session));
}

}  // namespace bjlg::remote::purge
