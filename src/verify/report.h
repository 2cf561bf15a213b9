// Report: the result of a verification or a restore test, as people and the plugin read it.
//
// A report has a top-level status computed from its checks: `failed` when any check failed
// (the backup is bad, or cannot be opened with the secret given), otherwise `inconclusive` when
// any check could not be carried out (the environment failed: unreadable file, no space, the
// database would not start, a cancellation), otherwise `passed`. Skipped checks (nothing to
// check, or not asked for) do not change the status and are listed under `not_checked`.
//
// Reports name the archive by its file name only: no absolute server path is ever written.
// verify/report_html.h renders a report as a page for people.
#ifndef BJLG_VERIFY_REPORT_H_
#define BJLG_VERIFY_REPORT_H_

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::verify {

enum class CheckStatus { kPassed, kFailed, kInconclusive, kSkipped };
const char* CheckStatusName(CheckStatus s);  // "passed", "failed", "inconclusive", "skipped"

struct Check {
  std::string name;       // stable identifier: "encryption", "zip_structure", "entry_data", ...
  CheckStatus status = CheckStatus::kPassed;
  std::string message;    // one precise sentence
  nlohmann::json evidence = nlohmann::json::object();
};

class Report {
 public:
  explicit Report(std::string kind);  // "verify" or "restore-test"

  void SetArchive(const std::string& path, uint64_t size);  // keeps the base name only
  void AddCheck(Check check) { checks_.push_back(std::move(check)); }
  void AddWarning(std::string w) { warnings_.push_back(std::move(w)); }
  // Records the duration of a phase in seconds; phases keep their insertion order.
  void AddDuration(const std::string& phase, double seconds) { durations_.emplace_back(phase, seconds); }
  // Anything else: bytes, entries, backup, rto, rpo... (replaces an existing key).
  void Set(const std::string& key, nlohmann::json value) { extra_[key] = std::move(value); }
  void Finish();  // stamps finished_at and the total duration

  uint64_t archive_size() const { return archive_size_; }
  CheckStatus status() const;
  const std::vector<Check>& checks() const { return checks_; }
  const Check* Find(const std::string& name) const;
  nlohmann::json ToJson() const;

 private:
  std::string kind_;
  std::string archive_name_;
  uint64_t archive_size_ = 0;
  std::string started_at_, finished_at_;
  std::chrono::steady_clock::time_point start_;
  double total_seconds_ = 0;
  std::vector<Check> checks_;
  std::vector<std::string> warnings_;
  std::vector<std::pair<std::string, double>> durations_;
  nlohmann::json extra_ = nlohmann::json::object();
};

// Writes `content` to `path` with mode 0600 through a temporary file renamed into place; the
// folder must exist. IOError on failure.
Status WritePrivateFile(const std::string& path, const std::string& content);

// Appends one JSON line summarising `report` (kind, status, archive, times, durations, bytes,
// rto, rpo, failed check names) to `path`, created 0600 when missing. IOError on failure.
Status AppendHistory(const std::string& path, const nlohmann::json& report);

// Calls `fn` with each line of the JSON-lines `history_path` that is a JSON object, in order;
// unreadable lines (damaged, or longer than any bjlg writes) are skipped, and a missing or
// unreadable file has no line. The file is streamed, never held whole.
void ForEachHistoryLine(const std::string& history_path, const std::function<void(const nlohmann::json&)>& fn);

// The last history line for `archive_name`'s predecessor: the most recent record whose
// backup.created_at is before `created_at` (ISO 8601), as JSON, or null.
nlohmann::json PreviousBackup(const std::string& history_path, const std::string& created_at);

// Sets the report's `backup` (type, created_at, site_url from `manifest`) and `rpo`: the age of
// the backup now, and the gap to the previous backup, created at `previous_created_at` when it is
// known (a chain), else the latest earlier backup in the `history` file (when not empty).
void SetBackupAndRpo(Report* report, const nlohmann::json& manifest, const std::string& previous_created_at,
                     const std::string& history);

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_REPORT_H_
