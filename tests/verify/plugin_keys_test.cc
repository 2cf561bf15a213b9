// The plugin's key sets (design doc §A1, §A2, §A5) as derived from bjlg reports: the plugin's
// words for each outcome, its Unix times and *_human strings, and null where bjlg measured
// nothing.
#include <catch2/catch.hpp>

#include "verify/plugin_keys.h"
#include "verify/report.h"

using namespace bjlg::verify;
using nlohmann::json;

namespace {

Report RestoreReport(CheckStatus database_status) {
  Report r("restore-test");
  r.SetArchive("/srv/backups/site-2026-11-24.zip", 1234);
  r.AddCheck({"sandbox", CheckStatus::kPassed, "a private (0700) sandbox", json::object()});
  r.AddCheck({"extract", CheckStatus::kPassed, "421 entries extracted", json::object()});
  r.AddCheck({"manifest", CheckStatus::kPassed, "well-formed", {{"contains", {"db", "uploads"}}}});
  r.AddCheck({"database", database_status, "database.sql: 45 complete statements", {{"bytes", 3417532}}});
  r.AddDuration("extract", 2.4);
  r.Set("rto", {{"seconds", 125.6}});
  r.Set("rpo", {{"age_seconds", 7260}});
  r.Finish();
  return r;
}

}  // namespace

TEST_CASE("a passed restore test reads as the plugin's success, with its metrics", "[verify][plugin]") {
  const json p = RestoreReport(CheckStatus::kPassed).ToJson()["plugin"];
  const json& a1 = p["self_test"];
  CHECK(a1["status"] == "success");
  CHECK(a1["archive"] == "site-2026-11-24.zip");  // never the server path
  CHECK(a1["components"] == json({{"database", true}, {"wp_content", true}}));
  CHECK(a1["metrics"]["rto_seconds"] == 126);
  CHECK(a1["metrics"]["rto_human"] == "2 min 06 s");
  CHECK(a1["metrics"]["rpo_seconds"] == 7260);
  CHECK(a1["metrics"]["rpo_human"] == "2 h 01 min");
  CHECK(a1["started_at"].is_number_integer());
  CHECK(a1["completed_at"].get<int64_t>() >= a1["started_at"].get<int64_t>());

  const json& a5 = p["post_checks"];
  CHECK(a5["overall_status"] == "passed");
  CHECK(a5["files"]["database.sql"]["status"] == "passed");
  CHECK(a5["files"]["database.sql"]["read_size"] == 3417532);
  CHECK(a5["files"]["database.sql"]["expected_size"] == 3417532);
  CHECK(a5["decryption"].is_null());  // not encrypted

  const json& a2 = p["sandbox_validation"];
  CHECK(a2["backup_file"] == "site-2026-11-24.zip");
  CHECK(a2["objectives"] == a1["metrics"]);
  REQUIRE(a2["steps"].size() == 4);
  CHECK(a2["steps"][1]["key"] == "extract");
  CHECK(a2["steps"][1]["duration_seconds"] == 2.4);
  CHECK(a2["steps"][1]["duration_human"] == "2 s");
  CHECK(a2["steps"][0]["duration_seconds"].is_null());
}

TEST_CASE("a failed check is the plugin's failure, and its message explains the run", "[verify][plugin]") {
  const json p = RestoreReport(CheckStatus::kFailed).ToJson()["plugin"];
  CHECK(p["self_test"]["status"] == "failure");
  CHECK(p["self_test"]["message"] == "database: database.sql: 45 complete statements");
  CHECK(p["post_checks"]["overall_status"] == "failed");
  CHECK(p["post_checks"]["files"]["database.sql"]["status"] == "failed");
  CHECK(p["post_checks"]["files"]["database.sql"]["expected_size"].is_null());
  CHECK(p["sandbox_validation"]["steps"][3]["status"] == "failure");
}

TEST_CASE("an inconclusive run is skipped for the plugin, never a failure", "[verify][plugin]") {
  Report r("verify");
  r.SetArchive("a.zip.enc", 10);
  r.AddCheck({"encryption", CheckStatus::kInconclusive, "the archive is encrypted and no key or password was given",
              json::object()});
  r.Finish();
  const json p = r.ToJson()["plugin"];
  CHECK(p["self_test"]["status"] == "skipped");
  CHECK(p["post_checks"]["overall_status"] == "skipped");
  CHECK(p["post_checks"]["decryption"]["status"] == "skipped");
  CHECK(p["post_checks"]["files"]["database.sql"]["status"] == "skipped");
  CHECK(p["self_test"]["metrics"]["rto_seconds"].is_null());  // a verification restores nothing
  CHECK_FALSE(p.contains("sandbox_validation"));
}

TEST_CASE("human durations", "[verify][plugin]") {
  CHECK(HumanDuration(0) == "0 s");
  CHECK(HumanDuration(59.4) == "59 s");
  CHECK(HumanDuration(60) == "1 min 00 s");
  CHECK(HumanDuration(3599) == "59 min 59 s");
  CHECK(HumanDuration(3600) == "1 h 00 min");
  CHECK(HumanDuration(-3) == "0 s");
}
