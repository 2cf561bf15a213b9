#include "remote/purge/quota_purge.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace bjlg::remote::purge {
namespace {

using json = nlohmann::json;

// Days until `used` reaches `threshold` growing by `growth` a day: 0 when already there, none
// when it never does.
std::optional<double> DaysTo(double threshold, double used, double growth) {
  if (used >= threshold) return 0.0;
  if (growth <= 0) return std::nullopt;
  return (threshold - used) / growth;
}

bool Within(const std::optional<double>& days, double lead) { return days.has_value() && *days <= lead; }

std::string Days(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", d);
  return buf;
}

// A restore unit: archives that go together (a full and the incrementals that need it).
struct Unit {
  std::vector<size_t> members;  // indices into keep
  uint64_t bytes = 0;
  bool protected_ = false;
};

std::vector<Unit> UnitsOldestFirst(const std::vector<Verdict>& keep) {
  std::vector<Unit> units;
  std::map<std::string, size_t> unit_of_full;
  bool last_is_orphans = false;  // orphans come before the first full, oldest first
  for (size_t k = keep.size(); k-- > 0;) {
    const Verdict& v = keep[k];
    size_t u;
    if (v.kind == ArchiveKind::kIncremental && unit_of_full.count(v.base) != 0) {
      u = unit_of_full[v.base];
    } else if (v.kind == ArchiveKind::kIncremental && v.orphan && last_is_orphans) {
      u = units.size() - 1;
    } else {
      units.emplace_back();
      u = units.size() - 1;
      last_is_orphans = v.kind == ArchiveKind::kIncremental && v.orphan;
      if (v.kind == ArchiveKind::kFull) unit_of_full[v.name] = u;
    }
    units[u].members.push_back(k);
    units[u].bytes += v.size;
    // The newest archive, and the verified one keep_verified protects, never go early.
    for (const Reason& r : v.reasons) units[u].protected_ = units[u].protected_ || r.rule == Rule::kKeepVerified;
    if (k == 0) units[u].protected_ = true;
  }
  return units;
}

std::optional<double> NumberField(const json& f, const char* key, Status* error) {
  auto it = f.find(key);
  if (it == f.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) {
    *error = Status::InvalidArgument(std::string("forecast: field \"") + key + "\" must be a number or null");
    return std::nullopt;
  }
  return it->get<double>();
}

}  // namespace

Result<std::optional<QuotaOutlook>> OutlookFromForecastJson(const json& forecast) {
  if (!forecast.is_object()) return Status::InvalidArgument("forecast: must be the array of Bjlg\\Sla\\Forecast::project()");
  Status error;
  const std::optional<double> used = NumberField(forecast, "current_used_bytes", &error);
  const std::optional<double> quota = NumberField(forecast, "quota_bytes", &error);
  const std::optional<double> growth = NumberField(forecast, "growth_bytes_per_day", &error);
  if (!error.ok()) return error;
  if (!used || !quota || *quota <= 0 || *used < 0) return std::optional<QuotaOutlook>();
  QuotaOutlook o;
  o.used_bytes = static_cast<int64_t>(*used);
  o.quota_bytes = static_cast<int64_t>(*quota);
  o.growth_bytes_per_day = growth.value_or(0);
  return std::optional<QuotaOutlook>(o);
}

QuotaPurge ApplyQuotaPurge(const Policy& policy, const QuotaOutlook& outlook, RetentionResult* result) {
  QuotaPurge q;
  const double lead = policy.lead_days.value_or(0);
  q.threshold_bytes = policy.target_ratio.value_or(1) * static_cast<double>(outlook.quota_bytes);
  double used = static_cast<double>(outlook.used_bytes);
  q.days_before = DaysTo(q.threshold_bytes, used, outlook.growth_bytes_per_day);
  q.triggered = Within(q.days_before, lead);
  std::set<size_t> gone;
  if (q.triggered) {
    const size_t floor = static_cast<size_t>(std::max<int64_t>(policy.min_keep, 1));
    size_t remaining = result->keep.size();
    for (const Unit& unit : UnitsOldestFirst(result->keep)) {
      if (!Within(DaysTo(q.threshold_bytes, used, outlook.growth_bytes_per_day), lead)) break;
      if (unit.protected_ || remaining < floor + unit.members.size()) continue;
      const std::string detail = Days(*DaysTo(q.threshold_bytes, used, outlook.growth_bytes_per_day));
      for (size_t k : unit.members) {
        gone.insert(k);
        result->keep[k].reasons = {{Rule::kQuota, detail}};
      }
      remaining -= unit.members.size();
      used -= static_cast<double>(unit.bytes);
      q.bytes_gained += unit.bytes;
    }
  }
  q.days_after = DaysTo(q.threshold_bytes, used, outlook.growth_bytes_per_day);
  if (q.days_before && q.days_after) q.days_gained = *q.days_after - *q.days_before;
  q.archives = gone.size();
  if (gone.empty()) return q;
  std::vector<Verdict> keep;
  for (size_t k = 0; k < result->keep.size(); ++k) {
    (gone.count(k) != 0 ? result->remove : keep).push_back(std::move(result->keep[k]));
  }
  result->keep = std::move(keep);
  std::stable_sort(result->remove.begin(), result->remove.end(), [](const Verdict& a, const Verdict& b) {
    return a.time != b.time ? *a.time > *b.time : a.name > b.name;
  });
  result->bytes_freed += q.bytes_gained;
  return q;
}

json QuotaPurgeToJson(const QuotaPurge& q, const Policy& policy) {
  auto days = [](const std::optional<double>& d) { return d ? json(std::round(*d * 1000) / 1000) : json(nullptr); };
  return {{"target_ratio", policy.target_ratio.value_or(0)},
          {"lead_days", policy.lead_days.value_or(0)},
          {"threshold_bytes", static_cast<int64_t>(q.threshold_bytes)},
          {"triggered", q.triggered},
          {"days_to_threshold_before", days(q.days_before)},
          {"days_to_threshold_after", days(q.days_after)},
          {"days_gained", days(q.days_gained)},
          {"bytes_gained", q.bytes_gained},
          {"archives", q.archives}};
}

}  // namespace bjlg::remote::purge
