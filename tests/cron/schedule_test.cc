#include "cron/schedule.h"

#include <catch2/catch.hpp>

#include "tests/cron/test_time.h"

using namespace bjlg::cron;
using namespace bjlg::cron::testing;

namespace {

std::string NextIn(const char* expr, const char* from_utc, const char* zone = "UTC") {
  TimeZone tz = Zone(zone);
  auto run = NextRun(Parsed(expr), Utc(from_utc), tz);
  return run ? Show(*run, tz) : "never";
}

std::vector<std::string> RunsIn(const char* expr, Instant from, const char* zone, size_t n) {
  TimeZone tz = Zone(zone);
  std::vector<std::string> out;
  for (Instant t : NextRuns(Parsed(expr), from, tz, n)) out.push_back(Show(t, tz));
  return out;
}

}  // namespace

TEST_CASE("Next runs from 2025-01-15 10:07:30 UTC match the plugin's compatibility rows", "[schedule]") {
  const char* from = "2025-01-15 10:07:30";
  CHECK(NextIn("*/5 * * * *", from) == "2025-01-15 10:10 +00:00");
  CHECK(NextIn("*/15 * * * *", from) == "2025-01-15 10:15 +00:00");
  CHECK(NextIn("0 * * * *", from) == "2025-01-15 11:00 +00:00");
  CHECK(NextIn("0 */2 * * *", from) == "2025-01-15 12:00 +00:00");
  CHECK(NextIn("0 9-17/4 * * *", from) == "2025-01-15 13:00 +00:00");
  CHECK(NextIn("0,30 9-17 * * mon-fri", from) == "2025-01-15 10:30 +00:00");
  CHECK(NextIn("30 2 * * *", from) == "2025-01-16 02:30 +00:00");
  CHECK(NextIn("30 1 * * 1", from) == "2025-01-20 01:30 +00:00");
  CHECK(NextIn("15 4 1 * *", from) == "2025-02-01 04:15 +00:00");
  CHECK(NextIn("0 0 31 * *", from) == "2025-01-31 00:00 +00:00");
  CHECK(NextIn("0 0 1 */3 *", from) == "2025-04-01 00:00 +00:00");
  CHECK(NextIn("0 0 1 jan *", from) == "2026-01-01 00:00 +00:00");
  CHECK(NextIn("0 0 * * 7", from) == "2025-01-19 00:00 +00:00");
  CHECK(NextIn("0 0 1,15 * 1", from) == "2025-01-20 00:00 +00:00");
  CHECK(NextIn("0 0 13 * 5", from) == "2025-01-17 00:00 +00:00");
}

TEST_CASE("Where the plugin had quirks, Vixie semantics apply", "[schedule]") {
  const char* from = "2025-01-15 10:07:30";
  // 5/15 means 5-59/15, not minute 5 only.
  CHECK(RunsIn("5/15 * * * *", Utc(from), "UTC", 3) ==
        std::vector<std::string>{"2025-01-15 10:20 +00:00", "2025-01-15 10:35 +00:00", "2025-01-15 10:50 +00:00"});
  // 0-7 is every day; 5-7 is Friday to Sunday.
  CHECK(NextIn("0 0 * * 0-7", from) == "2025-01-16 00:00 +00:00");
  CHECK(RunsIn("0 0 * * 5-7", Utc(from), "UTC", 3) ==
        std::vector<std::string>{"2025-01-17 00:00 +00:00", "2025-01-18 00:00 +00:00", "2025-01-19 00:00 +00:00"});
  CHECK(RunsIn("0 0 * * FRI-SUN", Utc(from), "UTC", 3) == RunsIn("0 0 * * 5-7", Utc(from), "UTC", 3));
  // 0,1 fires at :00 and :01 (the plugin's preview wrongly showed hourly).
  CHECK(RunsIn("0,1 * * * *", Utc(from), "UTC", 2) ==
        std::vector<std::string>{"2025-01-15 11:00 +00:00", "2025-01-15 11:01 +00:00"});
}

TEST_CASE("Rare expressions are found by jumping, decades ahead if need be", "[schedule]") {
  CHECK(NextIn("0 0 29 2 *", "2025-01-15 10:07:30") == "2028-02-29 00:00 +00:00");
  CHECK(NextIn("0 0 29 2 *", "2027-06-01 00:00:00") == "2028-02-29 00:00 +00:00");
  // A fifth Friday in February needs a leap year whose February starts on a Friday.
  CHECK(NextIn("0 0 * 2 5#5", "2025-01-15 10:07:30") == "2036-02-29 00:00 +00:00");
  CHECK(NextIn("0 0 * 2 5#5", "2036-03-01 00:00:00") == "2064-02-29 00:00 +00:00");
  CHECK(NextIn("0 0 30 2 *", "2025-01-15 10:07:30") == "never");
  CHECK(NextIn("0 0 31 4,6,9,11 *", "2025-01-15 10:07:30") == "never");
}

