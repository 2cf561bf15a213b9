#include "quota/json_probe.h"

#include <cmath>

#include "common/parse_limits.h"
#include "quota/crypto.h"

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

OAuthJsonProbe::OAuthJsonProbe(const Destination& d, QuotaUsage* usage, Endpoints endpoints)
    : d_(d), usage_(usage), endpoints_(endpoints) {
  base_ = TrimSlash(d.Text("api_base_url", endpoints.api_base));
  token_url_ = d.Text("token_url", endpoints.token_url);
  access_token_ = d.Text("access_token");
  stage_ = d.Has("refresh_token") ? Stage::kRefresh : Stage::kApi;
}

std::string OAuthJsonProbe::where() const { return std::string(endpoints_.what) + " on " + HostOf(base_); }

bool OAuthJsonProbe::Next(Request* r) {
  switch (stage_) {
    case Stage::kRefresh: {
      r->what = std::string(endpoints_.what) + " token refresh";
      r->method = "POST";
      r->url = token_url_;
      r->headers = {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"};
      r->body = "grant_type=refresh_token&refresh_token=" + UriEncode(d_.Text("refresh_token"), false) +
                "&client_id=" + UriEncode(d_.Text("client_id"), false);
      if (d_.Has("client_secret")) r->body += "&client_secret=" + UriEncode(d_.Text("client_secret"), false);
      return true;
    }
    case Stage::kApi:
      r->what = endpoints_.what;
      ApiRequest(base_, r);
      r->headers.push_back("Authorization: Bearer " + access_token_);
      r->headers.push_back("Accept: application/json");
      return true;
    case Stage::kDone:
      return false;
  }
  return false;
}

std::optional<QuotaError> OAuthJsonProbe::OnResponse(Response& response) {
  if (stage_ == Stage::kRefresh) {
    std::string what = std::string(endpoints_.what) + " token refresh on " + HostOf(token_url_);
    json answer = ParseJson(response.body);
    if (response.status < 200 || response.status >= 300) {
      std::string detail;
      if (answer.is_object() && answer.contains("error") && answer["error"].is_string()) {
        detail = answer["error"].get<std::string>();  // "invalid_grant": a code, never a secret
      }
      QuotaError e = HttpError(what, response, detail);
      if (response.status == 400 || detail == "invalid_grant" || detail == "invalid_client") e.code = ErrorCode::kAuth;
      return e;
    }
    if (!answer.is_object() || !answer.contains("access_token") || !answer["access_token"].is_string()) {
      return ProtocolError(what, "the answer has no access_token");
    }
    access_token_ = answer["access_token"].get<std::string>();
    stage_ = Stage::kApi;
    return std::nullopt;
  }
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
