// Objectives: recovery point and recovery time measured against their targets.
//
// The one definition (docs/sla.md):
//  - RPO at instant t: t minus the creation time of the newest backup that, by t, has finished
//    successfully AND been verified (a passed verify or restore test, or a backup run marked
//    `verified`). It is the data a site would lose if it had to be restored at t. It grows by one
//    second per second and drops when a newer backup is proved good.
//  - RTO: the wall time of a passed restore test (decrypt + extract + import), the time a
//    restore takes. A backup's own duration is not an RTO.
//
// Runs are records of backups, verifications and restore tests, the lines the verify history
// file holds (src/verify/report.h AppendHistory) or backup runs: `kind` (backup|verify|
// restore-test), `status`, `finished_at`, the backup's `created_at` (or `backup.created_at`;
// a backup run defaults to its `started_at`), `verified` (backup runs), `rto.seconds` or
// `rto_seconds` (restore tests), and an optional `site` (or `site_id`, `blog_id`).
#ifndef BJLG_SLA_OBJECTIVES_H_
#define BJLG_SLA_OBJECTIVES_H_

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::sla {

struct ObjectiveTargets {
  std::optional<double> rpo_seconds;  // none: measured, not judged
  std::optional<double> rto_seconds;
  // InvalidArgument naming the target unless finite and > 0.
  Status Validate() const;
};

struct ObjectivesOptions {
  int64_t now = 0;
  double window_seconds = 30 * 86400;  // the past the worst RPO and the shares are taken over
  Status Validate() const;
};

// REQUIRES: targets and options valid. InvalidArgument naming the run and field for a bad run.
Result<nlohmann::json> EvaluateObjectives(const nlohmann::json& runs, const ObjectiveTargets& targets,
                                          const ObjectivesOptions& options);

}  // namespace bjlg::sla

#endif  // BJLG_SLA_OBJECTIVES_H_
