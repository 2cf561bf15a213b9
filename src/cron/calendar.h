// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), used by the
// cron engine to jump over months and days without a date library in the hot path.
#ifndef BJLG_CRON_CALENDAR_H_
#define BJLG_CRON_CALENDAR_H_

#include <cstdint>

namespace bjlg::cron {

struct CivilDate {
  int year;
  unsigned month;  // 1-12
  unsigned day;    // 1-31
};

// Days since 1970-01-01 of a civil date, and back. Valid for years 1-9999 at least.
int64_t DaysFromCivil(int year, unsigned month, unsigned day);
CivilDate CivilFromDays(int64_t days);

bool IsLeapYear(int year);
unsigned DaysInMonth(int year, unsigned month);
// 0 = Sunday ... 6 = Saturday.
unsigned WeekdayFromDays(int64_t days);

constexpr int64_t kSecondsPerDay = 86400;

// Floor division, for negative instants.
inline int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace bjlg::cron

#endif  // BJLG_CRON_CALENDAR_H_
