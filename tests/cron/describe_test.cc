// Describe, as a specification: each case is a cron expression and what a user reads for it,
// in English and in French.
#include <catch2/catch.hpp>
#include <string>

#include "cron/describe.h"

using bjlg::Status;
using bjlg::cron::Describe;
using bjlg::cron::Expression;
using bjlg::cron::IsSupportedLocale;

namespace {

std::string In(const std::string& locale, const std::string& cron) {
  auto expr = Expression::Parse(cron);
  REQUIRE(expr.ok());
  auto text = Describe(*expr, locale);
  REQUIRE(text.ok());
  return *text;
}

std::string En(const std::string& cron) { return In("en", cron); }
std::string Fr(const std::string& cron) { return In("fr", cron); }

}  // namespace

TEST_CASE("A fixed time on working days reads as a time and a weekday range", "[describe]") {
  CHECK(En("30 2 * * 1-5") == "At 02:30, Monday through Friday");
  CHECK(Fr("30 2 * * 1-5") == "À 02:30, du lundi au vendredi");
  CHECK(En("30 2 * * MON-FRI") == "At 02:30, Monday through Friday");
}

TEST_CASE("Fixed times are named, in 24-hour form", "[describe]") {
  CHECK(En("0 0 * * *") == "At 00:00");
  CHECK(Fr("0 0 * * *") == "À 00:00");
  CHECK(En("5 17 * * *") == "At 17:05");
  CHECK(En("0 9,17 * * *") == "At 09:00 and 17:00");
  CHECK(Fr("0 9,17 * * *") == "À 09:00 et 17:00");
  CHECK(En("0,30 9 * * *") == "At 09:00 and 09:30");
  CHECK(En("0 0,6,12,18 * * *") == "At 00:00, 06:00, 12:00 and 18:00");
  CHECK(Fr("0 0,6,12,18 * * *") == "À 00:00, 06:00, 12:00 et 18:00");
  // Listed in time order whatever the written order.
  CHECK(En("0 17,9 * * *") == "At 09:00 and 17:00");
}

TEST_CASE("Minute steps read as a frequency", "[describe]") {
  CHECK(En("* * * * *") == "Every minute");
  CHECK(Fr("* * * * *") == "Toutes les minutes");
  CHECK(En("*/15 * * * *") == "Every 15 minutes");
  CHECK(Fr("*/15 * * * *") == "Toutes les 15 minutes");
  CHECK(En("*/7 * * * *") == "Every 7 minutes");
}

TEST_CASE("A minute step with a start or a range names the minutes it runs at", "[describe]") {
  CHECK(En("5/15 * * * *") == "Every 15 minutes, minutes 5 through 50 of the hour");
  CHECK(Fr("5/15 * * * *") == "Toutes les 15 minutes, de la minute 5 à la minute 50");
  CHECK(En("10-30/5 * * * *") == "Every 5 minutes, minutes 10 through 30 of the hour");
  CHECK(Fr("10-30/5 * * * *") == "Toutes les 5 minutes, de la minute 10 à la minute 30");
  CHECK(En("10-20 * * * *") == "Minutes 10 through 20 of the hour");
  CHECK(Fr("10-20 * * * *") == "De la minute 10 à la minute 20");
}

TEST_CASE("Minutes within given hours read as a span of times", "[describe]") {
  CHECK(En("* 9 * * *") == "Every minute from 09:00 through 09:59");
  CHECK(Fr("* 9 * * *") == "Toutes les minutes de 09:00 à 09:59");
  CHECK(En("*/15 9 * * *") == "Every 15 minutes from 09:00 through 09:45");
  CHECK(En("*/15 9-17 * * *") == "Every 15 minutes from 09:00 through 17:45");
  CHECK(Fr("*/15 9-17 * * *") == "Toutes les 15 minutes de 09:00 à 17:45");
  CHECK(En("10-20 9 * * *") == "Every minute from 09:10 through 09:20");
  CHECK(Fr("10-20 9 * * *") == "Toutes les minutes de 09:10 à 09:20");
}

