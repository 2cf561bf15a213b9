// The shared shape of the hosted providers that answer JSON (Google Drive, Dropbox, OneDrive,
// pCloud): an optional OAuth 2 refresh-token exchange, then one API call whose JSON answer holds
// the usage. Each provider's file says which call and which fields.
#ifndef BJLG_QUOTA_JSON_PROBE_H_
#define BJLG_QUOTA_JSON_PROBE_H_

#include <nlohmann/json.hpp>
#include <string>

#include "quota/probe.h"

namespace bjlg::quota {

// A non-negative integer field of `object` (a number, or a decimal string as Drive sends
// int64s); empty when absent, null, negative or not a number.
std::optional<uint64_t> JsonUint(const nlohmann::json& object, const char* key);
// Parses `body` without exceptions; a discarded value when it is not JSON.
nlohmann::json ParseJson(const std::string& body);

class OAuthJsonProbe : public Probe {
 public:
  struct Endpoints {
    const char* what;            // "Dropbox get_space_usage"
    std::string api_base;        // production base URL, used unless api_base_url is set
    std::string token_url;       // production token endpoint, unless token_url is set
  };
  OAuthJsonProbe(const Destination& d, QuotaUsage* usage, Endpoints endpoints);

  bool Next(Request* r) final;
  std::optional<QuotaError> OnResponse(Response& response) final;

 protected:
  // The API request, with `base` (no trailing slash) and the bearer header already added.
  virtual void ApiRequest(const std::string& base, Request* r) = 0;
  // Reads the API's JSON answer (a 2xx) into usage().
  virtual std::optional<QuotaError> ReadUsage(const nlohmann::json& answer) = 0;
  // Explains a non-2xx answer; the default maps the status (HttpError).
  virtual QuotaError ApiError(const Response& response);

  QuotaUsage* usage() { return usage_; }
  std::string where() const;

 private:
  enum class Stage { kRefresh, kApi, kDone };
  const Destination& d_;
  QuotaUsage* usage_;
  Endpoints endpoints_;
  std::string base_, token_url_, access_token_;
  Stage stage_;
};

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_JSON_PROBE_H_
