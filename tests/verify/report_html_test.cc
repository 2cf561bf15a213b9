// The verification page for people: verdict and next step first, French, local times with their
// offset, readable sizes and durations, escaping, and the chart of past runs from the history.
#include <catch2/catch.hpp>

#include <string>

#include "verify/report.h"
#include "verify/report_html.h"
#include "../archive/test_util.h"

namespace bjlg::verify {
namespace {

using archive::testing::TempDir;
using nlohmann::json;

// A failed verification of a 5 MiB archive, at fixed times (a summer day: Paris is +02:00).
json FailedReport() {
  Report r("verify");
  r.SetArchive("/srv/www/site/backups/site-2026-07-01.zip", 5 * 1024 * 1024);
  r.AddCheck({"zip_structure", CheckStatus::kPassed, "every local header matches the central directory", {}});
  r.AddCheck({"entry_data", CheckStatus::kFailed, "wp-content/a.php: CRC mismatch",
              {{"entries", 12}, {"checked", 12}, {"damaged", {"wp-content/a.php"}}}});
  r.AddDuration("read", 1.234567891);
  r.Set("bytes", {{"archive", 5 * 1024 * 1024}, {"read", 5 * 1024 * 1024}, {"uncompressed", 3221225472.0}});
  r.Finish();
  json j = r.ToJson();
  j["started_at"] = "2026-07-01T10:00:00+00:00";
  j["finished_at"] = "2026-07-01T10:00:02+00:00";
  j["durations"]["total"] = 1.987654321;
  return j;
}

std::string Page(const json& report, const std::string& locale = "en", const std::string& zone = "UTC",
                 const std::string& history = "") {
  HtmlOptions o;
  o.locale = locale;
  o.timezone = zone;
  o.history = history;
  REQUIRE(o.Validate().ok());
  return RenderHtml(report, o);
}

size_t At(const std::string& html, const std::string& text) {
  const size_t at = html.find(text);
  INFO(text);
  CHECK(at != std::string::npos);
  return at;
}

TEST_CASE("the page says the verdict and the next step before the checks and details", "[verify]") {
  const std::string html = Page(FailedReport());
  const size_t verdict = At(html, "Failed: This backup is damaged");
  const size_t next = At(html, "Make a new backup now");  // entry_data's own advice
  const size_t checks = At(html, "<section id=\"checks\">");
  const size_t details = At(html, "<section id=\"details\">");
  CHECK(verdict < next);
  CHECK(next < checks);
  CHECK(checks < details);
  CHECK(html.find("<pre>") == std::string::npos);  // no JSON dump
  CHECK(html.find("class=\"st-failed\"") != std::string::npos);

  json passed = FailedReport();
  passed["status"] = "passed";
  passed["checks"].erase(1);
  const std::string ok = Page(passed);
  CHECK(ok.find("Passed: Every check passed") != std::string::npos);
  CHECK(ok.find("Nothing to do") != std::string::npos);
}

TEST_CASE("an inconclusive check advises on the environment, not the backup", "[verify]") {
  json r = FailedReport();
  r["status"] = "inconclusive";
  r["checks"][1]["status"] = "inconclusive";
  const std::string html = Page(r);
  CHECK(html.find("Inconclusive: The checks could not all be carried out") != std::string::npos);
  CHECK(html.find("the server, not the backup") != std::string::npos);
  CHECK(html.find("Make a new backup now") == std::string::npos);
}

TEST_CASE("the page in French", "[verify]") {
  const std::string html = Page(FailedReport(), "fr");
  CHECK(html.find("<html lang=\"fr\">") != std::string::npos);
  CHECK(html.find("Échoué : Cette sauvegarde est endommagée") != std::string::npos);
  CHECK(html.find("Prochaines étapes") != std::string::npos);
  CHECK(html.find("(Échoué) : Certains fichiers") != std::string::npos);
  CHECK(html.find("Faites une nouvelle sauvegarde maintenant") != std::string::npos);
  CHECK(html.find("5,0 Mio") != std::string::npos);
  CHECK(html.find("Next steps") == std::string::npos);
}

TEST_CASE("checks are named for people, in the page's language", "[verify]") {
  const std::string en = Page(FailedReport());
  CHECK(en.find("<td>ZIP structure</td>") != std::string::npos);
  CHECK(en.find("<strong>File contents</strong>") != std::string::npos);
  CHECK(en.find(">zip_structure<") == std::string::npos);
  const std::string fr = Page(FailedReport(), "fr");
  CHECK(fr.find("<td>Structure ZIP</td>") != std::string::npos);
  CHECK(fr.find("<h3>Contenu des fichiers</h3>") != std::string::npos);
  json unknown = FailedReport();
  unknown["checks"][0]["name"] = "future_check";
  CHECK(Page(unknown).find("<td>future_check</td>") != std::string::npos);  // a new check still reads
}

TEST_CASE("times are shown in the reader's zone with the offset", "[verify]") {
  const std::string paris = Page(FailedReport(), "en", "Europe/Paris");
  CHECK(paris.find("2026-07-01 12:00:00 +02:00") != std::string::npos);
  CHECK(paris.find("2026-07-01 12:00:02 +02:00") != std::string::npos);
  CHECK(paris.find("Europe/Paris") != std::string::npos);
  json winter = FailedReport();
  winter["started_at"] = "2026-01-15T23:30:00Z";
  CHECK(Page(winter, "en", "Europe/Paris").find("2026-01-16 00:30:00 +01:00") != std::string::npos);
  CHECK(Page(winter).find("2026-01-15 23:30:00 +00:00") != std::string::npos);
  CHECK(Page(winter, "en", "-05:30").find("2026-01-15 18:00:00 -05:30") != std::string::npos);
}

TEST_CASE("sizes and durations read as people say them", "[verify]") {
  const std::string html = Page(FailedReport());
  CHECK(html.find("5.0 MiB") != std::string::npos);
  CHECK(html.find("3.0 GiB") != std::string::npos);
  CHECK(html.find("5242880") == std::string::npos);
  CHECK(html.find("<dd>1.2 s</dd>") != std::string::npos);  // the read phase, 1.23 s
  CHECK(html.find("<td>2 s</td>") != std::string::npos);    // the total, 1.99 s
  CHECK(html.find("1.234567891") == std::string::npos);
  CHECK(html.find("1.987654321") == std::string::npos);
}

TEST_CASE("a hostile entry name and server paths do not get into the page as markup or paths", "[verify]") {
  json r = FailedReport();
  const std::string evil = "<img src=x onerror=alert(1)>\"'&.php";
  r["checks"][1]["message"] = evil + ": CRC mismatch; cannot open /srv/www/site/tmp/x.sql: denied";
  r["checks"][1]["evidence"]["damaged"] = {evil};
  r["warnings"] = {"<script>alert(2)</script>"};
  const std::string html = Page(r);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;.php") != std::string::npos);
  CHECK(html.find("/srv/www") == std::string::npos);
  CHECK(html.find("cannot open x.sql: denied") != std::string::npos);
  CHECK(html.find("site-2026-07-01.zip") != std::string::npos);
  CHECK(html.find("http://") == std::string::npos);  // no external resource
  CHECK(html.find("https://") == std::string::npos);
}

TEST_CASE("with a history the page charts the past runs of its kind; without, no chart", "[verify]") {
  TempDir dir;
  const std::string history = dir / "history.jsonl";
  json run = FailedReport();
  for (int day = 1; day <= 3; ++day) {
    run["status"] = day == 2 ? "failed" : "passed";
    run["finished_at"] = "2026-06-2" + std::to_string(day) + "T02:00:00+00:00";
    REQUIRE(AppendHistory(history, run).ok());
  }
  const std::string html = Page(FailedReport(), "en", "UTC", history);
  const size_t chart = At(html, "<section id=\"history\">");
  CHECK(html.find("<svg", chart) != std::string::npos);
  CHECK(html.find("Duration and result of past runs") != std::string::npos);
  CHECK(html.find("2026-06-21") != std::string::npos);   // an axis date
  CHECK(html.find("#c62828\"/>") != std::string::npos);  // a failed run's dot

  CHECK(Page(FailedReport()).find("<svg") == std::string::npos);
  CHECK(Page(FailedReport(), "en", "UTC", dir / "missing.jsonl").find("<svg") == std::string::npos);
  json other = FailedReport();
  other["kind"] = "restore-test";
  CHECK(Page(other, "en", "UTC", history).find("<svg") == std::string::npos);  // no restore test in the history
}

TEST_CASE("the page options are checked", "[verify]") {
  HtmlOptions o;
  CHECK(o.Validate().ok());
  o.locale = "de";
  CHECK(o.Validate().code() == Status::Code::kInvalidArgument);
  CHECK(o.Validate().message().find("locale") != std::string::npos);
  o.locale = "fr";
  o.timezone = "Mars/Olympus";
  CHECK(o.Validate().code() == Status::Code::kInvalidArgument);
  CHECK(o.Validate().message().find("timezone") != std::string::npos);
}

}  // namespace
}  // namespace bjlg::verify
