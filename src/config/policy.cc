#include "config/policy.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <variant>

#include "archive/path_rules.h"
#include "common/parse_limits.h"
#include "common/yaml_json.h"
#include "cron/expression.h"
#include "notify/message.h"

namespace bjlg::config {
namespace {

using Json = nlohmann::ordered_json;
using Step = std::variant<std::string, size_t>;
using Path = std::vector<Step>;

constexpr const char* kSecretPlaceholder = "bjlg-secret-reference";
constexpr const char* kSecretUrlPlaceholder = "https://secret-reference.invalid/";
constexpr const char* kRefForms = "{env: NAME}, {file: /path} or {option: name}";

// The keys of a notification channel that hold a secret: those Channel::Secrets() hides (a Slack
// or Discord webhook URL carries its key in its path).
const std::set<std::string>& ChannelSecretKeys() {
  static const std::set<std::string> keys = {"password", "secret", "bot_token", "auth_token", "routing_key",
                                             "webhook_url"};
  return keys;
}

bool HasControl(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// A name quoted for a message: its first 64 bytes, without control characters.
std::string Quoted(const std::string& s) {
  std::string out;
  for (unsigned char c : s.substr(0, 64)) out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  return "'" + out + "'";
}

std::string TypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::string: return "a string";
    case Json::value_t::object: return "a map";
    case Json::value_t::array: return "a list";
    case Json::value_t::null: return "nothing";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_float: return "a decimal number";
    default: return "an integer";
  }
}

// `key "x"` or `key 'x'` in a delegated parser's message: the key it refuses.
std::string KeyInMessage(const std::string& message) {
  for (const char* marker : {"key \"", "key '"}) {
    size_t at = message.find(marker);
    if (at == std::string::npos) continue;
    const char quote = marker[4];
    size_t start = at + 5;
    size_t end = message.find(quote, start);
    if (end != std::string::npos) return message.substr(start, end - start);
  }
  return "";
}

// An empty PHP array arrives as an empty JSON list: where a map is expected, it is the empty map.
bool IsMap(const Json& v) { return v.is_object() || (v.is_array() && v.empty()); }

class Reader {
 public:
  explicit Reader(bool lenient) : lenient_(lenient) {}

  const Path& where() const { return where_; }

  Result<Policy> Document(const Json& doc) {
    Policy p;
    if (doc.is_null() || (doc.is_array() && doc.empty())) return p;
    if (!doc.is_object()) {
      return Fail({}, "the policy must be a map of sections (schedules, destinations, retention, channels, targets)");
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      const std::string& key = it.key();
      const Json& v = it.value();
      Status s;
      if (key == "version") {
        if (!v.is_number_integer() || v.get<int64_t>() != kPolicyVersion) {
          s = Fail({key}, "key 'version' must be 1 (the only version of the policy document)");
        }
      } else if (key == "schedules") {
        s = Schedules(v, &p);
      } else if (key == "destinations") {
        s = Destinations(v, &p);
      } else if (key == "retention") {
        s = Retention(v, &p);
      } else if (key == "channels") {
        s = Channels(v, &p);
      } else if (key == "targets") {
        s = ReadTargets(v, &p);
      } else {
        s = Fail({key}, "unknown section " + Quoted(key) +
                            " (known: version, schedules, destinations, retention, channels, targets)");
      }
      if (!s.ok()) return s;
    }
    return p;
  }

 private:
  Status Fail(Path path, const std::string& message) {
    where_ = std::move(path);
    return Status::InvalidArgument(message);
  }

  Status ListSection(const Json& v, const std::string& section) {
    if (!v.is_array() && !(v.is_object() && v.empty())) {
      return Fail({section}, "section '" + section + "' must be a list, " + TypeName(v) + " given");
    }
    if (v.size() > kMaxPolicyEntries) {
      return Fail({section}, "section '" + section + "' holds more than " + std::to_string(kMaxPolicyEntries) +
                                 " entries");
    }
    return Status::OK();
  }

