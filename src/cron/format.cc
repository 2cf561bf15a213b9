#include "cron/format.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "cron/calendar.h"

namespace bjlg::cron {
namespace {

std::string Civil(LocalSeconds t, bool with_seconds, char separator) {
  const int64_t day = FloorDiv(t, kSecondsPerDay);
  const int64_t second_of_day = t - day * kSecondsPerDay;
  const CivilDate date = CivilFromDays(day);
  char buf[48];
  if (with_seconds) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u%c%02d:%02d:%02d", date.year, date.month,
                  date.day, separator, static_cast<int>(second_of_day / 3600),
                  static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60));
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u%c%02d:%02d", date.year, date.month, date.day,
                  separator, static_cast<int>(second_of_day / 3600),
                  static_cast<int>(second_of_day / 60 % 60));
  }
  return buf;
}

}  // namespace

std::string FormatLocalIso8601(LocalSeconds t) { return Civil(t, true, 'T'); }

std::string FormatLocalMinute(LocalSeconds t) { return Civil(t, false, ' '); }

std::string FormatLocalClock(LocalSeconds t) { return FormatLocalMinute(t).substr(11); }

std::string FormatIso8601(Instant t, const TimeZone& zone) {
  const int offset = zone.OffsetAt(t);
  const int magnitude = std::abs(offset);
  char buf[16];
  if (magnitude % 60 == 0) {
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset < 0 ? '-' : '+', magnitude / 3600,
                  magnitude / 60 % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%c%02d:%02d:%02d", offset < 0 ? '-' : '+', magnitude / 3600,
                  magnitude / 60 % 60, magnitude % 60);
  }
  return FormatLocalIso8601(t + offset) + buf;
}

bool IsFrench(std::string_view locale) {
  return locale.size() >= 2 && (locale[0] == 'f' || locale[0] == 'F') &&
         (locale[1] == 'r' || locale[1] == 'R') &&
         (locale.size() == 2 || locale[2] == '_' || locale[2] == '-');
}

std::string FormatDuration(int64_t seconds, std::string_view locale) {
  struct Unit {
    int64_t seconds;
    const char* en;
    const char* fr;
  };
  static constexpr Unit kUnits[] = {{86400, "day", "jour"},
                                    {3600, "hour", "heure"},
                                    {60, "minute", "minute"},
                                    {1, "second", "seconde"}};
  const bool french = IsFrench(locale);
  std::string out;
  for (const Unit& unit : kUnits) {
    const int64_t count = seconds / unit.seconds;
    if (count == 0 && !(unit.seconds == 1 && out.empty())) continue;
    seconds -= count * unit.seconds;
    if (!out.empty()) out += ' ';
    out += std::to_string(count);
    out += ' ';
    out += french ? unit.fr : unit.en;
    // English: 0 and 2+ take the plural; French: only 2+ does.
    if (french ? count >= 2 : count != 1) out += 's';
  }
  return out;
}

std::string FormatNumber(double value, int decimals, std::string_view locale) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string out = buf;
  const size_t dot = out.find('.');
  if (dot != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
    if (IsFrench(locale) && out.size() > dot) out[dot] = ',';
  }
  return out;
}

}  // namespace bjlg::cron