TEST_CASE("One minute of every hour or of stepped hours", "[describe]") {
  CHECK(En("0 * * * *") == "Every hour");
  CHECK(Fr("0 * * * *") == "Toutes les heures");
  CHECK(En("30 * * * *") == "At minute 30 of every hour");
  CHECK(Fr("30 * * * *") == "À la minute 30 de chaque heure");
  CHECK(En("0 */2 * * *") == "Every 2 hours");
  CHECK(Fr("0 */2 * * *") == "Toutes les 2 heures");
  CHECK(En("30 */2 * * *") == "Every 2 hours from 00:30 through 22:30");
  CHECK(En("0 9-17 * * *") == "Every hour from 09:00 through 17:00");
  CHECK(Fr("0 9-17 * * *") == "Toutes les heures de 09:00 à 17:00");
  CHECK(En("30 9-17/2 * * *") == "Every 2 hours from 09:30 through 17:30");
  // The last run, not the written end: 8-18/4 fires at 8, 12 and 16.
  CHECK(En("0 8-18/4 * * *") == "Every 4 hours from 08:00 through 16:00");
  CHECK(En("0 1/3 * * *") == "Every 3 hours from 01:00 through 22:00");
  CHECK(En("0 8-10,14-16 * * *") ==
        "Every hour from 08:00 through 10:00 and from 14:00 through 16:00");
  CHECK(Fr("0 8-10,14-16 * * *") == "Toutes les heures de 08:00 à 10:00 et de 14:00 à 16:00");
  CHECK(En("0 22/5 * * *") == "At 22:00");  // a step that leaves one hour
  CHECK(Fr("0 1/3 * * *") == "Toutes les 3 heures de 01:00 à 22:00");
}

TEST_CASE("Other minute and hour combinations describe each field", "[describe]") {
  CHECK(En("0,30 * * * *") == "At minutes 0 and 30 of the hour");
  CHECK(Fr("0,30 * * * *") == "Aux minutes 0 et 30");
  CHECK(En("0,30 9-17 * * *") == "At minutes 0 and 30 of the hour, between 09:00 and 17:59");
  CHECK(Fr("0,30 9-17 * * *") == "Aux minutes 0 et 30, entre 09:00 et 17:59");
  CHECK(En("*/15 0,6,12,18 * * *") ==
        "Every 15 minutes, during the 00:00, 06:00, 12:00 and 18:00 hours");
  CHECK(Fr("*/15 0,6,12,18 * * *") ==
        "Toutes les 15 minutes, pendant les heures de 00:00, 06:00, 12:00 et 18:00");
  CHECK(En("*/20 7 * * *") == "Every 20 minutes from 07:00 through 07:40");
  CHECK(En("*/7 9-10 * * *") == "Every 7 minutes, between 09:00 and 10:59");
  CHECK(En("* */2 * * *") == "Every minute, every 2 hours");
  CHECK(Fr("* */2 * * *") == "Toutes les minutes, toutes les 2 heures");
  CHECK(En("5 1-3,7 * * *") ==
        "At minute 5 of the hour, between 01:00 and 03:59 and between 07:00 and 07:59");
  CHECK(Fr("5 1-3,7 * * *") == "À la minute 5, entre 01:00 et 03:59 et entre 07:00 et 07:59");
  CHECK(En("0-10/5 8-18/5 * * *") ==
        "Every 5 minutes, minutes 0 through 10 of the hour, every 5 hours, between 08:00 and "
        "18:59");
}

TEST_CASE("Many fixed times fall back to listing minutes and hours", "[describe]") {
  CHECK(En("0,15,30,45 0,6,12,18 * * *") ==
        "At minutes 0, 15, 30 and 45 of the hour, during the 00:00, 06:00, 12:00 and 18:00 hours");
  CHECK(Fr("0,15,30,45 0,6,12,18 * * *") ==
        "Aux minutes 0, 15, 30 et 45, pendant les heures de 00:00, 06:00, 12:00 et 18:00");
  // One minute (or one hour) lists every time, however many.
  CHECK(En("0 0,1,2,3,4,5,6,7,8,9,10,11,12 * * *") ==
        "At 00:00, 01:00, 02:00, 03:00, 04:00, 05:00, 06:00, 07:00, 08:00, 09:00, 10:00, 11:00 "
        "and 12:00");
}

TEST_CASE("Mixed minute lists list values and ranges", "[describe]") {
  CHECK(En("0,10-20,30-45/5 * * * *") ==
        "At minutes 0, 10 through 20, 30, 35, 40 and 45 of the hour");
  CHECK(Fr("0,10-20,30-45/5 * * * *") == "Aux minutes 0, 10 à 20, 30, 35, 40 et 45");
}

