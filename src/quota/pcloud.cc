// pCloud: GET /userinfo on api.pcloud.com (US) or eapi.pcloud.com (EU, region: eu). pCloud
// answers HTTP 200 even on failure: `result` is the numeric status (0 = ok) and `error` the
// text, so both are checked (the plugin's defect 14 read `error` as the code).
// https://docs.pcloud.com/methods/general/userinfo.html
#include "quota/json_probe.h"

namespace bjlg::quota {
namespace {

class PcloudProbe : public OAuthJsonProbe {
 public:
  PcloudProbe(const Destination& d, QuotaUsage* usage)
      : OAuthJsonProbe(d, usage, "pCloud userinfo", PcloudEndpoints(d)) {}

 protected:
  void ApiRequest(const std::string& base, Request* r) override { r->url = base + "/userinfo"; }

  std::optional<QuotaError> ReadUsage(const nlohmann::json& answer) override {
    if (std::optional<QuotaError> e = PcloudResultError(where(), answer)) return e;
    std::optional<uint64_t> used = JsonUint(answer, "usedquota");
    if (!used) return ProtocolError(where(), "the answer has no usedquota");
    usage()->used_bytes = used;
    std::optional<uint64_t> quota = JsonUint(answer, "quota");
    if (quota && *quota > 0) {
      usage()->quota_bytes = quota;
      usage()->quota_source = QuotaSource::kProvider;
    }
    return std::nullopt;
  }
};

}  // namespace

// pCloud has no refresh token: its OAuth tokens do not expire.
OAuthEndpoints PcloudEndpoints(const Destination& d) {
  return {"pCloud", d.Text("region", "us") == "eu" ? "https://eapi.pcloud.com" : "https://api.pcloud.com", ""};
}

std::optional<QuotaError> PcloudResultError(const std::string& where, const nlohmann::json& answer) {
  std::optional<uint64_t> result = JsonUint(answer, "result");
  if (!result) return ProtocolError(where, "the answer has no result");
  if (*result == 0) return std::nullopt;
  std::string text = JsonText(answer, "error");
  // 1000 log in required, 2000 log in failed, 2094/2095 invalid token; 4000 too many login
  // tries; 2005 directory does not exist. https://docs.pcloud.com/errors/
  ErrorCode code = *result == 1000 || *result == 2000 || *result == 2094 || *result == 2095 ? ErrorCode::kAuth
                   : *result == 4000                                                        ? ErrorCode::kThrottled
                   : *result == 2005                                                        ? ErrorCode::kNotFound
                                                                                            : ErrorCode::kProtocol;
  return QuotaError{code, where + ": result " + std::to_string(*result) + (text.empty() ? "" : " (" + text.substr(0, 120) + ")")};
}

std::unique_ptr<Probe> MakePcloudProbe(const Destination& d, QuotaUsage* usage) {
  return std::make_unique<PcloudProbe>(d, usage);
}

}  // namespace bjlg::quota
