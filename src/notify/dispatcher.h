// Delivering a batch of messages at once: one remote::Job per message, all run by
// remote::RunJobs over one curl multi handle (retries with backoff on 429/5xx honouring
// Retry-After, a time budget per message, secrets redacted from every message). The plugin sends
// one message after another from a page view; this sends them together (bench/notify).
#ifndef BJLG_NOTIFY_DISPATCHER_H_
#define BJLG_NOTIFY_DISPATCHER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/progress.h"
#include "common/status.h"
#include "notify/message.h"

namespace bjlg::notify {

struct DispatchOptions {
  int64_t timeout_ms = 15000;        // per message, every attempt included (the plugin: 15 s)
  int retries = 2;                   // extra attempts after 429/5xx (SMTP: 4xx)
  int64_t retry_base_ms = 500;       // doubles each retry; Retry-After wins when given
  bool verify_tls = true;
  std::string ca_bundle;
  bool allow_private_network = false;  // loopback and private addresses (tests, LAN gateways)
  bool literal_newline = false;      // the plugin's Slack/Discord "\n" quirk (payload.h)
  size_t max_parallel = 0;           // messages in flight at once; 0: all
  int64_t now = 0;                   // Unix seconds for timestamps; 0: the clock

  // InvalidArgument starting `option "x" ...` for a value out of range.
  Status Validate() const;
};

struct DeliveryResult {
  bool sent = false;
  int attempts = 0;          // every request sent, retries included (500 then 200 is 2)
  long http_code = 0;        // last HTTP (or SMTP) status; 0 when none came back
  std::string error_code;    // "" when sent; else auth, not_found, throttled, timeout, tls,
                             // protocol, unreachable, rejected, invalid (message refused), cancelled
  std::string error;         // redacted: never a token, password or keyed URL
  int64_t latency_ms = 0;    // first request to last answer
  std::string channel;       // the channel's name
  std::string type;          // the channel's type
};

// One result per entry of `messages`, in order. An entry whose Result failed (the glue could not
// parse it) gets status failed with error_code "invalid" and is not sent. Progress: phase
// "send", unit "messages", one step per message finished; returning false cancels every message
// not yet finished and the call returns Status::Cancelled.
Result<std::vector<DeliveryResult>> Send(const std::vector<Result<Message>>& messages, const DispatchOptions& options,
                                         const ProgressFn& progress = {});

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_DISPATCHER_H_
