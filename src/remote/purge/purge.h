// Purge: what a retention policy deletes on every destination (Plan, a dry run), and deleting it
// on all destinations at once (Run), safely (docs/purge.md).
//
// Plan lists every destination concurrently (store.h), classifies and judges the archives with
// the retention engine (retention.h, quota_purge.h) and returns the plan as JSON. Run takes a
// plan back with the destinations' settings (the plan carries no credential, so that it can be
// printed and stored), refuses it when it is older than max_plan_age, lists every destination
// again, refuses a destination whose archives changed since the plan (a kept archive gone or
// resized, an archive to delete resized), then deletes over one libcurl multi handle, several
// lanes per destination, S3 in batches, with a journal when asked. A listing that fails deletes
// nothing on that destination; the others proceed.
#ifndef BJLG_REMOTE_PURGE_PURGE_H_
#define BJLG_REMOTE_PURGE_PURGE_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/progress.h"
#include "common/status.h"
#include "cron/time_zone.h"
#include "quota/destination.h"
#include "remote/purge/policy.h"
#include "remote/purge/retention_words.h"
#include "remote/transfer.h"

namespace bjlg::remote::purge {

struct PurgeOptions {
  TransferOptions transfer;           // budgets, retries, TLS, private networks
  int64_t now = 0;                    // Unix seconds: ages, planned_at, the plan's age
  Lang lang = Lang::kEn;              // the reasons' language
  nlohmann::json forecasts = nlohmann::json::object();  // destination -> Forecast::project()
  std::set<std::string> verified;     // archive names whose restore test passed
  int64_t max_plan_age = 3600;        // seconds; Run refuses an older plan
  std::string journal;                // path; empty: no journal
  int64_t parallel = 4;               // requests in flight per destination
  int64_t batch_size = 1000;          // keys per S3 DeleteObjects
  ProgressFn progress;                // one report per deletion; false cancels

  // InvalidArgument naming the option: max_plan_age 1..31536000, parallel 1..64, batch_size
  // 1..1000, forecasts an object.
  Status Validate() const;
};

// The plan: {version, planned_at, policy, destinations: {name: {type, ok, error, listed, delete,
// keep, foreign, bytes_freed, counts, quota}}, totals}. Never fails for one destination's
// listing (its `error` says why and it deletes nothing); InvalidArgument for a bad forecast.
Result<nlohmann::json> Plan(const std::vector<quota::Destination>& destinations, const Policy& policy,
                            const cron::TimeZone& zone, const PurgeOptions& options);

// Executes `plan` on `destinations` (by name; each the plan names must be there with the same
// type). Returns {events, deleted, already_gone, failed, bytes_freed, destinations: {name:
// {deleted, already_gone, failed, error}}, plan_id, journal}. InvalidArgument for a plan that is
// malformed, too old, or whose journal belongs to another plan; Cancelled when the progress
// callback said stop (what was deleted is in the journal); IOError when the journal fails.
Result<nlohmann::json> Run(const nlohmann::json& plan, const std::vector<quota::Destination>& destinations,
                           const PurgeOptions& options);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_PURGE_H_
