// The transport side of the collector: one curl multi handle driving every destination's
// probe, with the policies that must hold for all of them (time budget, retries, size cap,
// redirects, TLS). See collector.h for the contract.
#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>

#include "quota/address_policy.h"
#include "quota/collector.h"
#include "quota/probe.h"
#include "quota/redact.h"

namespace bjlg::quota {
namespace {

using Clock = std::chrono::steady_clock;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

// Error bodies are only read for a provider error code: keep their beginning.
constexpr size_t kErrorBodyKeep = 64 * 1024;
constexpr int kMaxRedirects = 3;

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Slot {
  const Destination* destination = nullptr;
  std::unique_ptr<Probe> probe;
  QuotaUsage* usage = nullptr;
  CURL* easy = nullptr;
  curl_slist* header_list = nullptr;
  curl_slist* quote_list = nullptr;
  Request request;
  Response response;
  uint64_t received = 0;
  uint64_t max_bytes = 0;
  bool too_large = false;
  int attempt = 0;
  int redirects = 0;
  int64_t started_ms = 0;
  int64_t deadline_ms = 0;
  int64_t budget_ms = 0;
  int64_t wake_ms = 0;       // > 0 while waiting to retry
  bool started = false;
  bool running = false;
  bool done = false;
  size_t index = 0;                // in the destinations list, for messages
  bool allow_private_network = false;
  std::string refused;             // why the open-socket callback refused the last address
};

class Engine {
 public:
  Engine(const CollectOptions& options) : options_(options) {
    GlobalInit();
    multi_ = curl_multi_init();
  }
  ~Engine() {
    for (Slot& s : slots_) Release(s);
    if (multi_ != nullptr) curl_multi_cleanup(multi_);
  }

  std::vector<QuotaUsage> Run(const std::vector<Destination>& destinations) {
    std::vector<QuotaUsage> results(destinations.size());
    slots_.resize(destinations.size());
    for (size_t i = 0; i < destinations.size(); ++i) {
      results[i].name = destinations[i].name;
      results[i].type = DestinationTypeName(destinations[i].type);
      Slot& s = slots_[i];
      s.destination = &destinations[i];
      s.usage = &results[i];
      s.budget_ms = destinations[i].Number("timeout_ms").value_or(options_.timeout_ms);
      s.max_bytes = options_.max_response_bytes > 0 ? options_.max_response_bytes : UINT64_MAX;
      s.index = i;
      s.allow_private_network =
          destinations[i].Flag("allow_private_network", options_.allow_private_network);
    }
    if (multi_ == nullptr) {
      for (Slot& s : slots_) Fail(s, {ErrorCode::kUnreachable, "cannot initialise libcurl"});
      return results;
    }
    for (Slot& s : slots_) Start(s);  // local destinations finish right here
    while (Active() > 0) {
      int still = 0;
      curl_multi_perform(multi_, &still);
      int queued = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi_, &queued)) {
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

  void Start(Slot& s) {
    s.started = true;
    s.started_ms = NowMs();
    s.deadline_ms = s.started_ms + s.budget_ms;
    s.probe = MakeProbe(*s.destination, s.usage);
    if (s.probe == nullptr) {
      Fail(s, ProtocolError(s.usage->type, "no collector for this type"));
      return;
    }
    Advance(s);
  }

  // Asks the probe for its next request, or finishes the destination.
  void Advance(Slot& s) {
    s.request = Request();
    if (!s.probe->Next(&s.request)) {
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
    curl_slist_free_all(s.header_list);
    s.header_list = nullptr;
    curl_slist_free_all(s.quote_list);
    s.quote_list = nullptr;
    s.response = Response();
    s.received = 0;
    s.too_large = false;

    CURL* e = s.easy;
    const Request& r = s.request;
    curl_easy_setopt(e, CURLOPT_PRIVATE, &s);
    curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,sftp");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    // Every connection, redirects included, is judged on the address it is about to use.
    s.refused.clear();
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Engine::OpenSocket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &s);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(remaining));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min<int64_t>(remaining, 15000)));
    curl_easy_setopt(e, CURLOPT_USERAGENT, "bjlg-quota/0.1");
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
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
    for (const std::string& h : r.headers) s.header_list = curl_slist_append(s.header_list, h.c_str());
    if (s.header_list != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, s.header_list);
    if (!r.username.empty()) curl_easy_setopt(e, CURLOPT_USERNAME, r.username.c_str());
    if (!r.password.empty()) curl_easy_setopt(e, CURLOPT_PASSWORD, r.password.c_str());

