// Quota-driven purge: deletions beyond the rules, oldest restore units first, only while the
// forecast puts the threshold within lead_days, never below the minimums.
#include <catch2/catch.hpp>

#include <cstdio>

#include "cron/calendar.h"
#include "remote/purge/quota_purge.h"
#include "remote/purge/retention_words.h"

using namespace bjlg::remote::purge;
using nlohmann::json;

namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kGiB = 1 << 30;

std::string Name(const char* prefix, int day) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s2026-03-%02d-02-00-00-abc%d.zip", prefix, day, day);
  return buf;
}

Archive A(const std::string& name, uint64_t size, bool verified = false) {
  Archive a;
  a.name = name;
  a.size = size;
  a.verified = verified;
  return a;
}

RetentionResult Eval(const std::vector<Archive>& in, const Policy& p) {
  auto r = Evaluate(in, p, bjlg::cron::TimeZone(), bjlg::cron::DaysFromCivil(2026, 3, 20) * kDay);
  REQUIRE(r.ok());
  return std::move(*r);
}

Policy QuotaPolicy() {
  Policy p;
  p.keep_daily = 30;
  p.target_ratio = 0.8;
  p.lead_days = 7;
  return p;
}

}  // namespace

TEST_CASE("no early purge while the threshold is beyond lead_days", "[purge]") {
  std::vector<Archive> in = {A(Name("backup-full-", 1), kGiB), A(Name("backup-full-", 2), kGiB)};
  RetentionResult r = Eval(in, QuotaPolicy());
  // 50 of 100 GiB, 1 GiB a day: 80% in 30 days.
  QuotaPurge q = ApplyQuotaPurge(QuotaPolicy(), {50 * kGiB, 100 * kGiB, double(kGiB)}, &r);
  CHECK_FALSE(q.triggered);
  CHECK(q.archives == 0);
  CHECK(*q.days_before == Approx(30));
  CHECK(r.keep.size() == 2);
}

TEST_CASE("early purge deletes the oldest units until the threshold moves past the lead", "[purge]") {
  // Fulls of 5 GiB on days 1, 4, 7; incrementals of 1 GiB after the first two; 76 of 100 GiB used,
  // 1 GiB a day: 80% in 4 days, within the 7-day lead.
  std::vector<Archive> in = {A(Name("backup-full-", 1), 5 * kGiB),       A(Name("incremental-full-", 2), kGiB),
                             A(Name("incremental-full-", 3), kGiB),      A(Name("backup-full-", 4), 5 * kGiB),
                             A(Name("incremental-full-", 5), kGiB),      A(Name("backup-full-", 7), 5 * kGiB)};
  Policy p = QuotaPolicy();
  RetentionResult r = Eval(in, p);
  REQUIRE(r.remove.empty());
  QuotaPurge q = ApplyQuotaPurge(p, {76 * kGiB, 100 * kGiB, double(kGiB)}, &r);
  CHECK(q.triggered);
  CHECK(*q.days_before == Approx(4));
  // The first unit (full of day 1 with its two incrementals, 7 GiB) is enough: 11 days.
  CHECK(q.archives == 3);
  CHECK(q.bytes_gained == uint64_t(7 * kGiB));
  CHECK(*q.days_after == Approx(11));
  CHECK(*q.days_gained == Approx(7));
  REQUIRE(r.remove.size() == 3);
  CHECK(r.remove[0].name == Name("incremental-full-", 3));
  CHECK(r.remove[2].name == Name("backup-full-", 1));
  CHECK(r.remove[0].reasons[0].rule == Rule::kQuota);
  CHECK(ReasonText(r.remove[0], p, Lang::kEn) == "deleted early: 80% of the quota reached in 4.0 days, within the 7-day lead");
  CHECK(r.bytes_freed == uint64_t(7 * kGiB));
}

TEST_CASE("early purge stops at min_keep, the verified archive and the newest", "[purge]") {
  std::vector<Archive> in = {A(Name("backup-full-", 1), 5 * kGiB, true), A(Name("backup-full-", 2), 5 * kGiB),
                             A(Name("backup-full-", 3), 5 * kGiB), A(Name("backup-full-", 4), 5 * kGiB)};
  Policy p = QuotaPolicy();
  p.keep_verified = true;
  p.min_keep = 2;
  RetentionResult r = Eval(in, p);
  // Already over the threshold: everything that may go goes, and it is not enough.
  QuotaPurge q = ApplyQuotaPurge(p, {95 * kGiB, 100 * kGiB, double(kGiB)}, &r);
  CHECK(q.triggered);
  CHECK(*q.days_before == 0);
  CHECK(q.archives == 2);  // day 2 and day 3; day 1 is verified, day 4 the newest
  CHECK(*q.days_after == 0);
  REQUIRE(r.keep.size() == 2);
  CHECK(r.keep[0].name == Name("backup-full-", 4));
  CHECK(r.keep[1].name == Name("backup-full-", 1));
}

TEST_CASE("the outlook of a forecast array", "[purge]") {
  auto o = OutlookFromForecastJson(json{{"current_used_bytes", 10}, {"quota_bytes", 100}, {"growth_bytes_per_day", 2.5}});
  REQUIRE(o.ok());
  REQUIRE(o->has_value());
  CHECK((*o)->growth_bytes_per_day == 2.5);
  auto none = OutlookFromForecastJson(json{{"current_used_bytes", 10}, {"quota_bytes", nullptr}});
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
  CHECK(OutlookFromForecastJson(json{{"quota_bytes", "x"}}).status().message() ==
        "forecast: field \"quota_bytes\" must be a number or null");
}
