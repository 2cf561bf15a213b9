#include "cron/check.h"

#include <catch2/catch.hpp>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "cron/schedule.h"
#include "test_time.h"

using namespace bjlg::cron;
using bjlg::Status;
using bjlg::cron::testing::At;
using bjlg::cron::testing::Parsed;
using bjlg::cron::testing::Utc;
using bjlg::cron::testing::Zone;

namespace {

CheckReport Run(const char* expression, CheckOptions options = {}) {
  if (options.from == 0) options.from = Utc("2025-01-15 10:00:00");
  auto report = Check(Parsed(expression), options);
  if (!report.ok()) FAIL(report.status().ToString());
  return *report;
}

std::vector<std::string> Codes(const CheckReport& report) {
  std::vector<std::string> codes;
  for (const CheckWarning& w : report.warnings) codes.push_back(w.code);
  return codes;
}

// By value: callers often pass a temporary report.
CheckWarning Only(const CheckReport& report, const std::string& code) {
  const CheckWarning* found = nullptr;
  for (const CheckWarning& w : report.warnings) {
    if (w.code != code) continue;
    REQUIRE(found == nullptr);
    found = &w;
  }
  REQUIRE(found != nullptr);
  return *found;
}

CheckOptions InZone(const char* zone, const char* from, int horizon_days) {
  CheckOptions options;
  options.zone = Zone(zone);
  options.from = Utc(from);
  options.horizon_days = horizon_days;
  return options;
}

using Strings = std::vector<std::string>;

}  // namespace

// ----- Minimum interval over the whole cycle ------------------------------------------------

TEST_CASE("Every 4 minutes is too frequent, with the two runs as evidence", "[check]") {
  const CheckReport report = Run("*/4 * * * *");
  CHECK(Codes(report) == Strings{"too_frequent"});
  CHECK(report.min_interval_seconds == 240);
  CHECK(report.runs_per_day == 360);
  const CheckWarning& w = Only(report, "too_frequent");
  CHECK(w.severity == "error");
  CHECK(w.evidence["gap_seconds"] == 240);
  CHECK(w.evidence["min_interval_seconds"] == 300);
  CHECK(w.evidence["suggestion"] == "*/5 * * * *");
  CHECK(w.evidence["runs"] == nlohmann::json{"2025-01-15T10:04:00+00:00", "2025-01-15T10:08:00+00:00"});
  CHECK(w.message ==
        "Runs can be as little as 4 minutes apart (2025-01-15 10:04 and 2025-01-15 10:08); "
        "choose an interval of at least 5 minutes (e.g. “*/5 * * * *”).");
}

TEST_CASE("Minutes 0 and 1 are 60 s apart: the plugin's 5-run sample passed them", "[check]") {
  const CheckReport report = Run("0,1 * * * *");
  CHECK(report.min_interval_seconds == 60);
  CHECK(report.runs_per_day == 48);
  const CheckWarning& w = Only(report, "too_frequent");
  CHECK(w.evidence["gap_seconds"] == 60);
  // From 10:00 (exclusive) the first run is 10:01, 59 minutes before 11:00.
  CHECK(w.evidence["runs"] == nlohmann::json{"2025-01-15T11:00:00+00:00", "2025-01-15T11:01:00+00:00"});
  CHECK(Codes(Run("0-1 * * * *")) == Strings{"too_frequent"});
  CHECK(Run("* * * * *").min_interval_seconds == 60);
}

TEST_CASE("The smallest gap may cross midnight", "[check]") {
  const CheckReport report = Run("0 23,0 * * *");
  CHECK(report.min_interval_seconds == 3600);
  CHECK(report.warnings.empty());

  CheckOptions options = InZone("Europe/Paris", "2025-01-15 10:00:00", 366);
  options.min_interval_seconds = 7200;
  const CheckWarning& w = Only(Run("0 23,0 * * *", options), "too_frequent");
  CHECK(w.evidence["gap_seconds"] == 3600);
  CHECK(w.evidence["runs"] == nlohmann::json{"2025-01-15T23:00:00+01:00", "2025-01-16T00:00:00+01:00"});
  CHECK(w.evidence["suggestion"] == "0 0 * * *");
}

