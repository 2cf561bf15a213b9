// Purge SLA: how long archives wait before the remote purge removes them, from purge events.
//
// An event is one archive to remove from one destination: `archive`, `destination`, `queued_at`
// (required), `started_at`, `finished_at`, `status` (pending|running|completed|failed; absent:
// completed when finished_at is set, else pending), `bytes`, `attempts`, `message`. Times are
// Unix seconds or ISO 8601 strings. Time to purge is finished_at − queued_at of completed events:
// what a user waits for, queueing included. A failed event is final (the archive stays); a retry
// is the same event still pending with more attempts.
//
// The result (a JSON object, keys in docs/sla.md) also holds the plugin's
// bjlg_remote_purge_sla_metrics shape (design §A.7.3) under `legacy`, and, when the caller passes
// each destination's Forecast::project result, the saturation date with and without the backlog
// purged.
#ifndef BJLG_SLA_PURGE_SLA_H_
#define BJLG_SLA_PURGE_SLA_H_

#include <cstdint>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::sla {

struct PurgeSlaOptions {
  int64_t now = 0;                    // Unix time the backlog's ages are measured at
  double target_seconds = 86400;      // an archive purged within this meets the SLA
  double window_seconds = 7 * 86400;  // throughput is measured over the last window
  // destination -> Forecast::project() result (current_used_bytes, growth_bytes_per_day,
  // threshold_bytes, threshold_at): links the backlog to the quota.
  nlohmann::json forecasts = nlohmann::json::object();

  // InvalidArgument naming the option: target_seconds and window_seconds must be finite and > 0,
  // now within [0, 9999-12-31], forecasts an object of objects.
  Status Validate() const;
};

// REQUIRES: options.Validate().ok(). InvalidArgument naming the event and field for a bad event
// (not an object, missing or bad queued_at, finished before queued, negative bytes, a time more
// than an hour after `now`, an unknown status).
Result<nlohmann::json> ComputePurgeSla(const nlohmann::json& events, const PurgeSlaOptions& options);

}  // namespace bjlg::sla

#endif  // BJLG_SLA_PURGE_SLA_H_
