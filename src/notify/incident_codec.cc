// Incident ⇄ array: the state the caller keeps between calls (a queue row, a state file). The
// keys follow the plugin's queue entry and receipt (§B.5, §B.8): id, event, title, severity,
// created_at, acknowledged_at/by, resolved_at, resolution_status, resolution_summary, steps
// [{timestamp, actor, summary, type}], actions, reminders {attempts, base_interval, next_at,
// last_triggered_at, active, backoff_multiplier, max_interval}. FromArray() trusts nothing:
// the file may have been edited or corrupted, so every key is type- and range-checked.
#include <algorithm>

#include "notify/incident.h"

namespace bjlg::notify {

struct IncidentCodec {
  static OrderedJson Encode(const Incident& i);
  static Result<Incident> Decode(const OrderedJson& s);
};

namespace {

OrderedJson NullIfZero(int64_t t) { return t > 0 ? OrderedJson(t) : OrderedJson(nullptr); }

class Reader {
 public:
  Reader(const OrderedJson& obj, std::string where) : obj_(obj), where_(std::move(where)) {}
  Status error() const { return error_; }
  bool ok() const { return error_.ok(); }

  int64_t Int(const char* key, bool nullable = true) {
    auto it = obj_.find(key);
    if (it == obj_.end() || (nullable && it->is_null())) return 0;
    if (!it->is_number_integer() || it->get<int64_t>() < 0) Fail(key, "must be a non-negative int");
    return ok() && it->is_number_integer() ? it->get<int64_t>() : 0;
  }
  double Number(const char* key, double def) {
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) return def;
    if (!it->is_number()) { Fail(key, "must be a number"); return def; }
    return it->get<double>();
  }
  std::string Text(const char* key) {
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) return "";
    if (!it->is_string()) { Fail(key, "must be a string"); return ""; }
    return it->get<std::string>();
  }
  bool Bool(const char* key) {
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) return false;
    if (!it->is_boolean()) { Fail(key, "must be a bool"); return false; }
    return it->get<bool>();
  }
  std::vector<std::string> Strings(const char* key) {
    std::vector<std::string> out;
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) return out;
    if (!it->is_array()) { Fail(key, "must be a list of strings"); return out; }
    for (const OrderedJson& v : *it) {
      if (!v.is_string()) { Fail(key, "must be a list of strings"); return {}; }
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  const OrderedJson* List(const char* key) {
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) return nullptr;
    if (!it->is_array()) { Fail(key, "must be a list"); return nullptr; }
    return &*it;
  }
  const OrderedJson* Object(const char* key) {
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) return nullptr;
    if (!it->is_object()) { Fail(key, "must be an array with string keys"); return nullptr; }
    return &*it;
  }
  void Fail(const std::string& key, const std::string& why) {
    if (ok()) error_ = Status::InvalidArgument(where_ + " key \"" + key + "\" " + why);
  }

 private:
  const OrderedJson& obj_;
  std::string where_;
  Status error_;
};

}  // namespace