  // A secret's reference at `path`; `what` names the key for the message.
  Status Ref(const Json& v, const Path& path, const std::string& what, SecretRef* out) {
    if (!v.is_object()) {
      if (v.is_null() || (v.is_array() && v.empty())) {
        return Fail(path, what + " must be a reference to the secret (" + kRefForms + ")");
      }
      return Fail(path, what + " holds a secret written in the policy: secrets are referenced, never inlined; "
                               "write " + kRefForms + " instead");
    }
    if (v.size() != 1) return Fail(path, what + " must be a reference with exactly one key: env, file or option");
    const std::string source = v.begin().key();
    const Json& name = v.begin().value();
    if (source != "env" && source != "file" && source != "option") {
      return Fail(path, what + " must be a reference with one key env, file or option, not " + Quoted(source));
    }
    if (!name.is_string() || name.get<std::string>().empty()) {
      return Fail(path, what + " reference '" + source + "' must be a non-empty string");
    }
    const std::string text = name.get<std::string>();
    if (source == "env") {
      out->source = SecretRef::Source::kEnv;
      bool ok = text.size() <= 255 && !(text[0] >= '0' && text[0] <= '9');
      for (char c : text) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
      if (!ok) return Fail(path, what + " reference 'env' must be a variable name (letters, digits, '_')");
    } else if (source == "file") {
      out->source = SecretRef::Source::kFile;
      if (text[0] != '/' || text.size() > 4096 || HasControl(text) || text.find('\0') != std::string::npos) {
        return Fail(path, what + " reference 'file' must be an absolute path");
      }
    } else {
      out->source = SecretRef::Source::kOption;
      if (text.size() > 191 || HasControl(text)) {
        return Fail(path, what + " reference 'option' must be an option name (at most 191 bytes, no control character)");
      }
    }
    out->name = text;
    return Status::OK();
  }

  Status Schedules(const Json& v, Policy* p) {
    if (Status s = ListSection(v, "schedules"); !s.ok()) return s;
    std::vector<Schedule> out;
    std::set<std::string> names;
    for (size_t i = 0; i < v.size() && v.is_array(); ++i) {
      const Json& item = v[i];
      std::string label = "schedules[" + std::to_string(i) + "]";
      if (!item.is_object()) return Fail({"schedules", i}, label + " must be a map (name, cron, type, enabled)");
      if (auto n = item.find("name"); n != item.end() && n->is_string()) label += " (" + Quoted(n->get<std::string>()) + ")";
      Schedule sched;
      for (auto it = item.begin(); it != item.end(); ++it) {
        const std::string& key = it.key();
        const Json& value = it.value();
        const Path at = {"schedules", i, key};
        const std::string what = label + " key '" + key + "'";
        if (key == "name" || key == "cron") {
          if (!value.is_string()) return Fail(at, what + " must be a string, " + TypeName(value) + " given");
          const std::string text = value.get<std::string>();
          if (text.empty()) return Fail(at, what + " must not be empty");
          if (HasControl(text)) return Fail(at, what + " must not contain control characters");
          if (key == "name") {
            if (text.size() > 100) return Fail(at, what + " must be at most 100 bytes");
            sched.name = text;
          } else {
            Result<cron::Expression> e = cron::Expression::Parse(text);
            if (!e.ok()) return Fail(at, what + " is not a cron expression: " + e.status().message());
            sched.cron = text;
          }
        } else if (key == "type") {
          const std::string text = value.is_string() ? value.get<std::string>() : "";
          if (text == "full") {
            sched.type = Schedule::Type::kFull;
          } else if (text == "incremental") {
            sched.type = Schedule::Type::kIncremental;
          } else {
            return Fail(at, what + " must be 'full' or 'incremental'");
          }
        } else if (key == "enabled") {
          if (!value.is_boolean()) return Fail(at, what + " must be true or false, " + TypeName(value) + " given");
          sched.enabled = value.get<bool>();
        } else {
          return Fail(at, label + " has an unknown key " + Quoted(key) + " (known: name, cron, type, enabled)");
        }
      }
      for (const char* required : {"name", "cron"}) {
        if (!item.contains(required)) return Fail({"schedules", i}, label + " needs key '" + required + "'");
      }
      if (!names.insert(sched.name).second) {
        return Fail({"schedules", i, "name"}, label + " key 'name' is used by another schedule; names must be unique");
      }
      out.push_back(std::move(sched));
    }
    p->schedules = std::move(out);
    return Status::OK();
  }

