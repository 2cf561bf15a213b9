// OneDrive: GET /v1.0/me/drive (Microsoft Graph). quota.used, quota.total (0 means unknown) and
// quota.remaining. https://learn.microsoft.com/graph/api/resources/quota
// National clouds have their own Graph and sign-in hosts, picked by `cloud`:
// https://learn.microsoft.com/graph/deployments
#include "quota/json_probe.h"

namespace bjlg::quota {
namespace {

struct Cloud {
  const char* name;
  const char* graph;
  const char* login;
};

constexpr Cloud kClouds[] = {
    {"global", "https://graph.microsoft.com", "https://login.microsoftonline.com"},
    {"us_gov", "https://graph.microsoft.us", "https://login.microsoftonline.us"},
    {"us_dod", "https://dod-graph.microsoft.us", "https://login.microsoftonline.us"},
    {"china", "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn"},
};

const Cloud& CloudOf(const Destination& d) {
  std::string name = d.Text("cloud", "global");
  for (const Cloud& c : kClouds) {
    if (name == c.name) return c;
  }
  return kClouds[0];  // the parser admits only the names above
}

class OnedriveProbe : public OAuthJsonProbe {
 public:
  OnedriveProbe(const Destination& d, QuotaUsage* usage)
      : OAuthJsonProbe(d, usage, "OneDrive drive", OnedriveEndpoints(d)) {}

 protected:
  void ApiRequest(const std::string& base, Request* r) override { r->url = base + "/v1.0/me/drive"; }

  std::optional<QuotaError> ReadUsage(const nlohmann::json& answer) override {
    auto it = answer.find("quota");
    if (it == answer.end() || !it->is_object()) return ProtocolError(where(), "the drive has no quota facet");
    std::optional<uint64_t> used = JsonUint(*it, "used");
    if (!used) return ProtocolError(where(), "quota has no used");
    usage()->used_bytes = used;
    std::optional<uint64_t> total = JsonUint(*it, "total");
    if (total && *total > 0) {
      usage()->quota_bytes = total;
      usage()->quota_source = QuotaSource::kProvider;
      usage()->free_bytes = JsonUint(*it, "remaining");
    }
    return std::nullopt;
  }
};

}  // namespace

OAuthEndpoints OnedriveEndpoints(const Destination& d) {
  return {"OneDrive", CloudOf(d).graph,
          std::string(CloudOf(d).login) + "/" + d.Text("tenant", "common") + "/oauth2/v2.0/token"};
}

std::unique_ptr<Probe> MakeOnedriveProbe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<OnedriveProbe>(d, usage);
}

}  // namespace bjlg::quota
