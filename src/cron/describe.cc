// Describe: turns the items of an Expression, as written, into a sentence.
//
// The sentence is "<time of day>[, <days>][, <months>]", in the manner of cron-descriptor.
// Each field has a few natural phrasings ("every 15 minutes", "Monday through Friday", "on the
// last day of the month"); when none applies, the field's values are listed, so every
// expression the parser accepts gets an exact description. How items are read lives in
// describe_items.cc, the words in describe_words.cc.
#include "cron/describe.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "cron/describe_items.h"
#include "cron/describe_words.h"

namespace bjlg::cron {
namespace describe {
namespace {

// Two fields of fixed values multiply: 4 minutes at 6 hours would be 24 times to read.
constexpr size_t kMaxTimesListed = 12;

class Describer {
 public:
  Describer(const Expression& expr, Language language)
      : expr_(expr), language_(language), w_(WordsFor(language)) {}

  std::string Sentence() {
    std::vector<std::string> parts = {Capitalize(TimePhrase())};
    const std::string days_of_month =
        expr_.day_of_month_unrestricted() ? "" : DayOfMonthPhrase();
    const bool after_or = !days_of_month.empty();
    const std::string days_of_week =
        expr_.day_of_week_unrestricted() ? "" : DayOfWeekPhrase(after_or);
    if (!days_of_month.empty() && !days_of_week.empty()) {
      // Both day fields restricted: cron matches a day when EITHER matches.
      parts.push_back(days_of_month + w_.either_or + days_of_week);
    } else if (!days_of_month.empty()) {
      parts.push_back(days_of_month);
    } else if (!days_of_week.empty()) {
      parts.push_back(days_of_week);
    }
    const std::string months = MonthPhrase();
    if (!months.empty()) parts.push_back(months);

    std::string sentence;
    for (const std::string& part : parts) {
      if (!sentence.empty()) sentence += ", ";
      sentence += part;
    }
    return sentence;
  }

 private:
  std::string F(const char* pattern, std::vector<std::string> args) const {
    return Format(w_, pattern, args);
  }
  std::string F(const char* pattern, int n) const { return F(pattern, {std::to_string(n)}); }
  std::string Join(const std::vector<std::string>& items) const { return JoinList(w_, items); }

  // ---- Time of day -------------------------------------------------------------------------

  std::string TimePhrase() const {
    const std::vector<Item>& minutes = expr_.items(Field::kMinute);
    const std::vector<Item>& hours = expr_.items(Field::kHour);
    const auto minute_values = PlainValues(minutes, Field::kMinute);
    const auto hour_values = PlainValues(hours, Field::kHour);

    if (IsEveryField(minutes, Field::kMinute) && IsEveryField(hours, Field::kHour)) {
      return w_.every_minute;
    }

    // Fixed times: name them all, "At 09:00 and 17:00", unless both fields are lists and the
    // times would multiply past what a reader takes in.
    if (minute_values && hour_values &&
        (minute_values->size() == 1 || hour_values->size() == 1 ||
         minute_values->size() * hour_values->size() <= kMaxTimesListed)) {
      std::vector<std::string> times;
      for (int h : *hour_values) {
        for (int m : *minute_values) times.push_back(TimeOfDay(h, m));
      }
      return F(w_.at_times, {Join(times)});
    }

    // One minute, hours running through the day. "Every 2 hours from 08:30 through 18:30".
    if (minute_values && minute_values->size() == 1 && hours.size() == 1 && IsRun(hours[0])) {
      const int m = minute_values->front();
      const Item& h = hours[0];
      const std::string every = h.step == 1 ? w_.every_hour : F(w_.every_n_hours, h.step);
      if (Whole(h, Field::kHour)) {
        if (m == 0) return every;
        if (h.step == 1) return F(w_.minute_of_every_hour, m);
      }
      const std::vector<int> runs = Expand(h, Field::kHour);
      if (runs.size() >= 2) {
        return every + " " +
               F(w_.from_until, {TimeOfDay(runs.front(), m), TimeOfDay(runs.back(), m)});
      }
    }

    // One minute, several spans of hours.
    // "Every hour from 08:00 through 10:00 and from 14:00 through 16:00".
    if (minute_values && minute_values->size() == 1 && hours.size() > 1) {
      const int m = minute_values->front();
      const std::vector<Atom> atoms = AtomsOf(hours, Field::kHour);
      if (std::none_of(atoms.begin(), atoms.end(), [](const Atom& a) { return a.single(); })) {
        std::vector<std::string> spans;
        for (const Atom& a : atoms) {
          spans.push_back(F(w_.from_until, {TimeOfDay(a.first, m), TimeOfDay(a.last, m)}));
        }
        return std::string(w_.every_hour) + " " + Join(spans);
      }
    }

    // One run of minutes within one hour, or an even split of every hour of a span of hours.
    // "Every 15 minutes from 09:00 through 17:45".
    if (minutes.size() == 1 && IsRun(minutes[0]) && hours.size() == 1) {
      const Item& m = minutes[0];
      const std::string every = m.step == 1 ? w_.every_minute : F(w_.every_n_minutes, m.step);
      const std::vector<int> runs = Expand(m, Field::kMinute);
      const bool even_split = Whole(m, Field::kMinute) && 60 % m.step == 0;
      if (even_split && IsEvery(hours[0], Field::kHour)) return every;
      if (hour_values && runs.size() >= 2) {
        const int h = hour_values->front();
        return every + " " +
               F(w_.from_until, {TimeOfDay(h, runs.front()), TimeOfDay(h, runs.back())});
      }
      if (even_split && hours[0].kind == Item::Kind::kRange && hours[0].step == 1) {
        return every + " " +
               F(w_.from_until,
                 {TimeOfDay(hours[0].first, 0), TimeOfDay(hours[0].last, 60 - m.step)});
      }
    }

    // Anything else: minutes, then hours, each described on its own.
    std::string phrase = MinutePhrase();
    if (!IsEveryField(hours, Field::kHour)) phrase += ", " + HourPhrase();
    return phrase;
  }