  Status Destinations(const Json& v, Policy* p) {
    if (Status s = ListSection(v, "destinations"); !s.ok()) return s;
    nlohmann::json checked = nlohmann::json::array();
    std::vector<std::map<std::string, SecretRef>> secrets(v.size());
    for (size_t i = 0; i < v.size() && v.is_array(); ++i) {
      const Json& item = v[i];
      nlohmann::json copy = nlohmann::json(item);
      if (item.is_object()) {
        std::string label = "destination #" + std::to_string(i);
        if (auto n = item.find("name"); n != item.end() && n->is_string()) label += " " + Quoted(n->get<std::string>());
        auto t = item.find("type");
        const std::string type = t != item.end() && t->is_string() ? t->get<std::string>() : "";
        for (auto it = item.begin(); it != item.end(); ++it) {
          if (!quota::IsSecretSetting(type, it.key())) continue;
          SecretRef ref;
          Status s = Ref(it.value(), {"destinations", i, it.key()}, label + ": key '" + it.key() + "'", &ref);
          if (!s.ok()) return s;
          secrets[i][it.key()] = ref;
          copy[it.key()] = kSecretPlaceholder;
        }
      }
      checked.push_back(std::move(copy));
    }
    quota::ParseOptions options;
    options.lenient_strings = lenient_;
    quota::DestinationError error;
    Result<std::vector<quota::Destination>> parsed = quota::ParseDestinations(checked, options, &error);
    if (!parsed.ok()) {
      Path at = {"destinations"};
      if (error.index < v.size() && v.is_array()) {
        at.push_back(error.index);
        if (!error.key.empty() && v[error.index].is_object() && v[error.index].contains(error.key)) {
          at.push_back(error.key);
        }
      }
      return Fail(at, parsed.status().message());
    }
    std::vector<PolicyDestination> out;
    for (size_t i = 0; i < parsed->size(); ++i) {
      PolicyDestination d;
      d.destination = std::move((*parsed)[i]);
      for (const auto& [key, ref] : secrets[i]) d.destination.text.erase(key);
      d.secrets = std::move(secrets[i]);
      out.push_back(std::move(d));
    }
    p->destinations = std::move(out);
    return Status::OK();
  }

  Status Retention(const Json& v, Policy* p) {
    if (!IsMap(v)) return Fail({"retention"}, "section 'retention' must be a map, " + TypeName(v) + " given");
    // Each key alone first, so that a refusal points at its line; then the whole map, for the
    // rules between keys.
    for (auto it = v.begin(); it != v.end() && v.is_object(); ++it) {
      nlohmann::json alone = {{it.key(), nlohmann::json(it.value())}};
      if (it.key() == "lead_days") alone["target_ratio"] = 0.5;  // its companion, checked below
      Result<remote::purge::Policy> one = remote::purge::PolicyFromJson(alone);
      if (!one.ok()) return Fail({"retention", it.key()}, "retention: " + one.status().message());
    }
    Result<remote::purge::Policy> all = remote::purge::PolicyFromJson(nlohmann::json(v));
    if (!all.ok()) {
      const std::string key = KeyInMessage(all.status().message());
      Path at = {"retention"};
      if (!key.empty() && v.is_object() && v.contains(key)) at.push_back(key);
      return Fail(at, "retention: " + all.status().message());
    }
    p->retention = *all;
    return Status::OK();
  }

