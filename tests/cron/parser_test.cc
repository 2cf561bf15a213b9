#include <catch2/catch.hpp>
#include <string>

#include "cron/expression.h"

using bjlg::cron::Expression;
using bjlg::cron::Field;
using bjlg::cron::SyntaxError;

namespace {

SyntaxError ErrorOf(const std::string& text) {
  SyntaxError error;
  auto result = Expression::Parse(text, &error);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().message() == error.ToString());
  return error;
}

std::string Normalized(const std::string& text) {
  auto result = Expression::Parse(text);
  if (!result.ok()) return "error: " + result.status().message();
  return result->normalized();
}

}  // namespace

TEST_CASE("The normalised form collapses blanks, expands macros and keeps names upper-case", "[parser]") {
  CHECK(Normalized("  0   3  *  *  *  ") == "0 3 * * *");
  CHECK(Normalized("00 03 * * *") == "0 3 * * *");
  CHECK(Normalized("0 0 * jan-mar mon") == "0 0 * JAN-MAR MON");
  CHECK(Normalized("@daily") == "0 0 * * *");
  CHECK(Normalized("@DAILY") == "0 0 * * *");
  CHECK(Normalized("@yearly") == "0 0 1 1 *");
  CHECK(Normalized("@annually") == "0 0 1 1 *");
  CHECK(Normalized("@monthly") == "0 0 1 * *");
  CHECK(Normalized("@weekly") == "0 0 * * 0");
  CHECK(Normalized("@midnight") == "0 0 * * *");
  CHECK(Normalized("@hourly") == "0 * * * *");
  CHECK(Normalized("5/15 * ? * *") == "5/15 * ? * *");
  CHECK(Normalized("0 0 l * *") == "0 0 L * *");
  CHECK(Normalized("0 0 lw * *") == "0 0 LW * *");
  CHECK(Normalized("0 0 15w * *") == "0 0 15W * *");
  CHECK(Normalized("0 0 * * fri#3,5l") == "0 0 * * FRI#3,5L");
  CHECK(Normalized("0\t0\t*\t*\t*") == "0 0 * * *");
  CHECK(Normalized("0 0 * * fri-sun") == "0 0 * * FRI-SUN");
}

TEST_CASE("Expanded sets follow Vixie semantics", "[parser]") {
  auto e = *Expression::Parse("5/15 0-23/6 * * 5-7");
  CHECK(e.minutes().count() == 4);
  CHECK(e.minutes().test(5));
  CHECK(e.minutes().test(50));
  CHECK(e.hours().count() == 4);
  CHECK(e.hour_is_periodic());
  CHECK(Expression::Parse("0 0 * * 0-7")->day_of_week_unrestricted() == false);
  CHECK(Expression::Parse("0 2,14 * * *")->hour_is_periodic() == false);
  CHECK(Expression::Parse("0 0-23 * * *")->hour_is_periodic() == true);
  CHECK(Expression::Parse("0 0 1 * 1")->days_combine_with_or());
  CHECK_FALSE(Expression::Parse("0 0 ? * 1")->days_combine_with_or());
  CHECK_FALSE(Expression::Parse("0 0 1 * *")->days_combine_with_or());
  CHECK(Expression::Parse("0 0 */2 * 1")->days_combine_with_or());
  CHECK(Expression::Parse("0 0 @", nullptr).ok() == false);
}

TEST_CASE("Never-firing expressions are recognised from their fields", "[parser]") {
  CHECK(Expression::Parse("0 0 30 2 *")->NeverFires());
  CHECK(Expression::Parse("0 0 31 4,6,9,11 *")->NeverFires());
  CHECK(Expression::Parse("0 0 30W 2 *")->NeverFires());
  CHECK_FALSE(Expression::Parse("0 0 29 2 *")->NeverFires());
  CHECK_FALSE(Expression::Parse("0 0 30 2 1")->NeverFires());  // OR with Mondays
  CHECK_FALSE(Expression::Parse("0 0 L 2 *")->NeverFires());
  CHECK_FALSE(Expression::Parse("0 0 * 2 5#5")->NeverFires());
}

TEST_CASE("Syntax errors name the field, the position and the reason", "[parser]") {
  SyntaxError e = ErrorOf("60 * * * *");
  CHECK(e.field == Field::kMinute);
  CHECK(e.position == 0);
  CHECK(e.reason == "value 60 is out of range 0-59");
  CHECK(e.suggestion == "0-59");
  CHECK(e.ToString() == "minute field, position 0: value 60 is out of range 0-59 (try: 0-59)");

  e = ErrorOf("0 24 * * *");
  CHECK(e.field == Field::kHour);
  CHECK(e.position == 2);
  e = ErrorOf("0 0 32 * *");
  CHECK(e.field == Field::kDayOfMonth);
  e = ErrorOf("0 0 0 * *");
  CHECK(e.reason == "value 0 is out of range 1-31");
  e = ErrorOf("0 0 * 13 *");
  CHECK(e.field == Field::kMonth);
  e = ErrorOf("0 0 * * 8");
  CHECK(e.reason == "value 8 is out of range 0-7");
}