  std::string MinutePhrase() const {
    const std::vector<Item>& items = expr_.items(Field::kMinute);
    if (IsEveryField(items, Field::kMinute)) return w_.every_minute;
    if (auto stepped = SteppedOf(items, Field::kMinute)) {
      const std::string every = F(w_.every_n_minutes, stepped->step);
      if (stepped->whole) return every;
      return every + ", " + F(w_.minutes_range, {std::to_string(stepped->first),
                                                 std::to_string(stepped->last)});
    }
    const std::vector<Atom> atoms = AtomsOf(items, Field::kMinute);
    if (atoms.size() == 1 && !atoms[0].single()) {
      return F(w_.minutes_range, {std::to_string(atoms[0].first), std::to_string(atoms[0].last)});
    }
    if (atoms.size() == 1) return F(w_.at_minute, atoms[0].first);
    std::vector<std::string> listed;
    for (const Atom& a : atoms) {
      listed.push_back(a.single() ? std::to_string(a.first)
                                  : F(w_.numbers_range, {std::to_string(a.first),
                                                         std::to_string(a.last)}));
    }
    return F(w_.at_minutes, {Join(listed)});
  }

  std::string HourPhrase() const {
    const std::vector<Item>& items = expr_.items(Field::kHour);
    if (IsEveryField(items, Field::kHour)) return w_.every_hour;
    if (auto stepped = SteppedOf(items, Field::kHour)) {
      const std::string every = F(w_.every_n_hours, stepped->step);
      if (stepped->whole) return every;
      return every + ", " +
             F(w_.between, {TimeOfDay(stepped->first, 0), TimeOfDay(stepped->last, 59)});
    }
    const std::vector<Atom> atoms = AtomsOf(items, Field::kHour);
    if (AllSingle(atoms)) {
      std::vector<std::string> listed;
      for (const Atom& a : atoms) listed.push_back(TimeOfDay(a.first, 0));
      return F(atoms.size() == 1 ? w_.during_hour : w_.during_hours, {Join(listed)});
    }
    std::vector<std::string> spans;
    for (const Atom& a : atoms) {
      spans.push_back(F(w_.between, {TimeOfDay(a.first, 0), TimeOfDay(a.last, 59)}));
    }
    return Join(spans);
  }

  // ---- Days of the month -------------------------------------------------------------------

  std::string Day(int day) const { return DayOfMonth(language_, day); }

  std::string DayOfMonthPhrase() const {
    const std::vector<Item>& items = expr_.items(Field::kDayOfMonth);
    if (auto stepped = SteppedOf(items, Field::kDayOfMonth)) {
      const std::string every = F(w_.every_n_days, stepped->step);
      if (stepped->whole) return every;
      return every + ", " + F(w_.days_range, {Day(stepped->first), Day(stepped->last)});
    }

    std::vector<std::string> phrases;
    const std::vector<Atom> atoms = AtomsOf(items, Field::kDayOfMonth);
    if (atoms.size() == 1 && !atoms[0].single()) {
      phrases.push_back(F(w_.days_range, {Day(atoms[0].first), Day(atoms[0].last)}));
    } else if (!atoms.empty() && AllSingle(atoms)) {
      std::vector<std::string> days;
      for (const Atom& a : atoms) days.push_back(Day(a.first));
      phrases.push_back(F(atoms.size() == 1 ? w_.on_day : w_.on_days, {Join(days)}));
    } else if (!atoms.empty()) {
      std::vector<std::string> listed;
      for (const Atom& a : atoms) {
        listed.push_back(a.single() ? F(w_.day_atom, {Day(a.first)})
                                    : F(w_.days_atom, {Day(a.first), Day(a.last)}));
      }
      phrases.push_back(F(w_.days_mixed, {Join(listed)}));
    }
    for (const Item& item : items) {
      switch (item.kind) {
        case Item::Kind::kLastDayOfMonth: phrases.push_back(w_.last_day); break;
        case Item::Kind::kLastWeekday: phrases.push_back(w_.last_weekday); break;
        case Item::Kind::kNearestWeekday:
          phrases.push_back(F(w_.nearest_weekday, {Day(item.first)}));
          break;
        default: break;
      }
    }
    return Join(phrases);
  }

