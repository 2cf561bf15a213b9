// The bytes each channel sends: the plugin's bodies byte for byte (design §B.4, B.9) and the
// native providers the plugin only listed as "to do" (Telegram sendMessage, Twilio Messages,
// PagerDuty Events v2). Pure functions: the dispatcher turns each Outgoing into a transfer.
#ifndef BJLG_NOTIFY_PAYLOAD_H_
#define BJLG_NOTIFY_PAYLOAD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "notify/message.h"

namespace bjlg::notify {

struct PayloadOptions {
  // The plugin writes "*title*\n…" in a single-quoted PHP string, so Slack and Discord receive
  // a backslash and an "n" after the title. True reproduces it; the default sends a line feed.
  bool literal_newline = false;
  int64_t now = 0;             // Unix seconds: webhook timestamps and e-mail Date
  std::string message_id_host = "bjlg.localhost";  // right side of generated Message-IDs
};

// One request of a delivery (HTTP, or SMTP for e-mail).
struct Outgoing {
  std::string what;            // "Slack webhook": names the call in messages
  std::string method = "POST";
  std::string url;
  std::vector<std::string> headers;
  std::string body;
  std::string username, password;
  std::string mail_from;
  std::vector<std::string> mail_rcpt;
  bool require_tls = false;
};

// §B.4 bodies (wp_json_encode output).
std::string SlackBody(const std::string& title, const std::vector<std::string>& lines, bool literal_newline);
std::string DiscordBody(const std::string& title, const std::vector<std::string>& lines, bool literal_newline);
std::string TeamsBody(const std::string& title, const std::vector<std::string>& lines);
std::string SmsBody(const std::string& title, const std::vector<std::string>& lines);
// §B.9: {event, timestamp, site_url, site_name, data} with json_encode's default flags.
Result<std::string> WebhookBody(const Message& m, int64_t now);
// "2026-12-05T12:00:00+00:00": PHP's date('c') in UTC.
std::string IsoDateC(int64_t unix_seconds);

// The legacy signature header value: hex HMAC-SHA256 of the body (X-BJLG-Signature).
std::string LegacySignature(const std::string& body, const std::string& secret);
// "t=<unix>,v1=<hex HMAC-SHA256 of "<unix>.<body>">" (X-BJLG-Signature-256).
std::string TimestampedSignature(const std::string& body, const std::string& secret, int64_t unix_seconds);

// The requests delivering `m` (one per Twilio recipient, one otherwise). InvalidArgument when a
// text is not valid UTF-8.
Result<std::vector<Outgoing>> BuildRequests(const Message& m, const PayloadOptions& options);

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_PAYLOAD_H_
