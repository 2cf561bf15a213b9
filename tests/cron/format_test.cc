#include "cron/format.h"

#include <catch2/catch.hpp>

#include "test_time.h"

using namespace bjlg::cron;
using bjlg::cron::testing::Utc;
using bjlg::cron::testing::Zone;

TEST_CASE("Instants print as ISO 8601 with the offset in force in the zone", "[check][format]") {
  CHECK(FormatIso8601(Utc("2025-01-15 10:00:00"), TimeZone()) == "2025-01-15T10:00:00+00:00");
  CHECK(FormatIso8601(Utc("2025-01-15 10:00:00"), Zone("Europe/Paris")) ==
        "2025-01-15T11:00:00+01:00");
  CHECK(FormatIso8601(Utc("2025-07-01 22:30:05"), Zone("Europe/Paris")) ==
        "2025-07-02T00:30:05+02:00");
  CHECK(FormatIso8601(Utc("2025-01-15 10:00:00"), Zone("America/New_York")) ==
        "2025-01-15T05:00:00-05:00");
  CHECK(FormatIso8601(Utc("2025-01-15 10:00:00"), TimeZone::Fixed(-(5 * 3600 + 1800))) ==
        "2025-01-15T04:30:00-05:30");
  CHECK(FormatIso8601(Utc("1969-12-31 23:59:59"), TimeZone()) == "1969-12-31T23:59:59+00:00");
}

TEST_CASE("Wall-clock times print without offset", "[check][format]") {
  const LocalSeconds t = Utc("2025-03-30 02:30:00");  // a wall time that Paris skips
  CHECK(FormatLocalIso8601(t) == "2025-03-30T02:30:00");
  CHECK(FormatLocalMinute(t) == "2025-03-30 02:30");
  CHECK(FormatLocalClock(t) == "02:30");
}

TEST_CASE("Durations read as words in English and French", "[check][format]") {
  CHECK(FormatDuration(0, "en") == "0 seconds");
  CHECK(FormatDuration(0, "fr") == "0 seconde");
  CHECK(FormatDuration(60, "en") == "1 minute");
  CHECK(FormatDuration(240, "en") == "4 minutes");
  CHECK(FormatDuration(5400, "en") == "1 hour 30 minutes");
  CHECK(FormatDuration(5400, "fr") == "1 heure 30 minutes");
  CHECK(FormatDuration(2 * 86400 + 7200 + 1, "en") == "2 days 2 hours 1 second");
  CHECK(FormatDuration(2 * 86400 + 7200 + 1, "fr_FR") == "2 jours 2 heures 1 seconde");
}

TEST_CASE("Numbers drop trailing zeros and take a decimal comma in French", "[check][format]") {
  CHECK(FormatNumber(0.2425, 4, "en") == "0.2425");
  CHECK(FormatNumber(0.2425, 4, "fr") == "0,2425");
  CHECK(FormatNumber(1.0, 4, "fr") == "1");
  CHECK(FormatNumber(12.5, 2, "en") == "12.5");
  CHECK(IsFrench("fr-CA"));
  CHECK(IsFrench("FR"));
  CHECK_FALSE(IsFrench("en"));
  CHECK_FALSE(IsFrench("fri"));
}
