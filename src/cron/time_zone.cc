#include "cron/time_zone.h"

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <mutex>

#include "cron/calendar.h"
#include "cron/posix_tz.h"

namespace bjlg::cron {
namespace {

// Years 1 to 9999: the calendar the engine supports. Periods are clamped to it so that adding
// an offset never overflows.
constexpr Instant kMinInstant = -62135596800;   // 0001-01-01T00:00:00Z
constexpr Instant kMaxInstant = 253402300800;   // 10000-01-01T00:00:00Z

bool ParseFixedOffset(std::string_view s, int* seconds) {
  if (s == "Z" || s == "z" || s == "UTC" || s == "utc" || s == "GMT") { *seconds = 0; return true; }
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return false;
  const int sign = s[0] == '-' ? -1 : 1;
  std::string digits;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == ':' && i == 3) continue;
    if (s[i] < '0' || s[i] > '9') return false;
    digits += s[i];
  }
  if (digits.size() != 2 && digits.size() != 4) return false;
  const int hours = std::stoi(digits.substr(0, 2));
  const int minutes = digits.size() == 4 ? std::stoi(digits.substr(2, 2)) : 0;
  if (hours > 23 || minutes > 59) return false;
  *seconds = sign * (hours * 3600 + minutes * 60);
  return true;
}

std::string FormatOffset(int seconds) {
  char buf[16];
  const int a = seconds < 0 ? -seconds : seconds;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", seconds < 0 ? '-' : '+', a / 3600, (a / 60) % 60);
  return buf;
}

// PHP accepts zone names in any case ("europe/paris"); the tz database is case-sensitive, so a
// miss is retried against every name, ignoring case (with USE_OS_TZDB, links such as
// US/Eastern are zones of their own).
const date::time_zone* LocateIgnoringCase(std::string_view name) {
  const auto same = [&](std::string_view candidate) {
    return candidate.size() == name.size() &&
           std::equal(candidate.begin(), candidate.end(), name.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  const date::tzdb& db = date::get_tzdb();
  for (const date::time_zone& zone : db.zones) {
    if (same(zone.name())) return &zone;
  }
  return nullptr;
}

// One footer rule per zone, read once per process.
std::shared_ptr<const PosixRule> FooterRuleFor(const date::time_zone* zone) {
  static std::mutex mutex;
  static std::map<const date::time_zone*, std::shared_ptr<const PosixRule>> rules;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = rules.find(zone);
  if (it != rules.end()) return it->second;
  auto rule = PosixRule::LoadFooter("/usr/share/zoneinfo/" + std::string(zone->name()));
  rules.emplace(zone, rule);
  return rule;
}

}  // namespace

Result<TimeZone> TimeZone::Named(std::string_view name) {
  int offset = 0;
  if (ParseFixedOffset(name, &offset)) {
    TimeZone tz = Fixed(offset);
    if (name == "UTC" || name == "utc") tz.fixed_name_ = "UTC";
    return tz;
  }
  if (name.empty() || name.size() > 64) return Status::NotFound("unknown time zone '" + std::string(name) + "'");
  try {
    TimeZone tz;
    try {
      tz.zone_ = date::locate_zone(name);
    } catch (const std::runtime_error&) {
      tz.zone_ = LocateIgnoringCase(name);
    }
    if (tz.zone_ == nullptr) return Status::NotFound("unknown time zone '" + std::string(name) + "'");
    tz.footer_ = FooterRuleFor(tz.zone_);
    return tz;
  } catch (const std::exception&) {
    return Status::NotFound("unknown time zone '" + std::string(name) + "'");
  }
}

TimeZone TimeZone::Fixed(int offset_seconds) {
  TimeZone tz;
  tz.fixed_offset_ = offset_seconds;
  tz.fixed_name_ = offset_seconds == 0 ? "UTC" : FormatOffset(offset_seconds);
  return tz;
}

std::string TimeZone::name() const { return zone_ != nullptr ? std::string(zone_->name()) : fixed_name_; }

OffsetPeriod TimeZone::PeriodAt(Instant t) const {
  t = std::clamp(t, kMinInstant, kMaxInstant - 1);
  if (zone_ == nullptr) return {kMinInstant, kMaxInstant, fixed_offset_};
  // Consecutive look-ups mostly fall in the same period; date's get_info builds a sys_info with
  // a std::string each time, so the last answer is kept per thread.
  thread_local const date::time_zone* last_zone = nullptr;
  thread_local OffsetPeriod last_period{};
  if (last_zone == zone_ && t >= last_period.begin && t < last_period.end) return last_period;
  const date::sys_info info = zone_->get_info(date::sys_seconds(std::chrono::seconds(t)));
  OffsetPeriod period{info.begin.time_since_epoch().count(), info.end.time_since_epoch().count(),
                      static_cast<int>(info.offset.count())};
  // Past the last listed transition the table says nothing more; the footer rule knows.
  if (period.end >= kMaxInstant && footer_ != nullptr && footer_->has_dst()) {
    OffsetPeriod by_rule = footer_->PeriodAt(t);
    by_rule.begin = std::max(by_rule.begin, period.begin);
    period = by_rule;
  }
  period.begin = std::max(period.begin, kMinInstant);
  period.end = std::min(period.end, kMaxInstant);
  last_zone = zone_;
  last_period = period;
  return period;
}

}  // namespace bjlg::cron
