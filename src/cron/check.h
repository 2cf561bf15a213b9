// Guardrails for a schedule: warnings with stable codes, a message in the chosen locale and the
// evidence behind each (e.g. the two runs that are too close).
//
// Codes: "too_frequent" (runs closer than min_interval anywhere in the expression's cycle),
// "never_fires", "rare" (once a year or less), "dom_dow_or" (day-of-month and day-of-week
// combine with OR), "dst_moved" / "dst_skipped" / "dst_repeated" (runs DST moves, skips or
// repeats in the zone), "overlap" (with another schedule given its expected duration).
// DST evidence carries an `effect`: moved_to_gap_end (dst_moved: fixed time in a spring gap),
// not_run (dst_skipped: periodic hour in a spring gap), first_occurrence_only (dst_skipped:
// fixed time in an autumn fold), run_twice (dst_repeated: periodic hour in an autumn fold).
// min_interval_seconds is measured on the wall clock; DST can shorten a real gap, which the
// dst_* warnings report.
#ifndef BJLG_CRON_CHECK_H_
#define BJLG_CRON_CHECK_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "cron/expression.h"
#include "cron/time_zone.h"

namespace bjlg::cron {

struct OtherSchedule {
  std::string name;
  Expression expression;
  int64_t duration_seconds = 0;  // expected run time
};

// Days ahead DST and overlaps may be searched: ten years.
constexpr int kMaxHorizonDays = 3660;

// Each field is refused by Check() as the PHP option of the same name (min_interval, duration,
// horizon_days, locale, schedules[i].duration) with InvalidOption.
struct CheckOptions {
  int64_t min_interval_seconds = 300;
  TimeZone zone;                   // where the schedule runs
  Instant from = 0;                // start of the horizon for evidence and DST/overlap search
  std::string locale = "en";
  int64_t duration_seconds = 0;    // expected run time of this schedule (for overlaps)
  std::vector<OtherSchedule> others;
  int horizon_days = 366;          // how far DST and overlaps are searched
};

struct CheckWarning {
  std::string code;      // stable, see above
  std::string severity;  // "error" (too_frequent, never_fires) or "warning"
  std::string message;   // in the chosen locale
  nlohmann::json evidence;  // an object; instants as ISO 8601 strings in the zone
};

struct CheckReport {
  std::vector<CheckWarning> warnings;
  std::optional<int64_t> min_interval_seconds;  // smallest gap between runs over the cycle
  double runs_per_day = 0;                      // exact average over the expression's cycle
};

// InvalidOption for an unsupported locale, a negative duration or interval, a horizon outside
// [1, kMaxHorizonDays] (another schedule's: AtItem(its position in `others`)).
Result<CheckReport> Check(const Expression& expr, const CheckOptions& options);

}  // namespace bjlg::cron

#endif  // BJLG_CRON_CHECK_H_
