#include "verify/plugin_keys.h"

#include <cmath>
#include <cstdio>

#include "verify/report.h"
#include "common/time.h"

namespace bjlg::verify {

namespace {

using json = nlohmann::json;

const json& Checks(const json& report) {
  static const json kNone = json::array();
  const auto it = report.find("checks");
  return it != report.end() && it->is_array() ? *it : kNone;
}

const json* FindCheck(const json& report, const char* name) {
  for (const json& c : Checks(report)) {
    if (c.value("name", "") == name) return &c;
  }
  return nullptr;
}

// The plugin's three words: success / failure / skipped (A1); passed / failed / skipped (A5).
std::string PluginStatus(const std::string& bjlg, bool success_words) {
  if (bjlg == "passed") return success_words ? "success" : "passed";
  if (bjlg == "failed") return success_words ? "failure" : "failed";
  return "skipped";
}

json UnixTime(const json& iso) {
  int64_t seconds = 0;
  bool assumed = false;
  if (!iso.is_string() || !bjlg::ParseIso8601(iso.get<std::string>(), &seconds, &assumed)) return nullptr;
  return seconds;
}

json Seconds(const json& value) {
  return value.is_number() ? json(static_cast<int64_t>(std::llround(value.get<double>()))) : json(nullptr);
}

json Human(const json& seconds) { return seconds.is_number() ? json(HumanDuration(seconds.get<double>())) : json(nullptr); }

// The first check that did not pass explains the run; a passing run says what was proven.
std::string Message(const json& report) {
  for (const json& c : Checks(report)) {
    const std::string status = c.value("status", "");
    if (status == "failed" || status == "inconclusive") return c.value("name", "") + ": " + c.value("message", "");
  }
  return report.value("kind", "") == "restore-test" ? "the backup was restored into a sandbox and checked"
                                                    : "every check of the backup passed";
}

json Components(const json& report) {
  bool database = false, wp_content = false;
  const json* manifest = FindCheck(report, "manifest");
  if (manifest != nullptr && manifest->contains("evidence") && (*manifest)["evidence"].contains("contains")) {
    for (const json& c : (*manifest)["evidence"]["contains"]) {
      if (!c.is_string()) continue;
      database |= c == "db";
      wp_content |= c == "plugins" || c == "themes" || c == "uploads";
    }
  }
  for (const char* name : {"database", "database_import"}) {
    const json* c = FindCheck(report, name);
    database |= c != nullptr && c->value("status", "") != "skipped";
  }
  return {{"database", database}, {"wp_content", wp_content}};
}

json FileCheck(const json* check, const char* size_key) {
  if (check == nullptr) return {{"status", "skipped"}, {"message", "not in the archive"}, {"expected_size", nullptr}, {"read_size", nullptr}};
  const json evidence = check->value("evidence", json::object());
  const json read = evidence.contains(size_key) ? evidence[size_key] : json(nullptr);
  const std::string status = PluginStatus(check->value("status", ""), false);
  return {{"status", status},
          {"message", check->value("message", "")},
          {"expected_size", status == "passed" ? read : json(nullptr)},  // a passed check read what the zip declares
          {"read_size", read}};
}

json PostChecks(const json& report, const std::string& status) {
  json files = json::object();
  files["backup-manifest.json"] = FileCheck(FindCheck(report, "manifest"), "bytes");
  files["database.sql"] = FileCheck(FindCheck(report, "database"), "bytes");
  const json* encryption = FindCheck(report, "encryption");
  if (encryption == nullptr) encryption = FindCheck(report, "decrypt");
  json decryption = nullptr;
  if (encryption != nullptr) {
    decryption = {{"status", PluginStatus(encryption->value("status", ""), false)}, {"message", encryption->value("message", "")}};
  }
  return {{"checksum", report.value("sha256", json(nullptr))},
          {"checksum_algorithm", "sha256"},
          {"dry_run", false},
          {"files", files},
          {"overall_status", PluginStatus(status, false)},
          {"overall_message", Message(report)},
          {"decryption", decryption}};
}

json Steps(const json& report) {
  json steps = json::array();
  const json durations = report.value("durations", json::object());
  for (const json& c : Checks(report)) {
    const std::string key = c.value("name", "");
    const json seconds = durations.contains(key) ? durations[key] : json(nullptr);
    steps.push_back({{"key", key},
                     {"label", key},
                     {"status", PluginStatus(c.value("status", ""), true)},
                     {"duration_seconds", seconds},
                     {"duration_human", Human(seconds)},
                     {"notes", json::array({c.value("message", "")})}});
  }
  return steps;
}

}  // namespace

std::string HumanDuration(double seconds) {
  const int64_t s = seconds < 0 ? 0 : static_cast<int64_t>(std::llround(seconds));
  char text[48];
  if (s < 60) {
    std::snprintf(text, sizeof text, "%lld s", static_cast<long long>(s));
  } else if (s < 3600) {
    std::snprintf(text, sizeof text, "%lld min %02lld s", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  } else {
    std::snprintf(text, sizeof text, "%lld h %02lld min", static_cast<long long>(s / 3600),
                  static_cast<long long>(s % 3600 / 60));
  }
  return text;
}

json PluginKeySets(const json& report) {
  const std::string status = report.value("status", "inconclusive");
  const std::string archive = report.value("archive", json::object()).value("name", "");
  const json total = report.value("durations", json::object()).value("total", json(nullptr));
  const json rto = report.contains("rto") ? Seconds(report["rto"].value("seconds", json(nullptr))) : json(nullptr);
  const json rpo = report.contains("rpo") ? report["rpo"].value("age_seconds", json(nullptr)) : json(nullptr);
  const json metrics = {{"rto_seconds", rto}, {"rpo_seconds", rpo}, {"rto_human", Human(rto)}, {"rpo_human", Human(rpo)}};
  json out = json::object();
  out["self_test"] = {{"status", PluginStatus(status, true)},
                      {"message", Message(report)},
                      {"archive", archive},
                      {"duration", total},
                      {"started_at", UnixTime(report.value("started_at", json(nullptr)))},
                      {"completed_at", UnixTime(report.value("finished_at", json(nullptr)))},
                      {"components", Components(report)},
                      {"metrics", metrics}};
  out["post_checks"] = PostChecks(report, status);
  if (report.value("kind", "") == "restore-test") {
    out["sandbox_validation"] = {{"status", PluginStatus(status, true)},
                                 {"message", Message(report)},
                                 {"backup_file", archive},
                                 {"started_at", report.value("started_at", json(nullptr))},
                                 {"completed_at", report.value("finished_at", json(nullptr))},
                                 {"timings", {{"duration_seconds", total}, {"duration_human", Human(total)}}},
                                 {"objectives", metrics},
                                 {"steps", Steps(report)}};
  }
  return out;
}

}  // namespace bjlg::verify
