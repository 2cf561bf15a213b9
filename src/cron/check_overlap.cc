// Overlap guardrail: the first runs of this schedule and of each other one, given their
// expected durations, that are running at the same time.
#include <algorithm>
#include <optional>
#include <utility>

#include "cron/check_internal.h"
#include "cron/format.h"
#include "cron/schedule.h"

namespace bjlg::cron::check_internal {
namespace {

// Bounds the walk: each step jumps to the next run that could meet the other schedule.
constexpr int kMaxOverlapSteps = 200000;

// The first runs of `expr` (lasting `duration`) and `other` (lasting `other_duration`) that
// overlap. Runs are [start, start + duration); two runs starting together always conflict,
// even with zero durations. Walks both sequences, jumping each to the first run that could
// still meet the other's current run.
std::optional<std::pair<Instant, Instant>> FirstOverlap(const Expression& expr,
                                                        int64_t duration,
                                                        const Expression& other,
                                                        int64_t other_duration, Instant from,
                                                        Instant end, const TimeZone& zone) {
  std::optional<Instant> a = NextRun(expr, from, zone);
  std::optional<Instant> b = NextRun(other, from, zone);
  for (int step = 0; step < kMaxOverlapSteps && a && b && *a < end && *b < end; ++step) {
    if (*a == *b || (*a < *b + other_duration && *b < *a + duration)) {
      return std::make_pair(*a, *b);
    }
    if (*a < *b) {
      a = NextRun(expr, *b - duration, zone, /*inclusive=*/duration == 0);
    } else {
      b = NextRun(other, *a - other_duration, zone, /*inclusive=*/other_duration == 0);
    }
  }
  return std::nullopt;
}

std::string OverlapMessage(const Text& text, const CheckOptions& options,
                           const OtherSchedule& other, Instant a, Instant b, int64_t overlap) {
  const std::string name = text.Quote(other.name);
  const std::string run = Text::Time(a, options.zone);
  const std::string other_run = Text::Time(b, options.zone);
  const std::string duration = text.Duration(options.duration_seconds);
  const std::string other_duration = text.Duration(other.duration_seconds);
  if (overlap > 0) {
    return text.fr() ? "Cette planification chevauche " + name + " pendant " +
                           text.Duration(overlap) + text.Colon() + " son exécution du " + run +
                           " (durée " + duration + ") et celle de " + name + " du " + other_run +
                           " (durée " + other_duration + ")."
                     : "This schedule overlaps " + name + " by " + text.Duration(overlap) +
                           ": its run at " + run + " (" + duration + ") and the run of " + name +
                           " at " + other_run + " (" + other_duration + ").";
  }
  if (a == b) {
    return text.fr() ? "Cette planification démarre en même temps que " + name + ", le " + run +
                           "."
                     : "This schedule starts at the same time as " + name + ", at " + run + ".";
  }
  // A run of zero duration starts while the other is still going.
  if (a < b) {
    return text.fr() ? name + " démarre le " + other_run +
                           " alors que l’exécution de cette planification du " + run +
                           " (durée " + duration + ") n’est pas terminée."
                     : name + " starts at " + other_run + " while this schedule's run of " + run +
                           " (" + duration + ") is still going.";
  }
  return text.fr() ? "Cette planification démarre le " + run + " alors que l’exécution de " +
                         name + " du " + other_run + " (durée " + other_duration +
                         ") n’est pas terminée."
                   : "This schedule starts at " + run + " while the run of " + name + " at " +
                         other_run + " (" + other_duration + ") is still going.";
}

}  // namespace

void CheckOverlaps(const Expression& expr, const CheckOptions& options, const Text& text,
                   std::vector<CheckWarning>* warnings) {
  const Instant end = options.from + static_cast<int64_t>(options.horizon_days) * kSecondsPerDay;
  for (const OtherSchedule& other : options.others) {
    const auto pair = FirstOverlap(expr, options.duration_seconds, other.expression,
                                   other.duration_seconds, options.from, end, options.zone);
    if (!pair) continue;
    const auto [a, b] = *pair;
    const int64_t overlap = std::max<int64_t>(
        0, std::min(a + options.duration_seconds, b + other.duration_seconds) - std::max(a, b));
    CheckWarning warning{"overlap", "warning", "", nlohmann::json::object()};
    warning.evidence["other"] = other.name;
    warning.evidence["run"] = FormatIso8601(a, options.zone);
    warning.evidence["other_run"] = FormatIso8601(b, options.zone);
    warning.evidence["duration_seconds"] = options.duration_seconds;
    warning.evidence["other_duration_seconds"] = other.duration_seconds;
    warning.evidence["overlap_seconds"] = overlap;
    warning.message = OverlapMessage(text, options, other, a, b, overlap);
    warnings->push_back(std::move(warning));
  }
}

}  // namespace bjlg::cron::check_internal
