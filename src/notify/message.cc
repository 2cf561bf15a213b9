// Checking messages and channels: every refusal names the message, the key and what was wrong,
// and never quotes a value (a value may be a token).
#include "notify/message.h"

#include <set>

namespace bjlg::notify {
namespace {

struct TypeKeys {
  ChannelType type;
  const char* name;
  std::vector<const char*> required;
  std::vector<const char*> optional;
};

const std::vector<TypeKeys>& Types() {
  static const std::vector<TypeKeys> kTypes = {
      {ChannelType::kEmail, "email", {"smtp", "from", "to"}, {"username", "password"}},
      {ChannelType::kSlack, "slack", {"webhook_url"}, {}},
      {ChannelType::kDiscord, "discord", {"webhook_url"}, {}},
      {ChannelType::kTeams, "teams", {"webhook_url"}, {}},
      {ChannelType::kSms, "sms", {"webhook_url"}, {}},
      {ChannelType::kWebhook, "webhook", {"url"}, {"secret"}},
      {ChannelType::kTelegram, "telegram", {"bot_token", "chat_id"}, {}},
      {ChannelType::kTwilio, "twilio", {"account_sid", "auth_token", "from", "to"}, {}},
      {ChannelType::kPagerDuty, "pagerduty", {"routing_key"}, {}},
  };
  return kTypes;
}

bool IsHttpUrl(const std::string& url) {
  return (url.rfind("https://", 0) == 0 && url.size() > 8) || (url.rfind("http://", 0) == 0 && url.size() > 7);
}

bool HasControl(const std::string& s) {
  for (unsigned char c : s) if (c < 0x20 || c == 0x7f) return true;
  return false;
}

}  // namespace

const char* ChannelTypeName(ChannelType type) {
  for (const TypeKeys& t : Types()) if (t.type == type) return t.name;
  return "?";
}

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kCritical: return "critical";
  }
  return "info";
}

bool ParseSeverity(const std::string& text, Severity* out) {
  if (text == "info") *out = Severity::kInfo;
  else if (text == "warning") *out = Severity::kWarning;
  else if (text == "critical") *out = Severity::kCritical;
  else return false;
  return true;
}

std::vector<std::string> Channel::Secrets() const {
  std::vector<std::string> out;
  for (const std::string* s : {&password, &secret, &bot_token, &auth_token, &routing_key, &webhook_url}) {
    if (!s->empty()) out.push_back(*s);
  }
  // A webhook URL may carry a key in its query ("?token=..."); its host stays visible.
  if (url.find('?') != std::string::npos) out.push_back(url.substr(url.find('?')));
  return out;
}

