// Quiet hours (design §B.6): a daily window, in a time zone, during which non-critical messages
// are deferred to the window's end; never dropped. Same-day window [start, end) resumes at
// today's end; overnight (start > end): after start resumes at tomorrow's end, before end at
// today's. The window is on the wall clock of the zone, so it follows DST changes.
#ifndef BJLG_NOTIFY_QUIET_HOURS_H_
#define BJLG_NOTIFY_QUIET_HOURS_H_

#include <cstdint>
#include <string>

#include "common/status.h"
#include "cron/time_zone.h"

namespace bjlg::notify {

struct QuietHours {
  bool enabled = false;
  int start_minute = 22 * 60;  // minutes after local midnight
  int end_minute = 7 * 60;
  bool allow_critical = true;  // critical messages go out anyway
  std::string timezone = "UTC";
  cron::TimeZone zone;

  // The instant a message due at `now` may go out: `now` outside the window (or when the window
  // is disabled, empty, or the message critical and allowed), else the window's end.
  int64_t ResumeAt(int64_t now, bool critical) const;
};

// "HH:MM" → minutes; false when malformed.
bool ParseClock(const std::string& text, int* minutes);
std::string FormatClock(int minutes);
// Builds quiet hours from the policy keys (enabled, start, end, allow_critical, timezone);
// InvalidArgument naming the key.
Status LoadQuietHours(bool enabled, const std::string& start, const std::string& end, bool allow_critical,
                      const std::string& timezone, QuietHours* out);

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_QUIET_HOURS_H_
