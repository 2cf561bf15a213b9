// A parsed cron expression: five fields (minute hour day-of-month month day-of-week) expanded to
// bitsets for the next-run engine, plus the items as written, for descriptions and guardrails.
//
// Dialect: lists, ranges, steps, `*`, `?` (day fields only); names JAN-DEC and SUN-SAT in any
// case; 0 and 7 are Sunday; `L` and `LW` and `nW` in day-of-month; `nL` and `n#k` in
// day-of-week; macros @yearly @annually @monthly @weekly @daily @midnight @hourly.
// Day-of-month and day-of-week combine with OR when neither field is exactly `*` or `?`
// (the rule of dragonmantank/cron-expression); see docs/cron.md.
#ifndef BJLG_CRON_EXPRESSION_H_
#define BJLG_CRON_EXPRESSION_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace bjlg::cron {

enum class Field { kMinute = 0, kHour, kDayOfMonth, kMonth, kDayOfWeek };
constexpr int kFieldCount = 5;

// "minute", "hour", "day-of-month", "month", "day-of-week".
const char* FieldName(Field field);

// One comma-separated item of a field, as written (after names are turned into numbers).
struct Item {
  enum class Kind {
    kAny,             // `*` or `?` (step may be > 1: `*/15`)
    kValue,           // `5` (step may be > 1 for `5/15`, meaning 5-max/15: then open_ended)
    kRange,           // `1-5`, `1-5/2`
    kLastDayOfMonth,  // `L` in day-of-month
    kLastWeekday,     // `LW` in day-of-month: the last Monday-Friday of the month
    kNearestWeekday,  // `15W` in day-of-month: first = 15
    kLastOfWeekday,   // `5L` in day-of-week: the last Friday of the month; first = 5
    kNthOfWeekday,    // `5#3` in day-of-week: the third Friday; first = 5, nth = 3
  };
  Kind kind = Kind::kAny;
  int first = 0;             // value, range start, or the day/weekday of L/W/# items
  int last = 0;              // range end (== first for a single value)
  int step = 1;              // 1 when no step was written
  int nth = 0;               // k of `n#k`
  bool open_ended = false;   // `5/15`: a value with a step, running to the field's maximum
  bool question_mark = false;  // kAny written as `?`
  bool first_named = false;    // first was written as a name (JAN, MON): kept in normalized()
  bool last_named = false;
};

// Where and why an expression was refused. position is a byte offset into the input.
struct SyntaxError {
  std::optional<Field> field;  // empty when the error concerns the whole expression
  size_t position = 0;
  std::string reason;          // an English sentence without the position, e.g.
                               // "value 60 is out of range 0-59"
  std::string suggestion;      // e.g. "@daily", "0-59"; empty when none is obvious

  // "minute field, position 0: value 60 is out of range 0-59 (did you mean 59?)"
  std::string ToString() const;
};

class Expression {
 public:
  // Longest input accepted; anything longer is refused before it is read.
  static constexpr size_t kMaxLength = 1024;

  // Parses `text`. On failure returns InvalidArgument with SyntaxError::ToString() as its
  // message and, when `error` is not null, fills it.
  static Result<Expression> Parse(std::string_view text, SyntaxError* error = nullptr);

  // The normalised form: macros expanded, whitespace collapsed to one space, names upper-case,
  // leading zeros dropped, e.g. "@daily" -> "0 0 * * *", " 0  3 * jan mon" -> "0 3 * JAN MON".
  const std::string& normalized() const { return normalized_; }
  // The macro the expression was written as ("@daily"), or empty.
  const std::string& macro() const { return macro_; }

  const std::vector<Item>& items(Field f) const { return items_[static_cast<int>(f)]; }

  // Expanded sets. Bits: minutes 0-59, hours 0-23, days 1-31, months 1-12, weekdays 0-6
  // (Sunday = 0; 7 is folded into 0).
  const std::bitset<60>& minutes() const { return minutes_; }
  const std::bitset<24>& hours() const { return hours_; }
  const std::bitset<13>& months() const { return months_; }

  // True when the field is exactly `*` or `?`: such a field does not take part in the
  // day-of-month/day-of-week OR.
  bool day_of_month_unrestricted() const { return dom_unrestricted_; }
  bool day_of_week_unrestricted() const { return dow_unrestricted_; }
  // True when both day fields are restricted, so a day matches if either matches.
  bool days_combine_with_or() const { return !dom_unrestricted_ && !dow_unrestricted_; }

  // True when the hour field repeats through the day (`*`, `*/n`, or any item with a step):
  // such runs happen at every real hour across DST changes. Otherwise runs are at fixed wall
  // times, which DST moves (spring gap) or de-duplicates (autumn fold). See docs/cron.md.
  bool hour_is_periodic() const { return hour_is_periodic_; }

  // Bit d-1 set when day d (1-31) of month `month` (1-12) of `year` matches both day fields
  // (with the OR rule) and the month field; 0 when the month does not match.
  uint32_t DayMask(int year, unsigned month) const;
  bool MatchesDay(int year, unsigned month, unsigned day) const;

  // True when no date can ever match, e.g. "0 0 30 2 *". Decided from the fields alone.
  bool NeverFires() const { return never_fires_; }

 private:
  friend class Parser;
  Expression() = default;
  // Expands items_ into the bitsets and derived flags. Called once by the parser.
  void Finish();
  uint32_t DayOfMonthMask(unsigned days_in_month, unsigned first_weekday) const;
  uint32_t DayOfWeekMask(unsigned days_in_month, unsigned first_weekday) const;

  std::string normalized_;
  std::string macro_;
  std::array<std::vector<Item>, kFieldCount> items_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<13> months_;
  std::bitset<32> days_of_month_;      // plain days, bit d for day d
  std::bitset<32> nearest_weekday_;    // bit d for `dW`
  bool last_day_of_month_ = false;
  bool last_weekday_of_month_ = false;
  std::bitset<7> days_of_week_;
  std::bitset<7> last_of_weekday_;     // bit n for `nL`
  std::array<uint8_t, 7> nth_of_weekday_{};  // bit k-1 for `n#k`
  bool dom_unrestricted_ = true;
  bool dow_unrestricted_ = true;
  bool hour_is_periodic_ = true;
  bool never_fires_ = false;
};

}  // namespace bjlg::cron

#endif  // BJLG_CRON_EXPRESSION_H_
