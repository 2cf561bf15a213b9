// RPO and RTO against their targets: the sawtooth RPO over a window, its breaches with start
// and end, the share of time within target, restore-test RTO percentiles, per site.
#include <catch2/catch.hpp>

#include "sla/objectives.h"

using namespace bjlg::sla;
using bjlg::Result;
using nlohmann::json;

namespace {

constexpr int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z
constexpr int64_t kHour = 3600, kDay = 86400;

// A backup created at `created`, proved good by a verification `delay` seconds later.
json Verified(int64_t created, int64_t delay = kHour, const char* site = nullptr) {
  json r = {{"kind", "verify"}, {"status", "passed"}, {"finished_at", created + delay},
            {"backup", {{"created_at", created}}}};
  if (site) r["site"] = site;
  return r;
}

json RestoreTest(int64_t at, double seconds, const char* status = "passed") {
  return {{"kind", "restore-test"}, {"status", status}, {"finished_at", at}, {"rto", {{"seconds", seconds}}},
          {"archive", "site.zip"}};
}

json Evaluate(const json& runs, std::optional<double> rpo, std::optional<double> rto, double window = 10 * kDay) {
  ObjectiveTargets targets{rpo, rto};
  ObjectivesOptions o;
  o.now = kNow;
  o.window_seconds = window;
  Result<json> r = EvaluateObjectives(runs, targets, o);
  INFO(r.status().message());
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("RPO now is the age of the newest verified backup", "[sla]") {
  const json r = Evaluate({Verified(kNow - 3 * kDay), Verified(kNow - 5 * kHour)}, 1.0 * kDay, std::nullopt);
  CHECK(r["rpo"]["now_seconds"] == 5 * kHour);
  CHECK(r["rpo"]["last_good_backup_at"] == kNow - 5 * kHour);
  CHECK(r["rpo"]["last_verified_at"] == kNow - 4 * kHour);
  CHECK(r["rpo"]["within_target"] == true);
}

TEST_CASE("a backup that was never verified is not a recovery point", "[sla]") {
  const json unverified = {{"kind", "backup"}, {"status", "success"}, {"started_at", kNow - kHour}, {"finished_at", kNow}};
  json verified = unverified;
  verified["verified"] = true;
  json failed_verify = Verified(kNow - 2 * kHour);
  failed_verify["status"] = "failed";
  const json r = Evaluate({Verified(kNow - 2 * kDay), unverified, failed_verify}, 1.0 * kDay, std::nullopt);
  CHECK(r["rpo"]["now_seconds"] == 2 * kDay);
  CHECK(r["rpo"]["within_target"] == false);
  CHECK(r["verdict"] == "breached");
  CHECK(Evaluate(json::array({verified}), 1.0 * kDay, std::nullopt)["rpo"]["now_seconds"] == kHour);
}

TEST_CASE("a gap between daily backups is one breach with its start and end", "[sla]") {
  // Daily backups verified an hour later, except none on days 6 and 5 before now.
  json runs = json::array();
  for (int d = 10; d >= 1; --d) {
    if (d == 6 || d == 5) continue;
    runs.push_back(Verified(kNow - d * kDay));
  }
  // The window starts after the first proof, so that the gap is the only breach.
  const json r = Evaluate(runs, 1.5 * kDay, std::nullopt, 9.5 * kDay);
  const json& b = r["rpo"]["breaches"];
  REQUIRE(b.size() == 1);
  // Backup of day −7 proved at −7d+1h; its RPO passes 1.5 d at −5.5d; the day −4 backup, proved
  // at −4d+1h, brings it back to 1 h.
  CHECK(b[0]["start"] == kNow - 7 * kDay + kDay * 3 / 2);
  CHECK(b[0]["end"] == kNow - 4 * kDay + kHour);
  CHECK(b[0]["ongoing"] == false);
  CHECK(r["rpo"]["worst_seconds"] == 3 * kDay + kHour);
  CHECK(r["rpo"]["worst_at"] == kNow - 4 * kDay + kHour);
  CHECK(r["rpo"]["worst_backup_at"] == kNow - 7 * kDay);
  const double breach = (kNow - 4 * kDay + kHour) - (kNow - 7 * kDay + kDay * 3 / 2);
  CHECK(r["rpo"]["share_within_target"].get<double>() == Approx(1 - breach / (9.5 * kDay)));
  CHECK(r["rpo"]["within_target"] == true);
  CHECK(r["verdict"] == "at_risk");
}

TEST_CASE("a breach still running at the end of the window is ongoing, with no end", "[sla]") {
  const json r = Evaluate(json::array({Verified(kNow - 3 * kDay)}), 1.0 * kDay, std::nullopt);
  const json& b = r["rpo"]["breaches"];
  REQUIRE(b.size() == 2);  // before the first proof the window has no recovery point at all
  CHECK(b[0]["start"] == kNow - 10 * kDay);
  CHECK(b[0]["end"] == kNow - 3 * kDay + kHour);
  CHECK(b[1]["start"] == kNow - 2 * kDay);
  CHECK(b[1]["end"].is_null());
  CHECK(b[1]["ongoing"] == true);
  CHECK(b[1]["seconds"] == 2 * kDay);
}

TEST_CASE("a proof older than the window still sets the recovery point at its start", "[sla]") {
  const json r = Evaluate({Verified(kNow - 12 * kDay), Verified(kNow - kDay)}, 30.0 * kDay, std::nullopt);
  CHECK(r["rpo"]["breaches"].empty());
  CHECK(r["rpo"]["share_within_target"] == 1.0);
  CHECK(r["rpo"]["worst_seconds"] == 11 * kDay + kHour);
}

TEST_CASE("RTO comes from passed restore tests: last, p50, p95, breaches against the target", "[sla]") {
  const json r = Evaluate({RestoreTest(kNow - 5 * kDay, 600), RestoreTest(kNow - 3 * kDay, 1200),
                           RestoreTest(kNow - 2 * kDay, 0, "failed"), RestoreTest(kNow - kDay, 2400)},
                          std::nullopt, 1800.0);
  const json& rto = r["rto"];
  CHECK(rto["tests"] == 4);
  CHECK(rto["failed"] == 1);
  CHECK(rto["last_seconds"] == 2400.0);
  CHECK(rto["last_at"] == kNow - kDay);
  CHECK(rto["p50_seconds"] == 1200.0);
  CHECK(rto["p95_seconds"].get<double>() == Approx(2280));
  CHECK(rto["within_target"] == false);
  REQUIRE(rto["breaches"].size() == 1);
  CHECK(rto["breaches"][0]["seconds"] == 2400.0);
  CHECK(rto["share_within_target"].get<double>() == Approx(2.0 / 3));
  CHECK(r["verdict"] == "breached");
}

TEST_CASE("runs that carry a site are also evaluated per site", "[sla]") {
  const json r = Evaluate({Verified(kNow - 2 * kHour, kHour, "blog-1"), Verified(kNow - 3 * kDay, kHour, "blog-2")},
                          1.0 * kDay, std::nullopt);
  CHECK(r["sites"]["blog-1"]["rpo"]["now_seconds"] == 2 * kHour);
  CHECK(r["sites"]["blog-1"]["rpo"]["within_target"] == true);
  CHECK(r["sites"]["blog-2"]["verdict"] == "breached");
  CHECK(r["rpo"]["now_seconds"] == 2 * kHour);  // overall: the newest of all
}

TEST_CASE("no runs and no targets give unknown, not a division by zero", "[sla]") {
  const json r = Evaluate(json::array(), std::nullopt, std::nullopt);
  CHECK(r["verdict"] == "unknown");
  CHECK(r["rpo"]["now_seconds"].is_null());
  CHECK(r["rto"]["p95_seconds"].is_null());
  // With a target, having no proved backup at all misses it for the whole window.
  const json t = Evaluate(json::array(), 1.0 * kHour, std::nullopt);
  CHECK(t["rpo"]["within_target"] == false);
  CHECK(t["rpo"]["share_within_target"] == 0.0);
  CHECK(t["verdict"] == "breached");
}

TEST_CASE("bad runs and targets are refused, naming what is wrong", "[sla]") {
  auto error = [](const json& runs) {
    Result<json> r = EvaluateObjectives(runs, {}, ObjectivesOptions{kNow, 10.0 * kDay});
    REQUIRE_FALSE(r.ok());
    return r.status().message();
  };
  CHECK(error(json::object()) == "runs must be a list of backup runs and restore tests");
  CHECK(error({{{"kind", "verify"}}}) == "runs[0].finished_at is required");
  CHECK_THAT(error({{{"kind", "snapshot"}, {"finished_at", kNow}}}), Catch::StartsWith("runs[0].kind must be"));
  CHECK_THAT(error({{{"finished_at", kNow + 2 * kDay}}}), Catch::Contains("in the future"));
  CHECK_THAT(error({{{"finished_at", kNow}, {"created_at", kNow + 10}}}), Catch::Contains("created after"));
  CHECK_THAT(error({{{"finished_at", kNow}, {"rto_seconds", -3}}}), Catch::StartsWith("runs[0].rto_seconds"));
  CHECK_THAT(error({{{"finished_at", kNow}, {"verified", "yes"}}}), Catch::StartsWith("runs[0].verified"));
  CHECK_THAT((ObjectiveTargets{0.0, std::nullopt}.Validate().message()), Catch::StartsWith("target \"rpo_seconds\""));
  CHECK_THAT((ObjectiveTargets{std::nullopt, NAN}.Validate().message()), Catch::StartsWith("target \"rto_seconds\""));
}
