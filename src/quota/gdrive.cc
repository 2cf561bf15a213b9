// Google Drive: GET /drive/v3/about?fields=storageQuota. Used is usageInDrive (what backups take,
// as the plugin reads it) or usage; the quota is limit, absent for unlimited accounts; free is
// limit - usage, since Gmail and Photos share the same limit.
// https://developers.google.com/drive/api/reference/rest/v3/about
#include "quota/json_probe.h"

namespace bjlg::quota {
namespace {

class GdriveProbe : public OAuthJsonProbe {
 public:
  GdriveProbe(const Destination& d, QuotaUsage* usage)
      : OAuthJsonProbe(d, usage, "Google Drive about", GdriveEndpoints(d)) {}

 protected:
  void ApiRequest(const std::string& base, Request* r) override {
    r->url = base + "/drive/v3/about?fields=storageQuota";
  }

  std::optional<QuotaError> ReadUsage(const nlohmann::json& answer) override {
    auto it = answer.find("storageQuota");
    if (it == answer.end() || !it->is_object()) return ProtocolError(where(), "no storageQuota in the answer");
    std::optional<uint64_t> in_drive = JsonUint(*it, "usageInDrive");
    std::optional<uint64_t> total = JsonUint(*it, "usage");
    std::optional<uint64_t> limit = JsonUint(*it, "limit");
    if (!in_drive && !total) return ProtocolError(where(), "storageQuota has no usage");
    usage()->used_bytes = in_drive ? in_drive : total;
    if (limit && *limit > 0) {
      usage()->quota_bytes = limit;
      usage()->quota_source = QuotaSource::kProvider;
      uint64_t counted = total.value_or(*usage()->used_bytes);
      usage()->free_bytes = *limit > counted ? *limit - counted : 0;
    }
    return std::nullopt;
  }
};

}  // namespace

OAuthEndpoints GdriveEndpoints(const Destination&) {
  return {"Google Drive", "https://www.googleapis.com", "https://oauth2.googleapis.com/token"};
}

std::unique_ptr<Probe> MakeGdriveProbe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<GdriveProbe>(d, usage);
}

}  // namespace bjlg::quota
