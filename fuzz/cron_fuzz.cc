// Fuzz target for the cron parser and the next/previous-run engine.
// Input: an expression; its bytes also choose a start instant and a zone. Beyond "no crash",
// it checks the engine's contracts: next > from, previous < from, a run matches, and the
// normalised form parses back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cron/expression.h"
#include "cron/schedule.h"
#include "cron/time_zone.h"

using namespace bjlg::cron;

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

const TimeZone& PickZone(uint8_t selector) {
  static const TimeZone zones[] = {
      TimeZone(), *TimeZone::Named("Europe/Paris"), *TimeZone::Named("America/New_York"),
      *TimeZone::Named("Australia/Lord_Howe"), *TimeZone::Named("Asia/Kolkata"), TimeZone::Fixed(-3600 * 3),
  };
  return zones[selector % (sizeof zones / sizeof zones[0])];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  SyntaxError error;
  auto parsed = Expression::Parse(text, &error);
  if (!parsed.ok()) {
    Require(!error.reason.empty());
    Require(error.position <= size || error.position == Expression::kMaxLength);
    return 0;
  }
  const Expression& expr = *parsed;
  auto again = Expression::Parse(expr.normalized());
  Require(again.ok() && again->normalized() == expr.normalized());

  uint64_t seed = 1469598103934665603ull;
  for (size_t i = 0; i < size; ++i) seed = (seed ^ data[i]) * 1099511628211ull;
  // Start instants between 1900 and 2300.
  const Instant from = -2208988800 + static_cast<Instant>(seed % (400ull * 366 * 86400));
  const TimeZone& zone = PickZone(static_cast<uint8_t>(seed >> 56));

  const auto next = NextRun(expr, from, zone);
  if (expr.NeverFires()) Require(!next.has_value() && !PreviousRun(expr, from, zone).has_value());
  if (next) {
    Require(*next > from);
    Require(Matches(expr, *next, zone));
    const auto back = PreviousRun(expr, *next, zone, true);
    Require(back && *back == *next);
  }
  const auto previous = PreviousRun(expr, from, zone);
  if (previous) Require(*previous < from);
  NextRuns(expr, from, zone, 8);
  return 0;
}
