// Report: SLA data (forecasts, purge SLA, objectives, a post-backup summary) rendered for people
// (one self-contained HTML page with SVG charts, English or French, sizes and local times people
// read) and for programs (JSON, CSV). The verdict comes first in every format.
//
// `data` sections, each optional (docs/sla.md has the full shape):
//   forecasts  list of {name, samples: [{at, used_bytes, quota_bytes}], forecast: Forecast::project()}
//   purge      a PurgeSla::compute() result
//   objectives an Objectives::evaluate() result
//   backup     {archive, site, started_at, finished_at, duration_seconds, size_bytes, files,
//               encrypted, incremental, destinations: [{name, status, bytes, message}],
//               verify: a Verifier report (status, checks, durations)}
//   title      the page's title
#ifndef BJLG_SLA_REPORT_H_
#define BJLG_SLA_REPORT_H_

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::sla {

enum class ReportFormat { kHtml, kJson, kCsv };

struct ReportOptions {
  std::string locale = "en";     // en | fr
  std::string timezone = "UTC";  // an IANA name or a fixed offset: how times are shown
  int64_t now = 0;               // the report's generation time
  // InvalidArgument naming the option: an unknown locale or time zone.
  Status Validate() const;
};

// Parses "html", "json" or "csv"; InvalidArgument otherwise.
Result<ReportFormat> ParseReportFormat(const std::string& name);

// The verdict over every section: {level: ok|watch|warning|critical|unknown, reasons: [...]}.
nlohmann::json ReportVerdict(const nlohmann::json& data, const std::string& locale);

// REQUIRES: options.Validate().ok(). InvalidArgument naming the section for data of the wrong
// shape (an unknown section, a forecast without a name, a section that is not an array).
Result<std::string> RenderReport(const nlohmann::json& data, ReportFormat format, const ReportOptions& options);

}  // namespace bjlg::sla

#endif  // BJLG_SLA_REPORT_H_