  Status Channels(const Json& v, Policy* p) {
    if (!IsMap(v)) {
      return Fail({"channels"}, "section 'channels' must be a map of channel name => channel, " + TypeName(v) + " given");
    }
    if (v.size() > kMaxPolicyEntries) {
      return Fail({"channels"}, "section 'channels' holds more than " + std::to_string(kMaxPolicyEntries) + " entries");
    }
    std::vector<PolicyChannel> out;
    for (auto it = v.begin(); it != v.end() && v.is_object(); ++it) {
      const std::string& name = it.key();
      const Json& item = it.value();
      const std::string label = "channel " + Quoted(name);
      if (name.empty() || HasControl(name) || name.size() > 100) {
        return Fail({"channels", name}, "a channel name must be a non-empty text of at most 100 bytes");
      }
      if (!item.is_object()) return Fail({"channels", name}, label + " must be a map with a 'type'");
      PolicyChannel c;
      c.name = name;
      Json checked = item;
      for (auto kv = item.begin(); kv != item.end(); ++kv) {
        if (!ChannelSecretKeys().count(kv.key())) continue;
        SecretRef ref;
        Status s = Ref(kv.value(), {"channels", name, kv.key()}, label + " key '" + kv.key() + "'", &ref);
        if (!s.ok()) return s;
        c.secrets[kv.key()] = ref;
        checked[kv.key()] = kv.key() == "webhook_url" ? kSecretUrlPlaceholder : kSecretPlaceholder;
      }
      Result<notify::Channel> parsed = notify::ParseChannel(checked, label);
      if (!parsed.ok()) {
        const std::string key = KeyInMessage(parsed.status().message());
        Path at = {"channels", name};
        if (!key.empty() && item.contains(key)) at.push_back(key);
        return Fail(at, parsed.status().message());
      }
      c.settings = item;
      out.push_back(std::move(c));
    }
    p->channels = std::move(out);
    return Status::OK();
  }

  Status ReadTargets(const Json& v, Policy* p) {
    if (!IsMap(v)) return Fail({"targets"}, "section 'targets' must be a map, " + TypeName(v) + " given");
    Targets t;
    for (auto it = v.begin(); it != v.end() && v.is_object(); ++it) {
      const std::string& key = it.key();
      const Json& value = it.value();
      int64_t max = 0;
      std::optional<int64_t>* field = nullptr;
      if (key == "rpo_hours") {
        max = kMaxRpoHours;
        field = &t.rpo_hours;
      } else if (key == "rto_minutes") {
        max = kMaxRtoMinutes;
        field = &t.rto_minutes;
      } else {
        return Fail({"targets", key}, "targets has an unknown key " + Quoted(key) + " (known: rpo_hours, rto_minutes)");
      }
      if (value.is_null()) continue;
      const std::string expected = "an integer between 1 and " + std::to_string(max);
      if (!value.is_number_integer() || (value.is_number_unsigned() && value.get<uint64_t>() > uint64_t(max))) {
        return Fail({"targets", key}, "targets key '" + key + "' must be " + expected + ", " + TypeName(value) + " given");
      }
      const int64_t n = value.get<int64_t>();
      if (n < 1 || n > max) {
        return Fail({"targets", key}, "targets key '" + key + "' must be " + expected + ", " + std::to_string(n) + " given");
      }
      *field = n;
    }
    p->targets = t;
    return Status::OK();
  }

