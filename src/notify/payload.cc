// Channel bodies. Slack, Discord, Teams and the SMS gateway keep the plugin's exact shapes
// (receivers and their tests parse them); the native providers follow their documented APIs.
#include "notify/payload.h"

#include <ctime>

#include "common/digest.h"
#include "notify/mime.h"
#include "quota/crypto.h"  // UriEncode: the one RFC 3986 encoder

namespace bjlg::notify {
namespace {

std::string Join(const std::vector<std::string>& lines, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) out += sep;
    out += lines[i];
  }
  return out;
}

// json_encode of a value whose strings were checked by the caller: invalid UTF-8 would have
// been refused by CheckTexts() first, so the result is always ok here.
std::string Encode(const OrderedJson& v) {
  Result<std::string> r = PhpJsonEncode(v);
  return r.ok() ? r.value() : std::string();
}

bool ValidUtf8(const std::string& s) {
  std::string scratch;
  return PhpJsonEncodeString(s, &scratch);
}

std::string PlainText(const Message& m) {
  std::string text = m.title;
  if (!m.lines.empty()) text += "\n" + Join(m.lines, "\n");
  return text;
}

// Cuts `text` to at most `max` bytes on a UTF-8 boundary (provider length limits).
std::string Truncate(std::string text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

Outgoing Post(std::string what, std::string url, std::string content_type, std::string body) {
  Outgoing o;
  o.what = std::move(what);
  o.url = std::move(url);
  o.headers.push_back(std::move(content_type));
  o.body = std::move(body);
  return o;
}

std::string Base(const Message& m, const char* fallback) {
  return m.channel.api_base_url.empty() ? fallback : m.channel.api_base_url;
}

}  // namespace

std::string SlackBody(const std::string& title, const std::vector<std::string>& lines, bool literal_newline) {
  std::string text = "*" + title + "*";
  if (literal_newline) text += "\\n" + Join(lines, "\n");
  else if (!lines.empty()) text += "\n" + Join(lines, "\n");
  OrderedJson body = {{"text", text}};
  return Encode(body);
}

std::string DiscordBody(const std::string& title, const std::vector<std::string>& lines, bool literal_newline) {
  std::string text = "**" + title + "**";
  if (literal_newline) text += "\\n" + Join(lines, "\n");
  else if (!lines.empty()) text += "\n" + Join(lines, "\n");
  OrderedJson body = {{"content", text}};
  return Encode(body);
}

std::string TeamsBody(const std::string& title, const std::vector<std::string>& lines) {
  OrderedJson body = OrderedJson::object();
  body["@type"] = "MessageCard";
  body["@context"] = "http://schema.org/extensions";
  body["summary"] = title;
  body["themeColor"] = "0078D7";
  body["title"] = title;
  body["text"] = "**" + title + "**\n\n" + Join(lines, "\n\n");
  return Encode(body);
}

std::string SmsBody(const std::string& title, const std::vector<std::string>& lines) {
  std::vector<std::string> kept;
  for (const std::string& l : lines) if (!l.empty()) kept.push_back(l);
  OrderedJson body = OrderedJson::object();
  body["title"] = title;
  body["message"] = kept.empty() ? title : title + " – " + Join(kept, " | ");
  body["lines"] = OrderedJson::array();
  for (const std::string& l : kept) body["lines"].push_back(l);
  return Encode(body);
}

std::string IsoDateC(int64_t unix_seconds) {
  time_t t = static_cast<time_t>(unix_seconds);
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[40];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
  return buf;
}

Result<std::string> WebhookBody(const Message& m, int64_t now) {
  OrderedJson body = OrderedJson::object();
  body["event"] = m.event;
  body["timestamp"] = m.timestamp.empty() ? IsoDateC(now) : m.timestamp;
  auto ctx = [&](const char* key) -> OrderedJson {
    auto it = m.context.find(key);
    return it != m.context.end() ? *it : OrderedJson("");
  };
  body["site_url"] = ctx("site_url");
  body["site_name"] = ctx("site_name");
  if (!m.data.is_null()) {
    body["data"] = m.data;
  } else {
    OrderedJson data = OrderedJson::object();
    data["event"] = m.event;
    data["title"] = m.title;
    data["severity"] = SeverityName(m.severity);
    data["lines"] = m.lines;
    data["context"] = m.context;
    body["data"] = std::move(data);
  }
  return PhpJsonEncode(body);
}

std::string LegacySignature(const std::string& body, const std::string& secret) {
  uint8_t mac[kSha256Size];
  HmacSha256Digest(secret.data(), secret.size(), body.data(), body.size(), mac);
  return HexLower(mac, sizeof mac);
}

std::string TimestampedSignature(const std::string& body, const std::string& secret, int64_t unix_seconds) {
  std::string t = std::to_string(unix_seconds);
  std::string signed_text = t + "." + body;
  uint8_t mac[kSha256Size];
  HmacSha256Digest(secret.data(), secret.size(), signed_text.data(), signed_text.size(), mac);
  return "t=" + t + ",v1=" + HexLower(mac, sizeof mac);
}

