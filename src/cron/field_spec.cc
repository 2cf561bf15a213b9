#include "cron/field_spec.h"

namespace bjlg::cron {
namespace {

constexpr FieldSpec kSpecs[kFieldCount] = {
    {0, 59, 59, "hour"},
    {0, 23, 23, "day"},
    {1, 31, 31, "month"},
    {1, 12, 12, "year"},
    {0, 6, 7, "week"},
};

constexpr const char* kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                       "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr const char* kDayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

std::string ValueText(Field field, int value, bool named) {
  if (named) return NameOf(field, value);
  return std::to_string(value);
}

std::string RenderItem(Field field, const Item& item) {
  std::string out;
  switch (item.kind) {
    case Item::Kind::kAny:
      out = item.question_mark ? "?" : "*";
      break;
    case Item::Kind::kValue:
      out = ValueText(field, item.first, item.first_named);
      break;
    case Item::Kind::kRange:
      out = ValueText(field, item.first, item.first_named) + "-" + ValueText(field, item.last, item.last_named);
      break;
    case Item::Kind::kLastDayOfMonth:
      return "L";
    case Item::Kind::kLastWeekday:
      return "LW";
    case Item::Kind::kNearestWeekday:
      return std::to_string(item.first) + "W";
    case Item::Kind::kLastOfWeekday:
      return ValueText(field, item.first, item.first_named) + "L";
    case Item::Kind::kNthOfWeekday:
      return ValueText(field, item.first, item.first_named) + "#" + std::to_string(item.nth);
  }
  if (item.step > 1) out += "/" + std::to_string(item.step);
  return out;
}

}  // namespace

const FieldSpec& SpecOf(Field field) { return kSpecs[static_cast<int>(field)]; }

bool LookupName(Field field, const std::string& upper, int* value) {
  if (field == Field::kMonth) {
    for (int i = 0; i < 12; ++i) {
      if (upper == kMonthNames[i]) { *value = i + 1; return true; }
    }
  } else if (field == Field::kDayOfWeek) {
    for (int i = 0; i < 7; ++i) {
      if (upper == kDayNames[i]) { *value = i; return true; }
    }
  }
  return false;
}

const char* NameOf(Field field, int value) {
  if (field == Field::kMonth && value >= 1 && value <= 12) return kMonthNames[value - 1];
  if (field == Field::kDayOfWeek && value >= 0 && value <= 7) return kDayNames[value % 7];
  return "?";
}

std::string RenderField(Field field, const std::vector<Item>& items) {
  std::string out;
  for (const Item& item : items) {
    if (!out.empty()) out += ',';
    out += RenderItem(field, item);
  }
  return out;
}

}  // namespace bjlg::cron
