// Reports: the verdict first, every section rendered, charts as well-formed SVG inside a
// well-formed page (parsed with expat), every name escaped, English and French, local time.
#include <catch2/catch.hpp>

#include <expat.h>

#include <string>
#include <vector>

#include "sla/report.h"
#include "common/svg.h"

using namespace bjlg::sla;
using namespace bjlg;  // the charts (common/svg.h)
using bjlg::Result;
using nlohmann::json;

namespace {

constexpr int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z
constexpr int64_t kDay = 86400;

struct Parsed {
  bool ok = false;
  std::string error;
  std::vector<std::string> elements;
  std::string text;
};

// Parses `xml` with expat; the page's <!DOCTYPE html> has no external subset, so it is XML too.
Parsed ParseXml(const std::string& xml) {
  Parsed p;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &p);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* name, const XML_Char**) { static_cast<Parsed*>(data)->elements.push_back(name); },
      nullptr);
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* s, int len) {
    static_cast<Parsed*>(data)->text.append(s, static_cast<size_t>(len));
  });
  p.ok = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  if (!p.ok) p.error = XML_ErrorString(XML_GetErrorCode(parser));
  XML_ParserFree(parser);
  return p;
}

size_t Count(const std::vector<std::string>& v, const std::string& name) {
  return static_cast<size_t>(std::count(v.begin(), v.end(), name));
}

const char* kEvil = "<script>alert(\"x\")</script> & 'co' ]]>";

json Data(const std::string& name = "s3 main") {
  json samples = json::array();
  for (int d = 60; d >= 0; --d) {
    samples.push_back({{"at", kNow - d * kDay}, {"used_bytes", 5e9 + (60 - d) * 2e7}, {"quota_bytes", 1e10}});
  }
  return {
      {"title", "Site " + name},
      {"forecasts",
       {{{"name", name},
         {"samples", samples},
         {"forecast",
          {{"model", "robust"}, {"current_used_bytes", 6.2e9}, {"current_ratio", 0.62}, {"growth_bytes_per_day", 2e7},
           {"threshold_bytes", 8.5e9}, {"threshold_at", kNow + 115 * kDay}, {"threshold_at_low", kNow + 100 * kDay},
           {"threshold_at_high", kNow + 140 * kDay}, {"full_at", kNow + 190 * kDay}, {"risk_level", "ok"}}}}}},
      {"purge",
       {{"now", kNow},
        {"target_seconds", 86400},
        {"backlog", {{"count", 3}, {"bytes", 1e9}, {"oldest_age_seconds", 7200}, {"over_target", false}}},
        {"latency", {{"count", 2}, {"mean_seconds", 5400}, {"p50_seconds", 5400}, {"p95_seconds", 7020}, {"max_seconds", 7200},
                     {"within_target_share", 1.0}}},
        {"samples", {{{"seconds", 3600}, {"destination", name}}, {{"seconds", 7200}, {"destination", name}}}},
        {"backlog_series", {{{"at", kNow - 2 * kDay}, {"count", 1}}, {{"at", kNow - kDay}, {"count", 3}}}},
        {"destinations", {{name, {{"backlog", {{"count", 3}}}}}}},
        {"failures", {{"rate", 0.0}}}}},
      {"objectives",
       {{"verdict", "met"},
        {"rpo", {{"now_seconds", 3600}, {"target_seconds", 86400}, {"within_target", true}, {"breaches", json::array()},
                 {"series", {{{"at", kNow - kDay}, {"seconds", 3600}}, {{"at", kNow}, {"seconds", 90000}}}}}},
        {"rto", {{"last_seconds", 600}, {"target_seconds", 1800}, {"within_target", true}, {"breaches", json::array()},
                 {"series", {{{"at", kNow - kDay}, {"seconds", 600}, {"passed", true}, {"archive", name}}}}}},
        {"sites", {{name, {{"verdict", "met"}}}}}}},
      {"backup",
       {{"archive", name + ".zip"}, {"status", "success"}, {"started_at", "2025-12-31T23:00:00+00:00"},
        {"finished_at", kNow - 600}, {"duration_seconds", 3000}, {"size_bytes", 123456789},
        {"destinations", {{{"name", name}, {"status", "delivered"}}}},
        {"verify", {{"status", "passed"}, {"checks", {{{"name", "zip_structure"}, {"status", "passed"}, {"message", name}}}},
                    {"durations", {{"read", 1.5}, {"total", 2.0}}}}}}}};
}

std::string Render(const json& data, ReportFormat format, const std::string& locale = "en",
                   const std::string& zone = "UTC") {
  ReportOptions o;
  o.locale = locale;
  o.timezone = zone;
  o.now = kNow;
  REQUIRE(o.Validate().ok());
  Result<std::string> r = RenderReport(data, format, o);
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("the HTML report is one well-formed page with a chart per view", "[sla]") {
  const std::string html = Render(Data(), ReportFormat::kHtml);
  const Parsed p = ParseXml(html);
  INFO(p.error);
  REQUIRE(p.ok);
  // usage (1 destination), purge latency + backlog, RPO + RTO, verification durations
  CHECK(Count(p.elements, "svg") == 6);
  CHECK(Count(p.elements, "polygon") == 1);  // the forecast's interval
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == html.find("http://www.w3.org"));  // no asset fetched from anywhere
  CHECK(html.find("@media print") != std::string::npos);
  // The verdict comes before any section.
  CHECK(html.find("id=\"verdict\"") < html.find("id=\"backup\""));
}

