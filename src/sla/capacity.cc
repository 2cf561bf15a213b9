#include "sla/capacity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "common/time.h"

namespace bjlg::sla {

namespace {

using nlohmann::json;

// A growth rate counts as abnormal when it at least doubled.
constexpr double kAbnormalGrowth = 2.0;

// "1.5 GiB" / "1,5 Gio".
std::string Bytes(double bytes, bool fr) {
  static const char* en_units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  static const char* fr_units[] = {"o", "Kio", "Mio", "Gio", "Tio", "Pio", "Eio"};
  int unit = 0;
  while (bytes >= 1024 && unit < 6) {
    bytes /= 1024;
    ++unit;
  }
  char buf[64];
  if (unit == 0) {
    std::snprintf(buf, sizeof buf, "%.0f %s", bytes, fr ? fr_units[0] : en_units[0]);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f %s", bytes, fr ? fr_units[unit] : en_units[unit]);
  }
  std::string s = buf;
  if (fr) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string Days(const std::optional<double>& d, bool fr) {
  if (!d) return fr ? "indéfiniment" : "indefinitely";
  const long n = std::lround(*d);
  return fr ? std::to_string(n) + (n > 1 ? " jours" : " jour") : std::to_string(n) + (n == 1 ? " day" : " days");
}

struct Context {
  const Forecast& f;
  const DestinationPlanInput& in;
  double growth = 0;     // bytes a day, > 0
  double need = 0;       // bytes to free for `target_days` of headroom
  std::optional<double> gained(double bytes) const { return bytes / growth; }
};

void Add(std::vector<Recommendation>* out, const Context& c, const std::string& code, double bytes,
         std::optional<double> days, std::string en, std::string fr, json details = json::object()) {
  Recommendation r;
  r.code = code;
  r.destination = c.in.name;
  r.bytes = static_cast<int64_t>(std::llround(std::min(bytes, 9.2e18)));
  r.days_gained = days;
  r.message_en = std::move(en);
  r.message_fr = std::move(fr);
  r.urgency_days = c.f.days_to_threshold;
  r.details = std::move(details);
  out->push_back(std::move(r));
}

void PurgeArchives(const Context& c, std::vector<Recommendation>* out) {
  if (c.in.archives.size() < 2) return;
  std::vector<Archive> oldest = c.in.archives;
  std::sort(oldest.begin(), oldest.end(), [](const Archive& a, const Archive& b) { return a.created_at < b.created_at; });
  oldest.pop_back();  // the latest backup is never proposed
  double freed = 0;
  json names = json::array();
  for (const Archive& a : oldest) {
    if (freed >= c.need) break;
    freed += static_cast<double>(a.size);
    names.push_back(a.name);
  }
  if (freed <= 0) return;
  const auto n = names.size();
  Add(out, c, "purge_archives", freed, c.gained(freed),
      "Delete the " + std::to_string(n) + " oldest archive" + (n > 1 ? "s" : "") + " of " + c.in.name + ": frees " +
          Bytes(freed, false) + " and delays saturation by " + Days(c.gained(freed), false) + ".",
      "Supprimer " + (n > 1 ? "les " + std::to_string(n) + " archives les plus anciennes" : std::string("l'archive la plus ancienne")) +
          " de " + c.in.name + " : libère " + Bytes(freed, true) + " et repousse la saturation de " + Days(c.gained(freed), true) + ".",
      {{"archives", names}});
}

void ShortenRetention(const Context& c, std::vector<Recommendation>* out) {
  if (!c.in.max_backups || *c.in.max_backups < 2 || c.in.archives.empty()) return;
  double total = 0;
  for (const Archive& a : c.in.archives) total += static_cast<double>(a.size);
  const double mean = total / static_cast<double>(c.in.archives.size());
  if (mean <= 0) return;
  const int64_t fewer = std::clamp<int64_t>(static_cast<int64_t>(std::ceil(c.need / mean)), 1, *c.in.max_backups - 1);
  const double freed = static_cast<double>(fewer) * mean;
  const int64_t keep = *c.in.max_backups - fewer;
  Add(out, c, "shorten_retention", freed, c.gained(freed),
      "Keep " + std::to_string(keep) + (keep == 1 ? " backup" : " backups") + " instead of " + std::to_string(*c.in.max_backups) + " on " + c.in.name +
          ": frees about " + Bytes(freed, false) + " and delays saturation by " + Days(c.gained(freed), false) + ".",
      "Conserver " + std::to_string(keep) + (keep == 1 ? " sauvegarde" : " sauvegardes") + " au lieu de " + std::to_string(*c.in.max_backups) + " sur " +
          c.in.name + " : libère environ " + Bytes(freed, true) + " et repousse la saturation de " + Days(c.gained(freed), true) + ".",
      {{"new_max_backups", keep}});
}

void SwitchToIncremental(const Context& c, double ratio, std::vector<Recommendation>* out) {
  if (!c.in.incremental || *c.in.incremental || c.in.archives.size() < 2) return;
  std::vector<Archive> sorted = c.in.archives;
  std::sort(sorted.begin(), sorted.end(), [](const Archive& a, const Archive& b) { return a.created_at < b.created_at; });
  double older = 0;
  for (size_t i = 0; i + 1 < sorted.size(); ++i) older += static_cast<double>(sorted[i].size);
  const double freed = older * (1 - ratio);
  if (freed <= 0) return;
  Add(out, c, "switch_to_incremental", freed, c.gained(freed),
      "Switch " + c.in.name + " to incremental backups: the full backups kept would shrink by about " + Bytes(freed, false) +
          ", delaying saturation by " + Days(c.gained(freed), false) + ".",
      "Passer " + c.in.name + " en sauvegardes incrémentales : les sauvegardes complètes conservées diminueraient d'environ " +
          Bytes(freed, true) + ", ce qui repousse la saturation de " + Days(c.gained(freed), true) + ".");
}

void RaiseQuota(const Context& c, double target_days, double threshold, std::vector<Recommendation>* out) {
  const double level_then = *c.f.level_now + c.growth * target_days;
  const double quota = static_cast<double>(*c.f.quota_bytes);
  const double needed = std::ceil(level_then / threshold);
  if (needed <= quota) return;
  const double added = needed - quota;
  const std::optional<double> days = c.f.days_to_threshold ? std::optional<double>(target_days - *c.f.days_to_threshold) : std::nullopt;
  Add(out, c, "raise_quota", added, days,
      "Raise the quota of " + c.in.name + " to " + Bytes(needed, false) + " (+" + Bytes(added, false) + ") to stay under " +
          std::to_string(std::lround(threshold * 100)) + "% for " + Days(target_days, false) + ".",
      "Porter le quota de " + c.in.name + " à " + Bytes(needed, true) + " (+" + Bytes(added, true) + ") pour rester sous " +
          std::to_string(std::lround(threshold * 100)) + " % pendant " + Days(target_days, true) + ".",
      {{"new_quota_bytes", static_cast<int64_t>(std::min(needed, 9.2e18))}});
}

void MoveTo(const Context& c, const CapacityPlan& plan, double target_days, std::vector<Recommendation>* out) {
  std::string best;
  double best_room = 0;
  for (const auto& [name, o] : plan.forecasts) {
    if (name == c.in.name || !o.threshold_bytes || !o.level_now) continue;
    const double growth = std::max(0.0, o.growth_bytes_per_day.value_or(0));
    const double room = static_cast<double>(*o.threshold_bytes) - (*o.level_now + growth * target_days);
    if (room > best_room) {
      best_room = room;
      best = name;
    }
  }
  if (best.empty()) return;
  // No more than the destination holds.
  const double moved = std::min({c.need, best_room, *c.f.level_now});
  Add(out, c, "move_to_destination", moved, c.gained(moved),
      "Move " + Bytes(moved, false) + " of backups from " + c.in.name + " to " + best + ", which has room for " + Days(target_days, false) +
          ": delays saturation by " + Days(c.gained(moved), false) + ".",
      "Déplacer " + Bytes(moved, true) + " de sauvegardes de " + c.in.name + " vers " + best + ", qui a de la place pour " +
          Days(target_days, true) + " : repousse la saturation de " + Days(c.gained(moved), true) + ".",
      {{"target_destination", best}});
}

void InvestigateGrowth(const Forecast& f, const DestinationPlanInput& in, const CapacityOptions& options,
                       std::vector<Recommendation>* out) {
  if (!f.growth_changed_at || !f.growth_bytes_per_day || *f.growth_bytes_per_day <= 0) return;
  std::vector<UsageSample> before;
  for (const UsageSample& s : in.samples) {
    if (s.at < *f.growth_changed_at) before.push_back(s);
  }
  ForecastOptions o = options.forecast;
  o.now = *f.growth_changed_at;
  o.quota_bytes = f.quota_bytes;
  auto old = Project(before, o);
  if (!old.ok() || !old->growth_bytes_per_day) return;
  const double was = *old->growth_bytes_per_day, now = *f.growth_bytes_per_day;
  if (now < kAbnormalGrowth * std::max(was, 1.0)) return;
  std::optional<double> days;  // how much later saturation would come at the former rate
  if (f.threshold_bytes && f.level_now && was > 0 && static_cast<double>(*f.threshold_bytes) > *f.level_now) {
    const double left = static_cast<double>(*f.threshold_bytes) - *f.level_now;
    days = left / was - left / now;
  }
  const double extra = (now - was) * 30;
  Context c{f, in, now, 0};
  char ratio[32];
  std::snprintf(ratio, sizeof ratio, "%.1f", now / std::max(was, 1.0));
  std::string ratio_fr = ratio;
  std::replace(ratio_fr.begin(), ratio_fr.end(), '.', ',');
  Add(out, c, "investigate_growth", extra, days,
      "The growth of " + in.name + " jumped from " + Bytes(was, false) + " to " + Bytes(now, false) + " a day (x" + ratio +
          "): find what started storing more (" + Bytes(extra, false) + " more a month).",
      "La croissance de " + in.name + " est passée de " + Bytes(was, true) + " à " + Bytes(now, true) + " par jour (x" + ratio_fr +
          ") : cherchez ce qui stocke davantage (" + Bytes(extra, true) + " de plus par mois).",
      {{"growth_before_bytes_per_day", was}, {"growth_changed_at", *f.growth_changed_at}});
}

json ToJson(const Recommendation& r, size_t rank) {
  json j = {{"rank", rank},
            {"code", r.code},
            {"destination", r.destination},
            {"bytes", r.bytes},
            {"days_gained", r.days_gained ? json(std::round(*r.days_gained * 100) / 100) : json(nullptr)},
            {"message", {{"en", r.message_en}, {"fr", r.message_fr}}}};
  for (auto it = r.details.begin(); it != r.details.end(); ++it) j[it.key()] = it.value();
  return j;
}

}  // namespace

Status CapacityOptions::Validate() const {
  if (forecast.quota_bytes) return Status::InvalidOption("quota_bytes", "is per destination here: give each destination its quota_bytes");
  Status st = forecast.Validate();
  if (!st.ok()) return st;
  if (target_days < 1 || target_days > 36500) return Status::InvalidOption("target_days", "must be between 1 and 36500");
  if (!(incremental_ratio > 0 && incremental_ratio < 1)) return Status::InvalidOption("incremental_ratio", "must be greater than 0 and less than 1");
  return Status::OK();
}

Result<CapacityPlan> Plan(std::vector<DestinationPlanInput> destinations, const CapacityOptions& options) {
  CapacityPlan plan;
  std::set<std::string> names;
  ForecastOptions fo = options.forecast;
  if (!fo.now) fo.now = NowUnixSeconds();
  for (size_t i = 0; i < destinations.size(); ++i) {
    const DestinationPlanInput& d = destinations[i];
    if (!names.insert(d.name).second) {
      return Status::InvalidArgument("destination " + std::to_string(i) + ": name \"" + d.name + "\" is used twice");
    }
    ForecastOptions o = fo;
    o.quota_bytes = d.quota_bytes;
    auto f = Project(d.samples, o);
    if (!f.ok()) return Status::InvalidArgument("destination \"" + d.name + "\" " + f.status().message());
    if (f->threshold_at && (!plan.first_threshold_at || *f->threshold_at < *plan.first_threshold_at)) {
      plan.first_threshold_at = f->threshold_at;
      plan.first_to_saturate = d.name;
    }
    plan.forecasts.emplace_back(d.name, *f);
  }
  const double target = static_cast<double>(options.target_days);
  for (size_t i = 0; i < destinations.size(); ++i) {
    const Forecast& f = plan.forecasts[i].second;
    const DestinationPlanInput& in = destinations[i];
    InvestigateGrowth(f, in, {fo, options.target_days, options.incremental_ratio}, &plan.recommendations);
    if (!f.threshold_at || !f.growth_bytes_per_day || *f.growth_bytes_per_day <= 0 || !f.level_now) continue;
    Context c{f, in, *f.growth_bytes_per_day, 0};
    c.need = std::max(1.0, *f.level_now + c.growth * target - static_cast<double>(*f.threshold_bytes));
    PurgeArchives(c, &plan.recommendations);
    MoveTo(c, plan, target, &plan.recommendations);
    RaiseQuota(c, target, f.threshold, &plan.recommendations);
    ShortenRetention(c, &plan.recommendations);
    SwitchToIncremental(c, options.incremental_ratio, &plan.recommendations);
  }
  // Most urgent destination first; within it, the most days gained first (none = for good).
  std::stable_sort(plan.recommendations.begin(), plan.recommendations.end(), [](const Recommendation& a, const Recommendation& b) {
    const double ua = a.urgency_days.value_or(1e18), ub = b.urgency_days.value_or(1e18);
    if (ua != ub) return ua < ub;
    const double ga = a.days_gained.value_or(1e18), gb = b.days_gained.value_or(1e18);
    return ga > gb;
  });
  return plan;
}

nlohmann::json CapacityPlanToJson(const CapacityPlan& plan) {
  json destinations = json::object();
  for (const auto& [name, f] : plan.forecasts) destinations[name] = ForecastToJson(f);
  json recs = json::array();
  for (size_t i = 0; i < plan.recommendations.size(); ++i) recs.push_back(ToJson(plan.recommendations[i], i + 1));
  return {{"destinations", destinations},
          {"first_to_saturate", plan.first_to_saturate ? json(*plan.first_to_saturate) : json(nullptr)},
          {"first_threshold_at", plan.first_threshold_at ? json(*plan.first_threshold_at) : json(nullptr)},
          {"recommendations", recs}};
}

}  // namespace bjlg::sla
