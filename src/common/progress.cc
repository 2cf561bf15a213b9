#include "common/progress.h"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace bjlg {

ProgressReporter::ProgressReporter(ProgressFn fn, std::vector<std::string> phases, double interval)
    : fn_(std::move(fn)), interval_(interval), start_(std::chrono::steady_clock::now()) {
  record_.phases = std::move(phases);
}

bool ProgressReporter::Begin(const std::string& phase, uint64_t total, const std::string& unit,
                             const std::string& current) {
  std::vector<std::string>& phases = record_.phases;
  const size_t from = std::min(begun_ ? record_.phase_index + 1 : 0, phases.size());
  auto it = std::find(phases.begin() + static_cast<std::ptrdiff_t>(from), phases.end(), phase);
  if (it == phases.end() && std::find(phases.begin(), phases.end(), phase) == phases.end()) {
    // An undeclared phase goes last, so that the order stays forward-only.
    phases.push_back(phase);
    it = phases.end() - 1;
  }
  // A phase declared only before the current position (begun again) keeps the current one.
  if (it != phases.end()) record_.phase_index = static_cast<size_t>(it - phases.begin());
  begun_ = true;
  record_.phase = phase;
  record_.done = 0;
  record_.total = total;
  record_.unit = unit;
  record_.current = current;
  reported_done_ = UINT64_MAX;  // a new phase is always reported, and so is its end
  return Report(true);
}

bool ProgressReporter::Update(uint64_t done, const std::string& current) {
  record_.done = std::max(record_.done, done);
  if (!current.empty()) record_.current = current;
  return Report(false);
}

bool ProgressReporter::Advance(uint64_t delta, const std::string& current) {
  return Update(record_.done + delta, current);
}

bool ProgressReporter::End() {
  if (record_.total != 0) record_.done = std::max(record_.done, record_.total);
  if (cancelled_) return false;
  if (record_.done == reported_done_) return true;  // the last report already said it
  return Report(true);
}

bool ProgressReporter::Report(bool force) {
  if (cancelled_) return false;
  if (!fn_) return true;
  double now = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (!force && last_report_ >= 0 && now - last_report_ < interval_) return true;
  last_report_ = now;
  record_.elapsed = now;
  reported_done_ = record_.done;
  if (!fn_(record_)) cancelled_ = true;
  return !cancelled_;
}

Status CheckProgressInterval(double seconds) {
  if (seconds >= 0) return Status::OK();
  return Status::InvalidOption("progress_interval", "must be a non-negative number of seconds");
}

}  // namespace bjlg