TEST_CASE("Days of the month", "[describe]") {
  CHECK(En("0 0 1 * *") == "At 00:00, on day 1 of the month");
  CHECK(Fr("0 0 1 * *") == "À 00:00, le 1er du mois");
  CHECK(En("0 0 15 * *") == "At 00:00, on day 15 of the month");
  CHECK(Fr("0 0 15 * *") == "À 00:00, le 15 du mois");
  CHECK(En("0 0 1,15 * *") == "At 00:00, on day 1 and 15 of the month");
  CHECK(Fr("0 0 1,15 * *") == "À 00:00, les 1er et 15 du mois");
  CHECK(En("0 0 1-15 * *") == "At 00:00, between day 1 and 15 of the month");
  CHECK(Fr("0 0 1-15 * *") == "À 00:00, du 1er au 15 du mois");
  CHECK(En("0 0 */2 * *") == "At 00:00, every 2 days");
  CHECK(Fr("0 0 */2 * *") == "À 00:00, tous les 2 jours");
  CHECK(En("0 0 1/5 * *") == "At 00:00, every 5 days, between day 1 and 31 of the month");
  CHECK(Fr("0 0 1-20/5 * *") == "À 00:00, tous les 5 jours, du 1er au 16 du mois");
  CHECK(En("0 0 1-5,10 * *") == "At 00:00, on day 1 through 5 and 10 of the month");
  CHECK(Fr("0 0 1-5,10 * *") == "À 00:00, du 1er au 5 et le 10 du mois");
}

TEST_CASE("L and W in the day of the month", "[describe]") {
  CHECK(En("0 0 L * *") == "At 00:00, on the last day of the month");
  CHECK(Fr("0 0 L * *") == "À 00:00, le dernier jour du mois");
  CHECK(En("0 0 LW * *") == "At 00:00, on the last weekday of the month");
  CHECK(Fr("0 0 LW * *") == "À 00:00, le dernier jour ouvré du mois");
  CHECK(En("0 0 15W * *") == "At 00:00, on the weekday nearest day 15 of the month");
  CHECK(Fr("0 0 15W * *") == "À 00:00, le jour ouvré le plus proche du 15 du mois");
  CHECK(Fr("0 0 1W * *") == "À 00:00, le jour ouvré le plus proche du 1er du mois");
  CHECK(En("0 0 1,L * *") == "At 00:00, on day 1 of the month and on the last day of the month");
  CHECK(Fr("0 0 1,L * *") == "À 00:00, le 1er du mois et le dernier jour du mois");
  CHECK(En("0 0 1,15W,LW * *") ==
        "At 00:00, on day 1 of the month, on the weekday nearest day 15 of the month and on the "
        "last weekday of the month");
}

TEST_CASE("Days of the week", "[describe]") {
  CHECK(En("0 0 * * 1") == "At 00:00, only on Monday");
  CHECK(Fr("0 0 * * 1") == "À 00:00, uniquement le lundi");
  CHECK(En("0 0 * * 1,3,5") == "At 00:00, only on Monday, Wednesday and Friday");
  CHECK(Fr("0 0 * * 1,3,5") == "À 00:00, uniquement le lundi, mercredi et vendredi");
  CHECK(En("0 0 * * 1-3,5") == "At 00:00, Monday through Wednesday and Friday");
  CHECK(Fr("0 0 * * 1-3,5") == "À 00:00, du lundi au mercredi et le vendredi");
  CHECK(En("0 0 * * 5-7") == "At 00:00, Friday through Sunday");
  // 0 and 7 are both Sunday: said once.
  CHECK(En("0 0 * * 0,7") == "At 00:00, only on Sunday");
  CHECK(En("0 0 * * 7") == "At 00:00, only on Sunday");
  // A weekday step is spelt out: "every 2 days of the week" says less than the days.
  CHECK(En("0 0 * * */2") == "At 00:00, only on Sunday, Tuesday, Thursday and Saturday");
  CHECK(Fr("0 0 * * 1/2") == "À 00:00, uniquement le lundi, mercredi, vendredi et dimanche");
}

