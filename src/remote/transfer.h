// The transport every remote capability shares (quota, purge, notify): jobs, each a Probe
// that hands out requests one after another, run concurrently over one libcurl multi handle.
//
// A probe never touches the network itself: it gives the engine a Request, the engine runs it
// (concurrently with every other job's, under the job's time budget, retrying 429/5xx answers,
// honouring Retry-After) and gives the Response back. This keeps each protocol file a small
// state machine and all the transport policy in one place, transfer.cc:
//  - one time budget per job, every request and retry included;
//  - retries with exponential backoff on HTTP 429/5xx and on SMTP 4xx, Retry-After honoured;
//  - a size cap on every response; redirects followed only on the same origin;
//  - TLS verification on unless the caller turns it off; SMTP STARTTLS when required;
//  - every connection judged on its resolved address (address_policy.h);
//  - every message redacted of credentials (redact.h) and of the job's own secrets.
#ifndef BJLG_REMOTE_TRANSFER_H_
#define BJLG_REMOTE_TRANSFER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace bjlg::remote {

// Stable codes: what the user should do differs per code.
enum class ErrorCode {
  kAuth,         // credentials refused (HTTP 401/403, SSH or SMTP authentication, local EACCES)
  kNotFound,     // the bucket, container, folder, path or endpoint does not exist
  kThrottled,    // HTTP 429 or 503 still returned after the allowed retries
  kTimeout,      // the job's time budget ran out
  kTls,          // certificate or TLS handshake failure
  kProtocol,     // an answer bjlg cannot use: bad XML/JSON, an unexpected status, an oversized
                 // response, a redirect to another host
  kUnreachable,  // no answer: connection refused, DNS failure, SSH transport failure
  kRejected,     // the service understood and refused the content (HTTP 400/422, SMTP 5xx)
};

// "auth", "not_found", "throttled", "timeout", "tls", "protocol", "unreachable", "rejected".
const char* ErrorCodeName(ErrorCode code);

struct RemoteError {
  ErrorCode code = ErrorCode::kProtocol;
  std::string message;  // no credential, signature or query string

  // "[auth] S3 ListObjectsV2: HTTP 403 (SignatureDoesNotMatch)"
  std::string ToString() const;
};

struct Request {
  std::string what;                  // "S3 ListObjectsV2": names the call in messages
  std::string method = "GET";
  std::string url;                   // http(s)://, sftp://, smtp:// or smtps://
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // sent unless GET/HEAD; SMTP: the whole RFC 5322 message
  // When set, the body of a 2xx answer is given to the sink chunk by chunk instead of being
  // kept; returning false stops the transfer (the probe keeps the reason).
  std::function<bool(std::string_view)> sink;
  // HTTP Basic or Digest (server's choice), the SSH user name and password, or SMTP AUTH.
  std::string username;
  std::string password;
  // SFTP only: commands sent before the (empty) transfer, and the SSH identity.
  std::vector<std::string> quote;
  std::string ssh_private_key;       // file path
  std::string ssh_public_key;        // file path, optional
  std::string ssh_passphrase;
  std::string ssh_host_sha256;       // base64 SHA-256 of the server's host key
  std::string ssh_known_hosts;       // file path
  // SFTP: a refused quote command (rm of a missing file) is given to the probe as
  // Response::quote_failed instead of ending the job. A sink set on an sftp:// URL ending in
  // '/' receives the directory listing (one "ls -l" line per entry).
  bool quote_failure_to_probe = false;
  // SMTP only: the envelope; on smtp://, require_tls makes STARTTLS mandatory.
  std::string mail_from;
  std::vector<std::string> mail_rcpt;
  bool require_tls = false;
};

struct Response {
  long status = 0;                            // HTTP or last SMTP status; 0 for SFTP
  std::map<std::string, std::string> headers; // lower-case names; repeats joined with ','
  std::vector<std::string> header_lines;      // as received (SFTP quote results come here)
  std::string body;                           // empty when a sink took it; error bodies capped
  bool sink_failed = false;                   // the sink refused a chunk: the probe says why
  int attempts = 1;                           // sends of this request, retries included
  bool quote_failed = false;                  // SFTP: the server refused a quote command
};

