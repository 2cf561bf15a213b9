#include "notify/dispatcher.h"

#include <algorithm>
#include <memory>

#include "common/parse_limits.h"
#include "common/time.h"
#include "notify/payload.h"
#include "remote/transfer.h"

namespace bjlg::notify {
namespace {

// A short description of a provider's refusal, from its documented error body: Telegram
// {"description"}, Discord, Twilio and PagerDuty {"message"}, Slack's plain "invalid_payload".
std::string ProviderDetail(const std::string& body) {
  if (body.empty()) return "";
  Result<nlohmann::json> doc = ParseUntrustedJson(body.substr(0, 64 << 10), "error body");
  if (doc.ok() && doc.value().is_object()) {
    for (const char* key : {"description", "message", "error", "status"}) {
      auto it = doc.value().find(key);
      if (it != doc.value().end() && it->is_string()) return it->get<std::string>().substr(0, 120);
    }
    return "";
  }
  std::string line = body.substr(0, body.find('\n'));
  bool printable = std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20; });
  return printable ? line.substr(0, 120) : "";
}

// Runs the requests of one message in order; any non-2xx answer (after the transport's
// retries) stops it with a classified error.
class DeliveryProbe : public remote::Probe {
 public:
  explicit DeliveryProbe(std::vector<Outgoing> requests) : requests_(std::move(requests)) {}

  bool Next(remote::Request* request) override {
    if (next_ >= requests_.size()) return false;
    const Outgoing& o = requests_[next_++];
    request->what = o.what;
    request->method = o.method;
    request->url = o.url;
    request->headers = o.headers;
    request->body = o.body;
    request->username = o.username;
    request->password = o.password;
    request->mail_from = o.mail_from;
    request->mail_rcpt = o.mail_rcpt;
    request->require_tls = o.require_tls;
    return true;
  }

  std::optional<remote::RemoteError> OnResponse(remote::Response& response) override {
    const Outgoing& o = requests_[next_ - 1];
    bool smtp = o.url.rfind("smtp", 0) == 0;
    if (smtp || (response.status >= 200 && response.status < 300)) return std::nullopt;
    remote::RemoteError e = remote::HttpError(o.what, response, ProviderDetail(response.body));
    long s = response.status;
    if (s == 400 || s == 409 || s == 410 || s == 413 || s == 422) e.code = remote::ErrorCode::kRejected;
    return e;
  }

 private:
  std::vector<Outgoing> requests_;
  size_t next_ = 0;
};

}  // namespace

Status DispatchOptions::Validate() const {
  remote::TransferOptions transfer;
  transfer.timeout_ms = timeout_ms;
  transfer.max_retries = retries;
  transfer.retry_base_ms = retry_base_ms;
  if (Status s = remote::CheckTransferOptions(transfer); !s.ok()) return s;
  if (max_parallel > 10000) return Status::InvalidOption("max_parallel", "must be between 0 and 10000");
  if (now < 0) return Status::InvalidOption("now", "must not be negative");
  return Status::OK();
}

Result<std::vector<DeliveryResult>> Send(const std::vector<Result<Message>>& messages, const DispatchOptions& options,
                                         const ProgressFn& progress) {
  Status valid = options.Validate();
  if (!valid.ok()) return valid;
  PayloadOptions payload;
  payload.literal_newline = options.literal_newline;
  payload.now = options.now > 0 ? options.now : NowUnixSeconds();

  std::vector<DeliveryResult> results(messages.size());
  std::vector<remote::Job> jobs;
  std::vector<size_t> job_of;  // jobs[k] delivers messages[job_of[k]]
  for (size_t i = 0; i < messages.size(); ++i) {
    DeliveryResult& r = results[i];
    if (!messages[i].ok()) {
      r.error_code = "invalid";
      r.error = messages[i].status().message();
      continue;
    }
    const Message& m = messages[i].value();
    r.channel = m.channel.name;
    r.type = ChannelTypeName(m.channel.type);
    Result<std::vector<Outgoing>> requests = BuildRequests(m, payload);
    if (!requests.ok()) {
      r.error_code = "invalid";
      r.error = "message #" + std::to_string(i) + ": " + requests.status().message();
      continue;
    }
    remote::Job job;
    job.label = "message #" + std::to_string(i) + " (" + m.channel.name + ")";
    job.probe = std::make_unique<DeliveryProbe>(std::move(requests.value()));
    job.secrets = m.channel.Secrets();
    jobs.push_back(std::move(job));
    job_of.push_back(i);
  }

  remote::TransferOptions transfer;
  transfer.timeout_ms = options.timeout_ms;
  transfer.max_retries = options.retries;
  transfer.retry_base_ms = options.retry_base_ms;
  transfer.max_response_bytes = 1 << 20;
  transfer.verify_tls = options.verify_tls;
  transfer.ca_bundle = options.ca_bundle;
  transfer.allow_private_network = options.allow_private_network;
  transfer.max_parallel = options.max_parallel;

  ProgressReporter reporter(progress, {"send"});
  bool go_on = reporter.Begin("send", messages.size(), "messages");
  uint64_t done = messages.size() - jobs.size();  // refused messages are finished already
  if (go_on && done > 0) go_on = reporter.Update(done);
  if (!go_on) return Status::Cancelled("sending cancelled");

  std::vector<remote::JobResult> ran = remote::RunJobs(jobs, transfer, [&](size_t k, const remote::JobResult&) {
    return reporter.Update(++done, results[job_of[k]].channel);
  });
  if (reporter.cancelled()) return Status::Cancelled("sending cancelled");
  for (size_t k = 0; k < ran.size(); ++k) {
    DeliveryResult& r = results[job_of[k]];
    const remote::JobResult& jr = ran[k];
    r.attempts = jr.attempts;
    r.http_code = jr.last_status;
    r.latency_ms = jr.finished_ms > jr.started_ms && jr.started_ms > 0 ? jr.finished_ms - jr.started_ms : 0;
    if (jr.ok()) {
      r.sent = true;
    } else if (jr.cancelled) {
      r.error_code = "cancelled";
      r.error = "cancelled";
    } else {
      r.error_code = remote::ErrorCodeName(jr.errors.front().code);
      r.error = jr.errors.front().ToString();
    }
  }
  if (!reporter.End()) return Status::Cancelled("sending cancelled");
  return results;
}

}  // namespace bjlg::notify