OrderedJson IncidentCodec::Encode(const Incident& i) {
  OrderedJson s = OrderedJson::object();
  s["id"] = i.id_;
  s["event"] = i.event_;
  s["title"] = i.title_;
  s["severity"] = SeverityName(i.severity_);
  s["lines"] = i.lines_;
  s["context"] = i.context_;
  s["created_at"] = i.created_at_;
  s["acknowledged_at"] = NullIfZero(i.acknowledged_at_);
  s["acknowledged_by"] = i.acknowledged_by_;
  s["resolved_at"] = NullIfZero(i.resolved_at_);
  s["resolved_by"] = i.resolved_by_;
  s["resolution_status"] = i.status();
  s["resolution_summary"] = i.summary_;
  s["steps"] = OrderedJson::array();
  for (const Step& st : i.steps_) {
    s["steps"].push_back({{"timestamp", st.timestamp}, {"actor", st.actor}, {"summary", st.summary}, {"type", st.type}});
  }
  s["actions"] = OrderedJson::array();
  for (const Action& a : i.actions_) {
    OrderedJson o = OrderedJson::object();
    o["id"] = a.id;
    o["title"] = a.title;
    o["owner"] = a.owner;
    o["status"] = a.status;
    o["due_at"] = NullIfZero(a.due_at);
    o["created_at"] = a.created_at;
    o["updated_at"] = a.updated_at;
    o["overdue_notified_at"] = NullIfZero(a.overdue_notified_at);
    o["note"] = a.note;
    s["actions"].push_back(std::move(o));
  }
  s["notes"] = i.notes_;
  s["notice_sent"] = i.notice_done_;
  s["escalation"] = {{"round", i.escalation_round_}, {"level", i.escalation_level_}, {"next_at", NullIfZero(i.escalation_next_at_)}};
  OrderedJson r = OrderedJson::object();
  r["attempts"] = i.reminder_attempts_;
  r["base_interval"] = i.ReminderBase();
  r["next_at"] = NullIfZero(i.reminder_next_at_);
  r["last_triggered_at"] = NullIfZero(i.reminder_last_at_);
  r["active"] = i.reminder_active_;
  r["backoff_multiplier"] = i.policy_.reminder_multiplier;
  r["max_interval"] = i.policy_.reminder_max_interval;
  s["reminders"] = std::move(r);
  s["pending"] = OrderedJson::array();
  for (const Pending& p : i.pending_) {
    s["pending"].push_back({{"kind", p.kind}, {"channel", p.channel}, {"level", p.level}, {"not_before", p.not_before},
                            {"title", p.title}, {"lines", p.lines}});
  }
  s["channels_used"] = i.used_;
  s["next_action"] = i.next_action_;
  s["policy"] = i.policy_json_;
  return s;
}

