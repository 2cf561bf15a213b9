// The engine behind RunJobs: one curl multi handle driving every job's probe, with the
// policies that must hold for all of them. See transfer.h for the contract.
#include "remote/transfer.h"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <mutex>

#include "common/version.h"
#include "remote/address_policy.h"
#include "remote/errors.h"
#include "remote/redact.h"

namespace bjlg::remote {
namespace {

int64_t NowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

int64_t UnixMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Error bodies are only read for a provider error code: keep their beginning.
constexpr size_t kErrorBodyKeep = 64 * 1024;
constexpr int kMaxRedirects = 3;

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }
bool IsSftp(const std::string& url) { return StartsWith(url, "sftp://"); }
bool IsSmtp(const std::string& url) { return StartsWith(url, "smtp://") || StartsWith(url, "smtps://"); }

struct Slot {
  Job* job = nullptr;
  JobResult* result = nullptr;
  size_t index = 0;
  CURL* easy = nullptr;
  curl_slist* header_list = nullptr;
  curl_slist* quote_list = nullptr;
  curl_slist* rcpt_list = nullptr;
  Request request;
  Response response;
  size_t upload_offset = 0;        // SMTP: how much of the message was read by libcurl
  uint64_t received = 0;
  uint64_t max_bytes = 0;
  bool too_large = false;
  int attempt = 0;                 // retries of the current request
  int redirects = 0;
  int64_t started_ms = 0;          // steady clock
  int64_t deadline_ms = 0;
  int64_t budget_ms = 0;
  int64_t wake_ms = 0;             // > 0 while waiting to retry
  bool started = false;
  bool running = false;
  bool done = false;
  bool allow_private_network = false;
  std::string refused;             // why the open-socket callback refused the last address
};

class Engine {
 public:
  Engine(const TransferOptions& options, const std::function<bool(size_t, const JobResult&)>& on_done)
      : options_(options), on_done_(on_done) {
    GlobalInit();
    multi_ = curl_multi_init();
    if (options_.user_agent.empty()) options_.user_agent = std::string("bjlg/") + kVersion;
  }
  ~Engine() {
    for (Slot& s : slots_) Release(s);
    if (multi_ != nullptr) curl_multi_cleanup(multi_);
  }

