// What a hosted provider's API calls need before the first one, written once for quota and
// purge: an access token (an OAuth 2 refresh-token exchange, or the destination's static token),
// or Backblaze B2's b2_authorize_account (and, for a bucket given by name, b2_list_buckets).
//
// A Session is the first stage of a probe: the probe sends the session's requests until Next()
// returns false, then authorizes its own API calls with it. Quota's collectors (json_probe.cc,
// b2.cc) and purge's listing and deleting probes (remote/purge/hosted.h) all run one, so each
// provider's authentication, endpoints and error shapes live in quota/ and nowhere else.
#ifndef BJLG_QUOTA_SESSION_H_
#define BJLG_QUOTA_SESSION_H_

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "quota/probe.h"

namespace bjlg::quota {

class Session {
 public:
  virtual ~Session() = default;
  // Fills *r with the next preliminary request and returns true; false once the session is ready.
  virtual bool Next(Request* r) = 0;
  // The answer to the last preliminary request. An error ends the job (auth, not_found…).
  virtual std::optional<QuotaError> OnResponse(Response& response) = 0;
  // REQUIRES: Next() returned false. Adds the credentials to an API request.
  virtual void Authorize(Request* r) const = 0;
  // REQUIRES: Next() returned false. The API's base URL, without a trailing slash.
  virtual const std::string& base() const = 0;
};

// The production endpoints of an OAuth provider; api_base_url and token_url (tests only) win.
struct OAuthEndpoints {
  const char* what;       // "Dropbox": names the calls in messages
  std::string api_base;   // "https://api.dropboxapi.com"
  std::string token_url;  // "https://api.dropboxapi.com/oauth2/token"; empty: no refresh
};

// Each provider's file (gdrive.cc, dropbox.cc, onedrive.cc, pcloud.cc) says where it lives.
OAuthEndpoints GdriveEndpoints(const Destination& d);
OAuthEndpoints DropboxEndpoints(const Destination& d);
OAuthEndpoints OnedriveEndpoints(const Destination& d);
OAuthEndpoints PcloudEndpoints(const Destination& d);

// A bearer token: the destination's access_token, or, with refresh_token, the one a
// grant_type=refresh_token exchange at the token endpoint returns. `d` outlives the session.
std::unique_ptr<Session> MakeOAuthSession(const Destination& d, OAuthEndpoints endpoints);

// B2: b2_authorize_account (Basic auth with the application key), then b2_list_buckets when the
// bucket is given by name. base() is the account's apiUrl; Authorize adds the raw token.
class B2Session : public Session {
 public:
  explicit B2Session(const Destination& d);
  bool Next(Request* r) override;
  std::optional<QuotaError> OnResponse(Response& response) override;
  void Authorize(Request* r) const override;
  const std::string& base() const override { return api_url_; }
  // REQUIRES: ready. The bucket's ID (given, or found by name).
  const std::string& bucket_id() const { return bucket_id_; }
  // The host of the authorization server, for messages.
  std::string auth_host() const { return HostOf(auth_base_); }

 private:
  std::optional<QuotaError> FindBucket(const std::string& what, const nlohmann::json& answer);
  const Destination& d_;
  std::string auth_base_, token_, api_url_, account_id_;
  std::string bucket_id_;    // given, or found by b2_list_buckets; empty until then
  std::string bucket_name_;  // used only when bucket_id is not given
};

// The error of a non-2xx B2 answer: its JSON `code` ("bad_auth_token") appended, bad_bucket_id
// is not_found.
QuotaError B2Error(const std::string& what, const Response& response);

// b2_list_file_versions, page after page (nextFileName/nextFileId), under the destination's
// prefix, page_size files a page. Shared by quota's usage sum and purge's listing.
class B2VersionPages {
 public:
  explicit B2VersionPages(const Destination& d);
  bool done() const { return done_; }
  // REQUIRES: !done() and the session ready. The request for the next page, without the
  // credentials (session.Authorize adds them).
  void Request(const B2Session& session, remote::Request* r) const;
  // Reads a 2xx answer: its `files` array into *files, the next page's start. A page that does
  // not advance is a protocol error (the listing would loop).
  std::optional<QuotaError> Read(const std::string& what, const nlohmann::json& answer, const nlohmann::json** files);

 private:
  std::string prefix_;
  bool has_prefix_;
  int64_t page_size_;
  std::optional<std::string> next_name_, next_id_;
  bool done_ = false;
};

// pCloud answers HTTP 200 even on failure: `result` is the numeric status (0 = ok). The error
// for a non-zero result (1000/2000/2094/2095 auth, 4000 throttled, 2005 not_found, else
// protocol), or nothing when result is 0. A missing result is a protocol error.
std::optional<QuotaError> PcloudResultError(const std::string& where, const nlohmann::json& answer);

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_SESSION_H_