TEST_CASE("A gap that only exists at the end of February of common years is found", "[check]") {
  // 23:00 on the 28th, then 00:00 on the 1st: one hour apart only when February has 28 days.
  CheckOptions options;
  options.min_interval_seconds = 7200;
  const CheckReport report = Run("0 0,23 28,1 * *", options);
  CHECK(report.min_interval_seconds == 3600);
  CHECK(Only(report, "too_frequent").evidence["runs"] ==
        nlohmann::json{"2025-02-28T23:00:00+00:00", "2025-03-01T00:00:00+00:00"});

  options.from = Utc("2027-03-01 12:00:00");  // 2028 is a leap year
  CHECK(Only(Run("0 0,23 28,1 * *", options), "too_frequent").evidence["runs"] ==
        nlohmann::json{"2029-02-28T23:00:00+00:00", "2029-03-01T00:00:00+00:00"});
}

TEST_CASE("Exactly the minimum interval passes", "[check]") {
  const CheckReport report = Run("*/5 * * * *");
  CHECK(report.warnings.empty());
  CHECK(report.min_interval_seconds == 300);
  CHECK(report.runs_per_day == 288);

  CheckOptions options;
  options.min_interval_seconds = 0;
  CHECK(Run("* * * * *", options).warnings.empty());
}

TEST_CASE("The suggestion is the smallest usual cadence at least the minimum", "[check]") {
  CheckOptions options;
  options.min_interval_seconds = 900;
  CHECK(Only(Run("*/10 * * * *", options), "too_frequent").evidence["suggestion"] == "*/15 * * * *");
  options.min_interval_seconds = 1800;
  CHECK(Only(Run("*/10 * * * *", options), "too_frequent").evidence["suggestion"] == "*/30 * * * *");
  options.min_interval_seconds = 3600;
  CHECK(Only(Run("*/10 * * * *", options), "too_frequent").evidence["suggestion"] == "0 * * * *");
}

TEST_CASE("Minimum interval and runs per day are exact averages over the cycle", "[check]") {
  const CheckReport office = Run("0,30 9-17 * * 1-5");
  CHECK(office.min_interval_seconds == 1800);
  // 18 runs on 5 days out of 7 (the plugin said 48 a day from the minimum gap).
  CHECK(office.runs_per_day == Approx(18.0 * 5 / 7));
  CHECK(Run("0 9 * * 1-5").min_interval_seconds == 86400);
  CHECK(Run("0 9 * * 1").min_interval_seconds == 7 * 86400);
  CHECK(Run("0 5 * * 6,0").runs_per_day == Approx(2.0 / 7));
  CHECK(Run("0 0 1 * *").min_interval_seconds == 28 * 86400);
  CHECK(Run("0 0 1 * *").runs_per_day == Approx(12 * 400.0 / 146097));
}

// ----- Never, rarely --------------------------------------------------------------------------

TEST_CASE("February 30th never fires, naming the fields that conflict", "[check]") {
  const CheckReport report = Run("0 0 30 2 *");
  CHECK(Codes(report) == Strings{"never_fires"});
  CHECK_FALSE(report.min_interval_seconds.has_value());
  CHECK(report.runs_per_day == 0);
  const CheckWarning& w = report.warnings[0];
  CHECK(w.severity == "error");
  CHECK(w.evidence["fields"] == nlohmann::json{"day-of-month", "month"});
  CHECK(w.evidence["day_of_month"] == "30");
  CHECK(w.evidence["month"] == "2");
  CHECK(w.message ==
        "This expression never fires: no date matches its day-of-month (30) and month (2) fields "
        "together.");

  CheckOptions fr;
  fr.locale = "fr";
  CHECK(Run("0 0 31 4 *", fr).warnings[0].message ==
        "Cette expression ne se déclenche jamais\u00a0: aucune date ne correspond à la fois à ses "
        "champs jour du mois (31) et mois (4).");
}

