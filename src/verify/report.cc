#include "verify/report.h"

#include "verify/plugin_keys.h"
#include "common/atomic_file.h"
#include "common/parse_limits.h"
#include "common/time.h"
#include "common/xml_escape.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>

namespace bjlg::verify {

const char* CheckStatusName(CheckStatus s) {
  switch (s) {
    case CheckStatus::kPassed: return "passed";
    case CheckStatus::kFailed: return "failed";
    case CheckStatus::kInconclusive: return "inconclusive";
    case CheckStatus::kSkipped: return "skipped";
  }
  return "inconclusive";
}

Report::Report(std::string kind)
    : kind_(std::move(kind)), started_at_(NowUtcIso8601()), start_(std::chrono::steady_clock::now()) {}

void Report::SetArchive(const std::string& path, uint64_t size) {
  const size_t slash = path.rfind('/');
  archive_name_ = slash == std::string::npos ? path : path.substr(slash + 1);
  archive_size_ = size;
}

void Report::Finish() {
  finished_at_ = NowUtcIso8601();
  total_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

CheckStatus Report::status() const {
  bool inconclusive = false;
  for (const Check& c : checks_) {
    if (c.status == CheckStatus::kFailed) return CheckStatus::kFailed;
    if (c.status == CheckStatus::kInconclusive) inconclusive = true;
  }
  if (checks_.empty()) return CheckStatus::kInconclusive;
  return inconclusive ? CheckStatus::kInconclusive : CheckStatus::kPassed;
}

const Check* Report::Find(const std::string& name) const {
  for (const Check& c : checks_) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

nlohmann::json Report::ToJson() const {
  nlohmann::json j = nlohmann::json::object();
  j["format"] = "bjlg-verification-report";
  j["version"] = 1;
  j["kind"] = kind_;
  j["status"] = CheckStatusName(status());
  j["archive"] = {{"name", archive_name_}, {"size", archive_size_}};
  j["started_at"] = started_at_;
  j["finished_at"] = finished_at_;
  nlohmann::json checks = nlohmann::json::array();
  nlohmann::json not_checked = nlohmann::json::array();
  for (const Check& c : checks_) {
    checks.push_back({{"name", c.name}, {"status", CheckStatusName(c.status)}, {"message", c.message},
                      {"evidence", c.evidence}});
    if (c.status == CheckStatus::kSkipped) not_checked.push_back({{"name", c.name}, {"reason", c.message}});
  }
  j["checks"] = checks;
  j["not_checked"] = not_checked;
  nlohmann::json durations = nlohmann::json::object();
  for (const auto& [phase, seconds] : durations_) durations[phase] = seconds;
  durations["total"] = total_seconds_;
  j["durations"] = durations;
  j["warnings"] = warnings_;
  for (const auto& [key, value] : extra_.items()) j[key] = value;
  j["plugin"] = PluginKeySets(j);
  return j;
}

namespace {

std::string Text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

}  // namespace

std::string RenderHtml(const nlohmann::json& r) {
  const std::string status = Text(r.value("status", nlohmann::json("inconclusive")));
  const nlohmann::json archive = r.value("archive", nlohmann::json::object());
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
  h += "<title>bjlg " + XmlEscape(Text(r.value("kind", nlohmann::json("")))) + ": " +
       XmlEscape(Text(archive.value("name", nlohmann::json("")))) + "</title>\n";
  h += "<style>body{font:15px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
       "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
       "text-align:left;vertical-align:top}.passed{color:#176b2c}.failed{color:#b00020}"
       ".inconclusive{color:#8a5a00}.skipped{color:#666}pre{margin:0;white-space:pre-wrap;"
       "font-size:12px}h1 span{text-transform:uppercase}</style></head><body>\n";
  h += "<h1>Backup " + XmlEscape(Text(r.value("kind", nlohmann::json("")))) + ": <span class=\"" + XmlEscape(status) +
       "\">" + XmlEscape(status) + "</span></h1>\n";
  h += "<table><tr><th>archive</th><td>" + XmlEscape(Text(archive.value("name", nlohmann::json("")))) +
       "</td></tr><tr><th>size</th><td>" + XmlEscape(Text(archive.value("size", nlohmann::json(0)))) +
       " bytes</td></tr><tr><th>started</th><td>" + XmlEscape(Text(r.value("started_at", nlohmann::json("")))) +
       "</td></tr><tr><th>finished</th><td>" + XmlEscape(Text(r.value("finished_at", nlohmann::json("")))) +
       "</td></tr>";
  for (const char* key : {"rto", "rpo", "backup", "bytes", "entries", "sample"}) {
    if (r.contains(key)) {
      h += "<tr><th>" + std::string(key) + "</th><td><pre>" + XmlEscape(r[key].dump(1)) + "</pre></td></tr>";
    }
  }
  h += "</table>\n<h2>Checks</h2>\n<table><tr><th>check</th><th>status</th><th>message</th><th>evidence</th></tr>\n";
  const nlohmann::json checks = r.value("checks", nlohmann::json::array());
  for (const auto& c : checks) {
    const std::string st = Text(c.value("status", nlohmann::json("")));
    h += "<tr><td>" + XmlEscape(Text(c.value("name", nlohmann::json("")))) + "</td><td class=\"" + XmlEscape(st) + "\">" +
         XmlEscape(st) + "</td><td>" + XmlEscape(Text(c.value("message", nlohmann::json("")))) + "</td><td><pre>" +
         XmlEscape(c.value("evidence", nlohmann::json::object()).dump(1)) + "</pre></td></tr>\n";
  }
  h += "</table>\n<h2>Durations (seconds)</h2>\n<table>";
  const nlohmann::json durations = r.value("durations", nlohmann::json::object());
  for (const auto& [phase, seconds] : durations.items()) {
    h += "<tr><th>" + XmlEscape(phase) + "</th><td>" + XmlEscape(Text(seconds)) + "</td></tr>";
  }
  h += "</table>\n";
  const auto warnings = r.value("warnings", nlohmann::json::array());
  if (!warnings.empty()) {
    h += "<h2>Warnings</h2>\n<ul>";
    for (const auto& w : warnings) h += "<li>" + XmlEscape(Text(w)) + "</li>";
    h += "</ul>\n";
  }
  h += "<p><small>Generated by bjlg.</small></p>\n</body></html>\n";
  return h;
}

Status WritePrivateFile(const std::string& path, const std::string& content) {
  return WriteFileAtomically(path, content, 0600);
}

Status AppendHistory(const std::string& path, const nlohmann::json& r) {
  nlohmann::json line = nlohmann::json::object();
  for (const char* key : {"kind", "status", "archive", "started_at", "finished_at", "durations", "bytes",
                          "backup", "rto", "rpo", "sample"}) {
    if (r.contains(key)) line[key] = r[key];
  }
  nlohmann::json failed = nlohmann::json::array();
  const nlohmann::json checks = r.value("checks", nlohmann::json::array());
  for (const auto& c : checks) {
    if (c.value("status", "") != "passed" && c.value("status", "") != "skipped") {
      failed.push_back({{"name", c.value("name", "")}, {"status", c.value("status", "")}});
    }
  }
  line["problems"] = failed;
  const std::string text = line.dump() + "\n";
  // O_NONBLOCK: a FIFO without a reader fails at once (ENXIO) instead of blocking open().
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IOError("cannot open the history file " + path + ": " + strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::IOError("history file " + path + " is not a regular file");
  }
  const ssize_t n = write(fd, text.data(), text.size());  // one write: O_APPEND keeps lines whole
  const int saved = errno;
  if (close(fd) != 0 || n != static_cast<ssize_t>(text.size())) {
    return Status::IOError("cannot append to the history file " + path + ": " + strerror(n < 0 ? saved : EIO));
  }
  return Status::OK();
}

nlohmann::json PreviousBackup(const std::string& history_path, const std::string& created_at) {
  int64_t limit = 0;
  bool assumed = false;
  if (!ParseIso8601(created_at, &limit, &assumed)) return nullptr;
  // No history (missing, or not a regular file: a FIFO would block) means no previous backup.
  Result<int> fd = OpenRegularFile(history_path, "history file");
  if (!fd.ok()) return nullptr;
  FILE* in = fdopen(*fd, "r");
  if (in == nullptr) {
    close(*fd);
    return nullptr;
  }
  nlohmann::json best = nullptr;
  int64_t best_time = 0;
  auto consider = [&](const std::string& line) {
    Result<nlohmann::json> parsed = ParseUntrustedJson(line, "history line");
    if (!parsed.ok()) return;
    nlohmann::json& j = *parsed;
    if (!j.is_object() || !j.contains("backup") || !j["backup"].is_object()) return;
    const std::string when = j["backup"].value("created_at", "");
    int64_t t = 0;
    if (!ParseIso8601(when, &t, &assumed) || t >= limit) return;
    if (best.is_null() || t > best_time) {
      best = j["backup"];
      best_time = t;
    }
  };
  // Lines are read one at a time, and one longer than any line bjlg writes is skipped rather
  // than held: the history is streamed, however large or damaged.
  constexpr size_t kMaxLine = 1 << 20;
  std::string line;
  bool overlong = false;
  for (int c; (c = getc(in)) != EOF;) {
    if (c != '\n') {
      if (line.size() < kMaxLine) line += static_cast<char>(c);
      else overlong = true;
      continue;
    }
    if (!overlong) consider(line);
    line.clear();
    overlong = false;
  }
  if (!line.empty() && !overlong) consider(line);
  fclose(in);
  return best;
}

void SetBackupAndRpo(Report* report, const nlohmann::json& manifest, const std::string& previous_created_at,
                     const std::string& history) {
  if (!manifest.is_object()) return;
  const nlohmann::json when = manifest.value("created_at", nlohmann::json(""));
  const std::string created_at = when.is_string() ? when.get<std::string>() : "";
  nlohmann::json backup = {{"type", manifest.value("type", nlohmann::json(""))}, {"created_at", created_at}};
  if (manifest.contains("site_url")) backup["site_url"] = manifest["site_url"];
  report->Set("backup", backup);
  int64_t created = 0;
  bool assumed = false;
  if (!ParseIso8601(created_at, &created, &assumed)) return;
  if (assumed) report->AddWarning("the manifest's created_at has no time zone: read as UTC");
  nlohmann::json rpo = {{"backup_created_at", created_at},
                        {"age_seconds", static_cast<int64_t>(time(nullptr)) - created}};
  nlohmann::json previous = previous_created_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(previous_created_at);
  if (previous.is_null() && !history.empty()) {
    const nlohmann::json prev = PreviousBackup(history, created_at);
    if (prev.is_object()) previous = prev.value("created_at", nlohmann::json(nullptr));
  }
  int64_t t = 0;
  if (previous.is_string() && ParseIso8601(previous.get<std::string>(), &t, &assumed)) {
    rpo["previous_backup_created_at"] = previous;
    rpo["gap_to_previous_seconds"] = created - t;
  }
  report->Set("rpo", rpo);
}

}  // namespace bjlg::verify
