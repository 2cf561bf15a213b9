// Small text helpers shared by the cron guardrails, descriptions and the PHP glue: instants as
// ISO 8601 in a zone, wall-clock times, durations in words, in English or French.
#ifndef BJLG_CRON_FORMAT_H_
#define BJLG_CRON_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "cron/time_zone.h"

namespace bjlg::cron {

// "2025-01-15T10:00:00+01:00": the wall time of `t` in `zone` with the offset in force then.
// UTC prints "+00:00" (as PHP's date('c') does); an offset with seconds (old LMT) "+00:09:21".
std::string FormatIso8601(Instant t, const TimeZone& zone);

// "2025-03-30T02:30:00": a wall-clock time without offset (it may not exist in any zone, e.g.
// a time inside a spring-forward gap).
std::string FormatLocalIso8601(LocalSeconds t);

// "2025-03-30 02:30" and "02:30": wall-clock times for messages.
std::string FormatLocalMinute(LocalSeconds t);
std::string FormatLocalClock(LocalSeconds t);

// True when `locale` is French ("fr", "fr_FR", "fr-CA"...); everything else is English.
// Callers validate the locale first (IsSupportedLocale in describe.h).
bool IsFrench(std::string_view locale);

// A duration in words: "4 minutes", "1 hour 30 minutes", "1 jour 2 heures", "0 seconds".
// REQUIRES: seconds >= 0
std::string FormatDuration(int64_t seconds, std::string_view locale);

// A number with at most `decimals` decimals, trailing zeros dropped, with a decimal comma in
// French: 0.2425 -> "0.2425" / "0,2425", 1.0 -> "1".
std::string FormatNumber(double value, int decimals, std::string_view locale);

}  // namespace bjlg::cron

#endif  // BJLG_CRON_FORMAT_H_