TEST_CASE("nL and n#k in the day of the week", "[describe]") {
  CHECK(En("0 0 * * 5L") == "At 00:00, on the last Friday of the month");
  CHECK(Fr("0 0 * * 5L") == "À 00:00, le dernier vendredi du mois");
  CHECK(En("0 0 * * 5#3") == "At 00:00, on the third Friday of the month");
  CHECK(Fr("0 0 * * 5#3") == "À 00:00, le troisième vendredi du mois");
  CHECK(En("0 0 * * 1#1") == "At 00:00, on the first Monday of the month");
  CHECK(Fr("0 0 * * 1#1") == "À 00:00, le premier lundi du mois");
  CHECK(En("0 0 * * SUN#5") == "At 00:00, on the fifth Sunday of the month");
  // Next to nL or n#k, a plain weekday loses its "only".
  CHECK(En("0 0 * * 1,5L,2#2") ==
        "At 00:00, on Monday, on the last Friday of the month and on the second Tuesday of the "
        "month");
  CHECK(Fr("0 0 * * 1,5L,2#2") ==
        "À 00:00, le lundi, le dernier vendredi du mois et le deuxième mardi du mois");
}

TEST_CASE("Both day fields restricted combine with or", "[describe]") {
  CHECK(En("0 0 1,15 * 1") == "At 00:00, on day 1 and 15 of the month or on Monday");
  CHECK(Fr("0 0 1,15 * 1") == "À 00:00, les 1er et 15 du mois ou le lundi");
  CHECK(En("0 0 1 * 1-5") == "At 00:00, on day 1 of the month or Monday through Friday");
  CHECK(Fr("0 0 1 * 1-5") == "À 00:00, le 1er du mois ou du lundi au vendredi");
  CHECK(En("0 0 L * 5#3") ==
        "At 00:00, on the last day of the month or on the third Friday of the month");
  CHECK(En("0 0 */2 * 1,3") == "At 00:00, every 2 days or on Monday and Wednesday");
  // `?` leaves the field out of the OR, like `*`.
  CHECK(En("0 0 ? * MON") == "At 00:00, only on Monday");
  CHECK(En("0 0 1 * ?") == "At 00:00, on day 1 of the month");
}

TEST_CASE("Months", "[describe]") {
  CHECK(En("0 0 * 1 *") == "At 00:00, only in January");
  CHECK(Fr("0 0 * 1 *") == "À 00:00, uniquement en janvier");
  CHECK(En("0 0 * JAN-MAR *") == "At 00:00, January through March");
  CHECK(Fr("0 0 * 1-3 *") == "À 00:00, de janvier à mars");
  CHECK(En("0 0 * */3 *") == "At 00:00, every 3 months");
  CHECK(Fr("0 0 * */3 *") == "À 00:00, tous les 3 mois");
  CHECK(En("0 0 * 2/3 *") == "At 00:00, every 3 months, February through November");
  CHECK(Fr("0 0 * 2/3 *") == "À 00:00, tous les 3 mois, de février à novembre");
  CHECK(En("0 0 * 1,3,5 *") == "At 00:00, only in January, March and May");
  CHECK(Fr("0 0 * 1,3,5 *") == "À 00:00, uniquement en janvier, mars et mai");
  CHECK(En("0 0 * 1-3,6 *") == "At 00:00, only in January through March and June");
  CHECK(Fr("0 0 * 1-3,6 *") == "À 00:00, de janvier à mars et en juin");
}

TEST_CASE("French elides de before a vowel", "[describe]") {
  CHECK(Fr("0 0 * 4-8,10 *") == "À 00:00, d'avril à août et en octobre");
  CHECK(Fr("0 0 * 10-12 *") == "À 00:00, d'octobre à décembre");
  CHECK(Fr("0 0 * 8/2 *") == "À 00:00, tous les 2 mois, d'août à décembre");
}

TEST_CASE("All fields together read time, days, then months", "[describe]") {
  CHECK(En("30 6 1 1 *") == "At 06:30, on day 1 of the month, only in January");
  CHECK(Fr("30 6 1 1 *") == "À 06:30, le 1er du mois, uniquement en janvier");
  CHECK(En("*/10 8-17 * 6-8 1-5") ==
        "Every 10 minutes from 08:00 through 17:50, Monday through Friday, June through August");
  CHECK(Fr("*/10 8-17 * 6-8 1-5") ==
        "Toutes les 10 minutes de 08:00 à 17:50, du lundi au vendredi, de juin à août");
  CHECK(En("* * 1 * *") == "Every minute, on day 1 of the month");
}