  bool lenient_;
  Path where_;
};

// The mark of what `path` designates in the YAML document: the key's mark for a map entry, the
// item's for a list entry; as far as the path can be followed.
YAML::Mark Locate(const YAML::Node& root, const Path& path) {
  // Node's operator= assigns through to the document (yaml-cpp nodes are references): the walk
  // moves with reset(), which rebinds.
  YAML::Node node;
  node.reset(root);
  YAML::Mark mark = root.Mark();
  for (const Step& step : path) {
    YAML::Node next;
    bool found = false;
    if (const std::string* key = std::get_if<std::string>(&step)) {
      if (!node.IsMap()) break;
      for (const auto& kv : node) {
        if (kv.first.IsScalar() && kv.first.Scalar() == *key) {
          mark = kv.first.Mark();
          next.reset(kv.second);
          found = true;
        }
      }
    } else {
      const size_t index = std::get<size_t>(step);
      if (!node.IsSequence() || index >= node.size()) break;
      size_t i = 0;
      for (const auto& item : node) {
        if (i++ == index) {
          next.reset(item);
          mark = item.Mark();
          found = true;
          break;
        }
      }
    }
    if (!found) break;
    node.reset(next);
  }
  return mark;
}

std::string Position(const std::string& name, const YAML::Mark& mark) {
  if (mark.line < 0) return name;
  return name + " line " + std::to_string(mark.line + 1) + ", column " + std::to_string(mark.column + 1);
}

// YAML's core schema reads an unquoted 0.85 as a number; the shared conversion types integers
// and booleans only (as remote/purge/policy.cc does for the same keys).
void PlainDecimals(const YAML::Node& root, Json* doc) {
  if (!root.IsMap() || !doc->is_object() || !doc->contains("retention")) return;
  YAML::Node retention;
  for (const auto& kv : root) {
    if (kv.first.IsScalar() && kv.first.Scalar() == "retention") retention.reset(kv.second);
  }
  Json& out = (*doc)["retention"];
  if (!retention.IsMap() || !out.is_object()) return;
  for (const auto& kv : retention) {
    if (!kv.first.IsScalar() || !kv.second.IsScalar() || kv.second.Tag() == "!") continue;
    const std::string key = kv.first.Scalar();
    if (key != "target_ratio" && key != "lead_days") continue;
    const std::string& text = kv.second.Scalar();
    if (text.empty() || text.size() > 32 || text.find_first_not_of("0123456789.-+eE") != std::string::npos) continue;
    char* end = nullptr;
    const double d = std::strtod(text.c_str(), &end);
    if (end == text.c_str() + text.size() && std::isfinite(d)) out[key] = d;
  }
}

// ---- emitting ----

bool IsRef(const Json& v) {
  if (!v.is_object() || v.size() != 1 || !v.begin().value().is_string()) return false;
  const std::string& k = v.begin().key();
  return k == "env" || k == "file" || k == "option";
}

// True when the plain scalar `text` would read back as something else than this string.
bool NeedsQuotes(const std::string& text) {
  if (text.empty()) return true;
  YAML::Node plain(text);
  const nlohmann::json typed = YamlScalarToJson(plain);
  if (!typed.is_string()) return true;
  static const std::set<std::string> special = {"~", "null", "Null", "NULL", "yes", "no", "on", "off",
                                                "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"};
  if (special.count(text)) return true;
  if (text.find_first_not_of("0123456789.-+eE") == std::string::npos) return true;  // 0.5, 1e3
  return false;
}

std::string FormatDouble(double d) {
  char buf[64];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

void Emit(YAML::Emitter& out, const Json& v) {
  switch (v.type()) {
    case Json::value_t::object:
      if (IsRef(v) || v.empty()) out << YAML::Flow;
      out << YAML::BeginMap;
      for (auto it = v.begin(); it != v.end(); ++it) {
        out << YAML::Key;
        if (NeedsQuotes(it.key())) out << YAML::DoubleQuoted;
        out << it.key() << YAML::Value;
        Emit(out, it.value());
      }
      out << YAML::EndMap;
      break;
    case Json::value_t::array: {
      bool scalars = true;
      for (const Json& item : v) scalars = scalars && !item.is_structured();
      if (scalars) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const Json& item : v) Emit(out, item);
      out << YAML::EndSeq;
      break;
    }
    case Json::value_t::string: {
      const std::string& s = v.get_ref<const std::string&>();
      if (NeedsQuotes(s)) out << YAML::DoubleQuoted;
      out << s;
      break;
    }
    case Json::value_t::boolean:
      out << (v.get<bool>() ? "true" : "false");
      break;
    case Json::value_t::number_integer:
      out << std::to_string(v.get<int64_t>());
      break;
    case Json::value_t::number_unsigned:
      out << std::to_string(v.get<uint64_t>());
      break;
    case Json::value_t::number_float:
      out << FormatDouble(v.get<double>());
      break;
    default:
      out << YAML::Null;
      break;
  }
}

Json RefToJson(const SecretRef& ref) { return Json{{SecretSourceName(ref.source), ref.name}}; }

}  // namespace

const char* SecretSourceName(SecretRef::Source source) {
  switch (source) {
    case SecretRef::Source::kEnv: return "env";
    case SecretRef::Source::kFile: return "file";
    case SecretRef::Source::kOption: return "option";
  }
  return "env";
}

Result<Policy> PolicyFromJson(const Json& value) {
  Reader reader(false);
  return reader.Document(value);
}

