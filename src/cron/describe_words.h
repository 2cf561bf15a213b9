// The vocabulary of cron descriptions, one table per language. describe.cc decides which phrase
// applies; this file only knows how each phrase is said. Kept apart so that a new language is
// a new table, not a new branch in the logic.
#ifndef BJLG_CRON_DESCRIBE_WORDS_H_
#define BJLG_CRON_DESCRIBE_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace bjlg::cron::describe {

enum class Language { kEnglish, kFrench };

// Templates use {0}, {1} for their arguments. Every phrase starts in lower case: the sentence
// is capitalised once it is assembled.
struct Words {
  Language language;
  const char* list_comma;  // ", " between list items
  const char* list_and;    // " and " before the last one
  const char* either_or;   // " or ": the day-of-month/day-of-week OR

  // Times of day.
  const char* at_times;             // "at {0}": exact times
  const char* every_minute;
  const char* every_n_minutes;      // {0} = n
  const char* every_hour;
  const char* every_n_hours;
  const char* from_until;           // "from {0} through {1}": first and last run
  const char* minute_of_every_hour; // {0} = minute
  const char* at_minute;            // "at minute {0} past the hour"
  const char* at_minutes;           // {0} = list of minutes
  const char* minutes_range;        // {0}-{1}
  const char* numbers_range;        // "{0} through {1}" as an item of a list
  const char* between;              // "between {0} and {1}"
  const char* during_hour;          // {0} = "09:00"
  const char* during_hours;         // {0} = list of "09:00"

  // Days of the month. {0} is a day as DayOfMonth() writes it.
  const char* every_n_days;
  const char* on_day;               // one day
  const char* on_days;              // a list of days
  const char* days_range;           // the whole field is one range
  const char* days_mixed;           // {0} = list of days and ranges
  const char* day_atom;             // one day inside a mixed list
  const char* days_atom;            // a range inside a mixed list
  const char* last_day;
  const char* last_weekday;
  const char* nearest_weekday;      // {0} = day

  // Days of the week. {0} is a weekday name.
  const char* only_on_weekdays;     // {0} = list of weekdays, the field standing alone
  const char* on_weekdays;          // {0} = list, after "or"
  const char* weekdays_range;       // "{0} through {1}"
  const char* weekday_atom;         // one weekday inside a mixed list
  const char* last_of_weekday;      // {0} = weekday
  const char* nth_of_weekday;       // {0} = ordinal, {1} = weekday

  // Months. {0} is a month name.
  const char* every_n_months;
  const char* only_in;              // {0} = list of months
  const char* months_range;         // "{0} through {1}"
  const char* month_atom;           // one month inside a mixed list
  const char* months_mixed;         // {0} = list of months and ranges
};

const Words& WordsFor(Language language);

// "Monday" / "lundi". Accepts 0-7 (0 and 7 are Sunday).
std::string WeekdayName(Language language, int day);
// "January" / "janvier". 1-12.
std::string MonthName(Language language, int month);
// "1" / "1er": a day of the month as it is written in a sentence.
std::string DayOfMonth(Language language, int day);
// "third" / "troisième".
std::string Ordinal(Language language, int n);
// "09:05".
std::string TimeOfDay(int hour, int minute);

// Replaces {0}, {1}... in `pattern`, then applies the language's contractions (French
// "de le" -> "du", "de avril" -> "d'avril").
std::string Format(const Words& words, std::string_view pattern,
                   const std::vector<std::string>& args);

// "a", "a and b", "a, b and c".
std::string JoinList(const Words& words, const std::vector<std::string>& items);

// Upper-cases the first letter, including French accented capitals ("à" -> "À").
std::string Capitalize(std::string text);

}  // namespace bjlg::cron::describe

#endif  // BJLG_CRON_DESCRIBE_WORDS_H_