TEST_CASE("L, LW, W, nL and n#k pick the right days", "[schedule]") {
  const char* from = "2025-01-15 10:07:30";
  CHECK(RunsIn("0 0 L * *", Utc(from), "UTC", 3) ==
        std::vector<std::string>{"2025-01-31 00:00 +00:00", "2025-02-28 00:00 +00:00", "2025-03-31 00:00 +00:00"});
  // Last weekday: 2025-05-31 is a Saturday, so Friday the 30th.
  CHECK(NextIn("0 0 LW 5 *", from) == "2025-05-30 00:00 +00:00");
  // 2025-03-01 is a Saturday: 1W moves forward to Monday the 3rd, never into February.
  CHECK(NextIn("0 0 1W 3 *", from) == "2025-03-03 00:00 +00:00");
  // 2025-06-15 is a Sunday: 15W is Monday the 16th; 2025-11-30 is a Sunday: 30W is Friday 28th.
  CHECK(NextIn("0 0 15W 6 *", from) == "2025-06-16 00:00 +00:00");
  CHECK(NextIn("0 0 30W 11 *", from) == "2025-11-28 00:00 +00:00");
  CHECK(NextIn("0 0 * * 5L", from) == "2025-01-31 00:00 +00:00");
  CHECK(NextIn("0 0 * * 5#3", from) == "2025-01-17 00:00 +00:00");
  CHECK(NextIn("0 0 * * 1#1", from) == "2025-02-03 00:00 +00:00");
}

TEST_CASE("DST in Europe/Paris: a fixed time in the spring gap runs once at the end of the gap",
          "[schedule][dst]") {
  CHECK(RunsIn("30 2 * * *", At("2025-03-29 12:00 +01:00"), "Europe/Paris", 3) ==
        std::vector<std::string>{"2025-03-30 03:00 +02:00", "2025-03-31 02:30 +02:00", "2025-04-01 02:30 +02:00"});
  // Several gap times collapse into one run, together with a real 03:00 run.
  CHECK(RunsIn("0,30 2,3 * * *", At("2025-03-30 01:00 +01:00"), "Europe/Paris", 2) ==
        std::vector<std::string>{"2025-03-30 03:00 +02:00", "2025-03-30 03:30 +02:00"});
  CHECK(RunsIn("0 3 * * *", At("2025-03-29 12:00 +01:00"), "Europe/Paris", 1) ==
        std::vector<std::string>{"2025-03-30 03:00 +02:00"});
}

TEST_CASE("DST in Europe/Paris: periodic hours skip the gap and run in both folded hours",
          "[schedule][dst]") {
  CHECK(RunsIn("30 * * * *", At("2025-03-30 01:00 +01:00"), "Europe/Paris", 2) ==
        std::vector<std::string>{"2025-03-30 01:30 +01:00", "2025-03-30 03:30 +02:00"});
  CHECK(RunsIn("0 * * * *", At("2025-10-26 01:10 +02:00"), "Europe/Paris", 3) ==
        std::vector<std::string>{"2025-10-26 02:00 +02:00", "2025-10-26 02:00 +01:00", "2025-10-26 03:00 +01:00"});
  CHECK(RunsIn("*/30 * * * *", At("2025-10-26 01:10 +02:00"), "Europe/Paris", 6) ==
        std::vector<std::string>{"2025-10-26 01:30 +02:00", "2025-10-26 02:00 +02:00", "2025-10-26 02:30 +02:00",
                                 "2025-10-26 02:00 +01:00", "2025-10-26 02:30 +01:00", "2025-10-26 03:00 +01:00"});
}

TEST_CASE("DST in Europe/Paris: a fixed time in the autumn fold runs once, at its first occurrence",
          "[schedule][dst]") {
  CHECK(RunsIn("30 2 * * *", At("2025-10-26 01:10 +02:00"), "Europe/Paris", 2) ==
        std::vector<std::string>{"2025-10-26 02:30 +02:00", "2025-10-27 02:30 +01:00"});
  // Starting inside the second pass of the fold does not run it again.
  CHECK(RunsIn("30 2 * * *", At("2025-10-26 02:10 +01:00"), "Europe/Paris", 1) ==
        std::vector<std::string>{"2025-10-27 02:30 +01:00"});
}