    bool sftp = r.url.rfind("sftp://", 0) == 0;
    if (sftp) {
      for (const std::string& q : r.quote) s.quote_list = curl_slist_append(s.quote_list, q.c_str());
      curl_easy_setopt(e, CURLOPT_QUOTE, s.quote_list);
      curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
      long types = CURLSSH_AUTH_PUBLICKEY | CURLSSH_AUTH_PASSWORD;
      curl_easy_setopt(e, CURLOPT_SSH_AUTH_TYPES, types);
      if (!r.ssh_private_key.empty()) curl_easy_setopt(e, CURLOPT_SSH_PRIVATE_KEYFILE, r.ssh_private_key.c_str());
      if (!r.ssh_public_key.empty()) curl_easy_setopt(e, CURLOPT_SSH_PUBLIC_KEYFILE, r.ssh_public_key.c_str());
      if (!r.ssh_passphrase.empty()) curl_easy_setopt(e, CURLOPT_KEYPASSWD, r.ssh_passphrase.c_str());
      if (!r.ssh_host_sha256.empty()) {
        curl_easy_setopt(e, CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256, r.ssh_host_sha256.c_str());
      }
      if (!r.ssh_known_hosts.empty()) {
        curl_easy_setopt(e, CURLOPT_SSH_KNOWNHOSTS, r.ssh_known_hosts.c_str());
      }
    } else {
      if (!r.username.empty() || !r.password.empty()) {
        curl_easy_setopt(e, CURLOPT_HTTPAUTH, CURLAUTH_BASIC | CURLAUTH_DIGEST);
      }
      if (r.method == "GET") {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
      } else if (r.method == "HEAD") {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
      } else {
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, r.body.c_str());
        if (r.method != "POST") curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r.method.c_str());
      }
    }
    if (curl_multi_add_handle(multi_, e) != CURLM_OK) {
      Fail(s, {ErrorCode::kUnreachable, "cannot start a libcurl transfer"});
      return;
    }
    s.running = true;
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
    if (s.request.sink && status >= 200 && status < 300) {
      if (!s.request.sink(std::string_view(data, n))) {
        s.response.sink_failed = true;
        return 0;
      }
      return n;
    }
    if (s.response.body.size() < kErrorBodyKeep || (status >= 200 && status < 300)) {
      s.response.body.append(data, n);
    }
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
      s.refused = "destination #" + std::to_string(s.index) + " (" + s.destination->name + "): " + *why;
      return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  }

  void Completed(Slot& s, CURLcode rc) {
    long status = 0;
    curl_easy_getinfo(s.easy, CURLINFO_RESPONSE_CODE, &status);
    s.response.status = status;
    const std::string& what = s.request.what;
    if (rc != CURLE_OK && !s.refused.empty()) {
      Fail(s, {ErrorCode::kUnreachable, s.refused});
      return;
    }
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && s.response.sink_failed)) {
      Fail(s, TransportError(s, rc));
      return;
    }
    bool http = s.request.url.rfind("sftp://", 0) != 0;
    if (http && (status == 429 || status >= 500)) {
      if (s.attempt < options_.max_retries) {
        int64_t delay = RetryDelay(s);
        if (NowMs() + delay < s.deadline_ms) {
          s.attempt++;
          s.wake_ms = NowMs() + delay;
          return;
        }
      }
      QuotaError e = HttpError(what, s.response);
      if (s.attempt > 0) e.message += " after " + std::to_string(s.attempt + 1) + " attempts";
      Fail(s, e);
      return;
    }
    if (http && status >= 300 && status < 400 && s.response.headers.count("location")) {
      std::string target = Resolve(s.request.url, s.response.headers["location"]);
      if (Origin(target) != Origin(s.request.url)) {
        Fail(s, ProtocolError(what, "redirect to another host (" + HostOf(target) + ") refused"));
        return;
      }
      if (++s.redirects > kMaxRedirects) {
        Fail(s, ProtocolError(what, "too many redirects"));
        return;
      }
      s.request.url = target;
      Send(s);
      return;
    }
    if (std::optional<QuotaError> error = s.probe->OnResponse(s.response)) {
      Fail(s, *error);
      return;
    }
    Advance(s);
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

  QuotaError TimeoutError(const Slot& s) const {
    return {ErrorCode::kTimeout, (s.request.what.empty() ? s.usage->type : s.request.what) +
                                     ": no complete answer within " + std::to_string(s.budget_ms) + " ms"};
  }

  QuotaError TransportError(const Slot& s, CURLcode rc) const {
    const std::string& what = s.request.what;
    std::string host = HostOf(s.request.url);
    switch (rc) {
      case CURLE_OPERATION_TIMEDOUT:
        return TimeoutError(s);
      case CURLE_WRITE_ERROR:
      case CURLE_FILESIZE_EXCEEDED:
        if (s.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
          return ProtocolError(what, "response larger than " + std::to_string(s.max_bytes) + " bytes refused");
        }
        return ProtocolError(what, "could not store the response");
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      case CURLE_SSL_INVALIDCERTSTATUS:
      case CURLE_SSL_CRL_BADFILE:
        return {ErrorCode::kTls, what + ": " + host + ": " + curl_easy_strerror(rc)};
      case CURLE_LOGIN_DENIED:
      case CURLE_REMOTE_ACCESS_DENIED:
        return {ErrorCode::kAuth, what + ": " + host + ": authentication refused"};
      case CURLE_REMOTE_FILE_NOT_FOUND:
        return {ErrorCode::kNotFound, what + ": " + host + ": path not found"};
      case CURLE_QUOTE_ERROR:
        return {ErrorCode::kNotFound, what + ": " + host + ": the server refused the command (no such path?)"};
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY:
      case CURLE_COULDNT_CONNECT:
      case CURLE_SEND_ERROR:
      case CURLE_RECV_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_SSH:
        return {ErrorCode::kUnreachable, what + ": " + host + ": " + curl_easy_strerror(rc)};
      default:
        return ProtocolError(what, host + ": " + curl_easy_strerror(rc));
    }
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

  void Fail(Slot& s, QuotaError error) {
    s.usage->errors.push_back(std::move(error));
    Finish(s);
  }

  void Finish(Slot& s) {
    if (s.done) return;
    s.done = true;
    s.wake_ms = 0;
    if (s.started_ms == 0) s.started_ms = NowMs();
    s.usage->latency_ms = NowMs() - s.started_ms;
    s.usage->collected_at = static_cast<int64_t>(std::time(nullptr));
    std::optional<int64_t> configured = s.destination->Number("quota_bytes");
    if (configured && s.usage->ok()) {
      s.usage->quota_bytes = static_cast<uint64_t>(*configured);
      s.usage->quota_source = QuotaSource::kConfigured;
      s.usage->free_bytes.reset();
    }
    if (s.usage->ok()) {
      s.usage->Derive();
    } else {
      s.usage->used_bytes.reset();
      s.usage->quota_bytes.reset();
      s.usage->free_bytes.reset();
      s.usage->object_count.reset();
      s.usage->source = UsedSource::kNone;
      s.usage->quota_source = QuotaSource::kNone;
    }
    Redact(s);
    Release(s);
  }

  // Last line of defence: no secret of the destination may survive in a message.
  static void Redact(Slot& s) {
    for (QuotaError& e : s.usage->errors) {
      e.message = RedactCredentials(e.message);
      for (const std::string& secret : s.destination->Secrets()) {
        if (secret.size() < 4) continue;
        for (size_t at = e.message.find(secret); at != std::string::npos; at = e.message.find(secret, at)) {
          e.message.replace(at, secret.size(), "[redacted]");
        }
      }
    }
  }

  void Release(Slot& s) {
    if (s.easy != nullptr) {
      if (s.running) curl_multi_remove_handle(multi_, s.easy);
      curl_easy_cleanup(s.easy);
      s.easy = nullptr;
      s.running = false;
    }
    curl_slist_free_all(s.header_list);
    s.header_list = nullptr;
    curl_slist_free_all(s.quote_list);
    s.quote_list = nullptr;
    s.probe.reset();
  }

  CollectOptions options_;
  CURLM* multi_ = nullptr;
  std::vector<Slot> slots_;
};

}  // namespace

std::vector<QuotaUsage> Collect(const std::vector<Destination>& destinations, const CollectOptions& options) {
  Engine engine(options);
  return engine.Run(destinations);
}

}  // namespace bjlg::quota
