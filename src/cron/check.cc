// Guardrails, decided from the fields rather than by sampling runs.
//
// Minutes and hours do not depend on the day, so the times of a matching day are the product
// of the hour and minute sets; which days match repeats every 400 Gregorian years (146097 days,
// a whole number of weeks). One pass over that cycle with Expression::DayMask gives the exact
// number of matching days and the smallest distance between two of them, hence the smallest
// gap between runs and the average runs per day. Both are on the wall clock: what DST does to
// real gaps is reported by the dst_* warnings instead (check_dst.cc); overlaps with other
// schedules are in check_overlap.cc.
#include "cron/check.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "cron/calendar.h"
#include "cron/check_internal.h"
#include "cron/describe.h"
#include "cron/format.h"
#include "cron/schedule.h"

namespace bjlg::cron {

namespace check_internal {

int64_t LocalDay(Instant t, const TimeZone& zone) {
  return FloorDiv(t + zone.OffsetAt(t), kSecondsPerDay);
}

Text::Text(std::string_view locale) : locale_(locale), fr_(IsFrench(locale)) {}

std::string Text::Quote(const std::string& s) const {
  return fr_ ? "«\u00a0" + s + "\u00a0»" : "“" + s + "”";
}

std::string Text::Colon() const { return fr_ ? "\u00a0:" : ":"; }

std::string Text::Semicolon() const { return fr_ ? "\u202f;" : ";"; }

std::string Text::Duration(int64_t seconds) const { return FormatDuration(seconds, locale_); }

std::string Text::FieldLabel(Field field) const {
  static const char* const kFrench[] = {"minute", "heure", "jour du mois", "mois",
                                        "jour de la semaine"};
  return fr_ ? kFrench[static_cast<int>(field)] : FieldName(field);
}

std::string Text::List(const std::vector<std::string>& items) const {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? (fr_ ? " et " : " and ") : ", ";
    out += items[i];
  }
  return out;
}

std::string Text::Time(Instant t, const TimeZone& zone) {
  return FormatLocalMinute(t + zone.OffsetAt(t));
}

}  // namespace check_internal

