// Pieces shared by the guardrail files: check.cc (cadence, never, rare, day fields),
// check_dst.cc and check_overlap.cc. Not an API: include check.h instead.
#ifndef BJLG_CRON_CHECK_INTERNAL_H_
#define BJLG_CRON_CHECK_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cron/calendar.h"
#include "cron/check.h"
#include "cron/expression.h"
#include "cron/time_zone.h"

namespace bjlg::cron::check_internal {

// Does a day (days since 1970-01-01) match? Caches one month's mask: callers walk in order.
class DayMatcher {
 public:
  explicit DayMatcher(const Expression& expr) : expr_(expr) {}

  bool Matches(int64_t day) {
    const CivilDate date = CivilFromDays(day);
    if (date.year != year_ || date.month != month_) {
      year_ = date.year;
      month_ = date.month;
      mask_ = expr_.DayMask(year_, month_);
    }
    return (mask_ >> (date.day - 1)) & 1;
  }

 private:
  const Expression& expr_;
  int year_ = 0;
  unsigned month_ = 0;
  uint32_t mask_ = 0;
};

// The wall-clock day (days since 1970-01-01) of `t` in `zone`.
int64_t LocalDay(Instant t, const TimeZone& zone);

// The wording of messages in one locale, with its typography: French puts a no-break space
// before « : » and inside « », a narrow one before « ; ».
class Text {
 public:
  explicit Text(std::string_view locale);

  bool fr() const { return fr_; }
  std::string_view locale() const { return locale_; }
  std::string Quote(const std::string& s) const;   // “s” / « s »
  std::string Colon() const;                       // ":" / " :"
  std::string Semicolon() const;                   // ";" / " ;"
  std::string Duration(int64_t seconds) const;     // "1 hour 30 minutes"
  std::string FieldLabel(Field field) const;       // "day-of-month" / "jour du mois"
  std::string List(const std::vector<std::string>& items) const;  // "a, b and c"
  // "2025-01-15 10:00": the wall time of `t` in `zone`.
  static std::string Time(Instant t, const TimeZone& zone);

 private:
  std::string_view locale_;
  bool fr_;
};

// Appends the dst_* warnings (see check_dst.cc).
void CheckDst(const Expression& expr, const CheckOptions& options, const Text& text,
              std::vector<CheckWarning>* warnings);

// Appends one overlap warning per other schedule that overlaps (see check_overlap.cc).
void CheckOverlaps(const Expression& expr, const CheckOptions& options, const Text& text,
                   std::vector<CheckWarning>* warnings);

}  // namespace bjlg::cron::check_internal

#endif  // BJLG_CRON_CHECK_INTERNAL_H_
