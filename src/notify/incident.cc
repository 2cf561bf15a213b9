// The incident state machine: timers (escalation, reminders, overdue actions) advance in Due();
// whatever fires goes through quiet hours into `pending_` and leaves when its time has come.
#include "notify/incident.h"

#include <algorithm>
#include <cmath>

#include "common/digest.h"
#include "notify/payload.h"

namespace bjlg::notify {
namespace {

std::string Str(const OrderedJson& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "2026-12-05 12:00" (UTC): the stamp of timeline lines, like the plugin's date_format.
std::string Stamp(int64_t t) { return IsoDateC(t).substr(0, 16).replace(10, 1, " ") + " UTC"; }

}  // namespace

Result<Incident> Incident::Open(const OrderedJson& event, const OrderedJson& policy, int64_t now) {
  if (!event.is_object()) return Status::InvalidArgument("event must be an array with string keys");
  for (auto it = event.begin(); it != event.end(); ++it) {
    static const char* kKeys[] = {"event", "title", "severity", "lines", "context", "id"};
    if (std::find_if(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return it.key() == k; }) == std::end(kKeys)) {
      return Status::InvalidArgument("event has an unknown key \"" + it.key() + "\"");
    }
  }
  if (now < 0) return Status::InvalidArgument("now must not be negative");
  Incident inc;
  Result<IncidentPolicy> p = ParsePolicy(policy);
  if (!p.ok()) return p.status();
  inc.policy_ = std::move(p.value());
  inc.policy_json_ = policy;
  // The event is checked like a message (same keys and types), with a placeholder channel.
  OrderedJson as_message = event;
  as_message.erase("id");
  as_message["channel"] = inc.policy_.channels.begin().value();
  Result<Message> m = ParseMessage(as_message, "event");
  if (!m.ok()) return m.status();
  if (m.value().title.empty()) return Status::InvalidArgument("event key \"title\" must not be empty");
  inc.event_ = m.value().event;
  inc.title_ = m.value().title;
  inc.severity_ = m.value().severity;
  inc.lines_ = m.value().lines;
  inc.context_ = m.value().context;
  inc.id_ = Str(event, "id");
  if (inc.id_.empty()) {
    std::string seed = inc.event_ + "\n" + inc.title_ + "\n" + std::to_string(now);
    uint8_t d[kSha256Size];
    Sha256Digest(seed.data(), seed.size(), d);
    inc.id_ = "bjlg_inc_" + HexLower(d, 8);
  }
  inc.created_at_ = now;
  inc.AddStep(now, inc.En() ? "System" : "Système",
              (inc.En() ? "Notification created for \"" : "Notification générée pour \"") + inc.title_ + "\".", "created");
  if (inc.Escalates() && !inc.policy_.levels.empty()) inc.escalation_next_at_ = now + inc.policy_.levels[0].after_seconds;
  if (inc.policy_.reminders && inc.policy_.reminder_max_attempts > 0) {
    inc.reminder_active_ = true;
    inc.reminder_next_at_ = now + inc.ReminderBase();
  }
  return inc;
}

bool Incident::Escalates() const { return !policy_.escalate_only_critical || Critical(); }

int64_t Incident::ReminderBase() const {
  if (policy_.reminder_base > 0) return policy_.reminder_base;
  return severity_ == Severity::kCritical ? 300 : severity_ == Severity::kWarning ? 600 : 900;
}

std::string Incident::status() const {
  return resolved_at_ > 0 ? "resolved" : acknowledged_at_ > 0 ? "acknowledged" : "pending";
}

void Incident::AddStep(int64_t t, const std::string& actor, const std::string& summary, const std::string& type) {
  steps_.push_back({t, actor, summary, type});
}

void Incident::Emit(const std::string& kind, const std::vector<std::string>& channels, int level, int64_t now,
                    const std::string& title, const std::vector<std::string>& lines) {
  int64_t at = policy_.quiet.ResumeAt(now, Critical());
  if (at > now) {
    AddStep(now, En() ? "System" : "Système",
            (En() ? "Quiet hours: " : "Heures calmes : ") + kind + (En() ? " deferred to " : " reportée à ") + Stamp(at) + ".",
            "deferred");
  }
  for (const std::string& c : channels) {
    pending_.push_back({kind, c, level, at, title, lines});
    if (std::find(used_.begin(), used_.end(), c) == used_.end()) used_.push_back(c);
  }
}

OrderedJson Incident::Delivery(const Pending& p, bool resolve) const {
  OrderedJson message = OrderedJson::object();
  message["channel"] = policy_.channels.at(p.channel);
  // The policy's name for the channel labels the send() result, unless the channel has its own.
  if (!message["channel"].contains("name")) message["channel"]["name"] = p.channel;
  message["event"] = event_;
  message["title"] = p.title;
  message["lines"] = p.lines;
  message["severity"] = SeverityName(severity_);
  OrderedJson context = context_;
  context["incident_id"] = id_;
  message["context"] = std::move(context);
  message["dedup_key"] = id_;
  if (resolve) message["resolve"] = true;
  OrderedJson d = OrderedJson::object();
  d["kind"] = p.kind;
  d["channel"] = p.channel;
  d["level"] = p.level;
  d["message"] = std::move(message);
  return d;
}

OrderedJson Incident::Due(int64_t now) {
  const bool open = acknowledged_at_ == 0 && resolved_at_ == 0;
  const std::string system = En() ? "System" : "Système";
  if (!notice_done_ && resolved_at_ == 0) {
    notice_done_ = true;
    Emit("notice", policy_.notify, 0, std::max(now, created_at_), title_, lines_);
  }
  // Escalation: each level once per round, rounds repeating until acknowledged or capped.
  while (open && escalation_next_at_ > 0 && escalation_next_at_ <= now) {
    const EscalationLevel& level = policy_.levels[escalation_level_];
    int number = escalation_round_ * static_cast<int>(policy_.levels.size()) + escalation_level_ + 1;
    std::string title = (En() ? "Escalation " : "Escalade ") + std::to_string(number) + " : " + title_;
    Emit("escalation", level.channels, number, now, title, lines_);
    AddStep(now, system, (En() ? "Escalation level " : "Escalade niveau ") + std::to_string(escalation_level_ + 1) +
                             (En() ? ", round " : ", tour ") + std::to_string(escalation_round_ + 1) + ".",
            "escalated");
    escalation_level_++;
    if (escalation_level_ >= static_cast<int>(policy_.levels.size())) {
      escalation_level_ = 0;
      escalation_round_++;
    }
    if (escalation_round_ >= policy_.max_rounds) {
      escalation_next_at_ = 0;
    } else {
      int64_t cycle = policy_.levels.back().after_seconds;
      escalation_next_at_ = created_at_ + escalation_round_ * cycle + policy_.levels[escalation_level_].after_seconds;
    }
  }
  // Reminders: re-sent to the notice channels, delay clamp(round(base·m^n), base, max) (§B.8).
  while (open && reminder_active_ && reminder_next_at_ > 0 && reminder_next_at_ <= now) {
    reminder_attempts_++;
    reminder_last_at_ = now;
    std::string title = (En() ? "Reminder #" : "Rappel n°") + std::to_string(reminder_attempts_) + " : " + title_;
    std::vector<std::string> lines = lines_;
    lines.push_back(En() ? "Acknowledgement still pending." : "Accusé de réception toujours en attente.");
    Emit("reminder", policy_.notify, reminder_attempts_, now, title, lines);
    AddStep(now, system, (En() ? "Reminder #" : "Rappel n°") + std::to_string(reminder_attempts_) + ".", "reminder");
    if (reminder_attempts_ >= policy_.reminder_max_attempts) {
      reminder_active_ = false;
      reminder_next_at_ = 0;
    } else {
      int64_t base = ReminderBase();
      double delay = std::round(static_cast<double>(base) * std::pow(policy_.reminder_multiplier, reminder_attempts_));
      int64_t d = static_cast<int64_t>(std::clamp(delay, static_cast<double>(base), static_cast<double>(policy_.reminder_max_interval)));
      reminder_next_at_ = now + d;
    }
  }
  // Overdue actions: the action plan is re-sent once per overdue action.
  for (Action& a : actions_) {
    if ((a.status == "open" || a.status == "in_progress") && a.due_at > 0 && a.due_at <= now && a.overdue_notified_at == 0) {
      a.overdue_notified_at = now;
      std::vector<std::string> lines = {(En() ? "Overdue action: " : "Action en retard : ") + a.title +
                                        " (" + (a.owner.empty() ? "?" : a.owner) + ", " + Stamp(a.due_at) + ")"};
      lines.push_back(En() ? "Action plan:" : "Plan d’actions :");
      for (const Action& b : actions_) {
        lines.push_back("• [" + b.status + "] " + b.title + (b.owner.empty() ? "" : " — " + b.owner) +
                        (b.due_at > 0 ? " (" + Stamp(b.due_at) + ")" : ""));
      }
      Emit("action_plan", policy_.notify, 0, now, (En() ? "Action plan: " : "Plan d’actions : ") + title_, lines);
    }
  }
  OrderedJson out = OrderedJson::array();
  std::vector<Pending> later;
  for (Pending& p : pending_) {
    if (p.not_before <= now) {
      AddStep(now, system, p.kind + " → " + p.channel, "notified");
      out.push_back(Delivery(p, false));
    } else {
      later.push_back(std::move(p));
    }
  }
  pending_ = std::move(later);
  return out;
}

Status Incident::Acknowledge(const std::string& actor, const std::string& note, int64_t now) {
  if (actor.empty()) return Status::InvalidArgument("actor must not be empty");
  if (resolved_at_ > 0) return Status::InvalidArgument("incident " + id_ + " is already resolved");
  if (acknowledged_at_ > 0) return Status::InvalidArgument("incident " + id_ + " is already acknowledged");
  if (now < created_at_) return Status::InvalidArgument("now is before the incident opened");
  acknowledged_at_ = now;
  acknowledged_by_ = actor;
  escalation_next_at_ = 0;  // the plugin kept escalating (§B.7 ⚠): acknowledging stops it
  reminder_active_ = false;
  reminder_next_at_ = 0;
  pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                [](const Pending& p) { return p.kind == "escalation" || p.kind == "reminder"; }),
                 pending_.end());
  AddStep(now, actor, note.empty() ? (En() ? "Acknowledgement recorded." : "Accusé de réception consigné.") : note,
          "acknowledged");
  if (!note.empty()) notes_.push_back(note);
  return Status::OK();
}