namespace {

using check_internal::DayMatcher;
using check_internal::LocalDay;
using check_internal::Text;

constexpr int64_t kCycleDays = 146097;
constexpr int kCycleYears = 400;
constexpr int kCycleFirstYear = 2000;
constexpr int64_t kMinutesPerDay = 1440;
constexpr int kMaxYear = 9999;

// Which days match, summarised over one 400-year cycle.
struct CycleFacts {
  int64_t matching_days = 0;
  int64_t min_day_gap = 0;  // between consecutive matching days, cyclically; 0 when none
};

CycleFacts ScanCycle(const Expression& expr) {
  CycleFacts facts;
  const int64_t base = DaysFromCivil(kCycleFirstYear, 1, 1);
  int64_t first = -1, previous = -1;
  int64_t min_gap = std::numeric_limits<int64_t>::max();
  for (int year = kCycleFirstYear; year < kCycleFirstYear + kCycleYears; ++year) {
    for (unsigned month = 1; month <= 12; ++month) {
      uint32_t mask = expr.DayMask(year, month);
      while (mask != 0) {
        const unsigned day = static_cast<unsigned>(__builtin_ctz(mask)) + 1;
        mask &= mask - 1;
        const int64_t index = DaysFromCivil(year, month, day) - base;
        if (previous >= 0) {
          min_gap = std::min(min_gap, index - previous);
        } else {
          first = index;
        }
        previous = index;
        ++facts.matching_days;
      }
    }
  }
  if (facts.matching_days > 0) {
    facts.min_day_gap = std::min(min_gap, first + kCycleDays - previous);
  }
  return facts;
}

// The times of a matching day, in minutes after midnight, ascending.
std::vector<int> TimesOfDay(const Expression& expr) {
  std::vector<int> times;
  for (int hour = 0; hour < 24; ++hour) {
    if (!expr.hours()[hour]) continue;
    for (int minute = 0; minute < 60; ++minute) {
      if (expr.minutes()[minute]) times.push_back(hour * 60 + minute);
    }
  }
  return times;
}

// The smallest wall-clock gap between runs, split by where it occurs.
struct Cadence {
  int64_t min_minutes = 0;
  bool within_a_day = false;  // between two times of the same day
  bool across_days = false;   // from a day's last time to the next matching day's first
};

Cadence ComputeCadence(const std::vector<int>& times, const CycleFacts& facts) {
  int64_t within = std::numeric_limits<int64_t>::max();
  for (size_t i = 1; i < times.size(); ++i) {
    within = std::min<int64_t>(within, times[i] - times[i - 1]);
  }
  const int64_t across = facts.min_day_gap * kMinutesPerDay - (times.back() - times.front());
  Cadence cadence;
  cadence.min_minutes = std::min(within, across);
  cadence.within_a_day = within == cadence.min_minutes;
  cadence.across_days = across == cadence.min_minutes;
  return cadence;
}

// Two consecutive runs after `from` that are exactly the minimum gap apart. The days where
// the gap can occur are found on the calendar; the runs around such a day are then walked with
// the engine (DST may stretch a gap on some day: then the next such day is tried).
std::optional<std::pair<Instant, Instant>> FindClosestRuns(const Expression& expr,
                                                           const CheckOptions& options,
                                                           const Cadence& cadence,
                                                           const CycleFacts& facts) {
  const int64_t gap = cadence.min_minutes * 60;
  const int64_t first_day = LocalDay(options.from, options.zone);
  const int64_t last_day =
      std::min(first_day + 2 * kCycleDays, DaysFromCivil(kMaxYear, 12, 31) - facts.min_day_gap);
  DayMatcher today(expr), later(expr);
  for (int64_t day = first_day; day <= last_day; ++day) {
    if (!today.Matches(day)) continue;
    const bool candidate =
        cadence.within_a_day || (cadence.across_days && later.Matches(day + facts.min_day_gap));
    if (!candidate) continue;
    // Two days of margin cover any UTC offset.
    const Instant start = std::max(options.from, (day - 2) * kSecondsPerDay);
    const int64_t stop_day = day + std::max<int64_t>(facts.min_day_gap, 1) + 1;
    std::optional<Instant> previous = NextRun(expr, start, options.zone);
    while (previous && LocalDay(*previous, options.zone) <= stop_day) {
      const std::optional<Instant> next = NextRun(expr, *previous, options.zone);
      if (!next) break;
      if (*next - *previous == gap) return std::make_pair(*previous, *next);
      previous = next;
    }
  }
  return std::nullopt;
}

// The texts of the five fields as normalised.
std::vector<std::string> FieldTexts(const Expression& expr) {
  std::vector<std::string> fields;
  const std::string& text = expr.normalized();
  size_t start = 0;
  while (start <= text.size()) {
    const size_t space = text.find(' ', start);
    if (space == std::string::npos) {
      fields.push_back(text.substr(start));
      break;
    }
    fields.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  fields.resize(kFieldCount);
  return fields;
}

// ----- The checks -----------------------------------------------------------------------

// Like the plugin's suggest_cron_interval, extended past a day.
const char* SuggestExpression(int64_t min_interval_seconds) {
  static const std::pair<int64_t, const char*> kSuggestions[] = {
      {300, "*/5 * * * *"},  {900, "*/15 * * * *"},  {1800, "*/30 * * * *"},
      {3600, "0 * * * *"},   {86400, "0 0 * * *"},    {7 * 86400, "0 0 * * 0"},
      {28 * 86400, "0 0 1 * *"}};
  for (const auto& [seconds, expression] : kSuggestions) {
    if (min_interval_seconds <= seconds) return expression;
  }
  return "0 0 1 1 *";
}

CheckWarning TooFrequent(const Expression& expr, const CheckOptions& options,
                         const Cadence& cadence, const CycleFacts& facts, const Text& text) {
  const int64_t gap = cadence.min_minutes * 60;
  const std::string suggestion = SuggestExpression(options.min_interval_seconds);
  CheckWarning warning{"too_frequent", "error", "", nlohmann::json::object()};
  warning.evidence["gap_seconds"] = gap;
  warning.evidence["min_interval_seconds"] = options.min_interval_seconds;
  warning.evidence["suggestion"] = suggestion;
  std::string runs;
  if (auto pair = FindClosestRuns(expr, options, cadence, facts)) {
    warning.evidence["runs"] = {FormatIso8601(pair->first, options.zone),
                                FormatIso8601(pair->second, options.zone)};
    runs = " (" + Text::Time(pair->first, options.zone) + (text.fr() ? " et " : " and ") +
           Text::Time(pair->second, options.zone) + ")";
  }
  if (text.fr()) {
    warning.message = "Deux exécutions peuvent n’être espacées que de " + text.Duration(gap) +
                      runs + text.Semicolon() + " choisissez un intervalle d’au moins " +
                      text.Duration(options.min_interval_seconds) + " (ex. " +
                      text.Quote(suggestion) + ").";
  } else {
    warning.message = "Runs can be as little as " + text.Duration(gap) + " apart" + runs +
                      "; choose an interval of at least " +
                      text.Duration(options.min_interval_seconds) + " (e.g. " +
                      text.Quote(suggestion) + ").";
  }
  return warning;
}

CheckWarning NeverFires(const Expression& expr, const Text& text) {
  const std::vector<std::string> fields = FieldTexts(expr);
  std::vector<Field> conflict;
  if (!expr.day_of_month_unrestricted()) conflict.push_back(Field::kDayOfMonth);
  if (!expr.day_of_week_unrestricted()) conflict.push_back(Field::kDayOfWeek);
  conflict.push_back(Field::kMonth);
  CheckWarning warning{"never_fires", "error", "", nlohmann::json::object()};
  warning.evidence["fields"] = nlohmann::json::array();
  std::vector<std::string> described;
  for (Field field : conflict) {
    const std::string& value = fields[static_cast<int>(field)];
    warning.evidence["fields"].push_back(FieldName(field));
    described.push_back(text.FieldLabel(field) + " (" + value + ")");
  }
  warning.evidence["day_of_month"] = fields[static_cast<int>(Field::kDayOfMonth)];
  warning.evidence["month"] = fields[static_cast<int>(Field::kMonth)];
  warning.evidence["day_of_week"] = fields[static_cast<int>(Field::kDayOfWeek)];
  if (text.fr()) {
    warning.message = "Cette expression ne se déclenche jamais" + text.Colon() +
                      " aucune date ne correspond à la fois à ses champs " + text.List(described) +
                      ".";
  } else {
    warning.message = "This expression never fires: no date matches its " +
                      text.List(described) + " fields together.";
  }
  return warning;
}

CheckWarning Rare(const Expression& expr, const CheckOptions& options, int64_t runs_per_cycle,
                  const Text& text) {
  const double per_year = static_cast<double>(runs_per_cycle) / kCycleYears;
  CheckWarning warning{"rare", "warning", "", nlohmann::json::object()};
  warning.evidence["runs_per_year"] = per_year;
  warning.evidence["runs_per_400_years"] = runs_per_cycle;
  warning.evidence["next_runs"] = nlohmann::json::array();
  const std::vector<Instant> next = NextRuns(expr, options.from, options.zone, 3);
  for (Instant t : next) warning.evidence["next_runs"].push_back(FormatIso8601(t, options.zone));
  const std::string average = FormatNumber(per_year, 4, text.locale());
  if (text.fr()) {
    warning.message = "Cette expression se déclenche au plus une fois par an (" + average +
                      (per_year >= 2 ? " exécutions" : " exécution") + " par an en moyenne)";
    if (!next.empty()) {
      warning.message += text.Semicolon() + " prochaine exécution" + text.Colon() + " " +
                         Text::Time(next.front(), options.zone);
    }
  } else {
    warning.message = "This expression fires at most once a year (" + average +
                      (per_year == 1 ? " run" : " runs") + " a year on average)";
    if (!next.empty()) warning.message += "; next run: " + Text::Time(next.front(), options.zone);
  }
  warning.message += ".";
  return warning;
}

CheckWarning DomDowOr(const Expression& expr, const CheckOptions& options, const Text& text) {
  const std::vector<std::string> fields = FieldTexts(expr);
  const std::string& dom = fields[static_cast<int>(Field::kDayOfMonth)];
  const std::string& month = fields[static_cast<int>(Field::kMonth)];
  const std::string& dow = fields[static_cast<int>(Field::kDayOfWeek)];
  CheckWarning warning{"dom_dow_or", "warning", "", nlohmann::json::object()};
  warning.evidence["day_of_month"] = dom;
  warning.evidence["day_of_week"] = dow;

  // Each day field alone, to find days that match one but not the other.
  auto by_dom = Expression::Parse("0 0 " + dom + " " + month + " *");
  auto by_dow = Expression::Parse("0 0 * " + month + " " + dow);
  std::string example, matched_by;
  if (by_dom.ok() && by_dow.ok()) {
    DayMatcher dom_matcher(*by_dom), dow_matcher(*by_dow);
    const int64_t first_day = LocalDay(options.from, options.zone);
    const int64_t last_day = std::min(first_day + kCycleDays, DaysFromCivil(kMaxYear, 12, 31));
    for (int64_t day = first_day; day <= last_day; ++day) {
      const bool d = dom_matcher.Matches(day), w = dow_matcher.Matches(day);
      if (d == w) continue;
      const char* key = d ? "only_day_of_month" : "only_day_of_week";
      if (warning.evidence.contains(key)) continue;
      const std::string date = FormatLocalIso8601(day * kSecondsPerDay).substr(0, 10);
      warning.evidence[key] = date;
      // The surprising example is a day that runs although its day-of-month is not listed.
      if (example.empty() || !d) {
        example = date;
        matched_by = d ? "dom" : "dow";
      }
      if (warning.evidence.contains("only_day_of_month") &&
          warning.evidence.contains("only_day_of_week")) {
        break;
      }
    }
  }
  if (text.fr()) {
    warning.message = "Le jour du mois (" + dom + ") et le jour de la semaine (" + dow +
                      ") sont tous deux définis" + text.Colon() +
                      " Cron applique un OU logique et s’exécute les jours qui correspondent à "
                      "l’un ou à l’autre, pas seulement à ceux qui correspondent aux deux";
    if (!example.empty()) {
      warning.message += " (ex. le " + example + " ne correspond qu’" +
                         (matched_by == "dom" ? "au jour du mois" : "au jour de la semaine") + ")";
    }
  } else {
    warning.message = "Day-of-month (" + dom + ") and day-of-week (" + dow +
                      ") are both set, so the expression runs on days matching either one (OR), "
                      "not only on days matching both";
    if (!example.empty()) {
      warning.message += " (e.g. " + example + " matches only the " +
                         (matched_by == "dom" ? "day-of-month" : "day-of-week") + ")";
    }
  }
  warning.message += ".";
  return warning;
}

Status Validate(const CheckOptions& options) {
  if (!IsSupportedLocale(options.locale)) {
    return Status::InvalidOption("locale", "must be a supported locale (\"en\" or \"fr\"), \"" +
                                               options.locale.substr(0, 100) + "\" given");
  }
  const char* const kNotNegative = "must be greater than or equal to 0";
  if (options.min_interval_seconds < 0) return Status::InvalidOption("min_interval", kNotNegative);
  if (options.duration_seconds < 0) return Status::InvalidOption("duration", kNotNegative);
  if (options.horizon_days < 1 || options.horizon_days > kMaxHorizonDays) {
    return Status::InvalidOption("horizon_days", "must be between 1 and " + std::to_string(kMaxHorizonDays));
  }
  for (size_t i = 0; i < options.others.size(); ++i) {
    if (options.others[i].duration_seconds < 0) {
      return Status::InvalidOption("schedules", "[" + std::to_string(i) + "][\"duration\"] " + kNotNegative).AtItem(i);
    }
  }
  return Status::OK();
}

}  // namespace

Result<CheckReport> Check(const Expression& expr, const CheckOptions& options) {
  if (Status status = Validate(options); !status.ok()) return status;
  const Text text(options.locale);
  CheckReport report;

  const CycleFacts facts = ScanCycle(expr);
  if (expr.NeverFires() || facts.matching_days == 0) {
    report.warnings.push_back(NeverFires(expr, text));
    return report;
  }
  const std::vector<int> times = TimesOfDay(expr);
  const Cadence cadence = ComputeCadence(times, facts);
  const int64_t runs_per_cycle = facts.matching_days * static_cast<int64_t>(times.size());
  report.min_interval_seconds = cadence.min_minutes * 60;
  report.runs_per_day = static_cast<double>(runs_per_cycle) / kCycleDays;

  if (*report.min_interval_seconds < options.min_interval_seconds) {
    report.warnings.push_back(TooFrequent(expr, options, cadence, facts, text));
  }
  if (runs_per_cycle <= kCycleYears) {
    report.warnings.push_back(Rare(expr, options, runs_per_cycle, text));
  }
  if (expr.days_combine_with_or()) report.warnings.push_back(DomDowOr(expr, options, text));
  check_internal::CheckDst(expr, options, text, &report.warnings);
  check_internal::CheckOverlaps(expr, options, text, &report.warnings);
  return report;
}

}  // namespace bjlg::cron
