// The trend of a verification or restore-test page: the past runs of the history file
// (AppendHistory) drawn with the shared charts (common/svg.h), duration over time and each run's
// result as a coloured dot.
#ifndef BJLG_VERIFY_REPORT_TREND_H_
#define BJLG_VERIFY_REPORT_TREND_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sla/report_text.h"

namespace bjlg::verify {

struct TrendRun {
  int64_t finished_at = 0;  // Unix seconds
  double seconds = 0;       // durations.total
  std::string status;       // passed, failed, inconclusive
};

// The run a report describes (its kind's history line, as it will be appended).
// nullopt when the report has no readable finished_at.
std::optional<TrendRun> RunOf(const nlohmann::json& report);

// The last `max_runs` runs of kind `kind` ("verify", "restore-test") in the history file, oldest
// first; lines of another kind, or without a time, are left out. Empty without a history.
std::vector<TrendRun> ReadTrend(const std::string& history, const std::string& kind, size_t max_runs);

// An <svg> of `runs` (durations as a line, results as dots), its axes and legend in `text`'s
// zone and language.
std::string RenderTrendChart(const std::vector<TrendRun>& runs, const sla::ReportText& text);

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_REPORT_TREND_H_
