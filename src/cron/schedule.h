// When an expression fires: next and previous runs and matching, in a time zone, with an
// explicit DST policy:
//  - a fixed-time run (hour field not periodic) that falls in a spring-forward gap runs once,
//    at the first instant after the gap;
//  - a fixed-time run in an autumn fold runs once, at its first occurrence;
//  - runs whose hour field is periodic (`*`, `*/n`) happen at every real hour: none in the gap,
//    both folded ones in the fold.
// Runs are found by jumping field by field over the calendar, never by scanning minutes.
#ifndef BJLG_CRON_SCHEDULE_H_
#define BJLG_CRON_SCHEDULE_H_

#include <optional>
#include <vector>

#include "cron/expression.h"
#include "cron/time_zone.h"

namespace bjlg::cron {

// The first run strictly after `from` (at or after it when `inclusive`). Empty when the
// expression never fires or the run would fall after year 9999.
std::optional<Instant> NextRun(const Expression& expr, Instant from, const TimeZone& zone,
                               bool inclusive = false);

// The last run strictly before `from` (at or before it when `inclusive`). Empty when the
// expression never fires or the run would fall before year 1.
std::optional<Instant> PreviousRun(const Expression& expr, Instant from, const TimeZone& zone,
                                   bool inclusive = false);

// Up to `count` runs, in order, starting as NextRun does. Fewer only when the expression stops
// firing within the supported calendar.
std::vector<Instant> NextRuns(const Expression& expr, Instant from, const TimeZone& zone,
                              size_t count, bool inclusive = false);

// True when the minute containing `at` is a run under the DST policy above.
bool Matches(const Expression& expr, Instant at, const TimeZone& zone);

}  // namespace bjlg::cron

#endif  // BJLG_CRON_SCHEDULE_H_
