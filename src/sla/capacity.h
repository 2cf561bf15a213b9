// Capacity plan: every destination's forecast at once, which one saturates first, and ranked
// recommendations with numbers (bytes freed or added, days of headroom gained), each with a
// stable code and a message in English and French.
//
// Codes (docs/sla.md): purge_archives, move_to_destination, raise_quota, shorten_retention,
// switch_to_incremental, investigate_growth. The first five are given for a destination whose
// threshold is crossed within the horizon and that grows; investigate_growth for any
// destination whose growth rate at least doubled.
#ifndef BJLG_SLA_CAPACITY_H_
#define BJLG_SLA_CAPACITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "sla/forecast.h"

namespace bjlg::sla {

struct Archive {
  std::string name;
  int64_t size = 0;        // bytes
  int64_t created_at = 0;  // Unix seconds
};

struct DestinationPlanInput {
  std::string name;
  std::vector<UsageSample> samples;
  std::optional<int64_t> quota_bytes;       // overrides the samples'
  std::vector<Archive> archives;            // what it holds, if known
  std::optional<int64_t> max_backups;       // retention: backups kept
  std::optional<bool> incremental;          // false: every backup is a full one
};

struct CapacityOptions {
  ForecastOptions forecast;        // quota_bytes is refused here: it is per destination
  int64_t target_days = 365;       // the headroom recommendations aim for, 1 to 36500
  double incremental_ratio = 0.2;  // size of an incremental backup / a full one, in (0, 1)

  Status Validate() const;
};

struct Recommendation {
  std::string code;
  std::string destination;
  int64_t bytes = 0;                   // freed, moved or added (investigate_growth: extra bytes a month)
  std::optional<double> days_gained;   // later saturation; none: it would no longer saturate
  std::string message_en, message_fr;
  std::optional<double> urgency_days;  // the destination's days to its threshold
  nlohmann::json details = nlohmann::json::object();  // archives, new_quota_bytes, ...
};

struct CapacityPlan {
  std::vector<std::pair<std::string, Forecast>> forecasts;  // in input order
  std::optional<std::string> first_to_saturate;
  std::optional<int64_t> first_threshold_at;
  std::vector<Recommendation> recommendations;               // ranked, most urgent first
};

// REQUIRES: options.Validate().ok(). InvalidArgument for duplicated destination names, or a
// destination's samples refused by Project() (the message names the destination).
Result<CapacityPlan> Plan(std::vector<DestinationPlanInput> destinations, const CapacityOptions& options);

// The plan as the array of Bjlg\Sla\Capacity::plan().
nlohmann::json CapacityPlanToJson(const CapacityPlan& plan);

}  // namespace bjlg::sla

#endif  // BJLG_SLA_CAPACITY_H_