  std::vector<JobResult> Run(std::vector<Job>& jobs) {
    std::vector<JobResult> results(jobs.size());
    slots_.resize(jobs.size());
    const int64_t queued = UnixMs();
    for (size_t i = 0; i < jobs.size(); ++i) {
      Slot& s = slots_[i];
      s.job = &jobs[i];
      s.result = &results[i];
      s.result->queued_ms = queued;
      s.index = i;
      s.budget_ms = jobs[i].budget_ms > 0 ? jobs[i].budget_ms : options_.timeout_ms;
      s.max_bytes = options_.max_response_bytes > 0 ? options_.max_response_bytes : UINT64_MAX;
      s.allow_private_network = jobs[i].allow_private_network.value_or(options_.allow_private_network);
    }
    if (multi_ == nullptr) {
      for (Slot& s : slots_) Fail(s, {ErrorCode::kUnreachable, "cannot initialise libcurl"});
      return results;
    }
    StartWaiting();
    while (Active() > 0) {
      int still = 0;
      curl_multi_perform(multi_, &still);
      int queued_msgs = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi_, &queued_msgs)) {
        if (msg->msg != CURLMSG_DONE) continue;
        Slot* s = nullptr;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &s);
        CURLcode rc = msg->data.result;
        curl_multi_remove_handle(multi_, s->easy);
        s->running = false;
        Completed(*s, rc);
      }
      int64_t now = NowMs();
      int64_t wait = 200;
      for (Slot& s : slots_) {
        if (s.done || s.wake_ms == 0) continue;
        if (now >= s.wake_ms) {
          s.wake_ms = 0;
          Send(s);
        } else {
          wait = std::min(wait, s.wake_ms - now);
        }
      }
      StartWaiting();
      if (Active() > 0) curl_multi_poll(multi_, nullptr, 0, static_cast<int>(std::max<int64_t>(wait, 1)), nullptr);
    }
    return results;
  }

 private:
  size_t Active() const {
    size_t n = 0;
    for (const Slot& s : slots_) n += (s.started && !s.done) ? 1 : 0;
    return n;
  }

  // Starts jobs in order while fewer than max_parallel run (jobs without network requests,
  // such as local ones, finish right here and make room for the next).
  void StartWaiting() {
    for (Slot& s : slots_) {
      if (cancelled_) return;
      if (s.started) continue;
      if (options_.max_parallel > 0 && Active() >= options_.max_parallel) return;
      Start(s);
    }
  }

  void Start(Slot& s) {
    s.started = true;
    s.started_ms = NowMs();
    s.result->started_ms = UnixMs();
    s.deadline_ms = s.started_ms + s.budget_ms;
    if (s.job->probe == nullptr) {
      Fail(s, ProtocolError(s.job->label, "nothing to run"));
      return;
    }
    Advance(s);
  }

  // Asks the probe for its next request, or finishes the job.
  void Advance(Slot& s) {
    s.request = Request();
    if (!s.job->probe->Next(&s.request)) {
      Finish(s);
      return;
    }
    s.attempt = 0;
    s.redirects = 0;
    Send(s);
  }

  void Send(Slot& s) {
    int64_t remaining = s.deadline_ms - NowMs();
    if (remaining <= 0) {
      Fail(s, TimeoutError(s));
      return;
    }
    if (s.easy == nullptr) {
      s.easy = curl_easy_init();
      if (s.easy == nullptr) {
        Fail(s, {ErrorCode::kUnreachable, "cannot create a libcurl handle"});
        return;
      }
    } else {
      curl_easy_reset(s.easy);
    }
    FreeLists(s);
    s.response = Response();
    s.received = 0;
    s.too_large = false;
    s.upload_offset = 0;
    s.result->attempts++;

    CURL* e = s.easy;
    const Request& r = s.request;
    curl_easy_setopt(e, CURLOPT_PRIVATE, &s);
    curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,sftp,smtp,smtps");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    // Every connection, redirects included, is judged on the address it is about to use.
    s.refused.clear();
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Engine::OpenSocket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &s);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(remaining));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min<int64_t>(remaining, 15000)));
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Engine::OnBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &s);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Engine::OnHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &s);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, options_.verify_tls ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, options_.verify_tls ? 2L : 0L);
    if (!options_.ca_bundle.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, options_.ca_bundle.c_str());
    if (options_.max_response_bytes > 0) {
      curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_response_bytes));
    }
    if (!r.username.empty()) curl_easy_setopt(e, CURLOPT_USERNAME, r.username.c_str());
    if (!r.password.empty()) curl_easy_setopt(e, CURLOPT_PASSWORD, r.password.c_str());

    if (IsSftp(r.url)) {
      SetSftp(s);
    } else if (IsSmtp(r.url)) {
      SetSmtp(s);
    } else {
      SetHttp(s);
    }
    if (curl_multi_add_handle(multi_, e) != CURLM_OK) {
      Fail(s, {ErrorCode::kUnreachable, "cannot start a libcurl transfer"});
      return;
    }
    s.running = true;
  }

  void SetHttp(Slot& s) {
    CURL* e = s.easy;
    const Request& r = s.request;
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    for (const std::string& h : r.headers) s.header_list = curl_slist_append(s.header_list, h.c_str());
    if (s.header_list != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, s.header_list);
    if (!r.username.empty() || !r.password.empty()) {
      curl_easy_setopt(e, CURLOPT_HTTPAUTH, CURLAUTH_BASIC | CURLAUTH_DIGEST);
    }
    if (r.method == "GET") {
      curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else if (r.method == "HEAD") {
      curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (r.body.empty() && r.method != "POST") {
      // DELETE and the like: no body, so no Content-Type that a signature (Azure's) would miss.
      curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
      curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r.method.c_str());
    } else {
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
      curl_easy_setopt(e, CURLOPT_POSTFIELDS, r.body.c_str());
      if (r.method != "POST") curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r.method.c_str());
    }
  }

  void SetSftp(Slot& s) {
    CURL* e = s.easy;
    const Request& r = s.request;
    for (const std::string& q : r.quote) s.quote_list = curl_slist_append(s.quote_list, q.c_str());
    curl_easy_setopt(e, CURLOPT_QUOTE, s.quote_list);
    if (!r.sink) curl_easy_setopt(e, CURLOPT_NOBODY, 1L);  // a sink: the directory listing
    curl_easy_setopt(e, CURLOPT_SSH_AUTH_TYPES, static_cast<long>(CURLSSH_AUTH_PUBLICKEY | CURLSSH_AUTH_PASSWORD));
    if (!r.ssh_private_key.empty()) curl_easy_setopt(e, CURLOPT_SSH_PRIVATE_KEYFILE, r.ssh_private_key.c_str());
    if (!r.ssh_public_key.empty()) curl_easy_setopt(e, CURLOPT_SSH_PUBLIC_KEYFILE, r.ssh_public_key.c_str());
    if (!r.ssh_passphrase.empty()) curl_easy_setopt(e, CURLOPT_KEYPASSWD, r.ssh_passphrase.c_str());
    if (!r.ssh_host_sha256.empty()) curl_easy_setopt(e, CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256, r.ssh_host_sha256.c_str());
    if (!r.ssh_known_hosts.empty()) curl_easy_setopt(e, CURLOPT_SSH_KNOWNHOSTS, r.ssh_known_hosts.c_str());
  }

  // The message is uploaded from the request's body; libcurl handles the dot-stuffing.
  void SetSmtp(Slot& s) {
    CURL* e = s.easy;
    const Request& r = s.request;
    curl_easy_setopt(e, CURLOPT_MAIL_FROM, r.mail_from.c_str());
    for (const std::string& to : r.mail_rcpt) s.rcpt_list = curl_slist_append(s.rcpt_list, to.c_str());
    curl_easy_setopt(e, CURLOPT_MAIL_RCPT, s.rcpt_list);
    if (StartsWith(r.url, "smtp://")) {
      curl_easy_setopt(e, CURLOPT_USE_SSL, static_cast<long>(r.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    }
    curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
    curl_easy_setopt(e, CURLOPT_READFUNCTION, &Engine::OnUpload);
    curl_easy_setopt(e, CURLOPT_READDATA, &s);
  }

  static size_t OnUpload(char* buffer, size_t size, size_t count, void* user) {
    Slot& s = *static_cast<Slot*>(user);
    size_t n = std::min(size * count, s.request.body.size() - s.upload_offset);
    std::memcpy(buffer, s.request.body.data() + s.upload_offset, n);
    s.upload_offset += n;
    return n;
  }

  static size_t OnBody(char* data, size_t size, size_t count, void* user) {
    Slot& s = *static_cast<Slot*>(user);
    size_t n = size * count;
    s.received += n;
    if (s.received > s.max_bytes) {
      s.too_large = true;
      return 0;
    }
    long status = 0;
    curl_easy_getinfo(s.easy, CURLINFO_RESPONSE_CODE, &status);
    bool success = IsSftp(s.request.url) || (status >= 200 && status < 300);
    if (s.request.sink && success) {
      if (!s.request.sink(std::string_view(data, n))) {
        s.response.sink_failed = true;
        return 0;
      }
      return n;
    }
    if (s.response.body.size() < kErrorBodyKeep || success) s.response.body.append(data, n);
    return n;
  }

  static size_t OnHeader(char* data, size_t size, size_t count, void* user) {
    Slot& s = *static_cast<Slot*>(user);
    size_t n = size * count;
    // HTTP gives one header per call; libcurl's SFTP quote results come as several lines at once.
    std::string_view chunk(data, n);
    while (!chunk.empty()) {
      size_t eol = chunk.find('\n');
      std::string line(chunk.substr(0, eol));
      chunk.remove_prefix(eol == std::string_view::npos ? chunk.size() : eol + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
      AddHeader(s, line);
    }
    return n;
  }

  static void AddHeader(Slot& s, const std::string& line) {
    if (line.rfind("HTTP/", 0) == 0) {  // a new response (after 100 Continue): start over
      s.response.headers.clear();
      s.response.header_lines.clear();
      return;
    }
    if (line.empty()) return;
    if (s.response.header_lines.size() < 200) s.response.header_lines.push_back(line);
    size_t colon = line.find(':');
    if (colon != std::string::npos && colon > 0) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t v = line.find_first_not_of(" \t", colon + 1);
      std::string value = v == std::string::npos ? "" : line.substr(v);
      auto [it, fresh] = s.response.headers.emplace(name, value);
      if (!fresh) it->second += "," + value;
    }
  }

  static curl_socket_t OpenSocket(void* user, curlsocktype, struct curl_sockaddr* address) {
    Slot& s = *static_cast<Slot*>(user);
    if (std::optional<std::string> why = RefuseAddress(&address->addr, s.allow_private_network)) {
      s.refused = s.job->label + ": " + *why;
      return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  }

  void Completed(Slot& s, CURLcode rc) {
    long status = 0;
    curl_easy_getinfo(s.easy, CURLINFO_RESPONSE_CODE, &status);
    s.response.status = status;
    s.result->last_status = status;
    const std::string& what = s.request.what;
    if (rc != CURLE_OK && !s.refused.empty()) {
      Fail(s, {ErrorCode::kUnreachable, s.refused});
      return;
    }
    const bool smtp = IsSmtp(s.request.url);
    const bool http = !smtp && !IsSftp(s.request.url);
    const bool transient = http ? (status == 429 || status >= 500) : (smtp && status >= 400 && status < 500);
    if (transient && (rc == CURLE_OK || smtp)) {
      if (Retry(s)) return;
      RemoteError e = smtp ? SmtpError(what, status, rc) : HttpError(what, s.response);
      if (s.attempt > 0) e.message += " after " + std::to_string(s.attempt + 1) + " attempts";
      Fail(s, e);
      return;
    }
    if (rc == CURLE_QUOTE_ERROR && s.request.quote_failure_to_probe) {
      s.response.quote_failed = true;
    } else if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && s.response.sink_failed)) {
      if (smtp && status >= 500) {
        Fail(s, SmtpError(what, status, rc));
      } else {
        Fail(s, TransportError(rc, what, HostOf(s.request.url), (s.too_large || rc == CURLE_FILESIZE_EXCEEDED) ? s.max_bytes : 0,
                               [&] { return TimeoutError(s); }));
      }
      return;
    }
    if (http && status >= 300 && status < 400 && s.response.headers.count("location")) {
      FollowRedirect(s);
      return;
    }
    s.response.attempts = s.attempt + 1;
    if (std::optional<RemoteError> error = s.job->probe->OnResponse(s.response)) {
      Fail(s, *error);
      return;
    }
    Advance(s);
  }

  // Schedules another attempt of the current request when the budget allows one.
  bool Retry(Slot& s) {
    if (s.attempt >= options_.max_retries) return false;
    int64_t delay = RetryDelay(s);
    if (NowMs() + delay >= s.deadline_ms) return false;
    s.attempt++;
    s.wake_ms = NowMs() + delay;
    return true;
  }

  void FollowRedirect(Slot& s) {
    std::string target = Resolve(s.request.url, s.response.headers["location"]);
    if (Origin(target) != Origin(s.request.url)) {
      Fail(s, ProtocolError(s.request.what, "redirect to another host (" + HostOf(target) + ") refused"));
      return;
    }
    if (++s.redirects > kMaxRedirects) {
      Fail(s, ProtocolError(s.request.what, "too many redirects"));
      return;
    }
    s.request.url = target;
    Send(s);
  }

  int64_t RetryDelay(const Slot& s) const {
    auto it = s.response.headers.find("retry-after");
    if (it != s.response.headers.end()) {
      if (std::optional<uint64_t> seconds = ParseUint(it->second)) {
        return static_cast<int64_t>(std::min<uint64_t>(*seconds, 3600)) * 1000;
      }
      time_t when = curl_getdate(it->second.c_str(), nullptr);
      if (when > 0) return std::max<int64_t>(0, (when - std::time(nullptr)) * 1000);
    }
    return options_.retry_base_ms << std::min(s.attempt, 16);
  }

  RemoteError TimeoutError(const Slot& s) const {
    return {ErrorCode::kTimeout, (s.request.what.empty() ? s.job->label : s.request.what) +
                                     ": no complete answer within " + std::to_string(s.budget_ms) + " ms"};
  }

  // "scheme://host:port" of an absolute URL, lower-cased scheme and host.
  static std::string Origin(const std::string& url) {
    size_t p = url.find("://");
    if (p == std::string::npos) return "";
    size_t end = url.find_first_of("/?#", p + 3);
    std::string o = url.substr(0, end);
    for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return o;
  }

  static std::string Resolve(const std::string& base, const std::string& location) {
    if (location.find("://") != std::string::npos) return location;
    if (location.rfind("//", 0) == 0) return base.substr(0, base.find("://") + 1) + location;
    std::string origin = base.substr(0, base.find_first_of("/?#", base.find("://") + 3));
    if (!location.empty() && location[0] == '/') return origin + location;
    return origin + "/" + location;
  }

  void Fail(Slot& s, RemoteError error) {
    s.result->errors.push_back(std::move(error));
    Finish(s);
  }

  void Finish(Slot& s) {
    if (s.done) return;
    s.done = true;
    s.wake_ms = 0;
    s.result->finished_ms = UnixMs();
    Redact(s);
    Release(s);
    if (cancelled_) {
      s.result->cancelled = true;
      return;
    }
    if (on_done_ && !on_done_(s.index, *s.result)) CancelRest();
  }

  void CancelRest() {
    cancelled_ = true;
    for (Slot& s : slots_) {
      if (s.done) continue;
      s.started = true;
      Finish(s);
    }
  }

  // Last line of defence: no secret of the job may survive in a message.
  static void Redact(Slot& s) {
    for (RemoteError& e : s.result->errors) e.message = RedactSecrets(e.message, s.job->secrets);
  }

  static void FreeLists(Slot& s) {
    curl_slist_free_all(s.header_list);
    s.header_list = nullptr;
    curl_slist_free_all(s.quote_list);
    s.quote_list = nullptr;
    curl_slist_free_all(s.rcpt_list);
    s.rcpt_list = nullptr;
  }

  void Release(Slot& s) {
    if (s.easy != nullptr) {
      if (s.running) curl_multi_remove_handle(multi_, s.easy);
      curl_easy_cleanup(s.easy);
      s.easy = nullptr;
      s.running = false;
    }
    FreeLists(s);
  }

  TransferOptions options_;
  const std::function<bool(size_t, const JobResult&)>& on_done_;
  CURLM* multi_ = nullptr;
  std::vector<Slot> slots_;
  bool cancelled_ = false;
};

}  // namespace

Status CheckTransferOptions(const TransferOptions& o) {
  auto between = [](const char* option, int64_t v, int64_t min, int64_t max) {
    if (v >= min && v <= max) return Status::OK();
    return Status::InvalidOption(option, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  };
  Status s = between("timeout_ms", o.timeout_ms, 1, 3600000);
  if (s.ok()) s = between("retries", o.max_retries, 0, 10);
  if (s.ok()) s = between("retry_base_ms", o.retry_base_ms, 0, 60000);
  if (s.ok() && o.max_response_bytes < 1024) s = Status::InvalidOption("max_response_bytes", "must be at least 1024");
  return s;
}

std::vector<JobResult> RunJobs(std::vector<Job>& jobs, const TransferOptions& options,
                               const std::function<bool(size_t, const JobResult&)>& on_done) {
  Engine engine(options, on_done);
  return engine.Run(jobs);
}

}  // namespace bjlg::remote
