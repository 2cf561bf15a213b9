#include "verify/report.h"

#include "verify/plugin_keys.h"
#include "common/atomic_file.h"
#include "common/parse_limits.h"
#include "common/time.h"

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

void ForEachHistoryLine(const std::string& history_path, const std::function<void(const nlohmann::json&)>& fn) {
  // No history (missing, or not a regular file: a FIFO would block) means no line.
  Result<int> fd = OpenRegularFile(history_path, "history file");
  if (!fd.ok()) return;
  FILE* in = fdopen(*fd, "r");
  if (in == nullptr) {
    close(*fd);
    return;
  }
  auto consider = [&fn](const std::string& line) {
    Result<nlohmann::json> parsed = ParseUntrustedJson(line, "history line");
    if (parsed.ok() && parsed->is_object()) fn(*parsed);
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
}

nlohmann::json PreviousBackup(const std::string& history_path, const std::string& created_at) {
  int64_t limit = 0;
  bool assumed = false;
  if (!ParseIso8601(created_at, &limit, &assumed)) return nullptr;
  nlohmann::json best = nullptr;
  int64_t best_time = 0;
  ForEachHistoryLine(history_path, [&](const nlohmann::json& j) {
    if (!j.contains("backup") || !j["backup"].is_object()) return;
    const std::string when = j["backup"].value("created_at", "");
    int64_t t = 0;
    if (!ParseIso8601(when, &t, &assumed) || t >= limit) return;
    if (best.is_null() || t > best_time) {
      best = j["backup"];
      best_time = t;
    }
  });
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