TEST_CASE("February 29th fires only in leap years: rare", "[check]") {
  const CheckReport report = Run("0 0 29 2 *");
  CHECK(Codes(report) == Strings{"rare"});
  CHECK(report.min_interval_seconds == 1461 * 86400);  // four years, one of them leap
  const CheckWarning& w = report.warnings[0];
  CHECK(w.severity == "warning");
  CHECK(w.evidence["runs_per_year"] == 0.2425);
  CHECK(w.evidence["runs_per_400_years"] == 97);
  CHECK(w.evidence["next_runs"] == nlohmann::json{"2028-02-29T00:00:00+00:00",
                                                  "2032-02-29T00:00:00+00:00",
                                                  "2036-02-29T00:00:00+00:00"});
  CHECK(w.message ==
        "This expression fires at most once a year (0.2425 runs a year on average); next run: "
        "2028-02-29 00:00.");
  CheckOptions fr;
  fr.locale = "fr_FR";
  CHECK(Run("0 0 29 2 *", fr).warnings[0].message ==
        "Cette expression se déclenche au plus une fois par an (0,2425 exécution par an en "
        "moyenne)\u202f; prochaine exécution\u00a0: 2028-02-29 00:00.");
}

TEST_CASE("Once a year is rare; once a month is not", "[check]") {
  const CheckWarning& w = Only(Run("@yearly"), "rare");
  CHECK(w.evidence["runs_per_year"] == 1.0);
  CHECK(w.message ==
        "This expression fires at most once a year (1 run a year on average); next run: "
        "2026-01-01 00:00.");
  CHECK(Run("0 0 1 * *").warnings.empty());
  CHECK(Run("0 0,12 1 1 *").warnings.empty());  // twice a year
}

// ----- Day-of-month OR day-of-week ------------------------------------------------------------

TEST_CASE("Day-of-month and day-of-week together combine with OR", "[check]") {
  // 2025-01-15 is a Wednesday.
  const CheckReport report = Run("0 0 1,15 * 1");
  CHECK(Codes(report) == Strings{"dom_dow_or"});
  const CheckWarning& w = report.warnings[0];
  CHECK(w.severity == "warning");
  CHECK(w.evidence["day_of_month"] == "1,15");
  CHECK(w.evidence["day_of_week"] == "1");
  CHECK(w.evidence["only_day_of_month"] == "2025-01-15");
  CHECK(w.evidence["only_day_of_week"] == "2025-01-20");
  CHECK(w.message ==
        "Day-of-month (1,15) and day-of-week (1) are both set, so the expression runs on days "
        "matching either one (OR), not only on days matching both (e.g. 2025-01-20 matches only "
        "the day-of-week).");
  CheckOptions fr;
  fr.locale = "fr";
  CHECK(Run("0 0 1,15 * 1", fr).warnings[0].message ==
        "Le jour du mois (1,15) et le jour de la semaine (1) sont tous deux définis\u00a0: Cron "
        "applique un OU logique et s’exécute les jours qui correspondent à l’un ou à l’autre, pas "
        "seulement à ceux qui correspondent aux deux (ex. le 2025-01-20 ne correspond qu’au jour "
        "de la semaine).");

  CHECK(Run("0 0 * * 1").warnings.empty());
  CHECK(Run("0 0 1,15 * *").warnings.empty());
  CHECK(Run("0 0 1,15 * ?").warnings.empty());
}

// ----- DST ---------------------------------------------------------------------------------------

