// A time zone for schedules: an IANA zone from the system tz database (via Howard Hinnant's
// date library, Debian's libhowardhinnant-date-dev), or a fixed UTC offset.
#ifndef BJLG_CRON_TIME_ZONE_H_
#define BJLG_CRON_TIME_ZONE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace date { class time_zone; }

namespace bjlg::cron {

class PosixRule;

// Seconds since 1970-01-01T00:00:00Z.
using Instant = int64_t;
// Seconds since 1970-01-01T00:00:00 on the wall clock of some zone.
using LocalSeconds = int64_t;

// The offset in force during [begin, end): the building block of DST handling.
struct OffsetPeriod {
  Instant begin;
  Instant end;
  int offset;  // seconds east of UTC
};

class TimeZone {
 public:
  TimeZone() = default;  // UTC

  // "Europe/Paris", "UTC", "America/New_York"... NotFound for an unknown name. Also accepts
  // fixed offsets written "+02:00", "-0530", "Z".
  static Result<TimeZone> Named(std::string_view name);
  // REQUIRES: -24h < offset_seconds < 24h
  static TimeZone Fixed(int offset_seconds);

  // The IANA name, or "+hh:mm" for a fixed offset ("UTC" for the default).
  std::string name() const;
  bool is_fixed() const { return zone_ == nullptr; }
  // The fixed offset in seconds. REQUIRES: is_fixed()
  int fixed_offset() const { return fixed_offset_; }

  // The offset period containing `t`, clamped to years 1-9999.
  OffsetPeriod PeriodAt(Instant t) const;
  int OffsetAt(Instant t) const { return PeriodAt(t).offset; }

 private:
  const date::time_zone* zone_ = nullptr;
  std::shared_ptr<const PosixRule> footer_;  // the rule past the zone's last listed transition
  int fixed_offset_ = 0;
  std::string fixed_name_ = "UTC";
};

}  // namespace bjlg::cron

#endif  // BJLG_CRON_TIME_ZONE_H_
