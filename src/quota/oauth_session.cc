// The OAuth 2 session of the hosted JSON providers (Drive, Dropbox, OneDrive, pCloud): the
// destination's access_token as is, or a refresh-token exchange first (RFC 6749 §6).
#include "common/parse_limits.h"
#include "quota/crypto.h"
#include "quota/json_probe.h"
#include "quota/session.h"

namespace bjlg::quota {
namespace {

using json = nlohmann::json;

class OAuthSession : public Session {
 public:
  OAuthSession(const Destination& d, OAuthEndpoints endpoints)
      : d_(d), what_(endpoints.what), base_(TrimSlash(d.Text("api_base_url", endpoints.api_base))),
        token_url_(d.Text("token_url", endpoints.token_url)), access_token_(d.Text("access_token")),
        refresh_(d.Has("refresh_token")) {}

  bool Next(Request* r) override {
    if (!refresh_) return false;
    r->what = what_ + " token refresh";
    r->method = "POST";
    r->url = token_url_;
    r->headers = {"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"};
    r->body = "grant_type=refresh_token&refresh_token=" + UriEncode(d_.Text("refresh_token"), false) +
              "&client_id=" + UriEncode(d_.Text("client_id"), false);
    if (d_.Has("client_secret")) r->body += "&client_secret=" + UriEncode(d_.Text("client_secret"), false);
    return true;
  }

  std::optional<QuotaError> OnResponse(Response& response) override {
    std::string what = what_ + " token refresh on " + HostOf(token_url_);
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
    refresh_ = false;
    return std::nullopt;
  }

  void Authorize(Request* r) const override {
    r->headers.push_back("Authorization: Bearer " + access_token_);
    r->headers.push_back("Accept: application/json");
  }

  const std::string& base() const override { return base_; }

 private:
  const Destination& d_;
  std::string what_, base_, token_url_, access_token_;
  bool refresh_;
};

}  // namespace

std::unique_ptr<Session> MakeOAuthSession(const Destination& d, OAuthEndpoints endpoints) {
  return std::make_unique<OAuthSession>(d, std::move(endpoints));
}

}  // namespace bjlg::quota