Result<Policy> ParsePolicyYaml(const std::string& text, const std::string& name) {
  if (text.size() > kMaxConfigFileBytes) {
    return Status::InvalidArgument(name + ": the policy is larger than " + std::to_string(kMaxConfigFileBytes) +
                                   " bytes");
  }
  // YAML is Unicode: other bytes in a string would not come back the same once emitted.
  size_t line_start = 0;
  for (size_t line = 1; line_start <= text.size(); ++line) {
    size_t end = text.find('\n', line_start);
    if (end == std::string::npos) end = text.size();
    if (!archive::IsValidUtf8(std::string_view(text).substr(line_start, end - line_start))) {
      return Status::InvalidArgument(name + " line " + std::to_string(line) + ": not valid UTF-8");
    }
    line_start = end + 1;
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(Position(name, e.mark) + ": not valid YAML: " + e.msg);
  }
  Json doc;
  ExpansionBudget budget(name);
  try {
    Status s = YamlToJson(root, 0, &budget, &doc);
    if (!s.ok()) return Status::InvalidArgument(s.message());
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(Position(name, e.mark) + ": a key must be a plain name");
  }
  PlainDecimals(root, &doc);
  Reader reader(true);
  Result<Policy> p = reader.Document(doc);
  if (!p.ok()) return Status::InvalidArgument(Position(name, Locate(root, reader.where())) + ": " + p.status().message());
  return p;
}

Result<Policy> LoadPolicyFile(const std::string& path) {
  Result<std::string> text = ReadSmallFile(path, kMaxConfigFileBytes, "policy file");
  if (!text.ok()) return text.status();
  return ParsePolicyYaml(*text, path);
}

Json PolicyToJson(const Policy& p) {
  Json out = {{"version", kPolicyVersion}};
  if (p.schedules) {
    Json list = Json::array();
    for (const Schedule& s : *p.schedules) {
      list.push_back({{"name", s.name},
                      {"cron", s.cron},
                      {"type", s.type == Schedule::Type::kFull ? "full" : "incremental"},
                      {"enabled", s.enabled}});
    }
    out["schedules"] = std::move(list);
  }
  if (p.destinations) {
    Json list = Json::array();
    for (const PolicyDestination& d : *p.destinations) {
      std::map<std::string, Json> settings;
      for (const auto& [key, value] : d.destination.text) settings[key] = value;
      for (const auto& [key, value] : d.destination.numbers) settings[key] = value;
      for (const auto& [key, value] : d.destination.flags) settings[key] = value;
      for (const auto& [key, ref] : d.secrets) settings[key] = RefToJson(ref);
      settings.erase("name");
      settings.erase("type");
      Json item = {{"name", d.destination.name}, {"type", quota::DestinationTypeName(d.destination.type)}};
      for (auto& [key, value] : settings) item[key] = std::move(value);
      list.push_back(std::move(item));
    }
    out["destinations"] = std::move(list);
  }
  if (p.retention) {
    Json retention = Json::object();
    const nlohmann::json all = p.retention->ToJson();
    for (auto it = all.begin(); it != all.end(); ++it) {
      if (!it.value().is_null()) retention[it.key()] = Json(it.value());
    }
    out["retention"] = std::move(retention);
  }
  if (p.channels) {
    Json channels = Json::object();
    for (const PolicyChannel& c : *p.channels) channels[c.name] = c.settings;
    out["channels"] = std::move(channels);
  }
  if (p.targets) {
    Json targets = Json::object();
    if (p.targets->rpo_hours) targets["rpo_hours"] = *p.targets->rpo_hours;
    if (p.targets->rto_minutes) targets["rto_minutes"] = *p.targets->rto_minutes;
    out["targets"] = std::move(targets);
  }
  return out;
}

std::string EmitPolicyYaml(const Policy& p) {
  YAML::Emitter out;
  out.SetIndent(2);
  Emit(out, PolicyToJson(p));
  return std::string(out.c_str()) + "\n";
}

bool operator==(const Policy& a, const Policy& b) { return PolicyToJson(a) == PolicyToJson(b); }

}  // namespace bjlg::config
