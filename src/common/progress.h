// Progress: the one record every long operation reports, and the one cancellation rule.
//
// Every long operation of the core (writing, encrypting, verifying, restoring, dumping,
// purging, sending, watching) takes a ProgressFn and reports Progress records through a
// ProgressReporter. The rule, the same everywhere:
//   - records of one operation come on the thread that called the operation;
//   - `done` never decreases within a phase, and phases only move forward (an operation with
//     several phases declares them up front, so a caller can draw one bar that never jumps back;
//     a phase may be declared several times, e.g. "decrypt", "extract" for each archive of a
//     chain, and a declared phase that turns out to have nothing to do may be skipped);
//   - the callback returning false cancels: the operation stops at its next safe point, removes
//     what it had started writing, and returns Status::Cancelled (the glue throws the
//     namespace's CancelledException, which every namespace derives from the same kind).
#ifndef BJLG_COMMON_PROGRESS_H_
#define BJLG_COMMON_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace bjlg {

struct Progress {
  std::string phase;          // "archive", "encrypt", "verify", "dump", "purge", ...
  uint64_t done = 0;          // units done in this phase
  uint64_t total = 0;         // units in this phase; 0 when unknown
  std::string unit;           // "bytes", "files", "entries", "rows", "tables", "messages", ...
  std::string current;        // the item being handled (a path, a table, a destination), or ""
  double elapsed = 0;         // seconds since the operation started
  size_t phase_index = 0;     // position of `phase` in `phases`
  std::vector<std::string> phases;  // every phase this operation will go through, in order
};

// Returns false to cancel.
using ProgressFn = std::function<bool(const Progress&)>;

// Keeps the record of one operation, enforces the rule above, and rate-limits calls.
// Not thread-safe: use it from the operation's calling thread only.
class ProgressReporter {
 public:
  // `phases` lists the phases in order; `interval` is the minimum number of seconds between two
  // reports within a phase (the first and last report of each phase are always made).
  ProgressReporter(ProgressFn fn, std::vector<std::string> phases, double interval = 0.1);

  // Starts `phase` with `total` units, on `current` (e.g. the archive a repeated phase is for).
  // `phase` is looked up in `phases` forward from the current position: its first occurrence
  // after the current phase (the first of all before any Begin), so that a name declared several
  // times moves to its next occurrence. A phase found only before the current position keeps
  // the current position (phases never move back); an undeclared phase is appended.
  // Returns false when the operation must stop.
  bool Begin(const std::string& phase, uint64_t total, const std::string& unit,
             const std::string& current = std::string());
  // Moves to `done` units (clamped so it never decreases) on `current`. Reports when the
  // interval has passed. Returns false when the operation must stop.
  bool Update(uint64_t done, const std::string& current = std::string());
  // Adds `delta` units.
  bool Advance(uint64_t delta, const std::string& current = std::string());
  // Reports the end of the phase (done = total when total was known), unless the last report
  // already said exactly that. Returns false to stop.
  bool End();

  // True once the callback returned false; later calls return false without calling it again.
  bool cancelled() const { return cancelled_; }
  const Progress& record() const { return record_; }
  bool enabled() const { return static_cast<bool>(fn_); }

 private:
  bool Report(bool force);

  ProgressFn fn_;
  Progress record_;
  double interval_;
  std::chrono::steady_clock::time_point start_;
  double last_report_ = -1;
  uint64_t reported_done_ = UINT64_MAX;  // `done` of the last report in this phase
  bool begun_ = false;                   // a phase was begun: record_.phase_index is meaningful
  bool cancelled_ = false;
};

// The one check of an operation's `progress_interval` option: InvalidArgument naming the option
// unless it is a non-negative number of seconds (NaN is refused).
Status CheckProgressInterval(double seconds);

}  // namespace bjlg

#endif  // BJLG_COMMON_PROGRESS_H_