Result<OrderedJson> Incident::Resolve(const std::string& actor, const std::string& summary, const OrderedJson& actions,
                                      int64_t now) {
  if (actor.empty()) return Status::InvalidArgument("actor must not be empty");
  if (resolved_at_ > 0) return Status::InvalidArgument("incident " + id_ + " is already resolved");
  if (now < created_at_) return Status::InvalidArgument("now is before the incident opened");
  if (!actions.is_array()) return Status::InvalidArgument("actions must be a list");
  std::vector<Action> added;
  for (size_t i = 0; i < actions.size(); ++i) {
    const OrderedJson& a = actions[i];
    Action act;
    act.created_at = act.updated_at = now;
    if (a.is_string()) {
      act.title = a.get<std::string>();
      act.status = "done";
    } else if (a.is_object()) {
      act.title = Str(a, "title");
      act.owner = Str(a, "owner");
      act.status = Str(a, "status").empty() ? "done" : Str(a, "status");
      if (auto d = a.find("due_at"); d != a.end() && d->is_number_integer()) act.due_at = d->get<int64_t>();
    }
    static const char* kStatuses[] = {"open", "in_progress", "done", "cancelled"};
    if (act.title.empty() || std::none_of(std::begin(kStatuses), std::end(kStatuses), [&](const char* s) { return act.status == s; })) {
      return Status::InvalidArgument("actions #" + std::to_string(i) +
                                     " must be a string or an array with a title and a status open, in_progress, done or cancelled");
    }
    added.push_back(std::move(act));
  }
  for (Action& a : added) {
    a.id = "a" + std::to_string(next_action_++);
    actions_.push_back(std::move(a));
  }
  if (acknowledged_at_ == 0) {  // as the plugin's Receipts::resolve: resolving acknowledges
    acknowledged_at_ = now;
    acknowledged_by_ = actor;
  }
  resolved_at_ = now;
  resolved_by_ = actor;
  summary_ = summary;
  escalation_next_at_ = 0;
  reminder_active_ = false;
  reminder_next_at_ = 0;
  pending_.clear();
  AddStep(now, actor, summary.empty() ? (En() ? "Incident marked as resolved." : "Incident marqué comme résolu.") : summary,
          "resolved");

  // The broadcast of §B.8, now reachable (defect 11): every channel the incident used.
  std::vector<std::string> lines = {
      En() ? "The incident “" + title_ + "” is closed."
           : "L’incident « " + title_ + " » est clôturé.",
      (En() ? "Summary: " : "Résumé : ") + (summary.empty() ? "-" : summary),
      En() ? "Resolution timeline:" : "Chronologie de résolution :"};
  for (const Step& s : steps_) {
    if (s.type == "notified" || s.type == "deferred") continue;
    lines.push_back("[" + Stamp(s.timestamp) + "] " + s.actor + " — " + s.summary);
  }
  if (!actions_.empty()) {
    lines.push_back(En() ? "Actions:" : "Actions réalisées :");
    for (const Action& a : actions_) lines.push_back("• [" + a.status + "] " + a.title + (a.owner.empty() ? "" : " — " + a.owner));
  }
  std::vector<std::string> targets = used_.empty() ? policy_.notify : used_;
  OrderedJson out = OrderedJson::array();
  std::string title = (En() ? "Resolved: " : "Résolution : ") + title_;
  for (const std::string& c : targets) {
    out.push_back(Delivery({"resolution", c, 0, now, title, lines}, true));
    AddStep(now, En() ? "System" : "Système", "resolution → " + c, "notified");
  }
  return out;
}

