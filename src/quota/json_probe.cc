#include "quota/json_probe.h"

#include <cmath>

#include "common/parse_limits.h"

namespace bjlg::quota {

using json = nlohmann::json;

std::optional<uint64_t> JsonUint(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (it->is_number_unsigned()) return it->get<uint64_t>();
  if (it->is_number_integer()) {
    int64_t v = it->get<int64_t>();
    return v < 0 ? std::nullopt : std::optional<uint64_t>(static_cast<uint64_t>(v));
  }
  if (it->is_number_float()) {
    double v = it->get<double>();
    if (!(v >= 0) || v > 1.8e19) return std::nullopt;
    return static_cast<uint64_t>(std::floor(v));
  }
  if (it->is_string()) return ParseUint(it->get<std::string>());
  return std::nullopt;
}

// A provider's answer nested too deep is as unusable as one that is not JSON: discarded.
json ParseJson(const std::string& body) {
  Result<json> doc = ParseUntrustedJson(body, "answer");
  return doc.ok() ? std::move(*doc) : json(json::value_t::discarded);
}

std::string JsonText(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

OAuthJsonProbe::OAuthJsonProbe(const Destination& d, QuotaUsage* usage, const char* what, OAuthEndpoints endpoints)
    : usage_(usage), what_(what), session_(MakeOAuthSession(d, std::move(endpoints))) {}

std::string OAuthJsonProbe::where() const { return std::string(what_) + " on " + HostOf(session_->base()); }

bool OAuthJsonProbe::Next(Request* r) {
  if (stage_ == Stage::kSession) {
    if (session_->Next(r)) return true;
    stage_ = Stage::kApi;
  }
  if (stage_ != Stage::kApi) return false;
  r->what = what_;
  ApiRequest(session_->base(), r);
  session_->Authorize(r);
  return true;
}

std::optional<QuotaError> OAuthJsonProbe::OnResponse(Response& response) {
  if (stage_ == Stage::kSession) return session_->OnResponse(response);
  stage_ = Stage::kDone;
  if (response.status < 200 || response.status >= 300) return ApiError(response);
  json answer = ParseJson(response.body);
  if (answer.is_discarded() || !answer.is_object()) return ProtocolError(where(), "the answer is not a JSON object");
  std::optional<QuotaError> e = ReadUsage(answer);
  if (!e) usage_->source = UsedSource::kProvider;
  return e;
}

QuotaError OAuthJsonProbe::ApiError(const Response& response) { return HttpError(where(), response); }

}  // namespace bjlg::quota
