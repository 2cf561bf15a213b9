// The incident state machine over simulated time (issue 11): first notice, escalation levels
// repeating until acknowledged and capped, reminders backing off, quiet hours across midnight and
// DST, resolution after and without acknowledgement, overdue actions, state round trips.
#include <catch2/catch.hpp>

#include "notify/incident.h"
#include "notify/incident_digest.h"
#include "notify/quiet_hours.h"

namespace bjlg::notify {
namespace {

constexpr int64_t kT0 = 1796464800;  // 2026-12-05 10:00 UTC

OrderedJson Channel(const std::string& type) {
  if (type == "slack") return {{"type", "slack"}, {"webhook_url", "https://hooks.slack.test/T/B/x"}};
  if (type == "sms") return {{"type", "sms"}, {"webhook_url", "https://sms.test/send"}};
  return {{"type", "pagerduty"}, {"routing_key", "rk"}};
}

OrderedJson Policy() {
  OrderedJson p = OrderedJson::object();
  p["channels"] = {{"ops", Channel("slack")}, {"oncall", Channel("sms")}, {"pd", Channel("pagerduty")}};
  p["notify"] = {"ops"};
  p["escalation"] = {{"only_critical", true}, {"max_rounds", 2},
                     {"levels", {{{"after_minutes", 15}, {"channels", {"oncall"}}}, {{"after_minutes", 30}, {"channels", {"pd"}}}}}};
  p["reminders"] = {{"base_interval", 300}, {"max_attempts", 4}};
  return p;
}

OrderedJson Event(const std::string& severity = "critical") {
  return {{"event", "backup_failed"}, {"title", "Échec de sauvegarde"}, {"severity", severity}, {"lines", {"disk full"}}};
}

std::vector<std::string> Kinds(const OrderedJson& due) {
  std::vector<std::string> out;
  for (const OrderedJson& d : due) out.push_back(d["kind"].get<std::string>() + ":" + d["channel"].get<std::string>());
  return out;
}

TEST_CASE("Incident: notice, escalation levels repeat until the cap, reminders back off", "[notify]") {
  Incident inc = Incident::Open(Event(), Policy(), kT0).value();
  CHECK(Kinds(inc.Due(kT0)) == std::vector<std::string>{"notice:ops"});
  CHECK(inc.Due(kT0).empty());  // nothing twice
  // Reminders at +300, then +600 after it (base·2^1), clamped.
  CHECK(Kinds(inc.Due(kT0 + 300)) == std::vector<std::string>{"reminder:ops"});
  CHECK(inc.Due(kT0 + 899).empty());
  CHECK(Kinds(inc.Due(kT0 + 900)) == std::vector<std::string>{"escalation:oncall", "reminder:ops"});
  CHECK(Kinds(inc.Due(kT0 + 1800)) == std::vector<std::string>{"escalation:pd"});
  // Round 2: levels again at 30 + 15 and 30 + 30 minutes.
  CHECK(Kinds(inc.Due(kT0 + 2700)) == std::vector<std::string>{"escalation:oncall", "reminder:ops"});
  CHECK(Kinds(inc.Due(kT0 + 3600)) == std::vector<std::string>{"escalation:pd"});
  // Capped at two rounds; the fourth and last reminder at 2700 + 2400.
  CHECK(inc.Due(kT0 + 5099).empty());
  CHECK(Kinds(inc.Due(kT0 + 5100)) == std::vector<std::string>{"reminder:ops"});
  CHECK(inc.Due(kT0 + 86400 * 3).empty());
  OrderedJson state = inc.ToArray();
  CHECK(state["reminders"]["attempts"] == 4);
  CHECK(state["reminders"]["active"] == false);
  CHECK(state["escalation"]["next_at"].is_null());
}

TEST_CASE("Incident: a message is ready for Dispatcher::send, with the incident as PagerDuty dedup key", "[notify]") {
  Incident inc = Incident::Open(Event(), Policy(), kT0).value();
  inc.Due(kT0);
  OrderedJson due = inc.Due(kT0 + 1800);  // both levels and a reminder, all late
  CHECK(Kinds(due) == std::vector<std::string>{"escalation:oncall", "escalation:pd", "reminder:ops"});
  REQUIRE(due.size() == 3);
  const OrderedJson& m = due[1]["message"];
  CHECK(due[1]["channel"] == "pd");
  CHECK(m["channel"]["type"] == "pagerduty");
  CHECK(m["dedup_key"] == inc.id());
  CHECK(m["context"]["incident_id"] == inc.id());
  CHECK(m["severity"] == "critical");
}

TEST_CASE("Incident: acknowledging stops escalation and reminders", "[notify]") {
  Incident inc = Incident::Open(Event(), Policy(), kT0).value();
  inc.Due(kT0);
  REQUIRE(inc.Acknowledge("alice", "on it", kT0 + 120).ok());
  CHECK(inc.Due(kT0 + 86400).empty());
  CHECK(inc.status() == "acknowledged");
  CHECK_FALSE(inc.Acknowledge("bob", "", kT0 + 130).ok());
  CHECK_FALSE(inc.Acknowledge("", "", kT0 + 130).ok());
}

TEST_CASE("Incident: non-critical events do not escalate (only_critical)", "[notify]") {
  Incident inc = Incident::Open(Event("warning"), Policy(), kT0).value();
  inc.Due(kT0);
  OrderedJson due = inc.Due(kT0 + 3600);
  for (const OrderedJson& d : due) CHECK(d["kind"] == "reminder");
}

TEST_CASE("Incident: resolution after acknowledgement broadcasts to every channel used", "[notify]") {
  Incident inc = Incident::Open(Event(), Policy(), kT0).value();
  inc.Due(kT0);
  inc.Due(kT0 + 900);
  REQUIRE(inc.Acknowledge("alice", "", kT0 + 1000).ok());
  auto broadcast = inc.Resolve("alice", "disk extended", {"purged old archives"}, kT0 + 4000);
  REQUIRE(broadcast.ok());
  CHECK(Kinds(broadcast.value()) == std::vector<std::string>{"resolution:ops", "resolution:oncall"});
  const OrderedJson& m = broadcast.value()[0]["message"];
  CHECK(m["title"] == "Résolution : Échec de sauvegarde");
  CHECK(m["lines"][0] == "L’incident « Échec de sauvegarde » est clôturé.");
  CHECK(m["lines"][1] == "Résumé : disk extended");
  CHECK(m["resolve"] == true);
  OrderedJson s = inc.ToArray();
  CHECK(s["acknowledged_at"] == kT0 + 1000);
  CHECK(s["resolved_at"] == kT0 + 4000);
  CHECK(s["resolution_status"] == "resolved");
  CHECK(inc.Due(kT0 + 90000).empty());
  CHECK_FALSE(inc.Resolve("alice", "", OrderedJson::array(), kT0 + 5000).ok());
}

TEST_CASE("Incident: resolution without acknowledgement acknowledges too", "[notify]") {
  Incident inc = Incident::Open(Event(), Policy(), kT0).value();
  auto broadcast = inc.Resolve("bob", "", OrderedJson::array(), kT0 + 60);
  REQUIRE(broadcast.ok());
  CHECK(Kinds(broadcast.value()) == std::vector<std::string>{"resolution:ops"});
  CHECK(inc.acknowledged_at() == kT0 + 60);
  std::string report = inc.Report("text", "en").value();
  CHECK(report.find("Time to acknowledge: 1 min") != std::string::npos);
}

TEST_CASE("Incident: overdue actions re-send the action plan once", "[notify]") {
  Incident inc = Incident::Open(Event("info"), Policy(), kT0).value();
  inc.Due(kT0);
  std::string id = inc.AddAction("Raise quota", "carol", kT0 + 3600, "open", kT0 + 10).value();
  REQUIRE(inc.Acknowledge("carol", "", kT0 + 20).ok());
  CHECK(inc.Due(kT0 + 3599).empty());
  OrderedJson due = inc.Due(kT0 + 3600);
  REQUIRE(Kinds(due) == std::vector<std::string>{"action_plan:ops"});
  CHECK(due[0]["message"]["lines"][0].get<std::string>().find("Raise quota (carol") != std::string::npos);
  CHECK(inc.Due(kT0 + 7200).empty());
  REQUIRE(inc.UpdateAction(id, {{"status", "done"}, {"note", "quota now 2 TB"}}, "carol", kT0 + 8000).ok());
  CHECK(inc.UpdateAction("nope", {{"status", "done"}}, "x", kT0).code() == Status::Code::kNotFound);
  CHECK_FALSE(inc.UpdateAction(id, {{"status", "finished"}}, "x", kT0).ok());
  CHECK_FALSE(inc.UpdateAction(id, {{"colour", "red"}}, "x", kT0).ok());
}

TEST_CASE("Quiet hours: across midnight, same day, DST both ways, critical allowed", "[notify]") {
  QuietHours q;
  REQUIRE(LoadQuietHours(true, "22:00", "07:00", true, "Europe/Paris", &q).ok());
  CHECK(q.ResumeAt(1774735200, false) == 1774760400);  // Sat 28 Mar 23:00 CET → Sun 07:00 CEST
  CHECK(q.ResumeAt(1792875600, false) == 1792908000);  // Sat 24 Oct 23:00 CEST → Sun 07:00 CET
  CHECK(q.ResumeAt(1796428800, false) == 1796450400);  // 01:00 → 07:00 the same day
  CHECK(q.ResumeAt(1796428800, true) == 1796428800);   // critical allowed
  CHECK(q.ResumeAt(kT0, false) == kT0);                // 11:00 local: outside
  QuietHours day;
  REQUIRE(LoadQuietHours(true, "09:00", "17:00", false, "UTC", &day).ok());
  CHECK(day.ResumeAt(kT0, true) == kT0 + 7 * 3600);    // 10:00 → 17:00, even critical
  CHECK(day.ResumeAt(kT0 + 7 * 3600, false) == kT0 + 7 * 3600);  // end excluded
  QuietHours gap;  // the window ends at 02:30, which does not exist on 29 March in Paris
  REQUIRE(LoadQuietHours(true, "00:00", "02:30", false, "Europe/Paris", &gap).ok());
  CHECK(gap.ResumeAt(1774740600, false) == 1774746000);  // 00:30 → 03:00 CEST, when the clock jumps
  QuietHours bad;
  CHECK_FALSE(LoadQuietHours(true, "25:00", "07:00", true, "UTC", &bad).ok());
  CHECK_FALSE(LoadQuietHours(true, "22:00", "07:00", true, "Mars/Olympus", &bad).ok());
}

TEST_CASE("Incident: quiet hours defer non-critical deliveries, never drop them", "[notify]") {
  OrderedJson p = Policy();
  p["quiet_hours"] = {{"start", "22:00"}, {"end", "07:00"}, {"timezone", "Europe/Paris"}, {"allow_critical", true}};
  Incident inc = Incident::Open(Event("warning"), p, 1796428800).value();  // 01:00 Paris
  CHECK(inc.Due(1796428800).empty());
  OrderedJson state = inc.ToArray();
  CHECK(state["pending"].size() == 1);
  // Survives a round trip through the caller's storage.
  Incident back = Incident::FromArray(state).value();
  OrderedJson due = back.Due(1796450400);
  CHECK(Kinds(due).front() == "notice:ops");
  Incident crit = Incident::Open(Event("critical"), p, 1796428800).value();
  CHECK(Kinds(crit.Due(1796428800)) == std::vector<std::string>{"notice:ops"});
}

TEST_CASE("Incident: state round trip and refusals", "[notify]") {
  Incident inc = Incident::Open(Event(), Policy(), kT0).value();
  inc.Due(kT0 + 900);
  inc.AddAction("Check disk", "dan", 0, "in_progress", kT0 + 950);
  OrderedJson s = inc.ToArray();
  Incident back = Incident::FromArray(s).value();
  CHECK(back.ToArray() == s);
  OrderedJson broken = s;
  broken["severity"] = "apocalyptic";
  CHECK_FALSE(Incident::FromArray(broken).ok());
  broken = s;
  broken["pending"] = {{{"kind", "notice"}, {"channel", "ghost"}, {"not_before", 1}}};
  CHECK_FALSE(Incident::FromArray(broken).ok());
  broken = s;
  broken["created_at"] = -4;
  CHECK_FALSE(Incident::FromArray(broken).ok());
  broken = s;
  broken["status"] = "resolved";  // the key is resolution_status: a typo is refused, not dropped
  CHECK(Incident::FromArray(broken).status().message() == "incident state has an unknown key \"status\"");
  CHECK_FALSE(Incident::FromArray(OrderedJson::array()).ok());
  CHECK_FALSE(Incident::Open({{"event", "x"}}, Policy(), kT0).ok());
  OrderedJson p = Policy();
  p["notify"] = {"nobody"};
  CHECK_FALSE(Incident::Open(Event(), p, kT0).ok());
  p = Policy();
  p["escalation"]["levels"][1]["after_minutes"] = 10;  // not increasing
  CHECK_FALSE(Incident::Open(Event(), p, kT0).ok());
}

TEST_CASE("Incident report in four formats and two languages; digest MTTA/MTTR", "[notify]") {
  Incident a = Incident::Open(Event(), Policy(), kT0).value();
  a.Due(kT0);
  a.AddAction("Raise quota", "carol", kT0 + 7200, "open", kT0 + 10);
  a.Acknowledge("alice", "looking <now>", kT0 + 600);
  a.Resolve("alice", "disk extended", {"purged"}, kT0 + 3600);
  std::string html = a.Report("html", "fr").value();
  CHECK(html.find("<html lang=\"fr\">") != std::string::npos);
  CHECK(html.find("looking &lt;now&gt;") != std::string::npos);
  CHECK(html.find("Délai de prise en compte") != std::string::npos);
  std::string md = a.Report("markdown", "en").value();
  CHECK(md.find("## Actions still open\n- Raise quota [open], owner carol") != std::string::npos);
  CHECK(md.find("## Actions taken\n- purged [done]") != std::string::npos);
  CHECK(md.find("- **Time to resolve**: 1 h") != std::string::npos);
  OrderedJson json = OrderedJson::parse(a.Report("json", "en").value());
  CHECK(json["time_to_acknowledge_seconds"] == 600);
  CHECK(json["time_to_resolve_seconds"] == 3600);
  CHECK_FALSE(a.Report("pdf", "en").ok());
  CHECK_FALSE(a.Report("text", "de").ok());

  Incident b = Incident::Open({{"event", "storage_warning"}, {"title", "Stockage"}, {"severity", "warning"}}, Policy(), kT0 + 100).value();
  b.Due(kT0 + 100);
  b.Acknowledge("bob", "", kT0 + 100 + 1200);
  Incident c = Incident::Open(Event(), Policy(), kT0 - 86400).value();  // outside the period
  c.Resolve("x", "", OrderedJson::array(), kT0 - 86000);
  OrderedJson d = SummarizeIncidents({a, b, c}, kT0, kT0 + 86400);
  CHECK(d["incidents"] == 2);
  CHECK(d["acknowledged"] == 2);
  CHECK(d["resolved"] == 1);
  CHECK(d["mtta_seconds"].get<double>() == 900.0);
  CHECK(d["mttr_seconds"].get<double>() == 3600.0);
  CHECK(d["by_event"]["storage_warning"]["mttr_seconds"].is_null());
  CHECK(d["by_channel"]["ops"]["incidents"] == 2);
}

}  // namespace
}  // namespace bjlg::notify