TEST_CASE("A fixed time in the spring gap is moved to the end of the gap", "[check]") {
  const Expression expr = Parsed("30 2 * * *");
  const CheckReport report = Run("30 2 * * *", InZone("Europe/Paris", "2025-03-01 00:00:00", 60));
  CHECK(Codes(report) == Strings{"dst_moved"});
  const CheckWarning& w = report.warnings[0];
  CHECK(w.severity == "warning");
  CHECK(w.evidence["transition"] == "2025-03-30T03:00:00+02:00");
  CHECK(w.evidence["offset_before"] == 3600);
  CHECK(w.evidence["offset_after"] == 7200);
  CHECK(w.evidence["wall_clock_from"] == "2025-03-30T02:00:00");
  CHECK(w.evidence["wall_clock_to"] == "2025-03-30T03:00:00");
  CHECK(w.evidence["wall_times"] == nlohmann::json{"2025-03-30T02:30:00"});
  CHECK(w.evidence["effect"] == "moved_to_gap_end");
  CHECK(w.evidence["runs_at"] == nlohmann::json{"2025-03-30T03:00:00+02:00"});
  CHECK(w.message ==
        "On 2025-03-30 the clocks in Europe/Paris jump forward from 02:00 to 03:00: the run at "
        "02:30 happens at 03:00 instead.");
  // The engine agrees.
  CHECK(NextRun(expr, At("2025-03-29 12:00 +01:00"), Zone("Europe/Paris")) ==
        At("2025-03-30 03:00 +02:00"));

  CheckOptions fr = InZone("Europe/Paris", "2025-03-01 00:00:00", 60);
  fr.locale = "fr";
  CHECK(Run("30 2 * * *", fr).warnings[0].message ==
        "Le 2025-03-30, les horloges du fuseau Europe/Paris avancent de 02:00 à 03:00\u00a0: "
        "l’exécution de 02:30 a lieu à 03:00.");
}

TEST_CASE("Periodic-hour runs in the spring gap do not happen", "[check]") {
  const CheckReport report = Run("*/30 * * * *", InZone("Europe/Paris", "2025-03-01 00:00:00", 60));
  const CheckWarning& w = Only(report, "dst_skipped");
  CHECK(w.evidence["effect"] == "not_run");
  CHECK(w.evidence["count"] == 2);
  CHECK(w.evidence["wall_times"] == nlohmann::json{"2025-03-30T02:00:00", "2025-03-30T02:30:00"});
  CHECK(w.evidence["runs_at"] == nlohmann::json::array());
  CHECK(w.message ==
        "On 2025-03-30 the clocks in Europe/Paris jump forward from 02:00 to 03:00: the 2 runs at "
        "02:00, 02:30 do not happen.");
}

TEST_CASE("Periodic-hour runs in the autumn fold run twice", "[check]") {
  const CheckReport report = Run("0 * * * *", InZone("Europe/Paris", "2025-10-01 00:00:00", 60));
  CHECK(Codes(report) == Strings{"dst_repeated"});
  const CheckWarning& w = report.warnings[0];
  CHECK(w.evidence["transition"] == "2025-10-26T02:00:00+01:00");
  CHECK(w.evidence["offset_before"] == 7200);
  CHECK(w.evidence["offset_after"] == 3600);
  CHECK(w.evidence["wall_times"] == nlohmann::json{"2025-10-26T02:00:00"});
  CHECK(w.evidence["effect"] == "run_twice");
  CHECK(w.evidence["runs_at"] ==
        nlohmann::json{"2025-10-26T02:00:00+02:00", "2025-10-26T02:00:00+01:00"});
  CHECK(w.message ==
        "On 2025-10-26 the clocks in Europe/Paris go back from 03:00 to 02:00: the run at 02:00 "
        "happens twice, 1 hour apart.");
  // The engine agrees.
  const auto runs = NextRuns(Parsed("0 * * * *"), At("2025-10-26 01:10 +02:00"), Zone("Europe/Paris"), 3);
  CHECK(runs == std::vector<Instant>{At("2025-10-26 02:00 +02:00"), At("2025-10-26 02:00 +01:00"),
                                     At("2025-10-26 03:00 +01:00")});
}