TEST_CASE("Steps, ranges and lists are checked", "[parser]") {
  CHECK(ErrorOf("*/0 * * * *").reason == "step 0 is not allowed: a step must be at least 1");
  CHECK(ErrorOf("0/0 * * * *").field == Field::kMinute);
  CHECK(ErrorOf("*/ * * * *").reason == "the step after '/' is missing");
  CHECK(ErrorOf("*/90 * * * *").reason ==
        "step 90 is larger than the minute range 0-59, so it would fire only once per hour");
  SyntaxError reversed = ErrorOf("0 12 * * 5-1");
  CHECK(reversed.field == Field::kDayOfWeek);
  CHECK(reversed.position == 9);
  CHECK(reversed.suggestion == "1-5");
  CHECK(ErrorOf("1-2-3 * * * *").reason == "unexpected character '-'");
  CHECK(ErrorOf("0 0 * * 5-0").suggestion == "5-7");
  CHECK(ErrorOf("0 0 * * 1,,2").reason == "empty item in the list");
  CHECK(ErrorOf("0 0 * * 1,").reason == "the list ends with a comma");
  CHECK(ErrorOf("-5 * * * *").reason == "unexpected character '-'");
  CHECK(ErrorOf("*,5 * * * *").reason == "* cannot be combined with other items");
}

TEST_CASE("Names are three letters, in their own field", "[parser]") {
  SyntaxError e = ErrorOf("0 0 * * monday");
  CHECK(e.reason == "unknown name 'MONDAY' (day-of-week names are SUN-SAT)");
  CHECK(e.suggestion == "MON");
  CHECK(ErrorOf("jan * * * *").reason == "names such as JAN are not allowed in the minute field");
  CHECK(ErrorOf("0 0 * mon *").reason == "MON is a day name, not valid in the month field");
  CHECK(ErrorOf("0 0 * * jan").reason == "JAN is a month name, not valid in the day-of-week field");
  CHECK(ErrorOf("0 0 * * xyz").reason == "unknown name 'XYZ' (day-of-week names are SUN-SAT)");
}

TEST_CASE("Special characters are accepted only where they mean something", "[parser]") {
  CHECK(ErrorOf("? * * * *").reason == "? is only allowed in the day-of-month and day-of-week fields");
  CHECK(ErrorOf("0 0 * * L").suggestion == "5L");
  CHECK(ErrorOf("0 0 L-3 * *").reason == "offsets from the last day (L-n) are not supported");
  CHECK(ErrorOf("0 0 * * 5W").reason == "W is only allowed in the day-of-month field");
  CHECK(ErrorOf("0 0 * * 5#6").reason == "occurrence #6 is out of range 1-5");
  CHECK(ErrorOf("0 0 * * 5#").reason == "the occurrence after '#' is missing (1-5)");
  CHECK(ErrorOf("0 0 3#1 * *").field == Field::kDayOfMonth);
  CHECK(ErrorOf("0 0 * * 5L2").reason == "nothing may follow nL");
}

TEST_CASE("Macros are known by name, with a suggestion for near misses", "[parser]") {
  SyntaxError e = ErrorOf("@dayly");
  CHECK(e.suggestion == "@daily");
  CHECK_FALSE(e.field.has_value());
  CHECK(ErrorOf("@hourli").suggestion == "@hourly");
  CHECK(ErrorOf("@whenever").suggestion.empty());
  CHECK(ErrorOf("@reboot").reason == "@reboot has no schedule and is not supported");
  CHECK(ErrorOf("@daily 5").reason == "a macro such as @daily stands alone");
}

TEST_CASE("The field count is exactly five, and extra fields are explained", "[parser]") {
  SyntaxError e = ErrorOf("0 30 2 * * ?");
  CHECK(e.reason.find("the first field looks like seconds") != std::string::npos);
  CHECK(e.suggestion == "30 2 * * ?");
  e = ErrorOf("30 2 * * * 2026");
  CHECK(e.reason.find("the last field looks like a year") != std::string::npos);
  CHECK(e.suggestion == "30 2 * * *");
  CHECK(ErrorOf("0 0 * *").reason ==
        "expected 5 fields (minute hour day-of-month month day-of-week), found 4: the day-of-week field is missing");
  CHECK(ErrorOf("0 30 2 * * ? 2026").suggestion == "30 2 * * ?");
  CHECK(ErrorOf("1 2 3 4 5 6 7 8").reason.find("found 8") != std::string::npos);
}

TEST_CASE("Hostile input is refused quickly and precisely", "[parser]") {
  CHECK(ErrorOf("").reason == "the expression is empty");
  CHECK(ErrorOf("   \t ").reason == "the expression is empty");
  CHECK(ErrorOf(std::string(10 * 1024 * 1024, '*')).reason ==
        "the expression is 10485760 bytes long; at most 1024 are accepted");
  SyntaxError nul = ErrorOf(std::string("0 0 *\0 * *", 10));
  CHECK(nul.reason == "NUL byte in the expression");
  CHECK(nul.position == 5);
  SyntaxError utf8 = ErrorOf("0 0 * * lun\xC3\xA9");
  CHECK(utf8.position == 11);
  CHECK(utf8.reason.rfind("byte 0xC3 is not allowed", 0) == 0);
  CHECK(ErrorOf("0 0 * * \xFF").position == 8);
  CHECK(ErrorOf("99999999999999999999 * * * *").reason == "value 99999999999999999999 is out of range 0-59");
  CHECK(ErrorOf("*/99999999999999999 * * * *").field == Field::kMinute);
}
