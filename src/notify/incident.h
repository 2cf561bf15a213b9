// An incident: one event that needs a human, and everything that follows it until it is
// resolved: the first notice, escalation levels that repeat until someone acknowledges (with a
// cap), reminders that re-send with backoff, quiet hours that defer non-critical messages,
// acknowledgement, resolution with its broadcast, and an action plan (owner, due date, status)
// whose overdue items are re-sent. Pure: the caller keeps the state (ToArray/FromArray, the
// plugin's queue row and receipt shapes, design §B.5, §B.8) and sends what Due() returns with
// Dispatcher::Send(). Time is always given, so tests run over simulated time.
//
// Fixes the plugin's defects (§B.7, §B.8): acknowledging stops escalation and reminders;
// escalation has several levels and repeats; reminders re-send instead of only logging; the
// resolution broadcast is produced (defect 11).
#ifndef BJLG_NOTIFY_INCIDENT_H_
#define BJLG_NOTIFY_INCIDENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "notify/message.h"
#include "notify/quiet_hours.h"

namespace bjlg::notify {

struct EscalationLevel {
  int64_t after_seconds = 0;          // since the incident opened (within one round)
  std::vector<std::string> channels;  // channel names of the policy
};

struct IncidentPolicy {
  OrderedJson channels = OrderedJson::object();  // name → channel array (Dispatcher keys)
  std::vector<std::string> notify;               // names receiving the first notice and reminders
  std::vector<EscalationLevel> levels;           // in order of after_seconds
  bool escalate_only_critical = true;
  int max_rounds = 3;                            // escalation rounds; 1: no repeat
  QuietHours quiet;
  bool reminders = true;
  int64_t reminder_base = 0;                     // 0: 300 critical, 600 warning, 900 info (§B.8)
  double reminder_multiplier = 2.0;
  int64_t reminder_max_interval = 86400;
  int reminder_max_attempts = 10;
  std::string locale = "fr";                     // text of steps and broadcasts: fr (plugin) or en
};

struct Step {
  int64_t timestamp = 0;
  std::string actor, summary, type;  // created|acknowledged|resolved|update|notified|escalated|reminder|deferred|action
};

struct Action {
  std::string id, title, owner, status = "open";  // open|in_progress|done|cancelled
  int64_t due_at = 0, created_at = 0, updated_at = 0, overdue_notified_at = 0;
  std::string note;
};

// A message waiting for its time (deferred by quiet hours).
struct Pending {
  std::string kind;     // notice|escalation|reminder|action_plan
  std::string channel;  // policy channel name
  int level = 0;
  int64_t not_before = 0;
  std::string title;
  std::vector<std::string> lines;
};

class Incident {
 public:
  // `event`: {event, title, severity, lines?, context?, id?}; `policy`: see docs/notify.md.
  // InvalidArgument naming the key.
  static Result<Incident> Open(const OrderedJson& event, const OrderedJson& policy, int64_t now);
  static Result<Incident> FromArray(const OrderedJson& state);
  OrderedJson ToArray() const;

  // The deliveries due at `now`, each {kind, channel, level, message}, message ready for
  // Dispatcher::send. Advances the timers: calling it twice at the same time returns nothing new.
  OrderedJson Due(int64_t now);
  Status Acknowledge(const std::string& actor, const std::string& note, int64_t now);
  // The resolution broadcast (deliveries as Due's) to every channel the incident used. `actions`:
  // strings (actions taken) or arrays {title, owner?, due_at?, status?}.
  Result<OrderedJson> Resolve(const std::string& actor, const std::string& summary, const OrderedJson& actions,
                              int64_t now);
  Result<std::string> AddAction(const std::string& title, const std::string& owner, int64_t due_at,
                                const std::string& status, int64_t now);
  // `changes`: {title?, owner?, due_at?, status?, note?}.
  Status UpdateAction(const std::string& id, const OrderedJson& changes, const std::string& actor, int64_t now);
  Result<std::string> Report(const std::string& format, const std::string& locale) const;

  const std::string& id() const { return id_; }
  std::string status() const;  // pending|acknowledged|resolved
  int64_t created_at() const { return created_at_; }
  int64_t acknowledged_at() const { return acknowledged_at_; }
  int64_t resolved_at() const { return resolved_at_; }
  const std::string& event() const { return event_; }
  const std::vector<std::string>& channels_used() const { return used_; }

 private:
  friend struct IncidentCodec;
  friend struct IncidentReport;

  bool Critical() const { return severity_ == Severity::kCritical; }
  bool Escalates() const;
  int64_t ReminderBase() const;
  void Emit(const std::string& kind, const std::vector<std::string>& channels, int level, int64_t now,
            const std::string& title, const std::vector<std::string>& lines);
  OrderedJson Delivery(const Pending& p, bool resolve) const;
  void AddStep(int64_t t, const std::string& actor, const std::string& summary, const std::string& type);
  bool En() const { return policy_.locale == "en"; }

  std::string id_, event_, title_;
  Severity severity_ = Severity::kInfo;
  std::vector<std::string> lines_;
  OrderedJson context_ = OrderedJson::object();
  OrderedJson policy_json_ = OrderedJson::object();
  IncidentPolicy policy_;
  int64_t created_at_ = 0, acknowledged_at_ = 0, resolved_at_ = 0;
  std::string acknowledged_by_, resolved_by_, summary_;
  std::vector<Step> steps_;
  std::vector<Action> actions_;
  std::vector<std::string> notes_;
  bool notice_done_ = false;
  int escalation_round_ = 0, escalation_level_ = 0;
  int64_t escalation_next_at_ = 0;
  int reminder_attempts_ = 0;
  int64_t reminder_next_at_ = 0, reminder_last_at_ = 0;
  bool reminder_active_ = false;
  std::vector<Pending> pending_;
  std::vector<std::string> used_;  // channel names that received (or will receive) something
  int next_action_ = 1;
};

// Reads the policy array; InvalidArgument naming the key.
Result<IncidentPolicy> ParsePolicy(const OrderedJson& policy);

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_INCIDENT_H_
