#include "common/time.h"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace bjlg {

int64_t NowUnixSeconds() { return static_cast<int64_t>(std::time(nullptr)); }

std::string FormatUtcIso8601(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "";
  char buf[48];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
  return buf;
}

std::string NowUtcIso8601() { return FormatUtcIso8601(NowUnixSeconds()); }

bool ParseIso8601(const std::string& text, int64_t* seconds, bool* assumed_utc) {
  int y, mo, d, h, mi, s;
  char sep;
  int n = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &s, &n) != 7 ||
      (sep != 'T' && sep != ' ') || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
    return false;
  }
  std::string rest = text.substr(static_cast<size_t>(n));
  if (!rest.empty() && rest[0] == '.') {  // fractional seconds
    size_t i = 1;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
    rest = rest.substr(i);
  }
  int64_t offset = 0;
  bool assumed = false;
  if (rest.empty()) {
    assumed = true;
  } else if (rest == "Z") {
  } else if ((rest[0] == '+' || rest[0] == '-') && rest.size() == 6 && rest[3] == ':') {
    int oh, om;
    if (std::sscanf(rest.c_str() + 1, "%2d:%2d", &oh, &om) != 2) return false;
    offset = (rest[0] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
  } else {
    return false;
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  *seconds = static_cast<int64_t>(timegm(&tm)) - offset;
  if (assumed_utc != nullptr) *assumed_utc = assumed;
  return true;
}

}  // namespace bjlg