Result<Channel> ParseChannel(const OrderedJson& value, const std::string& where) {
  if (!value.is_object()) return Status::InvalidArgument(where + " must be an array with a \"type\"");
  auto type_it = value.find("type");
  if (type_it == value.end() || !type_it->is_string()) {
    return Status::InvalidArgument(where + " key \"type\" must be a string");
  }
  const std::string type_name = type_it->get<std::string>();
  const TypeKeys* keys = nullptr;
  for (const TypeKeys& t : Types()) if (type_name == t.name) keys = &t;
  if (keys == nullptr) {
    return Status::InvalidArgument(where + " key \"type\" must be one of email, slack, discord, teams, sms, webhook, "
                                   "telegram, twilio, pagerduty");
  }
  Channel c;
  c.type = keys->type;
  std::set<std::string> allowed = {"type", "name", "api_base_url", "enabled"};
  for (const char* k : keys->required) allowed.insert(k);
  for (const char* k : keys->optional) allowed.insert(k);
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!allowed.count(it.key())) {
      return Status::InvalidArgument(where + " has an unknown key \"" + it.key() + "\" for type " + type_name);
    }
  }
  auto text = [&](const char* key, std::string* out) -> Status {
    auto it = value.find(key);
    if (it == value.end() || it->is_null()) return Status::OK();
    if (!it->is_string() && !(it->is_number_integer() && std::string(key) == "chat_id")) {
      return Status::InvalidArgument(where + " key \"" + key + "\" must be a string");
    }
    *out = it->is_string() ? it->get<std::string>() : std::to_string(it->get<int64_t>());
    if (HasControl(*out)) return Status::InvalidArgument(where + " key \"" + key + "\" must not contain control characters");
    return Status::OK();
  };
  const std::pair<const char*, std::string*> fields[] = {
      {"name", &c.name}, {"smtp", &c.smtp}, {"username", &c.username}, {"password", &c.password},
      {"from", &c.from}, {"webhook_url", &c.webhook_url}, {"url", &c.url}, {"secret", &c.secret},
      {"bot_token", &c.bot_token}, {"chat_id", &c.chat_id}, {"account_sid", &c.account_sid},
      {"auth_token", &c.auth_token}, {"routing_key", &c.routing_key}, {"api_base_url", &c.api_base_url}};
  for (const auto& [key, out] : fields) {
    if (std::string(key) == "to") continue;
    Status s = text(key, out);
    if (!s.ok()) return s;
  }
  if (auto it = value.find("to"); it != value.end() && !it->is_null()) {
    if (it->is_string()) {
      c.to.push_back(it->get<std::string>());
    } else if (it->is_array()) {
      for (const OrderedJson& r : *it) {
        if (!r.is_string()) return Status::InvalidArgument(where + " key \"to\" must be a list of strings");
        c.to.push_back(r.get<std::string>());
      }
    } else {
      return Status::InvalidArgument(where + " key \"to\" must be a string or a list of strings");
    }
    for (const std::string& r : c.to) {
      if (r.empty() || HasControl(r) || r.find_first_of("<>,; ") != std::string::npos) {
        return Status::InvalidArgument(where + " key \"to\" has an invalid recipient (empty, or with a space, "
                                       "a control character or one of <>,;)");
      }
      if (c.type == ChannelType::kEmail && r.find('@') == std::string::npos) {
        return Status::InvalidArgument(where + " key \"to\" has a recipient that is not an e-mail address");
      }
    }
  }
  for (const char* key : keys->required) {
    bool missing = std::string(key) == "to" ? c.to.empty() : false;
    if (std::string(key) != "to") {
      auto it = value.find(key);
      missing = it == value.end() || it->is_null() || (it->is_string() && it->get<std::string>().empty());
    }
    if (missing) return Status::InvalidArgument(where + " (" + type_name + ") needs key \"" + key + "\"");
  }
  if (c.type == ChannelType::kEmail) {
    if (c.smtp.rfind("smtp://", 0) != 0 && c.smtp.rfind("smtps://", 0) != 0) {
      return Status::InvalidArgument(where + " key \"smtp\" must start with smtp:// or smtps://");
    }
    if (c.from.find('@') == std::string::npos || c.from.find_first_of("<>, ") != std::string::npos) {
      return Status::InvalidArgument(where + " key \"from\" must be an e-mail address");
    }
  }
  if (!c.webhook_url.empty() && !IsHttpUrl(c.webhook_url)) {
    return Status::InvalidArgument(where + " key \"webhook_url\" must be an http:// or https:// URL");
  }
  if (!c.url.empty() && !IsHttpUrl(c.url)) return Status::InvalidArgument(where + " key \"url\" must be an http:// or https:// URL");
  if (!c.api_base_url.empty() && !IsHttpUrl(c.api_base_url)) {
    return Status::InvalidArgument(where + " key \"api_base_url\" must be an http:// or https:// URL");
  }
  while (!c.api_base_url.empty() && c.api_base_url.back() == '/') c.api_base_url.pop_back();
  if (c.name.empty()) c.name = type_name;
  return c;
}

