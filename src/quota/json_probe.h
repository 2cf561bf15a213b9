// The shared shape of the quota collectors of the hosted providers that answer JSON (Google
// Drive, Dropbox, OneDrive, pCloud): the provider's session (session.h: the static token, or an
// OAuth 2 refresh first), then one API call whose JSON answer holds the usage. Each provider's
// file says which call and which fields.
#ifndef BJLG_QUOTA_JSON_PROBE_H_
#define BJLG_QUOTA_JSON_PROBE_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "quota/probe.h"
#include "quota/session.h"

namespace bjlg::quota {

// A non-negative integer field of `object` (a number, or a decimal string as Drive sends
// int64s); empty when absent, null, negative or not a number.
std::optional<uint64_t> JsonUint(const nlohmann::json& object, const char* key);
// The string field `key` of `object`, or empty when absent or not a string.
std::string JsonText(const nlohmann::json& object, const char* key);
// Parses `body` without exceptions; a discarded value when it is not JSON.
nlohmann::json ParseJson(const std::string& body);

class OAuthJsonProbe : public Probe {
 public:
  // `what` names the API call in messages ("Dropbox get_space_usage").
  OAuthJsonProbe(const Destination& d, QuotaUsage* usage, const char* what, OAuthEndpoints endpoints);

  bool Next(Request* r) final;
  std::optional<QuotaError> OnResponse(Response& response) final;

 protected:
  // The API request, with `base` (no trailing slash); the bearer header is added after.
  virtual void ApiRequest(const std::string& base, Request* r) = 0;
  // Reads the API's JSON answer (a 2xx) into usage().
  virtual std::optional<QuotaError> ReadUsage(const nlohmann::json& answer) = 0;
  // Explains a non-2xx answer; the default maps the status (HttpError).
  virtual QuotaError ApiError(const Response& response);

  QuotaUsage* usage() { return usage_; }
  std::string where() const;

 private:
  enum class Stage { kSession, kApi, kDone };
  QuotaUsage* usage_;
  const char* what_;
  std::unique_ptr<Session> session_;
  Stage stage_ = Stage::kSession;
};

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_JSON_PROBE_H_
