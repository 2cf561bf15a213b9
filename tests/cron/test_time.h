// Helpers for cron tests: ISO-like literals to instants and back, in a zone.
#ifndef BJLG_TESTS_CRON_TEST_TIME_H_
#define BJLG_TESTS_CRON_TEST_TIME_H_

#include <cstdio>
#include <string>

#include "cron/calendar.h"
#include "cron/expression.h"
#include "cron/time_zone.h"

namespace bjlg::cron::testing {

// "2025-01-15 10:07:30" read as UTC.
inline Instant Utc(const char* text) {
  int y, mo, d, h, mi, s = 0;
  std::sscanf(text, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s);
  return DaysFromCivil(y, mo, d) * kSecondsPerDay + h * 3600 + mi * 60 + s;
}

// "2025-03-29 12:00 +01:00": wall time with its offset.
inline Instant At(const char* text) {
  int y, mo, d, h, mi, oh, om;
  char sign;
  std::sscanf(text, "%d-%d-%d %d:%d %c%d:%d", &y, &mo, &d, &h, &mi, &sign, &oh, &om);
  const int offset = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  return DaysFromCivil(y, mo, d) * kSecondsPerDay + h * 3600 + mi * 60 - offset;
}

// "2025-03-30 03:00 +02:00" in the zone.
inline std::string Show(Instant t, const TimeZone& zone) {
  const int offset = zone.OffsetAt(t);
  const Instant local = t + offset;
  const CivilDate date = CivilFromDays(FloorDiv(local, kSecondsPerDay));
  const int64_t secs = local - FloorDiv(local, kSecondsPerDay) * kSecondsPerDay;
  const int a = offset < 0 ? -offset : offset;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d %c%02d:%02d", date.year, date.month, date.day,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), offset < 0 ? '-' : '+',
                a / 3600, a / 60 % 60);
  return buf;
}

inline Expression Parsed(const char* text) {
  auto result = Expression::Parse(text);
  if (!result.ok()) throw std::runtime_error(result.status().ToString());
  return *result;
}

inline TimeZone Zone(const char* name) {
  auto result = TimeZone::Named(name);
  if (!result.ok()) throw std::runtime_error(result.status().ToString());
  return *result;
}

}  // namespace bjlg::cron::testing

#endif  // BJLG_TESTS_CRON_TEST_TIME_H_
