// Next and previous runs. Two layers:
//  - on the wall clock (LocalSeconds), NextLocal/PreviousLocal jump month -> day -> hour ->
//    minute using the expression's bitsets: a few dozen steps even for leap-day rules;
//  - on real instants, NextRun/PreviousRun walk the zone's offset periods, search each period's
//    wall-clock range, and apply the DST policy at the gaps and folds between periods.
#include "cron/schedule.h"

#include <algorithm>
#include <cstdint>

#include "cron/calendar.h"

namespace bjlg::cron {
namespace {

constexpr int kMaxYear = 9999;

// Wall-clock position while searching, one field per unit.
struct Cursor {
  int year;
  unsigned month, day;
  int hour, minute;

  static Cursor At(LocalSeconds t) {
    const int64_t days = FloorDiv(t, kSecondsPerDay);
    const int64_t seconds = t - days * kSecondsPerDay;
    const CivilDate date = CivilFromDays(days);
    return {date.year, date.month, date.day, static_cast<int>(seconds / 3600),
            static_cast<int>(seconds / 60 % 60)};
  }
  LocalSeconds Seconds() const {
    return DaysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60;
  }
  // Wall-clock order, without converting to seconds at every step of a search.
  bool operator<(const Cursor& o) const {
    if (year != o.year) return year < o.year;
    if (month != o.month) return month < o.month;
    if (day != o.day) return day < o.day;
    if (hour != o.hour) return hour < o.hour;
    return minute < o.minute;
  }
};

// The matching days of the month being searched: computed once per month, not once per day.
class MonthDays {
 public:
  explicit MonthDays(const Expression& expr) : expr_(expr) {}
  uint32_t For(int year, unsigned month) {
    if (year != year_ || month != month_) {
      year_ = year, month_ = month;
      mask_ = expr_.DayMask(year, month);
    }
    return mask_;
  }

