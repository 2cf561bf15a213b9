#include "notify/quiet_hours.h"

#include <algorithm>
#include <cstdio>

namespace bjlg::notify {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The instant whose wall clock in `zone` reads `local` (seconds since the epoch, local). In a
// DST gap the wall time does not exist: the instant after the gap is taken (the window ends
// as soon as the clock jumps past its end). In an overlap, the earlier of the two instants.
int64_t InstantOfLocal(const cron::TimeZone& zone, int64_t local) {
  // The offsets in force a day before and a day after: zones change offset at most once a day.
  const int64_t t1 = local - zone.OffsetAt(local - 86400);
  const int64_t t2 = local - zone.OffsetAt(local + 86400);
  const bool ok1 = t1 + zone.OffsetAt(t1) == local, ok2 = t2 + zone.OffsetAt(t2) == local;
  if (ok1 && ok2) return std::min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  return zone.PeriodAt(std::max(t1, t2)).begin;  // in a gap: the moment the clock jumps
}

}  // namespace

bool ParseClock(const std::string& text, int* minutes) {
  if (text.size() != 5 || text[2] != ':' || !isdigit(static_cast<unsigned char>(text[0])) ||
      !isdigit(static_cast<unsigned char>(text[1])) || !isdigit(static_cast<unsigned char>(text[3])) ||
      !isdigit(static_cast<unsigned char>(text[4]))) {
    return false;
  }
  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 23 || m > 59) return false;
  *minutes = h * 60 + m;
  return true;
}

std::string FormatClock(int minutes) {
  minutes = ((minutes % 1440) + 1440) % 1440;  // a minute of the day, whatever the caller passes
  char buf[8];
  snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

Status LoadQuietHours(bool enabled, const std::string& start, const std::string& end, bool allow_critical,
                      const std::string& timezone, QuietHours* out) {
  out->enabled = enabled;
  out->allow_critical = allow_critical;
  if (!ParseClock(start, &out->start_minute)) return Status::InvalidArgument("quiet_hours key \"start\" must be HH:MM");
  if (!ParseClock(end, &out->end_minute)) return Status::InvalidArgument("quiet_hours key \"end\" must be HH:MM");
  out->timezone = timezone.empty() ? "UTC" : timezone;
  Result<cron::TimeZone> zone = cron::TimeZone::Named(out->timezone);
  if (!zone.ok()) return Status::InvalidArgument("quiet_hours key \"timezone\" is not a known time zone");
  out->zone = zone.value();
  return Status::OK();
}

int64_t QuietHours::ResumeAt(int64_t now, bool critical) const {
  if (!enabled || start_minute == end_minute || (critical && allow_critical)) return now;
  int64_t local = now + zone.OffsetAt(now);
  int64_t day = FloorDiv(local, 86400) * 86400;
  int minute = static_cast<int>((local - day) / 60);
  int64_t end_local;
  if (start_minute < end_minute) {
    if (minute < start_minute || minute >= end_minute) return now;
    end_local = day + end_minute * 60;
  } else if (minute >= start_minute) {
    end_local = day + 86400 + end_minute * 60;
  } else if (minute < end_minute) {
    end_local = day + end_minute * 60;
  } else {
    return now;
  }
  int64_t resume = InstantOfLocal(zone, end_local);
  return resume > now ? resume : now;
}

}  // namespace bjlg::notify