Result<Incident> IncidentCodec::Decode(const OrderedJson& s) {
  if (!s.is_object()) return Status::InvalidArgument("incident state must be an array with string keys");
  // The keys Encode() writes: anything else is a typo or another program's data, not ours to drop.
  static const char* const kKeys[] = {"id", "event", "title", "severity", "lines", "context", "created_at",
                                      "acknowledged_at", "acknowledged_by", "resolved_at", "resolved_by",
                                      "resolution_status", "resolution_summary", "steps", "actions", "notes",
                                      "notice_sent", "escalation", "reminders", "pending", "channels_used",
                                      "next_action", "policy"};
  for (auto it = s.begin(); it != s.end(); ++it) {
    if (std::none_of(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return it.key() == k; })) {
      return Status::InvalidArgument("incident state has an unknown key \"" + it.key() + "\"");
    }
  }
  Reader r(s, "incident state");
  auto policy = s.find("policy");
  if (policy == s.end()) return Status::InvalidArgument("incident state needs key \"policy\"");
  Result<IncidentPolicy> p = ParsePolicy(*policy);
  if (!p.ok()) return p.status().Annotate("incident state: ");
  Incident i;
  i.policy_ = std::move(p.value());
  i.policy_json_ = *policy;
  i.id_ = r.Text("id");
  i.event_ = r.Text("event");
  i.title_ = r.Text("title");
  for (const auto& [key, text] : {std::pair<const char*, const std::string*>{"id", &i.id_}, {"event", &i.event_}, {"title", &i.title_}}) {
    if (r.ok() && text->empty()) r.Fail(key, "must not be empty");
  }
  if (r.ok() && !ParseSeverity(r.Text("severity"), &i.severity_)) r.Fail("severity", "must be info, warning or critical");
  i.lines_ = r.Strings("lines");
  // PHP's json_encode() writes an empty array as [], not {}: both mean "no context".
  if (auto c = s.find("context"); c == s.end() || !(c->is_array() && c->empty())) {
    if (const OrderedJson* obj = r.Object("context")) i.context_ = *obj;
  }
  i.created_at_ = r.Int("created_at", false);
  i.acknowledged_at_ = r.Int("acknowledged_at");
  i.acknowledged_by_ = r.Text("acknowledged_by");
  i.resolved_at_ = r.Int("resolved_at");
  i.resolved_by_ = r.Text("resolved_by");
  i.summary_ = r.Text("resolution_summary");
  if (r.ok() && i.acknowledged_at_ > 0 && i.acknowledged_at_ < i.created_at_) r.Fail("acknowledged_at", "must not be before created_at");
  if (r.ok() && i.resolved_at_ > 0 && i.resolved_at_ < i.created_at_) r.Fail("resolved_at", "must not be before created_at");
  if (const OrderedJson* steps = r.List("steps")) {
    for (const OrderedJson& st : *steps) {
      if (!st.is_object()) { r.Fail("steps", "must be a list of arrays"); break; }
      Reader sr(st, "incident state step");
      Step step{sr.Int("timestamp"), sr.Text("actor"), sr.Text("summary"), sr.Text("type")};
      if (!sr.ok()) return sr.error();
      i.steps_.push_back(std::move(step));
    }
  }
  if (const OrderedJson* actions = r.List("actions")) {
    for (const OrderedJson& ao : *actions) {
      if (!ao.is_object()) { r.Fail("actions", "must be a list of arrays"); break; }
      Reader ar(ao, "incident state action");
      Action a;
      a.id = ar.Text("id");
      a.title = ar.Text("title");
      a.owner = ar.Text("owner");
      a.status = ar.Text("status");
      a.due_at = ar.Int("due_at");
      a.created_at = ar.Int("created_at");
      a.updated_at = ar.Int("updated_at");
      a.overdue_notified_at = ar.Int("overdue_notified_at");
      a.note = ar.Text("note");
      if (!ar.ok()) return ar.error();
      if (a.id.empty() || a.title.empty() ||
          (a.status != "open" && a.status != "in_progress" && a.status != "done" && a.status != "cancelled")) {
        return Status::InvalidArgument("incident state action needs an id, a title and a valid status");
      }
      i.actions_.push_back(std::move(a));
    }
  }
  i.notes_ = r.Strings("notes");
  i.notice_done_ = r.Bool("notice_sent");
  if (const OrderedJson* e = r.Object("escalation")) {
    Reader er(*e, "incident state escalation");
    i.escalation_round_ = static_cast<int>(std::min<int64_t>(er.Int("round"), 1000));
    i.escalation_level_ = static_cast<int>(std::min<int64_t>(er.Int("level"), 1000));
    i.escalation_next_at_ = er.Int("next_at");
    if (!er.ok()) return er.error();
    if (i.escalation_next_at_ > 0 && (i.policy_.levels.empty() || i.escalation_level_ >= static_cast<int>(i.policy_.levels.size()))) {
      return Status::InvalidArgument("incident state escalation key \"level\" is past the policy's levels");
    }
  }
  if (const OrderedJson* rem = r.Object("reminders")) {
    Reader rr(*rem, "incident state reminders");
    i.reminder_attempts_ = static_cast<int>(std::min<int64_t>(rr.Int("attempts"), 1000000));
    i.reminder_next_at_ = rr.Int("next_at");
    i.reminder_last_at_ = rr.Int("last_triggered_at");
    i.reminder_active_ = rr.Bool("active");
    if (!rr.ok()) return rr.error();
  }
  auto known = [&](const std::string& name) { return i.policy_.channels.contains(name); };
  if (const OrderedJson* pending = r.List("pending")) {
    for (const OrderedJson& po : *pending) {
      if (!po.is_object()) { r.Fail("pending", "must be a list of arrays"); break; }
      Reader pr(po, "incident state pending");
      Pending pd;
      pd.kind = pr.Text("kind");
      pd.channel = pr.Text("channel");
      pd.level = static_cast<int>(std::min<int64_t>(pr.Int("level"), 1000000));
      pd.not_before = pr.Int("not_before");
      pd.title = pr.Text("title");
      pd.lines = pr.Strings("lines");
      if (!pr.ok()) return pr.error();
      if (!known(pd.channel)) return Status::InvalidArgument("incident state pending names a channel not in the policy");
      i.pending_.push_back(std::move(pd));
    }
  }
  i.used_ = r.Strings("channels_used");
  for (const std::string& c : i.used_) {
    if (!known(c)) return Status::InvalidArgument("incident state key \"channels_used\" names a channel not in the policy");
  }
  i.next_action_ = static_cast<int>(std::min<int64_t>(r.Int("next_action"), 1000000000));
  if (i.next_action_ < 1) i.next_action_ = static_cast<int>(i.actions_.size()) + 1;
  if (!r.ok()) return r.error();
  return i;
}

Result<Incident> Incident::FromArray(const OrderedJson& state) { return IncidentCodec::Decode(state); }
OrderedJson Incident::ToArray() const { return IncidentCodec::Encode(*this); }

}  // namespace bjlg::notify