Result<std::vector<Outgoing>> BuildRequests(const Message& m, const PayloadOptions& options) {
  for (const std::string* s : {&m.title, &m.event, &m.subject}) {
    if (!ValidUtf8(*s)) return Status::InvalidArgument("title, event and subject must be valid UTF-8");
  }
  for (const std::string& l : m.lines) {
    if (!ValidUtf8(l)) return Status::InvalidArgument("lines must be valid UTF-8");
  }
  const Channel& c = m.channel;
  const std::string json_type = "Content-Type: application/json; charset=utf-8";
  std::vector<Outgoing> out;
  Outgoing o;
  switch (c.type) {
    case ChannelType::kSlack:
      o = Post("Slack webhook", c.webhook_url, json_type, SlackBody(m.title, m.lines, options.literal_newline));
      break;
    case ChannelType::kDiscord:
      o = Post("Discord webhook", c.webhook_url, json_type, DiscordBody(m.title, m.lines, options.literal_newline));
      break;
    case ChannelType::kTeams:
      o = Post("Teams webhook", c.webhook_url, json_type, TeamsBody(m.title, m.lines));
      break;
    case ChannelType::kSms:
      o = Post("SMS gateway", c.webhook_url, json_type, SmsBody(m.title, m.lines));
      break;
    case ChannelType::kWebhook: {
      Result<std::string> body = WebhookBody(m, options.now);
      if (!body.ok()) return body.status().Annotate("webhook body: ");
      o = Post("webhook", c.url, "Content-Type: application/json", body.value());
      if (!c.secret.empty()) {
        o.headers.push_back("X-BJLG-Signature: " + LegacySignature(o.body, c.secret));
        o.headers.push_back("X-BJLG-Timestamp: " + std::to_string(options.now));
        o.headers.push_back("X-BJLG-Signature-256: " + TimestampedSignature(o.body, c.secret, options.now));
      }
      break;
    }
    case ChannelType::kTelegram: {
      OrderedJson body = OrderedJson::object();
      body["chat_id"] = c.chat_id;
      body["text"] = Truncate(PlainText(m), 4096);
      body["disable_web_page_preview"] = true;
      o = Post("Telegram sendMessage", Base(m, "https://api.telegram.org") + "/bot" + c.bot_token + "/sendMessage",
           json_type, Encode(body));
      break;
    }
    case ChannelType::kTwilio:
      for (const std::string& to : c.to) {
        Outgoing t = Post("Twilio Messages",
                   Base(m, "https://api.twilio.com") + "/2010-04-01/Accounts/" + quota::UriEncode(c.account_sid, false) + "/Messages.json",
                   "Content-Type: application/x-www-form-urlencoded",
                   "To=" + quota::UriEncode(to, false) + "&From=" + quota::UriEncode(c.from, false) + "&Body=" + quota::UriEncode(Truncate(PlainText(m), 1600), false));
        t.username = c.account_sid;
        t.password = c.auth_token;
        out.push_back(std::move(t));
      }
      return out;
    case ChannelType::kPagerDuty: {
      std::string dedup = m.dedup_key;
      if (dedup.empty()) {
        auto it = m.context.find("incident_id");
        dedup = it != m.context.end() && it->is_string() ? it->get<std::string>() : "bjlg-" + m.event;
      }
      OrderedJson body = OrderedJson::object();
      body["routing_key"] = c.routing_key;
      body["event_action"] = m.resolve ? "resolve" : "trigger";
      body["dedup_key"] = Truncate(dedup, 255);
      if (!m.resolve) {
        OrderedJson payload = OrderedJson::object();
        payload["summary"] = Truncate(m.title, 1024);
        auto site = m.context.find("site_url");
        payload["source"] = site != m.context.end() && site->is_string() && !site->get<std::string>().empty()
                                ? site->get<std::string>() : std::string("bjlg");
        payload["severity"] = SeverityName(m.severity);
        payload["component"] = "backup";
        payload["class"] = m.event;
        payload["custom_details"] = {{"lines", m.lines}, {"event", m.event}};
        body["payload"] = std::move(payload);
      }
      o = Post("PagerDuty Events v2", Base(m, "https://events.pagerduty.com") + "/v2/enqueue", json_type, Encode(body));
      break;
    }
    case ChannelType::kEmail: {
      MimeMessage mime;
      mime.from = c.from;
      mime.to = c.to;
      mime.subject = m.subject.empty() ? "[Backup JLG] " + m.title : m.subject;
      mime.text = Join(m.lines, "\n");
      mime.title = m.title;
      mime.lines = m.lines;
      mime.date = options.now;
      mime.message_id_host = options.message_id_host;
      o.what = "SMTP";
      o.url = c.smtp;
      o.body = BuildMime(mime);
      o.username = c.username;
      o.password = c.password;
      o.mail_from = c.from;
      o.mail_rcpt = c.to;
      o.require_tls = c.smtp.rfind("smtp://", 0) == 0;
      break;
    }
  }
  out.push_back(std::move(o));
  return out;
}

}  // namespace bjlg::notify
