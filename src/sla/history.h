// The SLA history: a JSON-lines file that `bjlg quota --record` appends one usage sample per
// destination to on every run, and that restore tests and verifications (src/verify/report.cc,
// AppendHistory) append their runs to. Reading it gives the samples the forecast needs and the
// runs the objectives need.
//
// A sample line: {"destination": "offsite", "at": "2026-12-05T06:00:00+00:00",
//   "used_bytes": 123, "quota_bytes": 456 | null, "object_count": 7 | null, "errors": []}
// (used_bytes is null when the destination could not be measured; "at" may also be Unix seconds).
// A run line is anything with a "kind" (verify, restore_test): kept as it is.
//
// Appends are whole lines: one write() of complete lines with O_APPEND, then fsync, so that
// concurrent writers never interleave inside a line. A writer killed in the middle of its
// write leaves a torn last line: the reader ignores it.
#ifndef BJLG_SLA_HISTORY_H_
#define BJLG_SLA_HISTORY_H_

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::sla {

struct HistorySample {
  std::string destination;
  int64_t at = 0;                        // Unix seconds
  std::optional<int64_t> used_bytes;     // none: the destination could not be measured
  std::optional<int64_t> quota_bytes;
  std::optional<int64_t> object_count;
  std::vector<std::string> errors;
  size_t line = 0;                       // 1-based line in the file (0 when not read from one)
};

struct History {
  std::vector<HistorySample> samples;
  std::vector<nlohmann::json> runs;       // verify and restore-test lines, as written
  std::vector<size_t> skipped_lines;      // 1-based: lines that are not JSON objects
  size_t unknown_lines = 0;               // JSON objects that are neither a sample nor a run
  bool torn_last_line = false;            // the last line had no newline and was not JSON
};

// The longest line accepted: a sample is about 200 bytes, a run a few KiB.
constexpr size_t kMaxHistoryLine = 1 << 20;

// Reads a history from `in` (`name` is for messages), one line at a time.
// Corruption, naming the line and the field, when a sample line has a field of the wrong type
// or value (negative bytes, an unreadable time), when a line is longer than kMaxHistoryLine, or
// when the stream has lines but none of them is a record (it is not a history). A line that is
// not JSON in the middle of a history is skipped and listed in skipped_lines.
Result<History> ReadHistory(std::istream& in, const std::string& name);

// ReadHistory() on a file: NotFound, PermissionDenied or IOError when it cannot be read.
Result<History> ReadHistoryFile(const std::string& path);

// The history as the array of Bjlg\Sla\History::read(): samples (with "at" in Unix seconds and
// their line), runs, skipped_lines, unknown_lines, torn_last_line.
nlohmann::json HistoryToJson(const History& history);

// The JSON line (with its newline) of a sample; "at" is written in ISO 8601 UTC.
std::string SampleLine(const HistorySample& sample);

// Appends the samples' lines to `path` (created 0600 when missing) in one write with O_APPEND,
// then fsync. A file whose last line is torn gets a newline first, so that the torn line
// stays a line of its own (skipped on read) instead of swallowing the first new sample.
// InvalidArgument for a sample with an empty destination or negative bytes; IOError (or
// NotFound, PermissionDenied) when the file cannot be written.
Status AppendSamples(const std::string& path, const std::vector<HistorySample>& samples);

}  // namespace bjlg::sla

#endif  // BJLG_SLA_HISTORY_H_
