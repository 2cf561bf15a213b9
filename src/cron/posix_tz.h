// The POSIX TZ rule stored as the footer of a TZif file ("CET-1CEST,M3.5.0,M10.5.0/3").
//
// Why: Howard Hinnant's date library, in the USE_OS_TZDB mode Debian builds it in, reads only
// the transitions listed in /usr/share/zoneinfo files and ignores this footer, so every zone
// stops changing offset after its last listed transition (2037 in Debian's files). Schedules
// decades ahead ("0 0 * 2 5#5") need the rule, so TimeZone applies it past the table's end.
#ifndef BJLG_CRON_POSIX_TZ_H_
#define BJLG_CRON_POSIX_TZ_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cron/time_zone.h"

namespace bjlg::cron {

class PosixRule {
 public:
  // Parses a POSIX TZ string; empty on anything it does not understand.
  static std::optional<PosixRule> Parse(std::string_view text);
  // Reads the footer of a TZif file; null when absent or unreadable.
  static std::shared_ptr<const PosixRule> LoadFooter(const std::string& tzif_path);

  bool has_dst() const { return has_dst_; }
  // The offset period containing `t` under this rule alone.
  OffsetPeriod PeriodAt(Instant t) const;

 private:
  struct DateRule {
    enum class Kind { kJulianNoLeap, kZeroBasedDay, kMonthWeekDay } kind = Kind::kMonthWeekDay;
    int day = 0, month = 0, week = 0, weekday = 0;
    int time = 7200;  // seconds after local midnight, may be negative or past 24h
  };
  // The instant the rule's date falls at in `year`, given the offset in force before it.
  static Instant TransitionIn(int year, const DateRule& rule, int offset_before);

  int std_offset_ = 0;
  int dst_offset_ = 0;
  bool has_dst_ = false;
  DateRule start_, end_;

  friend class PosixRuleParser;
};

}  // namespace bjlg::cron

#endif  // BJLG_CRON_POSIX_TZ_H_