TEST_CASE("A fixed time in the autumn fold runs only at its first occurrence", "[check]") {
  const CheckReport report = Run("30 2 * * *", InZone("Europe/Paris", "2025-10-01 00:00:00", 60));
  const CheckWarning& w = Only(report, "dst_skipped");
  CHECK(w.evidence["effect"] == "first_occurrence_only");
  CHECK(w.evidence["runs_at"] == nlohmann::json{"2025-10-26T02:30:00+02:00"});
  CHECK(w.message ==
        "On 2025-10-26 the clocks in Europe/Paris go back from 03:00 to 02:00: the run at 02:30 "
        "happens once, the first time the clock shows it, not again 1 hour later.");
  CheckOptions fr = InZone("Europe/Paris", "2025-10-01 00:00:00", 60);
  fr.locale = "fr";
  CHECK(Run("30 2 * * *", fr).warnings[0].message ==
        "Le 2025-10-26, les horloges du fuseau Europe/Paris reculent de 03:00 à 02:00\u00a0: "
        "l’exécution de 02:30 n’a lieu qu’une fois, à la première occurrence de l’heure, et pas de "
        "nouveau 1 heure plus tard.");
}

TEST_CASE("DST warnings need a run near the change, a zone with DST and the horizon", "[check]") {
  CHECK(Run("30 3 * * *", InZone("Europe/Paris", "2025-01-01 00:00:00", 366)).warnings.empty());
  CHECK(Run("30 2 * * *", InZone("UTC", "2025-01-01 00:00:00", 366)).warnings.empty());
  CHECK(Run("30 2 * * *", InZone("+02:00", "2025-01-01 00:00:00", 366)).warnings.empty());
  CHECK(Run("30 2 * * *", InZone("Europe/Paris", "2025-01-01 00:00:00", 30)).warnings.empty());
  CHECK(Run("30 2 * * 1", InZone("Europe/Paris", "2025-01-01 00:00:00", 366)).warnings.empty());
  // A whole year sees both changes.
  CHECK(Codes(Run("30 2 * * *", InZone("Europe/Paris", "2025-01-01 00:00:00", 366))) ==
        Strings{"dst_moved", "dst_skipped"});
}

TEST_CASE("DST west of Greenwich prints negative offsets", "[check]") {
  const CheckReport report =
      Run("30 2 * * *", InZone("America/New_York", "2025-03-01 00:00:00", 30));
  const CheckWarning& w = Only(report, "dst_moved");
  CHECK(w.evidence["transition"] == "2025-03-09T03:00:00-04:00");
  CHECK(w.evidence["wall_times"] == nlohmann::json{"2025-03-09T02:30:00"});
}

// ----- Overlaps -----------------------------------------------------------------------------------

TEST_CASE("A one-hour run at 03:00 overlaps another schedule starting at 03:30", "[check]") {
  CheckOptions options;
  options.duration_seconds = 3600;
  options.others.push_back(OtherSchedule{"database", Parsed("30 3 * * *"), 600});
  options.others.push_back(OtherSchedule{"uploads", Parsed("0 5 * * *"), 3600});
  const CheckReport report = Run("0 3 * * *", options);
  CHECK(Codes(report) == Strings{"overlap"});
  const CheckWarning& w = report.warnings[0];
  CHECK(w.severity == "warning");
  CHECK(w.evidence["other"] == "database");
  CHECK(w.evidence["run"] == "2025-01-16T03:00:00+00:00");
  CHECK(w.evidence["other_run"] == "2025-01-16T03:30:00+00:00");
  CHECK(w.evidence["overlap_seconds"] == 600);
  CHECK(w.message ==
        "This schedule overlaps “database” by 10 minutes: its run at 2025-01-16 03:00 (1 hour) and "
        "the run of “database” at 2025-01-16 03:30 (10 minutes).");
  options.locale = "fr";
  CHECK(Run("0 3 * * *", options).warnings[0].message ==
        "Cette planification chevauche «\u00a0database\u00a0» pendant 10 minutes\u00a0: son "
        "exécution du 2025-01-16 03:00 (durée 1 heure) et celle de «\u00a0database\u00a0» du "
        "2025-01-16 03:30 (durée 10 minutes).");
}