Result<Message> ParseMessage(const OrderedJson& value, const std::string& where) {
  if (!value.is_object()) return Status::InvalidArgument(where + " must be an array");
  static const std::set<std::string> kKeys = {"channel", "event", "title", "lines", "severity", "context", "subject",
                                              "resolve", "dedup_key", "timestamp", "data"};
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!kKeys.count(it.key())) return Status::InvalidArgument(where + " has an unknown key \"" + it.key() + "\"");
  }
  Message m;
  auto channel = value.find("channel");
  if (channel == value.end()) return Status::InvalidArgument(where + " needs key \"channel\"");
  Result<Channel> c = ParseChannel(*channel, where + " channel");
  if (!c.ok()) return c.status();
  m.channel = std::move(c.value());
  auto text = [&](const char* key, std::string* out, bool required) -> Status {
    auto it = value.find(key);
    if (it == value.end() || it->is_null()) {
      return required ? Status::InvalidArgument(where + " needs key \"" + key + "\"") : Status::OK();
    }
    if (!it->is_string()) return Status::InvalidArgument(where + " key \"" + key + "\" must be a string");
    *out = it->get<std::string>();
    return Status::OK();
  };
  for (Status s : {text("event", &m.event, true), text("title", &m.title, true), text("subject", &m.subject, false),
                   text("dedup_key", &m.dedup_key, false), text("timestamp", &m.timestamp, false)}) {
    if (!s.ok()) return s;
  }
  if (m.event.empty()) return Status::InvalidArgument(where + " key \"event\" must not be empty");
  if (m.subject.find_first_of("\r\n") != std::string::npos) {
    return Status::InvalidArgument(where + " key \"subject\" must be one line");
  }
  if (auto it = value.find("lines"); it != value.end() && !it->is_null()) {
    if (!it->is_array()) return Status::InvalidArgument(where + " key \"lines\" must be a list of strings");
    for (const OrderedJson& l : *it) {
      if (!l.is_string()) return Status::InvalidArgument(where + " key \"lines\" must be a list of strings");
      m.lines.push_back(l.get<std::string>());
    }
  }
  std::string severity = "info";
  if (Status s = text("severity", &severity, false); !s.ok()) return s;
  if (!ParseSeverity(severity, &m.severity)) {
    return Status::InvalidArgument(where + " key \"severity\" must be info, warning or critical");
  }
  if (auto it = value.find("context"); it != value.end() && !it->is_null()) {
    if (!it->is_object() && !(it->is_array() && it->empty())) {
      return Status::InvalidArgument(where + " key \"context\" must be an array with string keys");
    }
    m.context = it->is_object() ? *it : OrderedJson::object();
  }
  if (auto it = value.find("resolve"); it != value.end() && !it->is_null()) {
    if (!it->is_boolean()) return Status::InvalidArgument(where + " key \"resolve\" must be a bool");
    m.resolve = it->get<bool>();
  }
  if (auto it = value.find("data"); it != value.end()) m.data = *it;
  // Refused here, with the key, rather than when the payload is built: nothing of a batch leaves
  // when one of its messages could not be encoded as PHP's json_encode() would.
  std::string scratch;
  for (const auto& [key, text] : {std::pair<const char*, const std::string*>{"event", &m.event}, {"title", &m.title},
                                  {"subject", &m.subject}, {"dedup_key", &m.dedup_key}, {"timestamp", &m.timestamp}}) {
    if (!PhpJsonEncodeString(*text, &scratch)) return Status::InvalidArgument(where + " key \"" + key + "\" must be valid UTF-8");
  }
  for (const std::string& line : m.lines) {
    if (!PhpJsonEncodeString(line, &scratch)) return Status::InvalidArgument(where + " key \"lines\" must be valid UTF-8");
  }
  if (!PhpJsonEncode(m.context).ok()) {
    return Status::InvalidArgument(where + " key \"context\" must hold valid UTF-8 and finite numbers");
  }
  if (!m.data.is_null() && !PhpJsonEncode(m.data).ok()) {
    return Status::InvalidArgument(where + " key \"data\" must hold valid UTF-8 and finite numbers");
  }
  return m;
}

}  // namespace bjlg::notify
