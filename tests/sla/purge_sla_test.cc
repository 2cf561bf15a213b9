// Purge SLA from purge events: backlog, time to purge, throughput, failures, the share within
// the target, when the backlog clears, the link to the quota forecast, the plugin's shape.
#include <catch2/catch.hpp>

#include "sla/purge_sla.h"

using namespace bjlg::sla;
using bjlg::Result;
using nlohmann::json;

namespace {

constexpr int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z
constexpr int64_t kHour = 3600, kDay = 86400;

PurgeSlaOptions Options() {
  PurgeSlaOptions o;
  o.now = kNow;
  return o;
}

json Done(const char* dest, int64_t queued, int64_t seconds, double bytes = 100) {
  return {{"archive", "a.zip"}, {"destination", dest}, {"queued_at", queued}, {"started_at", queued},
          {"finished_at", queued + seconds}, {"status", "completed"}, {"bytes", bytes}, {"attempts", 1}};
}

json Pending(const char* dest, int64_t queued, double bytes) {
  return {{"archive", "b.zip"}, {"destination", dest}, {"queued_at", queued}, {"status", "pending"}, {"bytes", bytes}};
}

json Compute(const json& events, const PurgeSlaOptions& o = Options()) {
  Result<json> r = ComputePurgeSla(events, o);
  INFO(r.status().message());
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("time to purge is finished minus queued, summarised overall and per destination", "[sla]") {
  const json r = Compute({Done("s3", kNow - 5 * kDay, kHour), Done("s3", kNow - 4 * kDay, 3 * kHour),
                          Done("ftp", kNow - 3 * kDay, 2 * kDay)});
  CHECK(r["latency"]["count"] == 3);
  CHECK(r["latency"]["p50_seconds"] == 3 * kHour);
  CHECK(r["latency"]["max_seconds"] == 2 * kDay);
  CHECK(r["latency"]["mean_seconds"].get<double>() == Approx((kHour + 3 * kHour + 2 * kDay) / 3.0));
  CHECK(r["latency"]["within_target_share"].get<double>() == Approx(2.0 / 3));
  CHECK(r["destinations"]["s3"]["latency"]["count"] == 2);
  CHECK(r["destinations"]["ftp"]["latency"]["within_target_share"] == 0.0);
}

TEST_CASE("the backlog counts waiting archives, their bytes and the oldest age", "[sla]") {
  const json r = Compute({Pending("s3", kNow - 2 * kDay, 1000), Pending("s3", kNow - kHour, 500),
                          Done("s3", kNow - kDay, kHour)});
  CHECK(r["backlog"]["count"] == 2);
  CHECK(r["backlog"]["bytes"] == 1500.0);
  CHECK(r["backlog"]["oldest_age_seconds"] == 2 * kDay);
  CHECK(r["backlog"]["over_target"] == true);  // two days against the default one-day target
  CHECK(r["legacy"]["pending"]["total"] == 2);
  CHECK(r["legacy"]["pending"]["over_threshold"] == 2);
  CHECK(r["legacy"]["pending"]["destination_oldest"]["s3"] == 2 * kDay);
}

TEST_CASE("the backlog clears at the rate of the last window", "[sla]") {
  json events = json::array();
  for (int i = 0; i < 14; ++i) events.push_back(Done("s3", kNow - 6 * kDay + i * kHour, 60));  // 14 in 7 days
  for (int i = 0; i < 4; ++i) events.push_back(Pending("s3", kNow - kHour, 10));
  const json r = Compute(events);
  CHECK(r["throughput"]["items_per_day"].get<double>() == Approx(2));
  CHECK(r["clearance"]["seconds"] == 2 * kDay);
  CHECK(r["clearance"]["at"] == kNow + 2 * kDay);
  CHECK(r["legacy"]["forecast"]["overall"]["projected_clearance"] == kNow + 2 * kDay);
}

TEST_CASE("no purge in the window means the backlog's clearance is unknown, not infinite", "[sla]") {
  const json r = Compute({Pending("s3", kNow - kHour, 10), Done("s3", kNow - 30 * kDay, 60)});
  CHECK(r["clearance"]["seconds"].is_null());
  CHECK(r["clearance"]["at"].is_null());
  CHECK(Compute(json::array())["clearance"]["seconds"] == 0.0);  // nothing waiting: cleared now
}

TEST_CASE("failures give a failure rate over finished purges and the last message", "[sla]") {
  json failed = Pending("s3", kNow - kDay, 10);
  failed["status"] = "failed";
  failed["finished_at"] = kNow - kDay + 60;
  failed["message"] = "403 Forbidden";
  const json r = Compute({failed, Done("s3", kNow - kDay, 60), Done("s3", kNow - kDay, 60), Done("s3", kNow - kDay, 60)});
  CHECK(r["failures"]["total"] == 1);
  CHECK(r["failures"]["rate"].get<double>() == Approx(0.25));
  CHECK(r["failures"]["last_message"] == "403 Forbidden");
  CHECK(r["legacy"]["throughput"]["success_rate"].get<double>() == Approx(0.75));
}

TEST_CASE("purging the backlog moves the forecast's threshold date by the bytes it frees", "[sla]") {
  PurgeSlaOptions o = Options();
  o.forecasts = {{"s3", {{"current_used_bytes", 800.0}, {"growth_bytes_per_day", 10.0}, {"threshold_bytes", 850.0},
                         {"threshold_at", kNow + 5 * kDay}}}};
  const json r = Compute(json::array({Pending("s3", kNow - kHour, 100)}), o);
  const json& q = r["quotas"]["s3"];
  CHECK(q["backlog_bytes"] == 100.0);
  CHECK(q["threshold_at"] == kNow + 5 * kDay);
  CHECK(q["threshold_at_after_purge"] == kNow + 15 * kDay);  // (850 − 700) / 10 per day
  CHECK(q["days_gained"].get<double>() == Approx(10));
}

TEST_CASE("usage that does not grow has no saturation date after the purge either", "[sla]") {
  PurgeSlaOptions o = Options();
  o.forecasts = {{"s3", {{"current_used_bytes", 800.0}, {"growth_bytes_per_day", 0.0}, {"threshold_bytes", 850.0},
                         {"threshold_at", nullptr}}}};
  const json r = Compute(json::array({Pending("s3", kNow - kHour, 100)}), o);
  CHECK(r["quotas"]["s3"]["threshold_at_after_purge"].is_null());
}

TEST_CASE("times may be ISO 8601 strings and the status follows finished_at when absent", "[sla]") {
  const json r = Compute({{{"destination", 7}, {"queued_at", "2025-12-31T00:00:00+00:00"},
                           {"finished_at", "2025-12-31T02:00:00Z"}}});
  CHECK(r["latency"]["p50_seconds"] == 2 * kHour);
  CHECK(r["destinations"].contains("7"));
}

TEST_CASE("bad events are refused with the event and field named", "[sla]") {
  auto error = [](const json& events) {
    Result<json> r = ComputePurgeSla(events, Options());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == bjlg::Status::Code::kInvalidArgument);
    return r.status().message();
  };
  CHECK(error(json::object()) == "events must be a list of purge events");
  CHECK(error({42}) == "events[0] must be an array of event fields");
  CHECK(error({{{"destination", "s3"}}}) == "events[0].queued_at is required");
  CHECK_THAT(error({Done("s3", kNow, 60), {{"queued_at", "yesterday"}}}), Catch::StartsWith("events[1].queued_at must be"));
  CHECK_THAT(error({{{"queued_at", -5}}}), Catch::StartsWith("events[0].queued_at must be a Unix time"));
  CHECK_THAT(error({{{"queued_at", kNow}, {"bytes", -1}}}), Catch::StartsWith("events[0].bytes must be"));
  CHECK_THAT(error({{{"queued_at", kNow}, {"bytes", "12"}}}), Catch::StartsWith("events[0].bytes must be a number"));
  CHECK_THAT(error({{{"queued_at", kNow}, {"bytes", NAN}}}), Catch::StartsWith("events[0].bytes must be a finite"));
  CHECK(error({{{"queued_at", kNow}, {"finished_at", kNow - 1}}}) == "events[0].finished_at is before its queued_at");
  CHECK_THAT(error({{{"queued_at", kNow + 2 * kDay}}}), Catch::Contains("in the future"));
  CHECK_THAT(error({{{"queued_at", kNow}, {"status", "done"}}}), Catch::Contains("pending, running, completed or failed"));
  CHECK(error({{{"queued_at", kNow}, {"status", "completed"}}}) == "events[0] is completed but has no finished_at");
}

TEST_CASE("options are checked: target, window, now and forecasts", "[sla]") {
  PurgeSlaOptions o = Options();
  o.target_seconds = 0;
  CHECK_THAT(o.Validate().message(), Catch::StartsWith("option \"target_seconds\""));
  o = Options();
  o.window_seconds = NAN;
  CHECK_THAT(o.Validate().message(), Catch::StartsWith("option \"window_seconds\""));
  o = Options();
  o.forecasts = {{"s3", 12}};
  CHECK_THAT(o.Validate().message(), Catch::StartsWith("option \"forecasts\""));
  CHECK(Options().Validate().ok());
}