TEST_CASE("names are escaped in the page and in its charts", "[sla]") {
  const std::string html = Render(Data(kEvil), ReportFormat::kHtml);
  const Parsed p = ParseXml(html);
  INFO(p.error);
  REQUIRE(p.ok);
  CHECK(Count(p.elements, "script") == 0);
  CHECK(html.find(kEvil) == std::string::npos);
  CHECK(p.text.find(kEvil) != std::string::npos);  // shown as text, as given
}

TEST_CASE("standalone SVG charts are well-formed, empty or huge", "[sla]") {
  LineChart empty;
  empty.title = kEvil;
  CHECK(ParseXml(RenderLineChart(empty)).ok);
  LineChart big;
  big.title = "big";
  ChartSeries s{"used", "#000", {}, false, true};
  for (int i = 0; i < 100000; ++i) s.points.push_back({static_cast<double>(i), i % 7 ? 1e18 * i : NAN});
  big.series.push_back(s);
  big.lines.push_back({"quota <", "#f00", 2e23});
  const std::string svg = RenderLineChart(big);
  const Parsed p = ParseXml(svg);
  REQUIRE(p.ok);
  CHECK(Count(p.elements, "circle") <= kMaxPoints + 1);  // thinned
  CHECK(ParseXml(RenderBarChart({kEvil, {{kEvil, 3, ""}, {"b", NAN, ""}}, ChartLine{kEvil, "#f00", 2}, nullptr})).ok);
}

TEST_CASE("French reports use French words, sizes and decimal commas, in the chosen time zone", "[sla]") {
  const std::string fr = Render(Data(), ReportFormat::kHtml, "fr", "Europe/Paris");
  CHECK(fr.find("lang=\"fr\"") != std::string::npos);
  CHECK(fr.find("Prévisions de stockage") != std::string::npos);
  CHECK(fr.find("117,7 Mio") != std::string::npos);  // 123456789 bytes
  CHECK(fr.find("2026-01-01 01:00") != std::string::npos);  // midnight UTC is 1 a.m. in Paris
  const std::string en = Render(Data(), ReportFormat::kHtml);
  CHECK(en.find("117.7 MiB") != std::string::npos);
  CHECK(en.find("2026-01-01 00:00") != std::string::npos);
}

TEST_CASE("the verdict is the worst of the sections, with a reason for each problem", "[sla]") {
  json data = Data();
  CHECK(ReportVerdict(data, "en")["level"] == "ok");
  data["forecasts"][0]["forecast"]["risk_level"] = "warning";
  CHECK(ReportVerdict(data, "en")["level"] == "warning");
  data["objectives"]["rpo"]["within_target"] = false;
  const json v = ReportVerdict(data, "en");
  CHECK(v["level"] == "critical");
  CHECK(v["reasons"].size() == 2);
  CHECK(ReportVerdict(json::object(), "en")["level"] == "unknown");
  data["backup"]["status"] = "failure";
  CHECK(ReportVerdict(data, "fr")["reasons"].dump().find("n'a pas réussi") != std::string::npos);
}

TEST_CASE("JSON and CSV carry the verdict first and the same numbers", "[sla]") {
  const json j = json::parse(Render(Data(), ReportFormat::kJson));
  CHECK(j["verdict"]["level"] == "ok");
  CHECK(j["generated_at"] == "2026-01-01T00:00:00+00:00");
  CHECK(j["purge"]["backlog"]["count"] == 3);
  const std::string csv = Render(Data("=cmd|' /C calc'!A0, \"x\""), ReportFormat::kCsv);
  CHECK(csv.rfind("section,subject,metric,value\nverdict,,level,ok\n", 0) == 0);
  CHECK(csv.find("purge,,backlog.count,3\n") != std::string::npos);
  CHECK(csv.find("objectives,,rpo.now_seconds,3600\n") != std::string::npos);
  // A name is quoted and cannot start a formula in a spreadsheet.
  CHECK(csv.find("forecast,\"'=cmd|' /C calc'!A0, \"\"x\"\"\",threshold_at,") != std::string::npos);
}

TEST_CASE("bad report data and options are refused, naming what is wrong", "[sla]") {
  ReportOptions o;
  o.now = kNow;
  auto error = [&](const json& data) {
    Result<std::string> r = RenderReport(data, ReportFormat::kHtml, o);
    REQUIRE_FALSE(r.ok());
    return r.status().message();
  };
  CHECK(error(json::array()) == "data must be an array of report sections");
  CHECK_THAT(error({{"purges", json::object()}}), Catch::StartsWith("data contains an unknown section \"purges\""));
  CHECK(error({{"forecasts", json::object()}}) == "data \"forecasts\" must be a list");
  CHECK_THAT(error({{"forecasts", {{{"samples", json::array()}}}}}), Catch::Contains("non-empty string \"name\""));
  CHECK_THAT(error({{"purge", 3}}), Catch::StartsWith("data \"purge\" must be"));
  o.locale = "de";
  CHECK_THAT(o.Validate().message(), Catch::StartsWith("option \"locale\""));
  o.locale = "en";
  o.timezone = "Mars/Olympus";
  CHECK_THAT(o.Validate().message(), Catch::StartsWith("option \"timezone\""));
  CHECK_FALSE(ParseReportFormat("pdf").ok());
}