  // ---- Days of the week --------------------------------------------------------------------

  std::string Weekday(int day) const { return WeekdayName(language_, day); }

  // `after_or`: the phrase follows the day-of-month one, "... or on Monday", so it does not
  // claim "only".
  std::string DayOfWeekPhrase(bool after_or) const {
    const std::vector<Item>& items = expr_.items(Field::kDayOfWeek);
    // "only on Monday" would be wrong next to "the last Friday of the month".
    const bool alone = !after_or && std::all_of(items.begin(), items.end(), [](const Item& i) {
      return i.kind != Item::Kind::kLastOfWeekday && i.kind != Item::Kind::kNthOfWeekday;
    });
    std::vector<std::string> phrases;
    const std::vector<Atom> atoms = AtomsOf(items, Field::kDayOfWeek);
    if (atoms.size() == 1 && !atoms[0].single()) {
      phrases.push_back(F(w_.weekdays_range, {Weekday(atoms[0].first), Weekday(atoms[0].last)}));
    } else if (!atoms.empty() && AllSingle(atoms)) {
      std::vector<std::string> days;
      for (const Atom& a : atoms) days.push_back(Weekday(a.first));
      phrases.push_back(F(alone ? w_.only_on_weekdays : w_.on_weekdays, {Join(days)}));
    } else if (!atoms.empty()) {
      std::vector<std::string> listed;
      for (const Atom& a : atoms) {
        listed.push_back(a.single() ? F(w_.weekday_atom, {Weekday(a.first)})
                                    : F(w_.weekdays_range, {Weekday(a.first), Weekday(a.last)}));
      }
      phrases.push_back(Join(listed));
    }
    for (const Item& item : items) {
      if (item.kind == Item::Kind::kLastOfWeekday) {
        phrases.push_back(F(w_.last_of_weekday, {Weekday(item.first)}));
      } else if (item.kind == Item::Kind::kNthOfWeekday) {
        phrases.push_back(
            F(w_.nth_of_weekday, {Ordinal(language_, item.nth), Weekday(item.first)}));
      }
    }
    return Join(phrases);
  }

  // ---- Months ------------------------------------------------------------------------------

  std::string Month(int month) const { return MonthName(language_, month); }

  std::string MonthPhrase() const {
    const std::vector<Item>& items = expr_.items(Field::kMonth);
    if (items.empty() || IsEveryField(items, Field::kMonth)) return "";
    if (auto stepped = SteppedOf(items, Field::kMonth)) {
      const std::string every = F(w_.every_n_months, stepped->step);
      if (stepped->whole) return every;
      return every + ", " + F(w_.months_range, {Month(stepped->first), Month(stepped->last)});
    }
    const std::vector<Atom> atoms = AtomsOf(items, Field::kMonth);
    if (atoms.size() == 1 && !atoms[0].single()) {
      return F(w_.months_range, {Month(atoms[0].first), Month(atoms[0].last)});
    }
    if (AllSingle(atoms)) {
      std::vector<std::string> months;
      for (const Atom& a : atoms) months.push_back(Month(a.first));
      return F(w_.only_in, {Join(months)});
    }
    std::vector<std::string> listed;
    for (const Atom& a : atoms) {
      listed.push_back(a.single() ? F(w_.month_atom, {Month(a.first)})
                                  : F(w_.months_range, {Month(a.first), Month(a.last)}));
    }
    return F(w_.months_mixed, {Join(listed)});
  }

  const Expression& expr_;
  const Language language_;
  const Words& w_;
};

// The language part of a locale: "fr" for "fr_FR", "fr-CA", "FR", "fr_FR.UTF-8". Only `_` and
// `-` end it, as IsFrench (format.h) reads it, so Describe and Check agree on every locale.
std::optional<Language> LanguageOf(std::string_view locale) {
  const size_t end = locale.find_first_of("_-");
  std::string language(locale.substr(0, end));
  for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (language == "en") return Language::kEnglish;
  if (language == "fr") return Language::kFrench;
  return std::nullopt;
}

}  // namespace
}  // namespace describe

using describe::Language;
using describe::LanguageOf;

bool IsSupportedLocale(std::string_view locale) { return LanguageOf(locale).has_value(); }

Result<std::string> Describe(const Expression& expr, std::string_view locale) {
  const std::optional<Language> language = LanguageOf(locale);
  if (!language) {
    return Status::InvalidArgument("unsupported locale '" + std::string(locale) +
                                   "': supported locales are en, fr");
  }
  std::string sentence = describe::Describer(expr, *language).Sentence();
  if (sentence.empty()) sentence = expr.normalized();  // unreachable: the time part always speaks
  return sentence;
}

}  // namespace bjlg::cron
