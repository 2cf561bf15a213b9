// DST guardrails.
//
// One warning per transition in [from, from + horizon_days) that touches a run (the
// policy they describe is the engine's, see schedule.h); evidence.effect says what happens:
//   dst_moved     spring gap, fixed-time runs       "moved_to_gap_end": they run once, when
//                                                   the gap ends
//   dst_skipped   spring gap, periodic-hour runs    "not_run"
//                 autumn fold, fixed-time runs      "first_occurrence_only": the second time
//                                                   the wall clock shows them, they do not run
//   dst_repeated  autumn fold, periodic-hour runs   "run_twice"
#include <algorithm>
#include <optional>

#include "cron/check_internal.h"
#include "cron/format.h"
#include "cron/schedule.h"

namespace bjlg::cron::check_internal {
namespace {

constexpr int kMaxTransitions = 10000;  // bounds the walk whatever the horizon
constexpr size_t kMaxListed = 12;       // wall times listed in the evidence
constexpr size_t kMaxInMessage = 5;     // ... and in the message

// Wall-clock minutes in [begin, end) at which the expression has a run.
std::vector<LocalSeconds> RunsOnWallClock(const Expression& expr, LocalSeconds begin,
                                          LocalSeconds end) {
  std::vector<LocalSeconds> runs;
  DayMatcher days(expr);
  for (LocalSeconds w = FloorDiv(begin + 59, 60) * 60; w < end; w += 60) {
    const int64_t day = FloorDiv(w, kSecondsPerDay);
    const int64_t second_of_day = w - day * kSecondsPerDay;
    if (expr.hours()[second_of_day / 3600] && expr.minutes()[second_of_day / 60 % 60] &&
        days.Matches(day)) {
      runs.push_back(w);
    }
  }
  return runs;
}

// Wall times for a message: "02:30", or "2011-12-30 02:30" when the change spans two dates.
std::string Clock(LocalSeconds t, bool with_date) {
  return with_date ? FormatLocalMinute(t) : FormatLocalClock(t);
}

std::string ClockList(const std::vector<LocalSeconds>& times, bool with_date) {
  std::string out;
  for (size_t i = 0; i < times.size() && i < kMaxInMessage; ++i) {
    if (i > 0) out += ", ";
    out += Clock(times[i], with_date);
  }
  if (times.size() > kMaxInMessage) out += ", …";
  return out;
}

// The warning for one offset transition at `at`, if it touches a run.
std::optional<CheckWarning> DstWarning(const Expression& expr, const CheckOptions& options,
                                       Instant at, int before, int after, const Text& text) {
  const bool gap = after > before;
  // The wall-clock interval that is skipped (gap) or shown twice (fold).
  const LocalSeconds wall_begin = at + std::min(before, after);
  const LocalSeconds wall_end = at + std::max(before, after);
  const std::vector<LocalSeconds> runs = RunsOnWallClock(expr, wall_begin, wall_end);
  if (runs.empty()) return std::nullopt;

  const bool periodic = expr.hour_is_periodic();
  CheckWarning warning{"", "warning", "", nlohmann::json::object()};
  std::string effect;
  if (gap) {
    warning.code = periodic ? "dst_skipped" : "dst_moved";
    effect = periodic ? "not_run" : "moved_to_gap_end";
  } else {
    warning.code = periodic ? "dst_repeated" : "dst_skipped";
    effect = periodic ? "run_twice" : "first_occurrence_only";
  }
  nlohmann::json& evidence = warning.evidence;
  evidence["transition"] = FormatIso8601(at, options.zone);
  evidence["offset_before"] = before;
  evidence["offset_after"] = after;
  evidence["wall_clock_from"] = FormatLocalIso8601(wall_begin);
  evidence["wall_clock_to"] = FormatLocalIso8601(wall_end);
  evidence["effect"] = effect;
  evidence["count"] = runs.size();
  evidence["wall_times"] = nlohmann::json::array();
  evidence["runs_at"] = nlohmann::json::array();
  for (size_t i = 0; i < runs.size() && i < kMaxListed; ++i) {
    evidence["wall_times"].push_back(FormatLocalIso8601(runs[i]));
    if (effect == "run_twice") {
      evidence["runs_at"].push_back(FormatIso8601(runs[i] - before, options.zone));
      evidence["runs_at"].push_back(FormatIso8601(runs[i] - after, options.zone));
    } else if (effect == "first_occurrence_only") {
      evidence["runs_at"].push_back(FormatIso8601(runs[i] - before, options.zone));
    }
  }
  if (effect == "moved_to_gap_end") evidence["runs_at"].push_back(FormatIso8601(at, options.zone));

  const bool several = runs.size() > 1;
  // Samoa skipped a whole day in 2011; São Paulo changed at midnight: then dates are needed.
  const bool spans_dates =
      FloorDiv(at + before, kSecondsPerDay) != FloorDiv(at + after, kSecondsPerDay);
  const std::string date = FormatLocalIso8601(wall_begin).substr(0, 10);
  const std::string from_clock = Clock(at + before, spans_dates);
  const std::string to_clock = Clock(at + after, spans_dates);
  const std::string clocks = ClockList(runs, spans_dates);
  const std::string zone = options.zone.name();
  const std::string shift = text.Duration(wall_end - wall_begin);
  std::string& m = warning.message;
  if (text.fr()) {
    m = (spans_dates ? "Les" : "Le " + date + ", les") + " horloges du fuseau " + zone +
        (gap ? " avancent" : " reculent") + " de " + from_clock + " à " + to_clock +
        text.Colon() + " ";
    const std::string runs_fr = several ? "les " + std::to_string(runs.size()) + " exécutions de "
                                        : "l’exécution de ";
    if (effect == "moved_to_gap_end") {
      m += runs_fr + clocks + (several ? " ont lieu une seule fois, à " : " a lieu à ") +
           to_clock + ".";
    } else if (effect == "not_run") {
      m += runs_fr + clocks + (several ? " n’ont pas lieu." : " n’a pas lieu.");
    } else if (effect == "first_occurrence_only") {
      m += runs_fr + clocks + (several ? " n’ont lieu qu’une fois" : " n’a lieu qu’une fois") +
           ", à la première occurrence de l’heure, et pas de nouveau " + shift + " plus tard.";
    } else {
      m += runs_fr + clocks + (several ? " ont lieu deux fois" : " a lieu deux fois") + ", à " +
           shift + " d’intervalle.";
    }
  } else {
    m = (spans_dates ? "The" : "On " + date + " the") + " clocks in " + zone +
        (gap ? " jump forward" : " go back") + " from " + from_clock + " to " + to_clock + ": ";
    const std::string runs_en =
        several ? "the " + std::to_string(runs.size()) + " runs at " : "the run at ";
    if (effect == "moved_to_gap_end") {
      m += runs_en + clocks + (several ? " happen once, at " : " happens at ") + to_clock +
           " instead.";
    } else if (effect == "not_run") {
      m += runs_en + clocks + (several ? " do not happen." : " does not happen.");
    } else if (effect == "first_occurrence_only") {
      m += runs_en + clocks + (several ? " happen once, the first time the clock shows them"
                                       : " happens once, the first time the clock shows it") +
           ", not again " + shift + " later.";
    } else {
      m += runs_en + clocks + (several ? " happen" : " happens") + " twice, " + shift +
           " apart.";
    }
  }
  return warning;
}

}  // namespace

void CheckDst(const Expression& expr, const CheckOptions& options, const Text& text,
              std::vector<CheckWarning>* warnings) {
  if (options.zone.is_fixed()) return;
  const Instant end = options.from + static_cast<int64_t>(options.horizon_days) * kSecondsPerDay;
  Instant t = options.from;
  for (int i = 0; i < kMaxTransitions; ++i) {
    const OffsetPeriod period = options.zone.PeriodAt(t);
    if (period.end <= t || period.end >= end) break;
    const int after = options.zone.OffsetAt(period.end);
    if (after != period.offset) {
      if (auto warning = DstWarning(expr, options, period.end, period.offset, after, text)) {
        warnings->push_back(std::move(*warning));
      }
    }
    t = period.end;
  }
}

}  // namespace bjlg::cron::check_internal