TEST_CASE("Previous runs mirror next runs, DST policy included", "[schedule][dst]") {
  TimeZone paris = Zone("Europe/Paris");
  auto prev = [&](const char* expr, const char* at) {
    auto run = PreviousRun(Parsed(expr), At(at), paris);
    return run ? Show(*run, paris) : "never";
  };
  CHECK(prev("30 2 * * *", "2025-03-30 12:00 +02:00") == "2025-03-30 03:00 +02:00");
  CHECK(prev("30 2 * * *", "2025-10-26 12:00 +01:00") == "2025-10-26 02:30 +02:00");
  CHECK(prev("0 * * * *", "2025-10-26 02:30 +01:00") == "2025-10-26 02:00 +01:00");
  CHECK(prev("0 * * * *", "2025-10-26 02:00 +01:00") == "2025-10-26 02:00 +02:00");
  CHECK(prev("0 0 29 2 *", "2025-01-15 00:00 +01:00") == "2024-02-29 00:00 +01:00");
  CHECK(prev("0 0 30 2 *", "2025-01-15 00:00 +01:00") == "never");
  // Previous and next are inverse on ordinary days.
  Expression e = Parsed("*/7 3-5 * * mon-fri");
  Instant t = At("2025-06-11 04:00 +02:00");
  auto next = NextRun(e, t, paris);
  REQUIRE(next);
  CHECK(PreviousRun(e, *next, paris, false) == PreviousRun(e, t, paris, true));
}

TEST_CASE("Inclusive start and matching", "[schedule]") {
  TimeZone utc;
  Expression e = Parsed("0 3 * * *");
  CHECK(NextRun(e, Utc("2025-01-15 03:00:00"), utc, true) == Utc("2025-01-15 03:00:00"));
  CHECK(NextRun(e, Utc("2025-01-15 03:00:00"), utc, false) == Utc("2025-01-16 03:00:00"));
  CHECK(Matches(e, Utc("2025-01-15 03:00:42"), utc));
  CHECK_FALSE(Matches(e, Utc("2025-01-15 03:01:00"), utc));
  TimeZone paris = Zone("Europe/Paris");
  // The run moved out of the gap matches at its real instant, not at the missing wall time.
  CHECK(Matches(Parsed("30 2 * * *"), At("2025-03-30 03:00 +02:00"), paris));
  CHECK_FALSE(Matches(Parsed("30 2 * * *"), At("2025-10-26 02:30 +01:00"), paris));
  CHECK(Matches(Parsed("30 * * * *"), At("2025-10-26 02:30 +01:00"), paris));
}

TEST_CASE("Zones beyond the tz table's last transition still follow their DST rule", "[schedule][dst]") {
  TimeZone paris = Zone("Europe/Paris");
  CHECK(paris.OffsetAt(Utc("2050-07-01 00:00:00")) == 7200);
  CHECK(paris.OffsetAt(Utc("2050-01-01 00:00:00")) == 3600);
  CHECK(RunsIn("30 2 * * *", At("2050-03-26 12:00 +01:00"), "Europe/Paris", 1) ==
        std::vector<std::string>{"2050-03-27 03:00 +02:00"});
  TimeZone sydney = Zone("Australia/Sydney");
  CHECK(sydney.OffsetAt(Utc("2060-01-15 00:00:00")) == 11 * 3600);
  CHECK(sydney.OffsetAt(Utc("2060-07-15 00:00:00")) == 10 * 3600);
  TimeZone new_york = Zone("America/New_York");
  CHECK(new_york.OffsetAt(Utc("2045-07-04 12:00:00")) == -4 * 3600);
}

TEST_CASE("Half-hour zones and fixed offsets", "[schedule][dst]") {
  CHECK(NextIn("0 9 * * *", "2025-01-15 00:00:00", "Asia/Kolkata") == "2025-01-15 09:00 +05:30");
  CHECK(NextIn("0 9 * * *", "2025-01-15 00:00:00", "+02:00") == "2025-01-15 09:00 +02:00");
  // Lord Howe moves by 30 minutes: 02:00-02:30 does not exist on 2025-10-05.
  CHECK(NextIn("15 2 * * *", "2025-10-04 12:00:00", "Australia/Lord_Howe") == "2025-10-05 02:30 +11:00");
}

TEST_CASE("The supported calendar ends at year 9999", "[schedule]") {
  CHECK(NextIn("0 0 1 1 *", "9999-06-01 00:00:00") == "never");
  CHECK(NextIn("0 0 1 1 *", "9998-06-01 00:00:00") == "9999-01-01 00:00 +00:00");
}

TEST_CASE("Zone names are found whatever their case, as PHP finds them", "[schedule]") {
  auto lower = TimeZone::Named("europe/paris");
  REQUIRE(lower.ok());
  CHECK(lower->name() == "Europe/Paris");
  CHECK(TimeZone::Named("US/EASTERN").ok());
  CHECK(TimeZone::Named("Mars/Base").status().message() == "unknown time zone 'Mars/Base'");
}
