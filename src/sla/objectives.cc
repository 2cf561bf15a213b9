#include "sla/objectives.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "sla/input.h"
#include "sla/stats.h"

namespace bjlg::sla {

namespace {

using nlohmann::json;

constexpr int64_t kFutureToleranceSeconds = 3600;

struct Run {
  std::string kind, site, archive;
  bool good = false;
  bool proves_backup = false;  // makes its backup a recovery point
  std::optional<int64_t> created_at;
  int64_t finished_at = 0;
  std::optional<double> rto_seconds;
};

const json& Sub(const json& record, const char* key) {
  static const json kNull;
  auto it = record.find(key);
  return it != record.end() && it->is_object() ? *it : kNull;
}

Result<Run> ReadRun(const json& r, size_t index, int64_t now) {
  const std::string what = "runs[" + std::to_string(index) + "]";
  if (!r.is_object()) return Status::InvalidArgument(what + " must be an array of run fields");
  Run run;
  BJLG_SLA_ASSIGN(run.kind, ReadName(r, "kind", what));
  if (run.kind.empty()) run.kind = "backup";
  if (run.kind != "backup" && run.kind != "verify" && run.kind != "restore-test") {
    return Status::InvalidArgument(what + ".kind must be backup, verify or restore-test, \"" + run.kind + "\" given");
  }
  std::string status;
  BJLG_SLA_ASSIGN(status, ReadName(r, "status", what));
  run.good = status == "passed" || status == "success" || status == "ok";
  for (const char* key : {"site", "site_id", "blog_id"}) {
    if (!run.site.empty()) break;
    BJLG_SLA_ASSIGN(run.site, ReadName(r, key, what));
  }
  BJLG_SLA_ASSIGN(run.archive, ReadName(r, "archive", what));
  std::optional<int64_t> finished;
  BJLG_SLA_ASSIGN(finished, ReadTime(r, "finished_at", what));
  if (!finished) return Status::InvalidArgument(what + ".finished_at is required");
  if (*finished > now + kFutureToleranceSeconds) {
    return Status::InvalidArgument(what + ".finished_at is in the future (after now + 1 hour)");
  }
  run.finished_at = *finished;
  BJLG_SLA_ASSIGN(run.created_at, ReadTime(r, "created_at", what));
  if (!run.created_at) BJLG_SLA_ASSIGN(run.created_at, ReadTime(Sub(r, "backup"), "created_at", what + ".backup"));
  if (!run.created_at && run.kind == "backup") BJLG_SLA_ASSIGN(run.created_at, ReadTime(r, "started_at", what));
  if (run.created_at && *run.created_at > run.finished_at) {
    return Status::InvalidArgument(what + ": the backup was created after the run finished");
  }
  bool verified = false;
  if (r.contains("verified") && !r["verified"].is_null()) {
    if (!r["verified"].is_boolean()) return Status::InvalidArgument(what + ".verified must be a bool");
    verified = r["verified"].get<bool>();
  }
  run.proves_backup = run.good && run.created_at && (run.kind != "backup" || verified);
  BJLG_SLA_ASSIGN(run.rto_seconds, ReadNonNegative(r, "rto_seconds", what));
  if (!run.rto_seconds) BJLG_SLA_ASSIGN(run.rto_seconds, ReadNonNegative(Sub(r, "rto"), "seconds", what + ".rto"));
  return run;
}

json Breach(int64_t start, int64_t end, bool ongoing) {
  return {{"start", start}, {"end", ongoing ? json(nullptr) : json(end)}, {"seconds", end - start}, {"ongoing", ongoing}};
}

// Walks the sawtooth RPO(t) = t − newest proved backup over [start, now].
json EvaluateRpo(const std::vector<Run>& runs, const ObjectiveTargets& targets, int64_t start, int64_t now) {
  std::vector<std::pair<int64_t, int64_t>> points;  // (proved at, created at)
  for (const Run& r : runs) {
    if (r.proves_backup) points.emplace_back(r.finished_at, *r.created_at);
  }
  std::sort(points.begin(), points.end());
  std::optional<int64_t> base;
  std::optional<int64_t> proved_at;
  size_t i = 0;
  for (; i < points.size() && points[i].first <= start; ++i) {
    if (!base || points[i].second > *base) base = points[i].second, proved_at = points[i].first;
  }
  json breaches = json::array();
  json series = json::array();
  bool in_breach = false;
  int64_t breach_start = 0;
  std::optional<double> worst;
  std::optional<int64_t> worst_at, worst_backup;
  double breach_seconds = 0;
  int64_t a = start;
  const std::optional<double> target = targets.rpo_seconds;
  auto close_breach = [&](int64_t end, bool ongoing) {
    if (!in_breach) return;
    breaches.push_back(Breach(breach_start, end, ongoing));
    breach_seconds += static_cast<double>(end - breach_start);
    in_breach = false;
  };
  while (true) {
    const int64_t b = i < points.size() ? std::min(points[i].first, now) : now;
    if (base) {
      series.push_back({{"at", a}, {"seconds", a - *base}});
      series.push_back({{"at", b}, {"seconds", b - *base}});
      if (!worst || static_cast<double>(b - *base) > *worst) worst = b - *base, worst_at = b, worst_backup = *base;
    } else {
      series.push_back({{"at", a}, {"seconds", nullptr}});
    }
    if (target) {
      // No proved backup at all is a breach; otherwise the line crosses the target once.
      const double cross = base ? static_cast<double>(*base) + *target : static_cast<double>(a);
      if (cross < static_cast<double>(b)) {
        if (!in_breach) in_breach = true, breach_start = std::max(a, static_cast<int64_t>(std::ceil(cross)));
      } else {
        close_breach(a, false);
      }
    }
    if (i >= points.size() || points[i].first > now) break;
    a = b;
    // Several proofs at one instant: keep the newest backup among them.
    for (; i < points.size() && points[i].first == a; ++i) {
      if (!base || points[i].second > *base) base = points[i].second, proved_at = points[i].first;
    }
    if (target && in_breach && base && static_cast<double>(a - *base) <= *target) close_breach(a, false);
  }
  close_breach(now, true);
  const double window = static_cast<double>(std::max<int64_t>(1, now - start));
  json rpo = {{"now_seconds", base ? json(now - *base) : json(nullptr)},
              {"last_good_backup_at", base ? json(*base) : json(nullptr)},
              {"last_verified_at", proved_at ? json(*proved_at) : json(nullptr)},
              {"target_seconds", target ? json(*target) : json(nullptr)},
              {"worst_seconds", worst ? json(*worst) : json(nullptr)},
              {"worst_at", worst_at ? json(*worst_at) : json(nullptr)},
              {"worst_backup_at", worst_backup ? json(*worst_backup) : json(nullptr)},
              // No proved backup at all misses any target.
              {"within_target", !target ? json(nullptr) : json(base && static_cast<double>(now - *base) <= *target)},
              {"share_within_target", target ? json(1 - breach_seconds / window) : json(nullptr)},
              {"breaches", breaches},
              {"series", series}};
  return rpo;
}

json EvaluateRto(const std::vector<Run>& runs, const ObjectiveTargets& targets, int64_t start) {
  std::vector<const Run*> tests;
  for (const Run& r : runs) {
    if (r.kind == "restore-test" && r.finished_at >= start) tests.push_back(&r);
  }
  std::sort(tests.begin(), tests.end(), [](const Run* x, const Run* y) { return x->finished_at < y->finished_at; });
  std::vector<double> seconds;
  json series = json::array();
  json breaches = json::array();
  size_t failed = 0;
  const Run* last = nullptr;
  for (const Run* t : tests) {
    if (!t->good || !t->rto_seconds) {
      ++failed;
      series.push_back({{"at", t->finished_at}, {"seconds", nullptr}, {"passed", false}, {"archive", t->archive}});
      continue;
    }
    seconds.push_back(*t->rto_seconds);
    last = t;
    series.push_back({{"at", t->finished_at}, {"seconds", *t->rto_seconds}, {"passed", true}, {"archive", t->archive}});
    if (targets.rto_seconds && *t->rto_seconds > *targets.rto_seconds) {
      breaches.push_back({{"at", t->finished_at}, {"seconds", *t->rto_seconds}, {"archive", t->archive}});
    }
  }
  const Summary s = Summarize(seconds);
  const std::optional<double> target = targets.rto_seconds;
  auto opt = [&](double v) { return s.count ? json(v) : json(nullptr); };
  return {{"tests", tests.size()},
          {"failed", failed},
          {"last_seconds", last ? json(*last->rto_seconds) : json(nullptr)},
          {"last_at", last ? json(last->finished_at) : json(nullptr)},
          {"p50_seconds", opt(s.p50)},
          {"p95_seconds", opt(s.p95)},
          {"max_seconds", opt(s.max)},
          {"target_seconds", target ? json(*target) : json(nullptr)},
          {"within_target", target && last ? json(*last->rto_seconds <= *target) : json(nullptr)},
          {"share_within_target",
           target && s.count ? json(1 - static_cast<double>(breaches.size()) / static_cast<double>(s.count)) : json(nullptr)},
          {"breaches", breaches},
          {"series", series}};
}

std::string Verdict(const json& rpo, const json& rto) {
  const json& a = rpo["within_target"];
  const json& b = rto["within_target"];
  if ((a.is_boolean() && !a.get<bool>()) || (b.is_boolean() && !b.get<bool>())) return "breached";
  if (a.is_null() && b.is_null()) return "unknown";
  if (!rpo["breaches"].empty() || !rto["breaches"].empty()) return "at_risk";
  return "met";
}

json Evaluate(const std::vector<Run>& runs, const ObjectiveTargets& targets, const ObjectivesOptions& o) {
  const int64_t start = std::max<int64_t>(0, o.now - static_cast<int64_t>(std::min(o.window_seconds, 1e15)));
  size_t backups = 0, verifications = 0, restore_tests = 0, failed = 0;
  for (const Run& r : runs) {
    backups += r.kind == "backup";
    verifications += r.kind == "verify";
    restore_tests += r.kind == "restore-test";
    failed += !r.good;
  }
  json result = {{"now", o.now},
                 {"window", {{"start", start}, {"end", o.now}, {"seconds", o.now - start}}},
                 {"runs", {{"backups", backups}, {"verifications", verifications}, {"restore_tests", restore_tests},
                           {"failed", failed}}},
                 {"rpo", EvaluateRpo(runs, targets, start, o.now)},
                 {"rto", EvaluateRto(runs, targets, start)}};
  result["verdict"] = Verdict(result["rpo"], result["rto"]);
  return result;
}

}  // namespace

Status ObjectiveTargets::Validate() const {
  if (rpo_seconds && (!std::isfinite(*rpo_seconds) || *rpo_seconds <= 0)) {
    return Status::InvalidArgument("target \"rpo_seconds\" must be a number of seconds > 0");
  }
  if (rto_seconds && (!std::isfinite(*rto_seconds) || *rto_seconds <= 0)) {
    return Status::InvalidArgument("target \"rto_seconds\" must be a number of seconds > 0");
  }
  return Status::OK();
}

Status ObjectivesOptions::Validate() const {
  if (!std::isfinite(window_seconds) || window_seconds <= 0) {
    return Status::InvalidOption("window_seconds", "must be a number of seconds > 0");
  }
  if (now < 0 || now > kMaxUnixTime) return Status::InvalidOption("now", "must be between 1970 and 9999");
  return Status::OK();
}

Result<json> EvaluateObjectives(const json& runs_json, const ObjectiveTargets& targets, const ObjectivesOptions& o) {
  if (!runs_json.is_array()) return Status::InvalidArgument("runs must be a list of backup runs and restore tests");
  std::vector<Run> runs;
  runs.reserve(runs_json.size());
  std::map<std::string, std::vector<Run>> by_site;
  for (size_t i = 0; i < runs_json.size(); ++i) {
    Result<Run> run = ReadRun(runs_json[i], i, o.now);
    if (!run.ok()) return run.status();
    if (!run->site.empty()) by_site[run->site].push_back(*run);
    runs.push_back(std::move(run.value()));
  }
  json result = Evaluate(runs, targets, o);
  result["targets"] = {{"rpo_seconds", targets.rpo_seconds ? json(*targets.rpo_seconds) : json(nullptr)},
                       {"rto_seconds", targets.rto_seconds ? json(*targets.rto_seconds) : json(nullptr)}};
  result["sites"] = json::object();
  for (const auto& [site, site_runs] : by_site) result["sites"][site] = Evaluate(site_runs, targets, o);
  return result;
}

}  // namespace bjlg::sla