 private:
  const Expression& expr_;
  int year_ = 0;
  unsigned month_ = 0;
  uint32_t mask_ = 0;
};

// Lowest set bit at or above `from`, or -1.
int NextBit(uint64_t bits, int from) {
  if (from >= 64) return -1;
  const uint64_t rest = bits >> from << from;
  return rest == 0 ? -1 : __builtin_ctzll(rest);
}

// Highest set bit at or below `from`, or -1.
int PreviousBit(uint64_t bits, int from) {
  if (from < 0) return -1;
  const uint64_t rest = from >= 63 ? bits : bits & ((uint64_t{2} << from) - 1);
  return rest == 0 ? -1 : 63 - __builtin_clzll(rest);
}

// The first matching wall-clock minute in [lo, hi).
std::optional<LocalSeconds> NextLocal(const Expression& expr, LocalSeconds lo, LocalSeconds hi) {
  const uint64_t minutes = expr.minutes().to_ullong();
  const uint64_t hours = expr.hours().to_ullong();
  const uint64_t months = expr.months().to_ullong();
  MonthDays days(expr);
  const int64_t into_minute = (lo % 60 + 60) % 60;
  Cursor c = Cursor::At(into_minute == 0 ? lo : lo + 60 - into_minute);
  // The first minute at or after hi: the search stops on reaching it.
  const int64_t hi_into_minute = (hi % 60 + 60) % 60;
  const Cursor limit = Cursor::At(hi_into_minute == 0 ? hi : hi + 60 - hi_into_minute);
  auto next_month = [&] {
    c.day = 1, c.hour = 0, c.minute = 0;
    if (++c.month > 12) c.month = 1, ++c.year;
  };
  while (true) {
    if (c.year > kMaxYear || !(c < limit)) return std::nullopt;
    const int month = NextBit(months, static_cast<int>(c.month));
    if (month < 0) {
      c = {c.year + 1, 1, 1, 0, 0};
      continue;
    }
    if (month != static_cast<int>(c.month)) {
      c = {c.year, static_cast<unsigned>(month), 1, 0, 0};
      continue;
    }
    const int day = NextBit(days.For(c.year, c.month), static_cast<int>(c.day) - 1);
    if (day < 0) {
      next_month();
      continue;
    }
    if (day + 1 != static_cast<int>(c.day)) {
      c.day = static_cast<unsigned>(day + 1), c.hour = 0, c.minute = 0;
      continue;
    }
    const int hour = NextBit(hours, c.hour);
    if (hour < 0) {
      c.hour = 0, c.minute = 0;
      if (++c.day > DaysInMonth(c.year, c.month)) next_month();
      continue;
    }
    if (hour != c.hour) {
      c.hour = hour, c.minute = 0;
      continue;
    }
    const int minute = NextBit(minutes, c.minute);
    if (minute < 0) {
      c.minute = 0;
      if (++c.hour == 24) {
        c.hour = 0;
        if (++c.day > DaysInMonth(c.year, c.month)) next_month();
      }
      continue;
    }
    c.minute = minute;
    const LocalSeconds found = c.Seconds();
    if (found >= hi) return std::nullopt;
    return found;
  }
}

// The last matching wall-clock minute in [lo, hi].
std::optional<LocalSeconds> PreviousLocal(const Expression& expr, LocalSeconds hi, LocalSeconds lo) {
  const uint64_t minutes = expr.minutes().to_ullong();
  const uint64_t hours = expr.hours().to_ullong();
  const uint64_t months = expr.months().to_ullong();
  MonthDays days(expr);
  Cursor c = Cursor::At(FloorDiv(hi, 60) * 60);
  // The first minute at or after lo: the search stops below it.
  const int64_t lo_into_minute = (lo % 60 + 60) % 60;
  const Cursor floor = Cursor::At(lo_into_minute == 0 ? lo : lo + 60 - lo_into_minute);
  auto previous_month = [&] {
    if (--c.month == 0) c.month = 12, --c.year;
    c.day = DaysInMonth(c.year, c.month), c.hour = 23, c.minute = 59;
  };
  while (true) {
    if (c.year < 1 || c < floor) return std::nullopt;
    const int month = PreviousBit(months, static_cast<int>(c.month));
    if (month < 1) {
      c.year -= 1, c.month = 12, c.day = 31, c.hour = 23, c.minute = 59;
      continue;
    }
    if (month != static_cast<int>(c.month)) {
      c.month = static_cast<unsigned>(month);
      c.day = DaysInMonth(c.year, c.month), c.hour = 23, c.minute = 59;
      continue;
    }
    const int day = PreviousBit(days.For(c.year, c.month), static_cast<int>(c.day) - 1);
    if (day < 0) {
      previous_month();
      continue;
    }
    if (day + 1 != static_cast<int>(c.day)) {
      c.day = static_cast<unsigned>(day + 1), c.hour = 23, c.minute = 59;
      continue;
    }
    const int hour = PreviousBit(hours, c.hour);
    if (hour < 0) {
      c.hour = 23, c.minute = 59;
      if (--c.day == 0) previous_month();
      continue;
    }
    if (hour != c.hour) {
      c.hour = hour, c.minute = 59;
      continue;
    }
    const int minute = PreviousBit(minutes, c.minute);
    if (minute < 0) {
      c.minute = 59;
      if (--c.hour < 0) {
        c.hour = 23;
        if (--c.day == 0) previous_month();
      }
      continue;
    }
    c.minute = minute;
    const LocalSeconds found = c.Seconds();
    if (found < lo) return std::nullopt;
    return found;
  }
}

// A fixed-time run whose wall time also existed in the period before `period` (an autumn fold)
// ran then: its second occurrence is skipped.
bool IsSkippedSecondOccurrence(const Expression& expr, const TimeZone& zone,
                               const OffsetPeriod& period, LocalSeconds local) {
  if (expr.hour_is_periodic() || local - period.offset >= period.begin + kSecondsPerDay) return false;
  const OffsetPeriod before = zone.PeriodAt(period.begin - 1);
  return before.end == period.begin && before.offset > period.offset &&
         local < period.begin + before.offset;
}

// True when a fixed-time run falls in the spring-forward gap between `before` and `after`.
bool HasRunInGap(const Expression& expr, const OffsetPeriod& before, const OffsetPeriod& after) {
  if (expr.hour_is_periodic() || after.offset <= before.offset) return false;
  const Instant change = before.end;
  return NextLocal(expr, change + before.offset, change + after.offset).has_value();
}

}  // namespace

std::optional<Instant> NextRun(const Expression& expr, Instant from, const TimeZone& zone, bool inclusive) {
  if (expr.NeverFires()) return std::nullopt;
  const Instant start = inclusive ? from : from + 1;
  OffsetPeriod period = zone.PeriodAt(start);
  if (start == period.begin) {
    // Gap runs belong to the instant the gap ends, which starts this period.
    const OffsetPeriod before = zone.PeriodAt(period.begin - 1);
    if (before.end == period.begin && HasRunInGap(expr, before, period)) return start;
  }
  while (true) {
    const LocalSeconds lo = std::max(start, period.begin) + period.offset;
    std::optional<LocalSeconds> local = NextLocal(expr, lo, period.end + period.offset);
    while (local && IsSkippedSecondOccurrence(expr, zone, period, *local)) {
      local = NextLocal(expr, *local + 60, period.end + period.offset);
    }
    if (local) return *local - period.offset;
    const OffsetPeriod after = zone.PeriodAt(period.end);
    if (after.begin != period.end) return std::nullopt;  // the end of the supported calendar
    if (period.end >= start && HasRunInGap(expr, period, after)) return period.end;
    period = after;
  }
}

std::optional<Instant> PreviousRun(const Expression& expr, Instant from, const TimeZone& zone, bool inclusive) {
  if (expr.NeverFires()) return std::nullopt;
  const Instant end = inclusive ? from : from - 1;
  OffsetPeriod period = zone.PeriodAt(end);
  while (true) {
    const LocalSeconds hi = std::min(end, period.end - 1) + period.offset;
    std::optional<LocalSeconds> local = PreviousLocal(expr, hi, period.begin + period.offset);
    while (local && IsSkippedSecondOccurrence(expr, zone, period, *local)) {
      local = PreviousLocal(expr, *local - 60, period.begin + period.offset);
    }
    if (local) return *local - period.offset;
    const OffsetPeriod before = zone.PeriodAt(period.begin - 1);
    if (before.end != period.begin) return std::nullopt;  // the start of the supported calendar
    if (HasRunInGap(expr, before, period)) return period.begin;
    period = before;
  }
}

std::vector<Instant> NextRuns(const Expression& expr, Instant from, const TimeZone& zone, size_t count,
                              bool inclusive) {
  std::vector<Instant> runs;
  runs.reserve(std::min<size_t>(count, 1024));
  std::optional<Instant> run = NextRun(expr, from, zone, inclusive);
  while (run && runs.size() < count) {
    runs.push_back(*run);
    run = NextRun(expr, *run, zone, false);
  }
  return runs;
}

bool Matches(const Expression& expr, Instant at, const TimeZone& zone) {
  const int offset = zone.OffsetAt(at);
  const int64_t into_minute = ((at + offset) % 60 + 60) % 60;
  const Instant minute_start = at - into_minute;
  const std::optional<Instant> run = NextRun(expr, minute_start, zone, true);
  return run && *run == minute_start;
}

}  // namespace bjlg::cron