class Probe {
 public:
  virtual ~Probe() = default;
  // Fills *request with the next call and returns true, or returns false when the job is done.
  virtual bool Next(Request* request) = 0;
  // The answer to the last request. Returns an error to stop the job.
  virtual std::optional<RemoteError> OnResponse(Response& response) = 0;
};

struct TransferOptions {
  int64_t timeout_ms = 30000;               // per job, all its requests and retries included
  int max_retries = 2;                      // extra attempts after a 429/5xx (SMTP 4xx) answer
  int64_t retry_base_ms = 500;              // first backoff; doubles on each retry
  uint64_t max_response_bytes = 16u << 20;  // any single response larger than this is refused
  bool verify_tls = true;                   // certificate and host name checks
  std::string ca_bundle;                    // PEM file of trusted CAs; empty = the system's
  // Loopback and private addresses may be reached; link-local ones never (address_policy.h).
  bool allow_private_network = false;
  size_t max_parallel = 0;                  // jobs running at once; 0 = all of them
  std::string user_agent;                   // empty: "bjlg/<version>"
};

// The bounds of every caller's transfer options (quota, purge, notify), named as the PHP options
// name them: timeout_ms in [1, 3600000], retries (max_retries) in [0, 10], retry_base_ms in
// [0, 60000], max_response_bytes at least 1024. InvalidOption for the first one outside.
Status CheckTransferOptions(const TransferOptions& options);

struct Job {
  std::string label;                           // names the job in refusals ("destination #0 (s3)")
  std::unique_ptr<Probe> probe;
  int64_t budget_ms = 0;                       // 0: TransferOptions::timeout_ms
  std::optional<bool> allow_private_network;   // overrides the option for this job
  std::vector<std::string> secrets;            // removed from every message of this job
};

struct JobResult {
  std::vector<RemoteError> errors;  // empty on success; messages already redacted
  int attempts = 0;                 // requests sent, retries included (a 500 then a 200 is 2)
  long last_status = 0;             // the last HTTP or SMTP status received
  int64_t queued_ms = 0;            // Unix time in milliseconds: when RunJobs received the job,
  int64_t started_ms = 0;           // when its first request started,
  int64_t finished_ms = 0;          // when it ended
  bool cancelled = false;           // on_done asked to stop before this job ended

  bool ok() const { return errors.empty() && !cancelled; }
  int64_t latency_ms() const { return finished_ms - started_ms; }
};

// Runs every job concurrently over one libcurl multi handle, on the calling thread, and returns
// one result per job in the same order. Never fails as a whole. `on_done(i, result)` is called
// as job i ends, in completion order, on the calling thread; returning false cancels every job
// not yet finished (their results say cancelled).
std::vector<JobResult> RunJobs(std::vector<Job>& jobs, const TransferOptions& options,
                               const std::function<bool(size_t, const JobResult&)>& on_done = {});

// Helpers shared by the probes.

// The error for a non-2xx answer: 401/403 auth, 404 not_found, 429/503 throttled, 400/422
// rejected, else protocol. `detail` (a provider error code such as "NoSuchBucket") is appended.
RemoteError HttpError(const std::string& what, const Response& response, const std::string& detail = "");
// A protocol error: "<what>: <why>".
RemoteError ProtocolError(const std::string& what, const std::string& why);
// A non-negative integer written in decimal, surrounding blanks ignored.
std::optional<uint64_t> ParseUint(std::string_view text);
// An HTTP date (RFC 1123 "Sun, 06 Dec 2026 03:01:24 GMT", or the obsolete forms) as Unix seconds.
std::optional<int64_t> ParseHttpDate(const std::string& text);
// "https://user:pw@host:port/path?query" -> "host:port".
std::string HostOf(const std::string& url);

}  // namespace bjlg::remote

#endif  // BJLG_REMOTE_TRANSFER_H_
