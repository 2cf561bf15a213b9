// The incident policy array: which channels, escalation levels, quiet hours, reminders.
#include <algorithm>
#include <set>

#include "notify/incident.h"

namespace bjlg::notify {
namespace {

Status Unknown(const OrderedJson& obj, const std::set<std::string>& keys, const std::string& where) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (!keys.count(it.key())) return Status::InvalidArgument(where + " has an unknown key \"" + it.key() + "\"");
  }
  return Status::OK();
}

Status Names(const OrderedJson& obj, const char* key, const OrderedJson& channels, const std::string& where,
             std::vector<std::string>* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::OK();
  if (!it->is_array()) return Status::InvalidArgument(where + " key \"" + key + "\" must be a list of channel names");
  for (const OrderedJson& n : *it) {
    if (!n.is_string()) return Status::InvalidArgument(where + " key \"" + key + "\" must be a list of channel names");
    if (!channels.contains(n.get<std::string>())) {
      return Status::InvalidArgument(where + " key \"" + key + "\" names a channel not in policy \"channels\"");
    }
    out->push_back(n.get<std::string>());
  }
  return Status::OK();
}

template <typename T>
Status Number(const OrderedJson& obj, const char* key, double min, double max, const std::string& where, T* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::OK();
  if (!it->is_number()) return Status::InvalidArgument(where + " key \"" + key + "\" must be a number");
  double v = it->get<double>();
  if (!(v >= min && v <= max)) {
    return Status::InvalidArgument(where + " key \"" + key + "\" must be between " + std::to_string(static_cast<int64_t>(min)) +
                                   " and " + std::to_string(static_cast<int64_t>(max)));
  }
  *out = static_cast<T>(v);
  return Status::OK();
}

Status Bool(const OrderedJson& obj, const char* key, const std::string& where, bool* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::OK();
  if (!it->is_boolean()) return Status::InvalidArgument(where + " key \"" + key + "\" must be a bool");
  *out = it->get<bool>();
  return Status::OK();
}

Status Text(const OrderedJson& obj, const char* key, const std::string& where, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::OK();
  if (!it->is_string()) return Status::InvalidArgument(where + " key \"" + key + "\" must be a string");
  *out = it->get<std::string>();
  return Status::OK();
}

#define BJLG_TRY(expr) do { Status s_ = (expr); if (!s_.ok()) return s_; } while (0)

}  // namespace

Result<IncidentPolicy> ParsePolicy(const OrderedJson& p) {
  IncidentPolicy out;
  if (!p.is_object()) return Status::InvalidArgument("policy must be an array with string keys");
  BJLG_TRY(Unknown(p, {"channels", "notify", "escalation", "quiet_hours", "reminders", "locale"}, "policy"));
  auto ch = p.find("channels");
  if (ch == p.end() || !ch->is_object() || ch->empty()) {
    return Status::InvalidArgument("policy key \"channels\" must map channel names to channel arrays");
  }
  for (auto it = ch->begin(); it != ch->end(); ++it) {
    Result<Channel> c = ParseChannel(it.value(), "policy channel \"" + it.key() + "\"");
    if (!c.ok()) return c.status();
  }
  out.channels = *ch;
  BJLG_TRY(Names(p, "notify", out.channels, "policy", &out.notify));
  if (out.notify.empty()) {
    for (auto it = ch->begin(); it != ch->end(); ++it) out.notify.push_back(it.key());
  }
  BJLG_TRY(Text(p, "locale", "policy", &out.locale));
  if (out.locale != "fr" && out.locale != "en") return Status::InvalidArgument("policy key \"locale\" must be fr or en");

  if (auto e = p.find("escalation"); e != p.end() && !e->is_null()) {
    if (!e->is_object()) return Status::InvalidArgument("policy key \"escalation\" must be an array");
    BJLG_TRY(Unknown(*e, {"enabled", "only_critical", "max_rounds", "levels"}, "policy escalation"));
    bool enabled = true;
    BJLG_TRY(Bool(*e, "enabled", "policy escalation", &enabled));
    BJLG_TRY(Bool(*e, "only_critical", "policy escalation", &out.escalate_only_critical));
    BJLG_TRY(Number(*e, "max_rounds", 1, 100, "policy escalation", &out.max_rounds));
    auto levels = e->find("levels");
    if (levels != e->end() && !levels->is_null()) {
      if (!levels->is_array()) return Status::InvalidArgument("policy escalation key \"levels\" must be a list");
      for (size_t i = 0; i < levels->size(); ++i) {
        const OrderedJson& l = (*levels)[i];
        std::string where = "policy escalation level #" + std::to_string(i);
        if (!l.is_object()) return Status::InvalidArgument(where + " must be an array");
        BJLG_TRY(Unknown(l, {"after_minutes", "channels"}, where));
        EscalationLevel level;
        double minutes = -1;
        BJLG_TRY(Number(l, "after_minutes", 1, 525600, where, &minutes));
        if (minutes < 0) return Status::InvalidArgument(where + " needs key \"after_minutes\"");
        level.after_seconds = static_cast<int64_t>(minutes * 60);
        BJLG_TRY(Names(l, "channels", out.channels, where, &level.channels));
        if (level.channels.empty()) return Status::InvalidArgument(where + " key \"channels\" must not be empty");
        if (!out.levels.empty() && level.after_seconds <= out.levels.back().after_seconds) {
          return Status::InvalidArgument(where + " key \"after_minutes\" must be greater than the previous level's");
        }
        if (enabled) out.levels.push_back(std::move(level));
      }
    }
  }
  if (auto q = p.find("quiet_hours"); q != p.end() && !q->is_null()) {
    if (!q->is_object()) return Status::InvalidArgument("policy key \"quiet_hours\" must be an array");
    BJLG_TRY(Unknown(*q, {"enabled", "start", "end", "allow_critical", "timezone"}, "policy quiet_hours"));
    bool enabled = true, allow = true;
    std::string start = "22:00", end = "07:00", tz = "UTC";
    BJLG_TRY(Bool(*q, "enabled", "policy quiet_hours", &enabled));
    BJLG_TRY(Bool(*q, "allow_critical", "policy quiet_hours", &allow));
    BJLG_TRY(Text(*q, "start", "policy quiet_hours", &start));
    BJLG_TRY(Text(*q, "end", "policy quiet_hours", &end));
    BJLG_TRY(Text(*q, "timezone", "policy quiet_hours", &tz));
    Status s = LoadQuietHours(enabled, start, end, allow, tz, &out.quiet);
    if (!s.ok()) return s.Annotate("policy ");
  }
  if (auto r = p.find("reminders"); r != p.end() && !r->is_null()) {
    if (!r->is_object()) return Status::InvalidArgument("policy key \"reminders\" must be an array");
    BJLG_TRY(Unknown(*r, {"enabled", "base_interval", "backoff_multiplier", "max_interval", "max_attempts"},
                     "policy reminders"));
    BJLG_TRY(Bool(*r, "enabled", "policy reminders", &out.reminders));
    BJLG_TRY(Number(*r, "base_interval", 60, 86400 * 7, "policy reminders", &out.reminder_base));
    BJLG_TRY(Number(*r, "backoff_multiplier", 1, 10, "policy reminders", &out.reminder_multiplier));
    BJLG_TRY(Number(*r, "max_interval", 60, 86400 * 30, "policy reminders", &out.reminder_max_interval));
    BJLG_TRY(Number(*r, "max_attempts", 0, 1000, "policy reminders", &out.reminder_max_attempts));
  }
  return out;
}

}  // namespace bjlg::notify
