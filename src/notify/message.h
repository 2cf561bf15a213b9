// A notification message and the channel it goes to: the shapes of Dispatcher::send() (issue 11)
// checked once, so that payload builders and the dispatcher work on typed values.
//
// Channel keys are fixed by the issue: email → smtp, username, password, from, to (list);
// slack|discord|teams|sms → webhook_url (the plugin's key, §B.2); webhook → url, secret;
// telegram → bot_token, chat_id; twilio → account_sid, auth_token, from, to; pagerduty →
// routing_key; any channel may set api_base_url (tests, proxies) and name (for results).
#ifndef BJLG_NOTIFY_MESSAGE_H_
#define BJLG_NOTIFY_MESSAGE_H_

#include <string>
#include <vector>

#include "common/status.h"
#include "notify/php_json.h"

namespace bjlg::notify {

enum class ChannelType { kEmail, kSlack, kDiscord, kTeams, kSms, kWebhook, kTelegram, kTwilio, kPagerDuty };
enum class Severity { kInfo, kWarning, kCritical };

const char* ChannelTypeName(ChannelType type);
const char* SeverityName(Severity severity);
bool ParseSeverity(const std::string& text, Severity* out);

struct Channel {
  ChannelType type = ChannelType::kWebhook;
  std::string name;          // optional label; defaults to the type's name
  std::string smtp;          // email: smtp://host:port (STARTTLS required) or smtps://host:port
  std::string username, password;
  std::string from;          // email sender, or the Twilio number
  std::vector<std::string> to;  // email recipients or Twilio numbers
  std::string webhook_url;   // slack, discord, teams, sms
  std::string url, secret;   // webhook
  std::string bot_token, chat_id;       // telegram
  std::string account_sid, auth_token;  // twilio
  std::string routing_key;              // pagerduty
  std::string api_base_url;  // replaces the provider's base URL

  // Every value that must never appear in a result, a message or a trace: passwords, tokens,
  // keys, and whole webhook URLs (Slack's and Discord's carry their key in the path).
  std::vector<std::string> Secrets() const;
};

struct Message {
  Channel channel;
  std::string event;         // "backup_failed"
  std::string title;
  std::vector<std::string> lines;
  Severity severity = Severity::kInfo;
  OrderedJson context = OrderedJson::object();
  std::string subject;       // email; empty: "[Backup JLG] " + title (§B.3)
  bool resolve = false;      // pagerduty: a resolve event for dedup_key
  std::string dedup_key;     // pagerduty; empty: context.incident_id, else "bjlg-" + event
  std::string timestamp;     // webhook body's "timestamp"; empty: now, ISO-8601 UTC
  OrderedJson data;          // webhook body's "data"; null: {event,title,severity,lines,context}
};

// The channel array `value`; InvalidArgument naming `where` ("message #2 channel") and the key.
Result<Channel> ParseChannel(const OrderedJson& value, const std::string& where);
// One message of Dispatcher::send(); `where` as "message #2".
Result<Message> ParseMessage(const OrderedJson& value, const std::string& where);

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_MESSAGE_H_
