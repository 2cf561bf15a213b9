// Quota-driven purge: when a destination is forecast to reach `target_ratio` of its quota within
// `lead_days`, delete more than the retention rules require, oldest first, until the forecast
// moves past the horizon or nothing more may go (docs/purge.md).
//
// What may go early: archives the rules kept, taken as whole restore units (a full with the
// incrementals that need it; a standalone archive), oldest first, never the newest archive
// whose restore test passed (keep_verified), never below min_keep (at least one archive stays
// when min_keep is 0), never a unit that holds the newest archive. The forecast's growth is
// taken as is: deleting archives lowers the level, not the slope.
#ifndef BJLG_REMOTE_PURGE_QUOTA_PURGE_H_
#define BJLG_REMOTE_PURGE_QUOTA_PURGE_H_

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "remote/purge/retention.h"

namespace bjlg::remote::purge {

// What the forecast says about one destination (from Bjlg\Sla\Forecast::project()).
struct QuotaOutlook {
  int64_t used_bytes = 0;
  int64_t quota_bytes = 0;          // > 0
  double growth_bytes_per_day = 0;  // net growth; <= 0: the threshold is never reached by growth
};

// The outlook of a forecast array: `current_used_bytes`, `quota_bytes`, `growth_bytes_per_day`.
// None when the forecast knows no quota or no usage (nothing can be said: no early purge).
// InvalidArgument naming the field when one has the wrong type.
Result<std::optional<QuotaOutlook>> OutlookFromForecastJson(const nlohmann::json& forecast);

struct QuotaPurge {
  bool triggered = false;    // the threshold was within lead_days before
  double threshold_bytes = 0;
  std::optional<double> days_before, days_after;  // to the threshold; none: never reached
  uint64_t bytes_gained = 0;  // by the early deletions
  std::optional<double> days_gained;
  size_t archives = 0;        // deleted early
};

// Moves archives from result->keep to result->remove (rule kQuota) as described above, and says
// what it gained. REQUIRES: policy.target_ratio; result from Evaluate() with the same policy.
QuotaPurge ApplyQuotaPurge(const Policy& policy, const QuotaOutlook& outlook, RetentionResult* result);

nlohmann::json QuotaPurgeToJson(const QuotaPurge& q, const Policy& policy);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_QUOTA_PURGE_H_
