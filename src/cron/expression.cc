// Expansion of parsed items into bitsets, and which days of a month match.
#include "cron/expression.h"

#include "cron/calendar.h"
#include "cron/field_spec.h"

namespace bjlg::cron {

const char* FieldName(Field field) {
  switch (field) {
    case Field::kMinute: return "minute";
    case Field::kHour: return "hour";
    case Field::kDayOfMonth: return "day-of-month";
    case Field::kMonth: return "month";
    case Field::kDayOfWeek: return "day-of-week";
  }
  return "?";
}

std::string SyntaxError::ToString() const {
  std::string out = field ? std::string(FieldName(*field)) + " field, position " : "position ";
  out += std::to_string(position) + ": " + reason;
  if (!suggestion.empty()) out += " (try: " + suggestion + ")";
  return out;
}

namespace {

// Sets bits first..last by step, folding day-of-week 7 into 0.
template <size_t N>
void SetRange(std::bitset<N>* bits, int first, int last, int step, bool fold_seven) {
  for (int v = first; v <= last; v += step) bits->set(fold_seven && v == 7 ? 0 : v);
}

template <size_t N>
void ExpandPlain(Field field, const std::vector<Item>& items, std::bitset<N>* bits) {
  const FieldSpec& spec = SpecOf(field);
  const bool fold_seven = field == Field::kDayOfWeek;
  for (const Item& item : items) {
    switch (item.kind) {
      case Item::Kind::kAny:
        SetRange(bits, spec.min, spec.max, item.step, fold_seven);
        break;
      case Item::Kind::kValue:
      case Item::Kind::kRange:
        SetRange(bits, item.first, item.last, item.step, fold_seven);
        break;
      default:
        break;  // L, W and # items are kept apart: they depend on the month
    }
  }
}

bool IsUnrestricted(const std::vector<Item>& items) {
  return items.size() == 1 && items[0].kind == Item::Kind::kAny && items[0].step == 1;
}

}  // namespace

void Expression::Finish() {
  ExpandPlain(Field::kMinute, items(Field::kMinute), &minutes_);
  ExpandPlain(Field::kHour, items(Field::kHour), &hours_);
  ExpandPlain(Field::kMonth, items(Field::kMonth), &months_);
  ExpandPlain(Field::kDayOfMonth, items(Field::kDayOfMonth), &days_of_month_);
  ExpandPlain(Field::kDayOfWeek, items(Field::kDayOfWeek), &days_of_week_);
  for (const Item& item : items(Field::kDayOfMonth)) {
    if (item.kind == Item::Kind::kLastDayOfMonth) last_day_of_month_ = true;
    if (item.kind == Item::Kind::kLastWeekday) last_weekday_of_month_ = true;
    if (item.kind == Item::Kind::kNearestWeekday) nearest_weekday_.set(item.first);
  }
  for (const Item& item : items(Field::kDayOfWeek)) {
    const int weekday = item.first % 7;
    if (item.kind == Item::Kind::kLastOfWeekday) last_of_weekday_.set(weekday);
    if (item.kind == Item::Kind::kNthOfWeekday) nth_of_weekday_[weekday] |= 1u << (item.nth - 1);
  }
  dom_unrestricted_ = IsUnrestricted(items(Field::kDayOfMonth));
  dow_unrestricted_ = IsUnrestricted(items(Field::kDayOfWeek));

  hour_is_periodic_ = hours_.all();
  for (const Item& item : items(Field::kHour)) {
    if (item.kind == Item::Kind::kAny || item.step > 1) hour_is_periodic_ = true;
  }

  // The day-of-week field, when it takes part, always fires eventually (every weekday occurs
  // in every month, a fifth one in some month of some year). Otherwise some selected month must
  // be long enough for some selected day; February counts with 29 days.
  never_fires_ = false;
  if (dow_unrestricted_ && !dom_unrestricted_) {
    never_fires_ = true;
    for (unsigned month = 1; month <= 12 && never_fires_; ++month) {
      if (!months_.test(month)) continue;
      const unsigned longest = DaysInMonth(2000, month);  // 2000 is a leap year
      if (last_day_of_month_ || last_weekday_of_month_) never_fires_ = false;
      for (unsigned day = 1; day <= longest; ++day) {
        if (days_of_month_.test(day) || nearest_weekday_.test(day)) never_fires_ = false;
      }
    }
  }
}

uint32_t Expression::DayOfMonthMask(unsigned days_in_month, unsigned first_weekday) const {
  const uint32_t all = (1u << days_in_month) - 1;
  uint32_t mask = static_cast<uint32_t>(days_of_month_.to_ulong() >> 1) & all;
  const auto weekday_of = [&](unsigned day) { return (first_weekday + day - 1) % 7; };
  if (last_day_of_month_) mask |= 1u << (days_in_month - 1);
  if (last_weekday_of_month_) {
    unsigned day = days_in_month;
    while (weekday_of(day) == 0 || weekday_of(day) == 6) --day;
    mask |= 1u << (day - 1);
  }
  if (nearest_weekday_.any()) {
    for (unsigned day = 1; day <= days_in_month; ++day) {
      if (!nearest_weekday_.test(day)) continue;
      // The nearest Monday-Friday, never leaving the month (Quartz's rule).
      unsigned target = day;
      const unsigned w = weekday_of(day);
      if (w == 6) target = day == 1 ? day + 2 : day - 1;
      if (w == 0) target = day == days_in_month ? day - 2 : day + 1;
      mask |= 1u << (target - 1);
    }
  }
  return mask;
}

uint32_t Expression::DayOfWeekMask(unsigned days_in_month, unsigned first_weekday) const {
  uint32_t mask = 0;
  for (unsigned day = 1; day <= days_in_month; ++day) {
    const unsigned w = (first_weekday + day - 1) % 7;
    if (days_of_week_.test(w)) mask |= 1u << (day - 1);
  }
  for (unsigned w = 0; w < 7; ++w) {
    const unsigned first = 1 + (w + 7 - first_weekday) % 7;  // first day of the month on w
    if (last_of_weekday_.test(w)) {
      unsigned last = first;
      while (last + 7 <= days_in_month) last += 7;
      mask |= 1u << (last - 1);
    }
    for (unsigned k = 1; k <= 5; ++k) {
      if ((nth_of_weekday_[w] & (1u << (k - 1))) == 0) continue;
      const unsigned day = first + 7 * (k - 1);
      if (day <= days_in_month) mask |= 1u << (day - 1);
    }
  }
  return mask;
}

uint32_t Expression::DayMask(int year, unsigned month) const {
  if (!months_.test(month)) return 0;
  const unsigned days = DaysInMonth(year, month);
  const uint32_t all = (1u << days) - 1;
  if (dom_unrestricted_ && dow_unrestricted_) return all;
  const unsigned first_weekday = WeekdayFromDays(DaysFromCivil(year, month, 1));
  if (dow_unrestricted_) return DayOfMonthMask(days, first_weekday);
  if (dom_unrestricted_) return DayOfWeekMask(days, first_weekday);
  return DayOfMonthMask(days, first_weekday) | DayOfWeekMask(days, first_weekday);
}

bool Expression::MatchesDay(int year, unsigned month, unsigned day) const {
  return (DayMask(year, month) >> (day - 1)) & 1u;
}

}  // namespace bjlg::cron
