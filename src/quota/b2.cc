// Backblaze B2 native API usage: the session (b2_session.cc: b2_authorize_account, and
// b2_list_buckets for a bucket given by name), then b2_list_file_versions on the bucket page by
// page, summing the contentLength of stored versions: B2 bills every version, and hide markers
// take no space. B2 has no quota API: the quota is the configured quota_bytes.
// https://www.backblaze.com/apidocs/b2-list-file-versions
#include "quota/json_probe.h"
#include "quota/session.h"

namespace bjlg::quota {
namespace {

using json = nlohmann::json;

class B2Probe : public Probe {
 public:
  B2Probe(const Destination& d, QuotaUsage* usage) : session_(d), pages_(d), usage_(usage) {
    usage_->used_bytes = 0;
    usage_->object_count = 0;
    usage_->source = UsedSource::kListing;
  }

  bool Next(Request* r) override {
    if (!ready_) {
      if (session_.Next(r)) return true;
      ready_ = true;
    }
    if (pages_.done()) return false;
    pages_.Request(session_, r);
    session_.Authorize(r);
    return true;
  }

  std::optional<QuotaError> OnResponse(Response& response) override {
    if (!ready_) return session_.OnResponse(response);
    std::string what = "B2 b2_list_file_versions on " + HostOf(session_.base());
    if (response.status < 200 || response.status >= 300) return B2Error(what, response);
    json answer = ParseJson(response.body);
    if (!answer.is_object()) return ProtocolError(what, "the answer is not a JSON object");
    const json* files = nullptr;
    if (std::optional<QuotaError> e = pages_.Read(what, answer, &files)) return e;
    for (const json& f : *files) {
      std::optional<uint64_t> size = JsonUint(f, "contentLength");
      if (!size) return ProtocolError(what, "a file has no contentLength");
      std::string action = JsonText(f, "action");
      if (action == "hide" || action == "folder") continue;
      *usage_->used_bytes += *size;
      *usage_->object_count += 1;
    }
    return std::nullopt;
  }

 private:
  B2Session session_;
  B2VersionPages pages_;
  QuotaUsage* usage_;
  bool ready_ = false;
};

}  // namespace

std::unique_ptr<Probe> MakeB2Probe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<B2Probe>(d, usage);
}

}  // namespace bjlg::quota
