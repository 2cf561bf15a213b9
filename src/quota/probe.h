// Probe: how one collector talks to its destination, as a sequence of requests the engine runs.
//
// A probe never touches the network itself: it hands the engine a Request, the engine runs it
// (concurrently with every other destination's, under the destination's time budget, retrying
// 429/5xx answers) and gives the Response back. This keeps each protocol file a small state
// machine (list a page, read the next token, ask for the next page) and all the transport
// policy (timeouts, retries, size cap, redirects, TLS) in one place, engine.cc.
#ifndef BJLG_QUOTA_PROBE_H_
#define BJLG_QUOTA_PROBE_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quota/destination.h"
#include "quota/usage.h"

namespace bjlg::quota {

struct Request {
  std::string what;                  // "S3 ListObjectsV2": names the call in messages
  std::string method = "GET";
  std::string url;                   // http(s):// or sftp://
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // sent for POST, PUT, PROPFIND
  // When set, the body of a 2xx answer is given to the sink chunk by chunk instead of being
  // kept; returning false stops the transfer (the probe keeps the reason).
  std::function<bool(std::string_view)> sink;
  // HTTP Basic or Digest (server's choice), or the SSH user name and password.
  std::string username;
  std::string password;
  // SFTP only: commands sent before the (empty) transfer, and the SSH identity.
  std::vector<std::string> quote;
  std::string ssh_private_key;       // file path
  std::string ssh_public_key;        // file path, optional
  std::string ssh_passphrase;
  std::string ssh_host_sha256;       // base64 SHA-256 of the server's host key
  std::string ssh_known_hosts;       // file path
};

struct Response {
  long status = 0;                            // HTTP status; 0 for SFTP
  std::map<std::string, std::string> headers; // lower-case names; repeats joined with ','
  std::vector<std::string> header_lines;      // as received (SFTP quote results come here)
  std::string body;                           // empty when a sink took it; error bodies capped
  bool sink_failed = false;                   // the sink refused a chunk: the probe says why
};

class Probe {
 public:
  virtual ~Probe() = default;
  // Fills *request with the next call and returns true, or returns false when the probe has
  // finished (its usage or its error is then in the QuotaUsage it was made with).
  virtual bool Next(Request* request) = 0;
  // The answer to the last request. Returns an error to stop the probe.
  virtual std::optional<QuotaError> OnResponse(Response& response) = 0;
};

// The probe for `destination`'s type, writing into *usage (which outlives it).
std::unique_ptr<Probe> MakeProbe(const Destination& destination, QuotaUsage* usage);

// One factory per collector file.
std::unique_ptr<Probe> MakeS3Probe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeAzureProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeB2Probe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeGdriveProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeDropboxProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeOnedriveProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakePcloudProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeWebdavProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeSftpProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeLocalProbe(const Destination& d, QuotaUsage* usage);

// Helpers shared by the collectors.

// The error for a non-2xx answer: 401/403 auth, 404 not_found, 429 throttled, else protocol.
// `detail` (a provider error code such as "NoSuchBucket") is appended when not empty.
QuotaError HttpError(const std::string& what, const Response& response, const std::string& detail = "");
// A protocol error: "<what>: <why>".
QuotaError ProtocolError(const std::string& what, const std::string& why);
// A non-negative integer written in decimal (JSON strings carry int64 for Drive).
std::optional<uint64_t> ParseUint(std::string_view text);
// "https://host:port/path?query" -> "host:port".
std::string HostOf(const std::string& url);
// Removes trailing slashes.
std::string TrimSlash(std::string url);

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_PROBE_H_
