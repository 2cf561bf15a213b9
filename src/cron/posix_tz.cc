#include "cron/posix_tz.h"

#include <cctype>
#include <fstream>
#include <iterator>
#include <vector>

#include "cron/calendar.h"

namespace bjlg::cron {

class PosixRuleParser {
 public:
  explicit PosixRuleParser(std::string_view s) : s_(s) {}

  std::optional<PosixRule> Run() {
    PosixRule rule;
    if (!Name()) return std::nullopt;
    int offset = 0;
    if (!Offset(&offset)) return std::nullopt;
    rule.std_offset_ = -offset;  // POSIX offsets count west of Greenwich
    if (i_ == s_.size()) return rule;
    if (!Name()) return std::nullopt;
    rule.has_dst_ = true;
    rule.dst_offset_ = rule.std_offset_ + 3600;
    if (i_ < s_.size() && s_[i_] != ',') {
      if (!Offset(&offset)) return std::nullopt;
      rule.dst_offset_ = -offset;
    }
    if (i_ == s_.size()) {
      // No rule given: the US rules are the POSIX default.
      rule.start_ = {PosixRule::DateRule::Kind::kMonthWeekDay, 0, 3, 2, 0, 7200};
      rule.end_ = {PosixRule::DateRule::Kind::kMonthWeekDay, 0, 11, 1, 0, 7200};
      return rule;
    }
    if (!Expect(',') || !Date(&rule.start_) || !Expect(',') || !Date(&rule.end_)) return std::nullopt;
    if (i_ != s_.size()) return std::nullopt;
    return rule;
  }

 private:
  bool Expect(char c) {
    if (i_ < s_.size() && s_[i_] == c) { ++i_; return true; }
    return false;
  }
  bool Name() {
    if (Expect('<')) {
      while (i_ < s_.size() && s_[i_] != '>') ++i_;
      return Expect('>');
    }
    const size_t begin = i_;
    while (i_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[i_]))) ++i_;
    return i_ - begin >= 3;
  }
  bool Number(int* out, int max_digits) {
    const size_t begin = i_;
    int value = 0;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])) && i_ - begin < static_cast<size_t>(max_digits)) {
      value = value * 10 + (s_[i_] - '0');
      ++i_;
    }
    *out = value;
    return i_ > begin;
  }
  // [+-]hh[:mm[:ss]] as seconds.
  bool Offset(int* seconds) {
    int sign = 1;
    if (Expect('-')) sign = -1; else Expect('+');
    int h = 0, m = 0, sec = 0;
    if (!Number(&h, 3)) return false;
    if (Expect(':')) {
      if (!Number(&m, 2)) return false;
      if (Expect(':') && !Number(&sec, 2)) return false;
    }
    *seconds = sign * (h * 3600 + m * 60 + sec);
    return true;
  }
  bool Date(PosixRule::DateRule* rule) {
    using Kind = PosixRule::DateRule::Kind;
    if (Expect('M')) {
      rule->kind = Kind::kMonthWeekDay;
      if (!Number(&rule->month, 2) || !Expect('.') || !Number(&rule->week, 1) || !Expect('.') ||
          !Number(&rule->weekday, 1)) {
        return false;
      }
      if (rule->month < 1 || rule->month > 12 || rule->week < 1 || rule->week > 5 || rule->weekday > 6) return false;
    } else if (Expect('J')) {
      rule->kind = Kind::kJulianNoLeap;
      if (!Number(&rule->day, 3) || rule->day < 1 || rule->day > 365) return false;
    } else {
      rule->kind = Kind::kZeroBasedDay;
      if (!Number(&rule->day, 3) || rule->day > 365) return false;
    }
    rule->time = 7200;
    if (Expect('/')) return Offset(&rule->time);
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
};

std::optional<PosixRule> PosixRule::Parse(std::string_view text) { return PosixRuleParser(text).Run(); }

std::shared_ptr<const PosixRule> PosixRule::LoadFooter(const std::string& tzif_path) {
  std::ifstream in(tzif_path, std::ios::binary);
  if (!in) return nullptr;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The footer is the last line: "\n<TZ string>\n", present in version 2+ files.
  if (data.size() < 48 || data.compare(0, 4, "TZif") != 0 || data[4] < '2' || data.back() != '\n') {
    return nullptr;
  }
  const size_t start = data.rfind('\n', data.size() - 2);
  if (start == std::string::npos) return nullptr;
  auto rule = Parse(std::string_view(data).substr(start + 1, data.size() - start - 2));
  if (!rule) return nullptr;
  return std::make_shared<const PosixRule>(*rule);
}

Instant PosixRule::TransitionIn(int year, const DateRule& rule, int offset_before) {
  int64_t days = 0;
  switch (rule.kind) {
    case DateRule::Kind::kJulianNoLeap: {
      // Day 1-365, February 29 never counted.
      days = DaysFromCivil(year, 1, 1) + rule.day - 1;
      if (IsLeapYear(year) && rule.day >= 60) ++days;
      break;
    }
    case DateRule::Kind::kZeroBasedDay:
      days = DaysFromCivil(year, 1, 1) + rule.day;
      break;
    case DateRule::Kind::kMonthWeekDay: {
      const int64_t first = DaysFromCivil(year, rule.month, 1);
      const unsigned first_weekday = WeekdayFromDays(first);
      int64_t day = first + (rule.weekday + 7 - static_cast<int>(first_weekday)) % 7 + 7 * (rule.week - 1);
      const int64_t month_end = first + DaysInMonth(year, rule.month);
      while (day >= month_end) day -= 7;  // week 5 means "the last"
      days = day;
      break;
    }
  }
  return days * kSecondsPerDay + rule.time - offset_before;
}

OffsetPeriod PosixRule::PeriodAt(Instant t) const {
  if (!has_dst_) return {INT64_MIN, INT64_MAX, std_offset_};
  const int year = CivilFromDays(FloorDiv(t, kSecondsPerDay)).year;
  // Transitions of the surrounding years, in order, each with the offset it starts.
  struct Change { Instant at; int offset; };
  std::vector<Change> changes;
  for (int y = year - 1; y <= year + 1; ++y) {
    Change to_dst{TransitionIn(y, start_, std_offset_), dst_offset_};
    Change to_std{TransitionIn(y, end_, dst_offset_), std_offset_};
    if (to_dst.at <= to_std.at) { changes.push_back(to_dst); changes.push_back(to_std); }
    else { changes.push_back(to_std); changes.push_back(to_dst); }
  }
  for (size_t i = 1; i < changes.size(); ++i) {
    if (t >= changes[i - 1].at && t < changes[i].at) return {changes[i - 1].at, changes[i].at, changes[i - 1].offset};
  }
  // Not reached for sane rules; fall back to standard time around t.
  return {t, t + 1, std_offset_};
}

}  // namespace bjlg::cron
