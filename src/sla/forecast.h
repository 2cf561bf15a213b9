// Saturation forecast: when a destination's usage reaches a share of its quota, with an
// interval that means what it says, from samples of its usage over time.
//
// Real usage is not a straight line: every purge or rotation drops it (a sawtooth), a sample can
// be a glitch, days are missing, weeks have a rhythm, growth changes. The model (docs/sla.md):
//  1. sort; refuse negative or non-finite bytes, samples in the future, duplicated times;
//  2. drop glitches: a sample far from the median of its neighbours on both sides (Hampel);
//  3. find purges: drops larger than the noise of the day-to-day changes;
//  4. fit a robust line (Huber, recent samples weigh more, centred time, src/sla/robust_line.h):
//     with three purges or more, to the peak of each purge cycle (the upper envelope, whose
//     slope is the net growth across cycles); otherwise to all samples, one level per segment
//     between purges and one common slope;
//  5. project the line and its confidence band to the threshold, within the horizon.
#ifndef BJLG_SLA_FORECAST_H_
#define BJLG_SLA_FORECAST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::sla {

struct UsageSample {
  int64_t at = 0;            // Unix seconds
  double used_bytes = 0;     // >= 0, finite
  std::optional<double> quota_bytes;  // absent or 0: the destination reported no quota
  size_t index = 0;          // position in the caller's list, for messages
};

// Risk levels by days to the threshold: at most `critical_days` is critical, and so on; beyond
// `watch_days` ok.
struct RiskBands {
  double critical_days = 7;
  double warning_days = 30;
  double watch_days = 90;
};

struct ForecastOptions {
  double threshold = 0.85;            // share of the quota, in (0, 1]
  std::optional<int64_t> quota_bytes; // overrides the samples' quota; > 0
  std::optional<int64_t> now;         // default: the clock
  int64_t horizon_days = 730;         // 1 to 36500
  double confidence = 0.8;            // in [0.5, 0.999]
  RiskBands bands;

  // InvalidArgument naming the option ('option "threshold" must be ...').
  Status Validate() const;
};

struct Forecast {
  std::string model;        // "none", "trend", "segmented_trend" or "purge_envelope"
  size_t samples_used = 0;  // after glitches were dropped
  size_t outliers = 0;      // glitches dropped
  size_t purges = 0;        // drops detected
  int64_t now = 0;
  int64_t horizon_days = 0;
  double threshold = 0;
  double confidence = 0;
  std::optional<double> growth_bytes_per_day;   // net growth (of the envelope with purges)
  std::optional<double> growth_low, growth_high;  // its interval at `confidence`
  std::optional<int64_t> growth_changed_at;     // start of the latest growth regime, if it changed
  std::optional<double> level_now;              // fitted usage (envelope) at `now`
  std::optional<int64_t> current_used_bytes;    // the latest sample (none without samples)
  std::optional<int64_t> current_at;
  std::optional<int64_t> quota_bytes;
  std::optional<double> current_ratio;
  std::optional<int64_t> threshold_bytes;
  std::optional<int64_t> threshold_at, threshold_at_low, threshold_at_high, full_at;
  std::optional<double> days_to_threshold;
  std::string risk_level;   // critical, warning, watch, ok, unknown
  RiskBands bands;
};

// Sorts `samples` by time and checks them against `now`: InvalidArgument naming the caller's
// index and the field for negative or non-finite bytes, a time after now (5 minutes of clock
// skew are allowed), or two samples at the same time.
Status CheckSamples(std::vector<UsageSample>* samples, int64_t now);

// The forecast of one destination. REQUIRES: options.Validate().ok(). Fewer than 2 usable
// samples, or no quota, give risk "unknown" with nulls where nothing can be said; a flat or
// decreasing trend gives null crossing times and risk "ok" (or "critical" when already over).
Result<Forecast> Project(std::vector<UsageSample> samples, const ForecastOptions& options);

// The forecast as the documented array of Bjlg\Sla\Forecast::project(), with `legacy`: the
// three shapes the plugin reads (collector §A.5, purge worker §A.7.5, capacity §A.7.6).
nlohmann::json ForecastToJson(const Forecast& forecast);

}  // namespace bjlg::sla

#endif  // BJLG_SLA_FORECAST_H_
