#include "sla/purge_sla.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "common/time.h"
#include "sla/input.h"
#include "sla/stats.h"

namespace bjlg::sla {

namespace {

using nlohmann::json;

// A purge event still waiting this long counts in the plugin's `over_threshold` (§A.7.3).
constexpr double kLegacyOverThresholdSeconds = 600;
// Clocks disagree a little; a time further ahead of `now` than this is a bad record.
constexpr int64_t kFutureToleranceSeconds = 3600;

enum class EventState { kPending, kRunning, kCompleted, kFailed };

struct Event {
  std::string archive, destination, message;
  int64_t queued_at = 0;
  std::optional<int64_t> started_at, finished_at;
  EventState state = EventState::kPending;
  double bytes = 0;
  double attempts = 1;
  bool waiting() const { return state == EventState::kPending || state == EventState::kRunning; }
  double latency() const { return static_cast<double>(*finished_at - queued_at); }
};

Result<EventState> ReadState(const json& e, bool finished, const std::string& what) {
  if (!e.contains("status") || e["status"].is_null()) return finished ? EventState::kCompleted : EventState::kPending;
  if (!e["status"].is_string()) return Status::InvalidArgument(what + ".status must be a string");
  const std::string s = e["status"].get<std::string>();
  if (s == "pending" || s == "queued") return EventState::kPending;
  if (s == "running") return EventState::kRunning;
  if (s == "completed" || s == "success") return EventState::kCompleted;
  if (s == "failed" || s == "failure") return EventState::kFailed;
  return Status::InvalidArgument(what + ".status must be pending, running, completed or failed, \"" + s + "\" given");
}

Result<Event> ReadEvent(const json& e, size_t index, int64_t now) {
  const std::string what = "events[" + std::to_string(index) + "]";
  if (!e.is_object()) return Status::InvalidArgument(what + " must be an array of event fields");
  Event ev;
  BJLG_SLA_ASSIGN(ev.archive, ReadName(e, "archive", what));
  BJLG_SLA_ASSIGN(ev.destination, ReadName(e, "destination", what));
  if (ev.destination.empty()) ev.destination = "default";
  std::optional<int64_t> queued;
  BJLG_SLA_ASSIGN(queued, ReadTime(e, "queued_at", what));
  if (!queued) return Status::InvalidArgument(what + ".queued_at is required");
  ev.queued_at = *queued;
  BJLG_SLA_ASSIGN(ev.started_at, ReadTime(e, "started_at", what));
  BJLG_SLA_ASSIGN(ev.finished_at, ReadTime(e, "finished_at", what));
  for (const auto& [name, t] : {std::pair{"queued_at", std::optional<int64_t>(ev.queued_at)},
                                std::pair{"started_at", ev.started_at}, std::pair{"finished_at", ev.finished_at}}) {
    if (t && *t > now + kFutureToleranceSeconds) {
      return Status::InvalidArgument(what + "." + name + " is in the future (after now + 1 hour)");
    }
  }
  if (ev.started_at && *ev.started_at < ev.queued_at) {
    return Status::InvalidArgument(what + ".started_at is before its queued_at");
  }
  if (ev.finished_at && *ev.finished_at < (ev.started_at ? *ev.started_at : ev.queued_at)) {
    return Status::InvalidArgument(what + ".finished_at is before its " + (ev.started_at ? "started_at" : "queued_at"));
  }
  BJLG_SLA_ASSIGN(ev.state, ReadState(e, ev.finished_at.has_value(), what));
  if (ev.state == EventState::kCompleted && !ev.finished_at) {
    return Status::InvalidArgument(what + " is completed but has no finished_at");
  }
  std::optional<double> number;
  BJLG_SLA_ASSIGN(number, ReadNonNegative(e, "bytes", what));
  ev.bytes = number.value_or(0);
  BJLG_SLA_ASSIGN(number, ReadNonNegative(e, "attempts", what));
  ev.attempts = number.value_or(1);
  if (e.contains("message") && e["message"].is_string()) ev.message = e["message"].get<std::string>();
  return ev;
}

json Nullable(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json Nullable(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

json LatencyJson(const std::vector<double>& latencies, double target) {
  const Summary s = Summarize(latencies);
  if (s.count == 0) {
    return {{"count", 0}, {"mean_seconds", nullptr}, {"p50_seconds", nullptr}, {"p95_seconds", nullptr},
            {"max_seconds", nullptr}, {"within_target_share", nullptr}};
  }
  const auto within = std::count_if(latencies.begin(), latencies.end(), [&](double l) { return l <= target; });
  return {{"count", s.count},
          {"mean_seconds", s.mean},
          {"p50_seconds", s.p50},
          {"p95_seconds", s.p95},
          {"max_seconds", s.max},
          {"within_target_share", static_cast<double>(within) / static_cast<double>(s.count)}};
}

// Everything measured about one group of events (all of them, or one destination's).
struct Group {
  std::vector<double> latencies;
  std::vector<double> attempts;
  size_t completed = 0, failed = 0, window_completed = 0;
  double window_bytes = 0;
  size_t backlog = 0;
  double backlog_bytes = 0;
  std::optional<int64_t> oldest_queued_at, last_completed_at, last_failure_at;
  double last_latency = 0, last_attempts = 0;
  std::string last_outcome, last_message;

  void Add(const Event& ev, int64_t window_start) {
    if (ev.waiting()) {
      ++backlog;
      backlog_bytes += ev.bytes;
      if (!oldest_queued_at || ev.queued_at < *oldest_queued_at) oldest_queued_at = ev.queued_at;
      return;
    }
    const int64_t at = ev.finished_at.value_or(ev.started_at.value_or(ev.queued_at));
    if (ev.state == EventState::kFailed) {
      ++failed;
      if (!last_failure_at || at >= *last_failure_at) {
        last_failure_at = at;
        last_message = ev.message;
      }
      return;
    }
    ++completed;
    latencies.push_back(ev.latency());
    attempts.push_back(ev.attempts);
    if (at >= window_start) {
      ++window_completed;
      window_bytes += ev.bytes;
    }
    if (!last_completed_at || at >= *last_completed_at) {
      last_completed_at = at;
      last_latency = ev.latency();
      last_attempts = ev.attempts;
    }
  }

  std::optional<double> failure_rate() const {
    if (completed + failed == 0) return std::nullopt;
    return static_cast<double>(failed) / static_cast<double>(completed + failed);
  }
  // Archives purged per second over the window; 0 when none was.
  double rate(double window_seconds) const { return static_cast<double>(window_completed) / window_seconds; }
  // Seconds until the backlog is gone at the window's rate: 0 without backlog, none without rate.
  std::optional<double> clears_in(double window_seconds) const {
    if (backlog == 0) return 0.0;
    if (window_completed == 0) return std::nullopt;
    return std::ceil(static_cast<double>(backlog) / rate(window_seconds));
  }
};

json BacklogJson(const Group& g, int64_t now, double target) {
  json b = {{"count", g.backlog},
            {"bytes", g.backlog_bytes},
            {"oldest_queued_at", Nullable(g.oldest_queued_at)},
            {"oldest_age_seconds", g.oldest_queued_at ? json(std::max<int64_t>(0, now - *g.oldest_queued_at)) : json(nullptr)}};
  b["over_target"] = g.oldest_queued_at && static_cast<double>(now - *g.oldest_queued_at) > target;
  return b;
}

json ClearanceJson(const Group& g, int64_t now, double window_seconds) {
  const std::optional<double> in = g.clears_in(window_seconds);
  if (!in) return {{"seconds", nullptr}, {"at", nullptr}, {"items_per_second", 0}};
  const double at = std::min(static_cast<double>(kMaxUnixTime), static_cast<double>(now) + *in);
  return {{"seconds", *in}, {"at", static_cast<int64_t>(at)}, {"items_per_second", g.rate(window_seconds)}};
}

json GroupJson(const Group& g, int64_t now, const PurgeSlaOptions& o) {
  return {{"backlog", BacklogJson(g, now, o.target_seconds)},
          {"latency", LatencyJson(g.latencies, o.target_seconds)},
          {"completed", g.completed},
          {"failed", g.failed},
          {"failure_rate", Nullable(g.failure_rate())},
          {"throughput",
           {{"completed", g.window_completed},
            {"bytes", g.window_bytes},
            {"items_per_day", g.rate(o.window_seconds) * 86400},
            {"bytes_per_second", g.window_bytes / o.window_seconds}}},
          {"clearance", ClearanceJson(g, now, o.window_seconds)}};
}

// The saturation date read from a forecast, and the same line moved down by the bytes the
// backlog still holds: what purging the backlog buys.
json QuotaLink(const json& forecast, double backlog_bytes, int64_t now) {
  json link = {{"backlog_bytes", backlog_bytes}, {"threshold_at", nullptr}, {"threshold_at_after_purge", nullptr},
               {"days_gained", nullptr}};
  if (!forecast.is_object()) return link;
  link["threshold_at"] = forecast.value("threshold_at", json(nullptr));
  const json used = forecast.value("current_used_bytes", json(nullptr));
  const json growth = forecast.value("growth_bytes_per_day", json(nullptr));
  const json threshold = forecast.value("threshold_bytes", json(nullptr));
  if (!used.is_number() || !growth.is_number() || !threshold.is_number()) return link;
  const double g = growth.get<double>();
  const double after = std::max(0.0, used.get<double>() - backlog_bytes);
  const double room = threshold.get<double>() - after;
  if (!(g > 0) || !std::isfinite(g)) return link;  // not growing: no crossing either way
  const double days = std::max(0.0, room / g);
  const double at = static_cast<double>(now) + days * 86400;
  if (at > static_cast<double>(kMaxUnixTime)) return link;
  link["threshold_at_after_purge"] = static_cast<int64_t>(at);
  if (link["threshold_at"].is_number()) {
    link["days_gained"] = (at - link["threshold_at"].get<double>()) / 86400;
  }
  return link;
}

std::string Label(const std::optional<double>& seconds) {
  if (!seconds) return "Indisponible";
  if (*seconds <= 0) return "Aucune purge en attente";
  const long long s = static_cast<long long>(*seconds);
  if (s < 3600) return "≈ " + std::to_string(std::max(1LL, s / 60)) + " min";
  if (s < 86400) return "≈ " + std::to_string(s / 3600) + " h";
  return "≈ " + std::to_string(s / 86400) + " j";
}

// The plugin's option bjlg_remote_purge_sla_metrics (§A.7.3), from the same numbers.
json LegacyJson(const Group& all, const std::map<std::string, Group>& by_dest, const std::vector<Event>& events,
                int64_t now, const PurgeSlaOptions& o) {
  const std::string updated = FormatUtcIso8601(now);
  json pending = {{"total", all.backlog}, {"destinations", json::object()}, {"destination_oldest", json::object()}};
  double age_sum = 0;
  size_t over = 0;
  for (const Event& ev : events) {
    if (!ev.waiting()) continue;
    const double age = static_cast<double>(std::max<int64_t>(0, now - ev.queued_at));
    age_sum += age;
    if (age >= kLegacyOverThresholdSeconds) ++over;
  }
  pending["average_seconds"] = all.backlog ? json(age_sum / static_cast<double>(all.backlog)) : json(0);
  pending["oldest_seconds"] = all.oldest_queued_at ? json(now - *all.oldest_queued_at) : json(0);
  pending["over_threshold"] = over;
  json durations = {{"updated_at", updated}, {"destinations", json::object()}};
  json forecast = {{"generated_at", updated}, {"destinations", json::object()}};
  for (const auto& [id, g] : by_dest) {
    if (g.backlog) {
      pending["destinations"][id] = g.backlog;
      pending["destination_oldest"][id] = now - *g.oldest_queued_at;
    }
    const Summary s = Summarize(g.latencies);
    durations["destinations"][id] = {{"samples", s.count},
                                     {"average_duration_seconds", s.mean},
                                     {"average_attempts", Summarize(g.attempts).mean},
                                     {"last_duration_seconds", g.last_latency},
                                     {"last_attempts", g.last_attempts},
                                     {"last_outcome", g.last_completed_at ? "success" : (g.failed ? "failure" : "")},
                                     {"last_updated", g.last_completed_at ? json(FormatUtcIso8601(*g.last_completed_at)) : json(nullptr)},
                                     {"completed", g.completed}};
    const std::optional<double> in = g.clears_in(o.window_seconds);
    const double rate = g.rate(o.window_seconds);
    forecast["destinations"][id] = {
        {"pending", g.backlog},
        {"total_completed", g.completed},
        {"seconds_per_item", rate > 0 ? json(1 / rate) : json(nullptr)},
        {"forecast_seconds", Nullable(in)},
        {"projected_clearance", in ? json(now + static_cast<int64_t>(*in)) : json(nullptr)},
        {"forecast_label", Label(in)},
        {"trend_direction", rate > 0 ? "positive" : "flat"},
        {"samples", g.window_completed}};
  }
  const Summary s = Summarize(all.latencies);
  const std::optional<double> fr = all.failure_rate();
  const std::optional<double> in = all.clears_in(o.window_seconds);
  durations["overall"] = {{"average_seconds", s.mean}, {"samples", s.count}, {"max_seconds", s.max},
                          {"last_seconds", all.last_latency}, {"p95_seconds", s.p95}};
  forecast["overall"] = {{"pending", all.backlog},
                         {"throughput_per_second", all.rate(o.window_seconds)},
                         {"forecast_seconds", Nullable(in)},
                         {"projected_clearance", in ? json(now + static_cast<int64_t>(*in)) : json(nullptr)},
                         {"forecast_label", Label(in)}};
  return {{"version", 2},
          {"updated_at", updated},
          {"pending", pending},
          {"throughput",
           {{"average_completion_seconds", s.mean},
            {"average_attempts", Summarize(all.attempts).mean},
            {"samples", s.count},
            {"last_completed_at", all.last_completed_at ? json(FormatUtcIso8601(*all.last_completed_at)) : json(nullptr)},
            {"last_completion_seconds", all.last_latency},
            {"total_completed", all.completed},
            {"failure_rate", fr ? json(*fr) : json(0)},
            {"success_rate", fr ? json(1 - *fr) : json(nullptr)}}},
          {"failures",
           {{"total", all.failed},
            {"last_failure_at", all.last_failure_at ? json(FormatUtcIso8601(*all.last_failure_at)) : json(nullptr)},
            {"last_message", all.last_message}}},
          {"durations", durations},
          {"forecast", forecast}};
}

// The number of archives waiting after each change, for the backlog chart.
json BacklogSeries(const std::vector<Event>& events) {
  std::vector<std::pair<int64_t, int>> steps;
  for (const Event& ev : events) {
    steps.emplace_back(ev.queued_at, +1);
    if (!ev.waiting()) steps.emplace_back(ev.finished_at.value_or(ev.started_at.value_or(ev.queued_at)), -1);
  }
  std::sort(steps.begin(), steps.end());
  json series = json::array();
  long long count = 0;
  for (size_t i = 0; i < steps.size(); ++i) {
    count += steps[i].second;
    if (i + 1 < steps.size() && steps[i + 1].first == steps[i].first) continue;
    series.push_back({{"at", steps[i].first}, {"count", count}});
  }
  return series;
}

}  // namespace

Status PurgeSlaOptions::Validate() const {
  if (!std::isfinite(target_seconds) || target_seconds <= 0) {
    return Status::InvalidOption("target_seconds", "must be a number of seconds > 0");
  }
  if (!std::isfinite(window_seconds) || window_seconds <= 0) {
    return Status::InvalidOption("window_seconds", "must be a number of seconds > 0");
  }
  if (now < 0 || now > kMaxUnixTime) return Status::InvalidOption("now", "must be between 1970 and 9999");
  if (!forecasts.is_object()) {
    return Status::InvalidOption("forecasts", "must map destination names to Forecast::project() results");
  }
  for (const auto& [name, f] : forecasts.items()) {
    if (!f.is_object()) {
      return Status::InvalidOption("forecasts", "entry \"" + name + "\" must be a Forecast::project() result");
    }
  }
  return Status::OK();
}

Result<json> ComputePurgeSla(const json& events_json, const PurgeSlaOptions& o) {
  if (!events_json.is_array()) return Status::InvalidArgument("events must be a list of purge events");
  std::vector<Event> events;
  events.reserve(events_json.size());
  for (size_t i = 0; i < events_json.size(); ++i) {
    Result<Event> ev = ReadEvent(events_json[i], i, o.now);
    if (!ev.ok()) return ev.status();
    events.push_back(std::move(ev.value()));
  }
  const int64_t window_start = o.now - static_cast<int64_t>(std::min(o.window_seconds, 1e15));
  Group all;
  std::map<std::string, Group> by_dest;
  json samples = json::array();
  for (const Event& ev : events) {
    all.Add(ev, window_start);
    by_dest[ev.destination].Add(ev, window_start);
    if (ev.state == EventState::kCompleted) {
      samples.push_back({{"archive", ev.archive}, {"destination", ev.destination},
                         {"finished_at", *ev.finished_at}, {"seconds", ev.latency()}});
    }
  }
  json result = GroupJson(all, o.now, o);
  result["now"] = o.now;
  result["target_seconds"] = o.target_seconds;
  result["window_seconds"] = o.window_seconds;
  result["events"] = events.size();
  result["failures"] = {{"total", all.failed},
                        {"rate", Nullable(all.failure_rate())},
                        {"last_at", Nullable(all.last_failure_at)},
                        {"last_message", all.last_message}};
  result["destinations"] = json::object();
  json quotas = json::object();
  for (const auto& [id, g] : by_dest) {
    result["destinations"][id] = GroupJson(g, o.now, o);
    if (o.forecasts.contains(id)) quotas[id] = QuotaLink(o.forecasts[id], g.backlog_bytes, o.now);
  }
  result["quotas"] = quotas;
  result["samples"] = samples;
  result["backlog_series"] = BacklogSeries(events);
  result["legacy"] = LegacyJson(all, by_dest, events, o.now, o);
  return result;
}

}  // namespace bjlg::sla
