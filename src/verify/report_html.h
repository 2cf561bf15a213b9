// A verification or restore-test report as a page for people: the verdict and the next step
// first, then the checks, then the details (readable sizes and durations, times in the reader's
// zone with their offset, evidence as lists) and, given the history file, the past runs as a
// chart. English or French. One self-contained page: inline style, no script, no external
// asset; every text escaped; no absolute server path (a path in a message is cut to its name).
#ifndef BJLG_VERIFY_REPORT_HTML_H_
#define BJLG_VERIFY_REPORT_HTML_H_

#include <string>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::verify {

struct HtmlOptions {
  std::string locale = "en";     // en | fr
  std::string timezone = "UTC";  // an IANA name or a fixed offset ("+02:00"): how times are shown
  std::string history;           // the JSON-lines history (AppendHistory), or empty: no chart
  // InvalidArgument naming the option: an unknown locale or time zone.
  Status Validate() const;
};

// How many past runs the chart shows at most (the latest).
constexpr size_t kTrendRuns = 500;

// The page of `report` (Report::ToJson()). When options.history is set, the chart shows the
// history's runs of the report's kind followed by this one. REQUIRES: options.Validate().ok()
std::string RenderHtml(const nlohmann::json& report, const HtmlOptions& options = {});

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_REPORT_HTML_H_