TEST_CASE("Overlaps are found when the other schedule runs first or rarely", "[check]") {
  CheckOptions options;
  options.duration_seconds = 300;
  // A 2-hour weekly job from Sunday 23:00 is still running at Monday 00:30.
  options.others.push_back(OtherSchedule{"weekly", Parsed("0 23 * * 0"), 7200});
  const CheckWarning& w = Only(Run("30 0 * * *", options), "overlap");
  CHECK(w.evidence["other_run"] == "2025-01-19T23:00:00+00:00");
  CHECK(w.evidence["run"] == "2025-01-20T00:30:00+00:00");
  CHECK(w.evidence["overlap_seconds"] == 300);

  // Every minute against once a year, both instantaneous: they start together on January 1st.
  CheckOptions instant;
  instant.min_interval_seconds = 0;
  instant.others.push_back(OtherSchedule{"yearly", Parsed("@yearly"), 0});
  const CheckWarning& same = Only(Run("* * * * *", instant), "overlap");
  CHECK(same.evidence["run"] == "2026-01-01T00:00:00+00:00");
  CHECK(same.evidence["overlap_seconds"] == 0);
  CHECK(same.message == "This schedule starts at the same time as “yearly”, at 2026-01-01 00:00.");

  // An instantaneous start inside a one-hour run.
  instant.duration_seconds = 3600;
  const CheckWarning& during = Only(Run("* * * * *", instant), "overlap");
  CHECK(during.evidence["run"] == "2025-12-31T23:01:00+00:00");
  CHECK(during.evidence["other_run"] == "2026-01-01T00:00:00+00:00");
  CHECK(during.evidence["overlap_seconds"] == 0);
  CHECK(during.message ==
        "“yearly” starts at 2026-01-01 00:00 while this schedule's run of 2025-12-31 23:01 "
        "(1 hour) is still going.");
  instant.locale = "fr";
  CHECK(Only(Run("* * * * *", instant), "overlap").message ==
        "«\u00a0yearly\u00a0» démarre le 2026-01-01 00:00 alors que l’exécution de cette "
        "planification du 2025-12-31 23:01 (durée 1 heure) n’est pas terminée.");
}

TEST_CASE("Back-to-back runs do not overlap", "[check]") {
  CheckOptions options;
  options.duration_seconds = 1800;
  options.others.push_back(OtherSchedule{"next", Parsed("30 3 * * *"), 1800});
  CHECK(Run("0 3 * * *", options).warnings.empty());
}

// ----- Arguments -------------------------------------------------------------------------------

TEST_CASE("Check refuses unsupported locales and negative values, naming the option", "[check]") {
  const Expression expr = Parsed("0 3 * * *");
  CheckOptions options;
  options.locale = "de";
  auto result = Check(expr, options);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == Status::Code::kInvalidArgument);
  CHECK(result.status().option() == "locale");
  CHECK(result.status().message() == "option \"locale\" must be a supported locale (\"en\" or \"fr\"), \"de\" given");

  options = {};
  options.min_interval_seconds = -1;
  CHECK(Check(expr, options).status().message() == "option \"min_interval\" must be greater than or equal to 0");
  options = {};
  options.duration_seconds = -1;
  CHECK(Check(expr, options).status().option() == "duration");
  for (int days : {-1, 0, kMaxHorizonDays + 1}) {
    options = {};
    options.horizon_days = days;
    CHECK(Check(expr, options).status().message() == "option \"horizon_days\" must be between 1 and 3660");
  }
  options = {};
  options.horizon_days = kMaxHorizonDays;
  CHECK(Check(expr, options).ok());
  options = {};
  options.others.push_back(OtherSchedule{"web", Parsed("0 5 * * *"), 60});
  options.others.push_back(OtherSchedule{"db", Parsed("0 4 * * *"), -5});
  const Status refused = Check(expr, options).status();
  CHECK(refused.message() == "option \"schedules\"[1][\"duration\"] must be greater than or equal to 0");
  CHECK(refused.item() == std::optional<size_t>(1));

  options = {};
  options.locale = "fr_CA";
  CHECK(Check(expr, options).ok());
}