TEST_CASE("A range over a whole field reads like *", "[describe]") {
  CHECK(En("0-59 0-23 * 1-12 *") == "Every minute");
  CHECK(Fr("0-59 0-23 * 1-12 *") == "Toutes les minutes");
  CHECK(En("0 0-23 * * *") == "Every hour");
  CHECK(En("0-59/10 * * * *") == "Every 10 minutes");
  // Still a restriction for the day-of-month/day-of-week OR, so still said.
  CHECK(En("0 0 1 * 0-7") == "At 00:00, on day 1 of the month or Sunday through Saturday");
}

TEST_CASE("Macros are described by their schedule", "[describe]") {
  CHECK(En("@daily") == "At 00:00");
  CHECK(Fr("@daily") == "À 00:00");
  CHECK(En("@midnight") == "At 00:00");
  CHECK(En("@hourly") == "Every hour");
  CHECK(Fr("@hourly") == "Toutes les heures");
  CHECK(En("@weekly") == "At 00:00, only on Sunday");
  CHECK(Fr("@weekly") == "À 00:00, uniquement le dimanche");
  CHECK(En("@monthly") == "At 00:00, on day 1 of the month");
  CHECK(Fr("@monthly") == "À 00:00, le 1er du mois");
  CHECK(En("@yearly") == "At 00:00, on day 1 of the month, only in January");
  CHECK(Fr("@annually") == "À 00:00, le 1er du mois, uniquement en janvier");
}

TEST_CASE("Locales are chosen by their language part, in any case", "[describe]") {
  for (const char* locale : {"en", "EN", "en_US", "en-GB", "en_US.UTF-8"}) {
    CHECK(In(locale, "30 2 * * 1-5") == "At 02:30, Monday through Friday");
    CHECK(IsSupportedLocale(locale));
  }
  for (const char* locale : {"fr", "Fr", "fr_FR", "fr-CA", "FR_be"}) {
    CHECK(In(locale, "30 2 * * 1-5") == "À 02:30, du lundi au vendredi");
    CHECK(IsSupportedLocale(locale));
  }
}

TEST_CASE("Any other locale is refused, naming the supported ones", "[describe]") {
  auto expr = Expression::Parse("0 0 * * *");
  REQUIRE(expr.ok());
  auto result = Describe(*expr, "de");
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == Status::Code::kInvalidArgument);
  CHECK(result.status().message() == "unsupported locale 'de': supported locales are en, fr");
  CHECK(Describe(*expr, "de_DE").status().message() ==
        "unsupported locale 'de_DE': supported locales are en, fr");
  for (const char* locale : {"", "e", "eng", "french", "_fr", "de-CH", "english"}) {
    CHECK_FALSE(IsSupportedLocale(locale));
    CHECK_FALSE(Describe(*expr, locale).ok());
  }
}

TEST_CASE("Every item kind in every position gets a non-empty description", "[describe]") {
  const char* fields[][6] = {
      // minute, hour, day of month, month, day of week
      {"*", "*/5", "3/4", "1-5", "2-20/3", "0,5-10,20/15"},
      {"*", "*/5", "3/4", "1-5", "2-20/3", "0,5-10,20/15"},
      {"?", "L", "LW", "15W", "*/3", "1,L,5W,10-12"},
      {"*", "*/2", "3/4", "JAN-JUN", "2-11/3", "1,3-5,7/2"},
      {"?", "5L", "2#3", "MON-FRI", "*/2", "1,5L,0#1,2-4"},
  };
  for (const char* minute : fields[0]) {
    for (const char* hour : fields[1]) {
      for (const char* dom : fields[2]) {
        for (const char* month : fields[3]) {
          for (const char* dow : fields[4]) {
            const std::string cron = std::string(minute) + " " + hour + " " + dom + " " + month +
                                     " " + dow;
            INFO(cron);
            auto expr = Expression::Parse(cron);
            REQUIRE(expr.ok());
            for (const char* locale : {"en", "fr"}) {
              auto text = Describe(*expr, locale);
              REQUIRE(text.ok());
              CHECK_FALSE(text->empty());
              CHECK(text->find("{") == std::string::npos);
            }
          }
        }
      }
    }
  }
}
