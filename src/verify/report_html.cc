#include "verify/report_html.h"

#include <cmath>

#include "common/html_page.h"
#include "cron/time_zone.h"
#include "sla/report.h"
#include "sla/report_text.h"
#include "verify/report_trend.h"
#include "verify/report_words.h"
#include "verify/report_values.h"

namespace bjlg::verify {

namespace {

using nlohmann::json;

// What every section needs: the language, the formats, the page being written.
struct Page {
  const sla::ReportText& text;
  Html& html;
  std::string Word(const std::string& key) const { return verify::Word(key, text.french()); }
  std::string CheckTitle(const std::string& check) const { return verify::CheckTitle(check, text.french()); }
};

const char* VerdictLevel(const std::string& status) {  // the shared style's verdict colours
  if (status == "passed") return "level-ok";
  if (status == "failed") return "level-critical";
  return "level-warning";
}

void Head(const json& r, const Page& p) {
  const std::string title = p.Word(Str(Field(r, "kind"))) + " — " + Str(Field(Field(r, "archive"), "name"));
  p.html.Raw("<!DOCTYPE html>\n<html lang=\"").Raw(p.text.french() ? "fr" : "en");
  p.html.Raw("\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
  p.html.Tag("title", title).Raw("<style>").Raw(kReportStyle).Raw("</style></head><body><header>");
  p.html.Tag("h1", title).Raw("</header>\n");
}

void Verdict(const std::string& status, const Page& p) {
  p.html.Raw(std::string("<section id=\"verdict\" class=\"verdict ") + VerdictLevel(status) + "\">");
  p.html.Tag("p", p.Word(status) + (p.text.french() ? " : " : ": ") + p.Word("verdict." + status));
  p.html.Raw("</section>\n");
}

void NextSteps(const json& checks, const Page& p) {
  p.html.Raw("<section id=\"next\">").Tag("h2", p.Word("next_steps")).Raw("<ul>");
  bool any = false;
  for (const json& c : checks) {
    const std::string status = Str(Field(c, "status"));
    if (status != "failed" && status != "inconclusive") continue;
    const Advice a = AdviceFor(Str(Field(c, "name")), status, p.text.french());
    p.html.Raw("<li><strong>").Text(p.CheckTitle(Str(Field(c, "name")))).Raw("</strong> (").Text(p.Word(status));
    p.html.Raw(p.text.french() ? ") : " : "): ");  // French puts a space before the colon
    p.html.Text(a.meaning).Raw(" <em>").Text(a.next_step).Raw("</em></li>");
    any = true;
  }
  if (!any) p.html.Tag("li", p.Word("nothing_to_do"));
  p.html.Raw("</ul></section>\n");
}

void Checks(const json& checks, const Page& p) {
  p.html.Raw("<section id=\"checks\">").Tag("h2", p.Word("checks")).Raw("<table><thead><tr>");
  for (const char* head : {"check", "status", "message"}) p.html.Tag("th", p.Word(head));
  p.html.Raw("</tr></thead><tbody>");
  for (const json& c : checks) {
    const std::string status = Str(Field(c, "status"));
    p.html.Raw("<tr>").Tag("td", p.CheckTitle(Str(Field(c, "name"))));
    p.html.Raw("<td class=\"st-" + XmlEscape(status) + "\">").Text(p.Word(status)).Raw("</td>");
    p.html.Tag("td", HidePaths(Str(Field(c, "message")))).Raw("</tr>");
  }
  p.html.Raw("</tbody></table></section>\n");
}

void Details(const json& r, const Page& p) {
  const json& archive = Field(r, "archive");
  p.html.Raw("<section id=\"details\">").Tag("h2", p.Word("details"));
  p.html.Facts({{p.Word("archive"), Str(Field(archive, "name"))},
                {p.Word("size"), p.text.Bytes(Field(archive, "size"))},
                {p.Word("started_at"), p.text.TimeWithOffset(Field(r, "started_at"))},
                {p.Word("finished_at"), p.text.TimeWithOffset(Field(r, "finished_at"))},
                {p.Word("duration"), p.text.Duration(Field(Field(r, "durations"), "total"))}});
  for (const char* key : {"backup", "rpo", "rto", "bytes", "entries", "durations"}) {
    if (!Field(r, key).is_object()) continue;
    p.html.Tag("h3", p.Word(key));
    KeyValues(key, Field(r, key), p.text, &p.html);
  }
  for (const char* key : {"sample", "sha256"}) {
    if (!Field(r, key).is_null()) p.html.Facts({{p.Word(key), ValueText(key, "", Field(r, key), p.text)}});
  }
  p.html.Raw("</section>\n");
}

void Evidence(const json& checks, const Page& p) {
  Html body;
  for (const json& c : checks) {
    if (!Field(c, "evidence").is_object() || Field(c, "evidence").empty()) continue;
    body.Tag("h3", p.CheckTitle(Str(Field(c, "name"))));
    KeyValues("", Field(c, "evidence"), p.text, &body);
  }
  if (body.str().empty()) return;
  p.html.Raw("<section id=\"evidence\">").Tag("h2", p.Word("evidence")).Raw(body.str()).Raw("</section>\n");
}

void Warnings(const json& warnings, const Page& p) {
  if (!warnings.is_array() || warnings.empty()) return;
  p.html.Raw("<section id=\"warnings\">").Tag("h2", p.Word("warnings")).Raw("<ul>");
  for (const json& w : warnings) p.html.Tag("li", HidePaths(Str(w)));
  p.html.Raw("</ul></section>\n");
}

// The past runs of this kind, then this one; nothing without a past run.
void Trend(const json& r, const std::string& history, const Page& p) {
  std::vector<TrendRun> runs = ReadTrend(history, Str(Field(r, "kind")), kTrendRuns);
  if (runs.empty()) return;
  if (std::optional<TrendRun> now = RunOf(r)) runs.push_back(*now);
  p.html.Raw("<section id=\"history\">").Tag("h2", p.Word("history"));
  p.html.Figure(RenderTrendChart(runs, p.text)).Raw("</section>\n");
}

}  // namespace

Status HtmlOptions::Validate() const {
  sla::ReportOptions same;  // the SLA report's options: one rule for a locale and a zone
  same.locale = locale;
  same.timezone = timezone;
  return same.Validate();
}

std::string RenderHtml(const json& report, const HtmlOptions& options) {
  Result<cron::TimeZone> zone = cron::TimeZone::Named(options.timezone);
  const sla::ReportText text(options.locale, zone.ok() ? *zone : cron::TimeZone());
  Html html;
  const Page page{text, html};
  const json& checks = Field(report, "checks").is_array() ? report["checks"] : json::array();
  Head(report, page);
  Verdict(Str(Field(report, "status")), page);
  NextSteps(checks, page);
  Checks(checks, page);
  Details(report, page);
  Evidence(checks, page);
  Warnings(Field(report, "warnings"), page);
  if (!options.history.empty()) Trend(report, options.history, page);
  html.Tag("p", page.Word("generated") + " " + text.ZoneName() + ".", "meta").Raw("\n</body></html>\n");
  return html.str();
}

}  // namespace bjlg::verify
