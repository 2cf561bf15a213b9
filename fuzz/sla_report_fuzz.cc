// Fuzzes the purge SLA, the objectives and the report renderer on arbitrary JSON: the first
// line is a list of purge events, the second a list of runs, the rest report data. No crash, no
// sanitizer report, and every HTML page is well-formed XML (expat) whatever the names and numbers.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <expat.h>
#include <nlohmann/json.hpp>

#include "sla/objectives.h"
#include "sla/purge_sla.h"
#include "sla/report.h"

using namespace bjlg::sla;
using nlohmann::json;

namespace {

constexpr int64_t kNow = 1767225600;

json Line(const std::string& text, size_t* pos) {
  const size_t end = text.find('\n', *pos);
  const std::string line = text.substr(*pos, end == std::string::npos ? std::string::npos : end - *pos);
  *pos = end == std::string::npos ? text.size() : end + 1;
  return json::parse(line, nullptr, false);
}

void RequireWellFormed(const std::string& html) {
  XML_Parser parser = XML_ParserCreate("UTF-8");
  const bool ok = XML_Parse(parser, html.data(), static_cast<int>(html.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(parser);
  if (!ok) abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  size_t pos = 0;
  const json events = Line(text, &pos);
  const json runs = Line(text, &pos);
  json report = json::parse(text.substr(pos), nullptr, false);
  if (!report.is_object()) report = json::object();
  if (report.contains("purge") || report.contains("objectives")) report = json::object();

  PurgeSlaOptions purge_options;
  purge_options.now = kNow;
  if (auto purge = ComputePurgeSla(events, purge_options); purge.ok()) report["purge"] = *purge;
  ObjectivesOptions objective_options{kNow, 30.0 * 86400};
  if (auto objectives = EvaluateObjectives(runs, ObjectiveTargets{86400.0, 1800.0}, objective_options); objectives.ok()) {
    report["objectives"] = *objectives;
  }
  ReportOptions options;
  options.now = kNow;
  options.locale = size % 2 ? "fr" : "en";
  for (ReportFormat f : {ReportFormat::kHtml, ReportFormat::kJson, ReportFormat::kCsv}) {
    auto rendered = RenderReport(report, f, options);
    // The renderer takes any value inside a section; only the sections themselves are checked.
    if (rendered.ok() && f == ReportFormat::kHtml) RequireWellFormed(*rendered);
  }
  return 0;
}