TEST_CASE("The minimum interval from the fields matches the runs the engine produces",
          "[check]") {
  // Over 2028-2031 (one leap year) in UTC, where wall-clock and real gaps agree.
  const char* const expressions[] = {
      "0,1 * * * *",     "0 23,0 * * *",     "0 0,23 28,1 * *", "15 9 * * 1-5",
      "0 0 L * *",       "0 12 LW * *",      "0 6 15W * *",     "0 0 ? * 5L",
      "0 0 ? * 1#2",     "0 0,12 1,15 * 1",  "*/7 */5 * * *",   "0 0 29 2 *",
      "59 23 31 12 *",   "0 0 1 */3 *",      "30 4 * * 0,6",    "0 0 2-5/3 * *",
  };
  const Instant from = Utc("2028-01-01 00:00:00");
  const Instant to = Utc("2032-01-01 00:00:00");
  for (const char* text : expressions) {
    INFO(text);
    const Expression expr = Parsed(text);
    int64_t min_gap = std::numeric_limits<int64_t>::max();
    std::optional<Instant> previous = NextRun(expr, from - 1, TimeZone(), false);
    while (previous && *previous < to) {
      const std::optional<Instant> next = NextRun(expr, *previous, TimeZone());
      if (!next) break;
      min_gap = std::min(min_gap, *next - *previous);
      previous = next;
    }
    CheckOptions options;
    options.min_interval_seconds = 0;
    options.from = from;
    const CheckReport report = Run(text, options);
    REQUIRE(report.min_interval_seconds.has_value());
    CHECK(*report.min_interval_seconds == min_gap);
  }
}

TEST_CASE("Where DST evidence says runs happen, the engine runs them", "[check]") {
  const char* const zones[] = {"Europe/Paris", "America/New_York", "Australia/Lord_Howe",
                               "America/Sao_Paulo"};
  const char* const expressions[] = {"15 2 * * *", "*/20 * * * *", "30 1 * * *", "0 */2 * * *",
                                     "0 0 * * *", "30 23 * * *"};
  for (const char* zone_name : zones) {
    for (const char* text : expressions) {
      INFO(zone_name << " " << text);
      const TimeZone zone = Zone(zone_name);
      const Expression expr = Parsed(text);
      CheckOptions options = InZone(zone_name, "2011-01-01 00:00:00", 2 * 366);
      options.min_interval_seconds = 0;
      for (const CheckWarning& w : Run(text, options).warnings) {
        const std::string effect = w.evidence["effect"];
        INFO(w.message);
        size_t wall_times = w.evidence["wall_times"].size();
        CHECK(w.evidence["runs_at"].size() == (effect == "run_twice"               ? 2 * wall_times
                                               : effect == "first_occurrence_only" ? wall_times
                                               : effect == "moved_to_gap_end"      ? 1
                                                                                   : 0));
        for (const auto& at : w.evidence["runs_at"]) {
          // Back from "2011-03-13T03:00:00-04:00" to an instant.
          const std::string iso = at;
          const std::string spaced = iso.substr(0, 10) + " " + iso.substr(11, 5) + " " + iso.substr(19);
          CHECK(Matches(expr, At(spaced.c_str()), zone));
        }
      }
    }
  }
}

TEST_CASE("A change that spans dates names them: Samoa skipped 2011-12-30", "[check]") {
  const CheckReport report = Run("30 1 * * *", InZone("Pacific/Apia", "2011-12-01 00:00:00", 60));
  const CheckWarning& w = Only(report, "dst_moved");
  CHECK(w.evidence["wall_clock_from"] == "2011-12-30T00:00:00");
  CHECK(w.evidence["wall_clock_to"] == "2011-12-31T00:00:00");
  CHECK(w.evidence["runs_at"] == nlohmann::json{"2011-12-31T00:00:00+14:00"});
  CHECK(w.message ==
        "The clocks in Pacific/Apia jump forward from 2011-12-30 00:00 to 2011-12-31 00:00: the run "
        "at 2011-12-30 01:30 happens at 2011-12-31 00:00 instead.");
}
