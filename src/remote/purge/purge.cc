#include "remote/purge/purge.h"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include "common/digest.h"
#include "remote/purge/journal.h"
#include "remote/purge/quota_purge.h"
#include "remote/purge/retention.h"
#include "remote/purge/store.h"
#include "remote/redact.h"

namespace bjlg::remote::purge {
namespace {

using quota::Destination;
using nlohmann::json;

constexpr int64_t kPlanVersion = 1;

json ErrorJson(const RemoteError& e) { return {{"code", ErrorCodeName(e.code)}, {"message", e.message}}; }

// Lists `destinations` concurrently; errors[i] is empty when listings[i] can be trusted.
void ListAll(const std::vector<const Destination*>& destinations, const TransferOptions& transfer,
             std::vector<Listing>* listings, std::vector<std::vector<RemoteError>>* errors) {
  listings->assign(destinations.size(), Listing());
  errors->assign(destinations.size(), {});
  std::vector<Job> jobs(destinations.size());
  for (size_t i = 0; i < destinations.size(); ++i) {
    const Destination& d = *destinations[i];
    jobs[i].label = "destination '" + d.name + "'";
    jobs[i].probe = MakeListProbe(d, &(*listings)[i]);
    if (std::optional<int64_t> budget = d.Number("timeout_ms")) jobs[i].budget_ms = *budget;
    if (d.flags.count("allow_private_network")) jobs[i].allow_private_network = d.Flag("allow_private_network", false);
    jobs[i].secrets = d.Secrets();
  }
  std::vector<JobResult> done = RunJobs(jobs, transfer);
  jobs.clear();
  for (size_t i = 0; i < destinations.size(); ++i) {
    for (RemoteError e : (*listings)[i].errors) {
      e.message = RedactSecrets(e.message, destinations[i]->Secrets());
      (*errors)[i].push_back(e);
    }
    for (const RemoteError& e : done[i].errors) (*errors)[i].push_back(e);
    if ((*errors)[i].empty() && done[i].cancelled) (*errors)[i].push_back({ErrorCode::kTimeout, "listing cancelled"});
    if (!(*errors)[i].empty()) (*listings)[i].objects.clear();
  }
}

// What Run needs of one archive of the plan.
struct Planned {
  std::string name;
  uint64_t size = 0;
};

Result<std::vector<Planned>> PlannedList(const json& entry, const char* key, const std::string& where) {
  std::vector<Planned> out;
  if (!entry.contains(key)) return out;
  const json& list = entry[key];
  if (!list.is_array()) return Status::InvalidArgument(where + "." + key + " must be a list");
  for (size_t i = 0; i < list.size(); ++i) {
    const json& a = list[i];
    std::string at = where + "." + key + "[" + std::to_string(i) + "]";
    if (!a.is_object() || !a.contains("name") || !a["name"].is_string() || a["name"].get<std::string>().empty()) {
      return Status::InvalidArgument(at + " must be an archive with a name");
    }
    if (!a.contains("size") || !a["size"].is_number_integer() || a["size"].get<int64_t>() < 0) {
      return Status::InvalidArgument(at + ".size must be an integer >= 0");
    }
    out.push_back({a["name"].get<std::string>(), a["size"].get<uint64_t>()});
  }
  return out;
}

// One destination of a run: what the plan says and what happens.
struct Target {
  std::string name;
  const Destination* destination = nullptr;
  std::vector<Planned> remove, keep;
  std::optional<RemoteError> error;  // the destination refused: nothing deleted there
  std::deque<Deletion> items;        // deque: Deletion* handed to probes stay valid
  uint64_t deleted = 0, gone = 0, failed = 0;
  std::vector<uint64_t> sizes;       // of items, same order
};

json TimeOrNull(int64_t ms) { return ms > 0 ? json(ms / 1000) : json(nullptr); }

}  // namespace

Status PurgeOptions::Validate() const {
  if (max_plan_age < 1 || max_plan_age > 31536000) {
    return Status::InvalidOption("max_plan_age", "must be between 1 and 31536000 seconds");
  }
  if (parallel < 1 || parallel > 64) return Status::InvalidOption("parallel", "must be between 1 and 64");
  if (batch_size < 1 || batch_size > 1000) {
    return Status::InvalidOption("batch_size", "must be between 1 and 1000");
  }
  if (!forecasts.is_object()) return Status::InvalidOption("forecasts", "must be an array keyed by destination");
  return Status::OK();
}

Result<json> Plan(const std::vector<Destination>& destinations, const Policy& policy, const cron::TimeZone& zone,
                  const PurgeOptions& options) {
  if (Status s = options.Validate(); !s.ok()) return s;
  std::vector<const Destination*> listed;
  for (const Destination& d : destinations) {
    if (!PurgeRefusal(d)) listed.push_back(&d);
  }
  std::vector<Listing> listings;
  std::vector<std::vector<RemoteError>> errors;
  ListAll(listed, options.transfer, &listings, &errors);

  json out = {{"version", kPlanVersion}, {"planned_at", options.now}};
  json totals = {{"delete", 0}, {"keep", 0}, {"foreign", 0}, {"bytes_freed", 0}, {"failed_destinations", 0}};
  json by_name = json::object();
  size_t next = 0;
  for (const Destination& d : destinations) {
    json entry = {{"type", quota::DestinationTypeName(d.type)}, {"ok", false}, {"error", nullptr}, {"listed", 0},
                  {"delete", json::array()}, {"keep", json::array()}, {"foreign", json::array()},
                  {"bytes_freed", 0}, {"counts", {{"keep", 0}, {"delete", 0}, {"foreign", 0}}}, {"quota", nullptr}};
    std::optional<RemoteError> error = PurgeRefusal(d);
    if (!error) {
      size_t i = next++;
      if (!errors[i].empty()) error = errors[i].front();
      if (!error) {
        std::vector<Archive> archives;
        for (const ListedObject& o : listings[i].objects) {
          std::string base = o.name.substr(o.name.rfind('/') == std::string::npos ? 0 : o.name.rfind('/') + 1);
          archives.push_back({o.name, o.size, o.mtime,
                              options.verified.count(o.name) > 0 || options.verified.count(base) > 0});
        }
        Result<RetentionResult> verdicts = Evaluate(archives, policy, zone, options.now);
        if (!verdicts.ok()) return verdicts.status().Annotate("destination '" + d.name + "': ");
        json quota = nullptr;
        if (policy.target_ratio && options.forecasts.contains(d.name)) {
          Result<std::optional<QuotaOutlook>> outlook = OutlookFromForecastJson(options.forecasts[d.name]);
          if (!outlook.ok()) return outlook.status().Annotate("option \"forecasts\" of '" + d.name + "': ");
          if (*outlook) quota = QuotaPurgeToJson(ApplyQuotaPurge(policy, **outlook, &*verdicts), policy);
        }
        entry.update(RetentionToJson(*verdicts, policy, options.lang));
        entry["quota"] = quota;
        entry["ok"] = true;
        entry["listed"] = listings[i].objects.size();
        totals["delete"] = totals["delete"].get<uint64_t>() + entry["delete"].size();
        totals["keep"] = totals["keep"].get<uint64_t>() + entry["keep"].size();
        totals["foreign"] = totals["foreign"].get<uint64_t>() + entry["foreign"].size();
        totals["bytes_freed"] = totals["bytes_freed"].get<uint64_t>() + entry["bytes_freed"].get<uint64_t>();
      }
    }
    if (error) {
      entry["error"] = ErrorJson(*error);
      totals["failed_destinations"] = totals["failed_destinations"].get<uint64_t>() + 1;
    }
    by_name[d.name] = std::move(entry);
  }
  out["policy"] = policy.ToJson();
  out["policy"]["timezone"] = zone.name();
  out["destinations"] = std::move(by_name);
  out["totals"] = std::move(totals);
  return out;
}

Result<json> Run(const json& plan, const std::vector<Destination>& destinations, const PurgeOptions& options) {
  if (Status s = options.Validate(); !s.ok()) return s;
  if (!plan.is_object() || !plan.contains("version") || plan["version"] != kPlanVersion) {
    return Status::InvalidArgument("the plan is not one Purge::plan() made (version 1)");
  }
  if (!plan.contains("planned_at") || !plan["planned_at"].is_number_integer()) {
    return Status::InvalidArgument("the plan has no integer planned_at");
  }
  int64_t planned_at = plan["planned_at"].get<int64_t>();
  if (planned_at > options.now + 300) return Status::InvalidArgument("the plan's planned_at is in the future");
  if (options.now - planned_at > options.max_plan_age) {
    return Status::InvalidArgument("the plan is " + std::to_string(options.now - planned_at) +
                                   " s old, more than max_plan_age (" + std::to_string(options.max_plan_age) +
                                   " s): plan again");
  }
  if (!plan.contains("destinations") || !plan["destinations"].is_object()) {
    return Status::InvalidArgument("the plan has no destinations");
  }

  std::vector<Target> targets;
  json identity = {{"planned_at", planned_at}, {"delete", json::object()}};
  for (const auto& [name, entry] : plan["destinations"].items()) {
    std::string where = "plan destination '" + name + "'";
    if (!entry.is_object()) return Status::InvalidArgument(where + " must be an array");
    Target t;
    t.name = name;
    for (const Destination& d : destinations) {
      if (d.name == name) t.destination = &d;
    }
    if (t.destination == nullptr) return Status::InvalidArgument(where + " is not among the destinations given");
    if (!entry.contains("type") || entry["type"] != quota::DestinationTypeName(t.destination->type)) {
      return Status::InvalidArgument(where + " has another type than the destination given");
    }
    Result<std::vector<Planned>> remove = PlannedList(entry, "delete", where);
    if (!remove.ok()) return remove.status();
    Result<std::vector<Planned>> keep = PlannedList(entry, "keep", where);
    if (!keep.ok()) return keep.status();
    if (remove->empty()) continue;  // nothing to do there (a failed plan listing deletes nothing)
    if (std::optional<RemoteError> refused = PurgeRefusal(*t.destination)) return Status::InvalidArgument(refused->message);
    t.remove = std::move(*remove);
    t.keep = std::move(*keep);
    json names = json::array();
    for (const Planned& p : t.remove) names.push_back(p.name);
    identity["delete"][name] = std::move(names);
    targets.push_back(std::move(t));
  }
  // The plan's identity: its time and what it deletes where (a journal belongs to one plan).
  std::string identity_text = identity.dump();
  uint8_t digest[kSha256Size];
  Sha256Digest(identity_text.data(), identity_text.size(), digest);
  const std::string plan_id = HexLower(digest, 16);
  std::optional<Journal> journal;
  if (!options.journal.empty()) {
    Result<Journal> opened = Journal::Open(options.journal, plan_id);
    if (!opened.ok()) {
      const Status& s = opened.status();
      return s.code() == Status::Code::kInvalidArgument ? Status::InvalidOption("journal", ": " + s.message()) : s;
    }
    journal.emplace(std::move(*opened));
  }

  ProgressReporter reporter(options.progress, {"list", "purge"}, 0.0);  // every deletion is reported
  if (!reporter.Begin("list", targets.size(), "destinations")) return Status::Cancelled("purge cancelled");
  std::vector<const Destination*> to_list;
  for (const Target& t : targets) to_list.push_back(t.destination);
  std::vector<Listing> listings;
  std::vector<std::vector<RemoteError>> errors;
  ListAll(to_list, options.transfer, &listings, &errors);
  if (!reporter.Update(targets.size()) || !reporter.End()) return Status::Cancelled("purge cancelled");

  const int64_t queued_ms = NowMs();  // events are measured on the clock, whatever `now` says
  json events = json::array();
  uint64_t deleted = 0, gone = 0, failed = 0, bytes_freed = 0;
  auto event = [&](const std::string& destination, const std::string& archive, uint64_t size, const char* status,
                   const char* outcome, int attempts, int64_t started_ms, int64_t finished_ms,
                   const std::optional<RemoteError>& error) {
    events.push_back({{"archive", archive}, {"destination", destination}, {"queued_at", queued_ms / 1000},
                      {"started_at", TimeOrNull(started_ms)}, {"finished_at", TimeOrNull(finished_ms)},
                      {"status", status}, {"outcome", outcome}, {"bytes", size}, {"attempts", attempts},
                      {"duration_ms", finished_ms > 0 && started_ms > 0 ? json(finished_ms - started_ms) : json(nullptr)},
                      {"error_code", error ? json(ErrorCodeName(error->code)) : json(nullptr)},
                      {"message", error ? json(error->message) : json(nullptr)}});
  };

  // Decide per destination what is still to delete.
  uint64_t to_delete = 0;
  for (size_t i = 0; i < targets.size(); ++i) {
    Target& t = targets[i];
    std::map<std::string, uint64_t> now_listed;
    std::map<std::string, const std::vector<std::string>*> now_ids;  // the hosted providers' ids, fresh
    if (!errors[i].empty()) {
      t.error = errors[i].front();
    } else {
      for (const ListedObject& o : listings[i].objects) {
        now_listed[o.name] = o.size;
        now_ids[o.name] = &o.ids;
      }
      for (const Planned& k : t.keep) {
        auto it = now_listed.find(k.name);
        if (it == now_listed.end() || it->second != k.size) {
          t.error = RemoteError{ErrorCode::kRejected,
                                "destination '" + t.name + "' changed since the plan: the kept archive '" + k.name +
                                    (it == now_listed.end() ? "' is gone" : "' changed size") + "; plan again"};
          break;
        }
      }
      for (const Planned& r : t.remove) {
        auto it = now_listed.find(r.name);
        if (!t.error && it != now_listed.end() && it->second != r.size) {
          t.error = RemoteError{ErrorCode::kRejected, "destination '" + t.name + "' changed since the plan: '" + r.name +
                                                          "' changed size; plan again"};
        }
      }
    }
    for (const Planned& r : t.remove) {
      // The journal says what a previous run did; the listing says what is true now: an archive
      // still listed is deleted again whatever the journal says.
      const bool listed = now_listed.count(r.name) > 0;
      std::string before = journal && !listed ? journal->DoneBefore(t.name, r.name) : "";
      if (t.error) {
        event(t.name, r.name, r.size, "failed", "refused", 0, 0, 0, t.error);
        ++t.failed;
      } else if (!before.empty()) {
        event(t.name, r.name, r.size, "completed", before == "deleted" ? "deleted" : "already_gone", 0, 0, queued_ms,
              std::nullopt);
        ++(before == "deleted" ? t.deleted : t.gone);
        if (before == "deleted") bytes_freed += r.size;
      } else if (!listed) {
        event(t.name, r.name, r.size, "completed", "already_gone", 0, 0, queued_ms, std::nullopt);
        ++t.gone;
        if (journal) {
          if (Status s = journal->Done(t.name, r.name, "already_gone"); !s.ok()) return s;
        }
      } else {
        t.items.emplace_back();
        t.items.back().name = r.name;
        t.items.back().ids = *now_ids[r.name];
        t.sizes.push_back(r.size);
      }
    }
    to_delete += t.items.size();
  }

  // Every destination's lanes in one transfer.
  if (!reporter.Begin("purge", to_delete, "archives")) return Status::Cancelled("purge cancelled");
  Status journal_status;
  std::vector<Job> jobs;
  std::vector<size_t> job_target;
  for (size_t i = 0; i < targets.size(); ++i) {
    Target& t = targets[i];
    if (t.items.empty()) continue;
    const Destination& d = *t.destination;
    size_t batch = d.type == quota::DestinationType::kS3 ? static_cast<size_t>(options.batch_size) : 1;
    size_t batches = (t.items.size() + batch - 1) / batch;
    size_t lanes = std::min<size_t>(static_cast<size_t>(options.parallel), batches);
    std::vector<std::vector<Deletion*>> lane_items(lanes);
    for (size_t k = 0; k < t.items.size(); ++k) lane_items[(k / batch) % lanes].push_back(&t.items[k]);
    const std::string name = t.name;
    for (size_t lane = 0; lane < lanes; ++lane) {
      Job job;
      job.label = "destination '" + name + "'";
      job.secrets = d.Secrets();
      // The time budget is per request here (a lane sends many): the destination's, or the option's.
      const int64_t per_request = d.Number("timeout_ms").value_or(options.transfer.timeout_ms);
      const int64_t requests = static_cast<int64_t>((lane_items[lane].size() + batch - 1) / batch);
      job.budget_ms = per_request * std::max<int64_t>(1, requests);
      if (d.flags.count("allow_private_network")) job.allow_private_network = d.Flag("allow_private_network", false);
      BeforeDelete before = [&journal, &journal_status, name](const std::vector<Deletion*>& items) {
        if (!journal || !journal_status.ok()) return journal_status.ok();
        std::vector<std::string> names;
        for (const Deletion* item : items) names.push_back(item->name);
        journal_status = journal->Intend(name, names);
        return journal_status.ok();
      };
      AfterDelete after = [&journal, &journal_status, &reporter, name](Deletion& item) {
        if (journal && journal_status.ok() &&
            (item.outcome == Deletion::Outcome::kDeleted || item.outcome == Deletion::Outcome::kGone)) {
          journal_status = journal->Done(name, item.name,
                                         item.outcome == Deletion::Outcome::kDeleted ? "deleted" : "already_gone");
        }
        bool go_on = reporter.Advance(1, name + ": " + item.name);
        return go_on && journal_status.ok();
      };
      job.probe = MakeDeleteProbe(d, std::move(lane_items[lane]), batch, before, after);
      jobs.push_back(std::move(job));
      job_target.push_back(i);
    }
  }
  std::vector<JobResult> results = RunJobs(jobs, options.transfer, [&](size_t, const JobResult&) {
    return !reporter.cancelled() && journal_status.ok();
  });
  jobs.clear();
  std::map<size_t, std::optional<RemoteError>> job_error;  // per target: a lane's transport failure
  for (size_t j = 0; j < results.size(); ++j) {
    if (!results[j].errors.empty() && !job_error[job_target[j]]) job_error[job_target[j]] = results[j].errors.front();
  }
  if (journal && journal_status.ok()) journal_status = journal->Sync();

  json per_destination = json::object();
  for (size_t i = 0; i < targets.size(); ++i) {
    Target& t = targets[i];
    const std::vector<std::string> secrets = t.destination->Secrets();
    uint64_t& t_deleted = t.deleted;
    uint64_t& t_gone = t.gone;
    uint64_t& t_failed = t.failed;
    for (size_t k = 0; k < t.items.size(); ++k) {
      Deletion& item = t.items[k];
      if (item.error) item.error->message = RedactSecrets(item.error->message, secrets);
      switch (item.outcome) {
        case Deletion::Outcome::kDeleted:
          event(t.name, item.name, t.sizes[k], "completed", "deleted", item.attempts, item.started_ms, item.finished_ms,
                std::nullopt);
          ++t_deleted;
          bytes_freed += t.sizes[k];
          break;
        case Deletion::Outcome::kGone:
          event(t.name, item.name, t.sizes[k], "completed", "already_gone", item.attempts, item.started_ms,
                item.finished_ms, std::nullopt);
          ++t_gone;
          break;
        case Deletion::Outcome::kFailed:
          event(t.name, item.name, t.sizes[k], "failed", "failed", item.attempts, item.started_ms, item.finished_ms,
                item.error);
          ++t_failed;
          break;
        case Deletion::Outcome::kPending:
          if (job_error[i]) {
            event(t.name, item.name, t.sizes[k], "failed", "failed", item.attempts, item.started_ms, NowMs(),
                  job_error[i]);
            ++t_failed;
          } else {
            event(t.name, item.name, t.sizes[k], "pending", "not_sent", 0, 0, 0, std::nullopt);
          }
          break;
      }
    }
    deleted += t_deleted;
    gone += t_gone;
    failed += t_failed;
    std::optional<RemoteError> error = t.error ? t.error : job_error[i];
    per_destination[t.name] = {{"deleted", t_deleted}, {"already_gone", t_gone}, {"failed", t_failed},
                               {"error", error ? ErrorJson(*error) : json(nullptr)}};
  }
  if (!journal_status.ok()) return journal_status;
  if (reporter.cancelled()) {
    return Status::Cancelled("purge cancelled after " + std::to_string(deleted) + " deletions" +
                             (journal ? "; the journal " + journal->path() + " lets a later run resume" : ""));
  }
  reporter.End();
  return json{{"plan_id", plan_id}, {"events", std::move(events)}, {"deleted", deleted}, {"already_gone", gone},
              {"failed", failed}, {"bytes_freed", bytes_freed}, {"destinations", std::move(per_destination)},
              {"journal", journal ? json(journal->path()) : json(nullptr)}};
}

}  // namespace bjlg::remote::purge
