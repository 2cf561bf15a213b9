// Forecast -> the array of Bjlg\Sla\Forecast::project(), and the plugin's three legacy shapes
// (../shared/design/plugin-quotas-notifications.md §A.5, §A.7.5, §A.7.6), all from one model.
#include <cmath>
#include <string>

#include "sla/forecast.h"

namespace bjlg::sla {

namespace {

using nlohmann::json;

template <typename T>
json OrNull(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json Rounded(const std::optional<double>& v) {
  return v ? json(static_cast<int64_t>(std::llround(*v))) : json(nullptr);
}

// The plugin's French duration wording ("Saturation estimée dans 3 jours").
std::string DurationFr(int64_t seconds) {
  if (seconds < 3600) return "moins d'une heure";
  if (seconds < 2 * 86400) {
    const int64_t h = seconds / 3600;
    return std::to_string(h) + (h == 1 ? " heure" : " heures");
  }
  return std::to_string(seconds / 86400) + " jours";
}

std::string Direction(const Forecast& f) {
  if (!f.growth_bytes_per_day || *f.growth_bytes_per_day == 0) return "flat";
  return *f.growth_bytes_per_day > 0 ? "up" : "down";
}

std::string Label(const Forecast& f) {
  if (!f.quota_bytes) return "Quota non communiqué";
  if (!f.growth_bytes_per_day && f.risk_level == "unknown") return "Projection indisponible (historique insuffisant)";
  if (f.days_to_threshold && *f.days_to_threshold <= 0) return "Seuil de saturation atteint";
  if (f.threshold_at) return "Saturation estimée dans " + DurationFr(*f.threshold_at - f.now);
  if (Direction(f) == "down") return "Consommation en baisse";
  return "Consommation stable";
}

json Collector(const Forecast& f) {
  std::string intent = "neutral";
  if (f.risk_level == "critical" || f.risk_level == "warning" || f.risk_level == "watch") intent = f.risk_level;
  else if (Direction(f) == "down") intent = "success";
  return {{"daily_delta_bytes", Rounded(f.growth_bytes_per_day)},
          {"days_to_threshold", OrNull(f.days_to_threshold)},
          {"forecast_label", Label(f)},
          {"projection_intent", intent},
          {"threshold_percent", f.threshold * 100}};
}

json PurgeWorker(const Forecast& f) {
  std::string risk = "normal";
  if (f.risk_level == "critical" || f.risk_level == "warning" || f.risk_level == "watch") risk = f.risk_level;
  else if (Direction(f) == "down") risk = "success";
  json slope = nullptr;
  if (f.growth_bytes_per_day && f.quota_bytes) slope = *f.growth_bytes_per_day / static_cast<double>(*f.quota_bytes) / 86400;
  json lead = nullptr;
  if (f.threshold_at) lead = *f.threshold_at - f.now;
  return {{"current_ratio", OrNull(f.current_ratio)},
          {"trend_slope", slope},
          {"trend_direction", Direction(f)},
          {"projected_saturation", OrNull(f.threshold_at)},
          {"projected_label", Label(f)},
          {"lead_time_seconds", lead},
          {"risk_level", risk},
          {"threshold_percent", f.threshold * 100},
          {"threshold_ratio", f.threshold},
          {"threshold_bytes", OrNull(f.threshold_bytes)},
          {"samples", f.samples_used}};
}

json Capacity(const Forecast& f) {
  // The capacity model knew critical, warning, watch (also for a flat trend) and unknown.
  std::string risk = f.risk_level == "ok" ? "watch" : f.risk_level;
  json seconds = nullptr, hours = nullptr;
  if (f.threshold_at) {
    seconds = *f.threshold_at - f.now;
    hours = static_cast<double>(*f.threshold_at - f.now) / 3600;
  }
  return {{"samples", f.samples_used},
          {"risk_level", risk},
          {"trend_direction", Direction(f)},
          {"trend_bytes_per_second", f.growth_bytes_per_day ? json(*f.growth_bytes_per_day / 86400) : json(nullptr)},
          {"seconds_remaining", seconds},
          {"hours_remaining", hours},
          {"projected_timestamp", OrNull(f.threshold_at)},
          {"projection_label", Label(f)},
          {"threshold_ratio", f.threshold},
          {"usage_ratio", OrNull(f.current_ratio)}};
}

}  // namespace

nlohmann::json ForecastToJson(const Forecast& f) {
  return {{"model", f.model},
          {"samples_used", f.samples_used},
          {"outliers", f.outliers},
          {"purges", f.purges},
          {"now", f.now},
          {"horizon_days", f.horizon_days},
          {"confidence", f.confidence},
          {"growth_bytes_per_day", OrNull(f.growth_bytes_per_day)},
          {"growth_bytes_per_day_low", OrNull(f.growth_low)},
          {"growth_bytes_per_day_high", OrNull(f.growth_high)},
          {"growth_changed_at", OrNull(f.growth_changed_at)},
          {"current_used_bytes", OrNull(f.current_used_bytes)},
          {"current_at", OrNull(f.current_at)},
          {"quota_bytes", OrNull(f.quota_bytes)},
          {"current_ratio", OrNull(f.current_ratio)},
          {"threshold", f.threshold},
          {"threshold_bytes", OrNull(f.threshold_bytes)},
          {"threshold_at", OrNull(f.threshold_at)},
          {"threshold_at_low", OrNull(f.threshold_at_low)},
          {"threshold_at_high", OrNull(f.threshold_at_high)},
          {"full_at", OrNull(f.full_at)},
          {"days_to_threshold", OrNull(f.days_to_threshold)},
          {"risk_level", f.risk_level},
          {"legacy", {{"collector", Collector(f)}, {"purge_worker", PurgeWorker(f)}, {"capacity", Capacity(f)}}}};
}

}  // namespace bjlg::sla