Result<std::string> Incident::AddAction(const std::string& title, const std::string& owner, int64_t due_at,
                                        const std::string& status, int64_t now) {
  if (title.empty()) return Status::InvalidArgument("title must not be empty");
  if (due_at < 0) return Status::InvalidArgument("due_at must not be negative");
  if (status != "open" && status != "in_progress" && status != "done" && status != "cancelled") {
    return Status::InvalidArgument("status must be open, in_progress, done or cancelled");
  }
  Action a;
  a.id = "a" + std::to_string(next_action_++);
  a.title = title;
  a.owner = owner;
  a.due_at = due_at;
  a.status = status;
  a.created_at = a.updated_at = now;
  actions_.push_back(a);
  AddStep(now, owner.empty() ? (En() ? "System" : "Système") : owner, (En() ? "Action added: " : "Action ajoutée : ") + title, "action");
  return a.id;
}

Status Incident::UpdateAction(const std::string& id, const OrderedJson& changes, const std::string& actor, int64_t now) {
  auto it = std::find_if(actions_.begin(), actions_.end(), [&](const Action& a) { return a.id == id; });
  if (it == actions_.end()) return Status::NotFound("no action \"" + id + "\" in incident " + id_);
  if (!changes.is_object()) return Status::InvalidArgument("changes must be an array with string keys");
  Action a = *it;
  for (auto c = changes.begin(); c != changes.end(); ++c) {
    const std::string& k = c.key();
    if (k == "due_at") {
      if (!c->is_number_integer() || c->get<int64_t>() < 0) return Status::InvalidArgument("changes key \"due_at\" must be a non-negative int");
      a.due_at = c->get<int64_t>();
      a.overdue_notified_at = 0;  // a new due date may become overdue again
    } else if (k == "title" || k == "owner" || k == "status" || k == "note") {
      if (!c->is_string()) return Status::InvalidArgument("changes key \"" + k + "\" must be a string");
      (k == "title" ? a.title : k == "owner" ? a.owner : k == "status" ? a.status : a.note) = c->get<std::string>();
    } else {
      return Status::InvalidArgument("changes has an unknown key \"" + k + "\"");
    }
  }
  if (a.title.empty()) return Status::InvalidArgument("changes key \"title\" must not be empty");
  if (a.status != "open" && a.status != "in_progress" && a.status != "done" && a.status != "cancelled") {
    return Status::InvalidArgument("changes key \"status\" must be open, in_progress, done or cancelled");
  }
  a.updated_at = now;
  *it = a;
  if (!a.note.empty() && changes.contains("note")) notes_.push_back(a.title + ": " + a.note);
  AddStep(now, actor.empty() ? (En() ? "System" : "Système") : actor,
          (En() ? "Action updated: " : "Action mise à jour : ") + a.title + " [" + a.status + "]", "update");
  return Status::OK();
}

}  // namespace bjlg::notify
