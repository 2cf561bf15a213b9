// The retention engine: which backup archives of one destination a policy keeps, which it
// deletes, and why (docs/purge.md).
//
// Rules follow restic's `forget`: archives sorted newest first, each keep_* rule walks them and
// keeps the newest archive of each of its N most recent buckets (keep_last: each archive is its
// own bucket; daily/weekly/monthly/yearly: calendar buckets in the policy's zone, weeks being
// ISO weeks, so a DST change moves no archive to another day); an archive is kept when any rule
// keeps it. Then max_age_days (younger archives kept), keep_verified, chain integrity (a kept
// incremental keeps its full and every incremental before it in the chain), and min_keep (the
// newest deleted archives kept back, with their chains, until enough remain). Names that are not
// backup archives are foreign: reported, never candidates. The engine never touches the network.
#ifndef BJLG_REMOTE_PURGE_RETENTION_H_
#define BJLG_REMOTE_PURGE_RETENTION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "cron/time_zone.h"
#include "remote/purge/archive_name.h"
#include "remote/purge/policy.h"

namespace bjlg::remote::purge {

// One object listed under a destination's prefix.
struct Archive {
  std::string name;
  uint64_t size = 0;
  std::optional<int64_t> mtime;  // Unix seconds, when the listing gave one
  bool verified = false;         // a restore test of this archive passed
};

// Why an archive is kept or deleted.
enum class Rule {
  kKeepLast, kKeepDaily, kKeepWeekly, kKeepMonthly, kKeepYearly,  // keep: a bucket rule
  kMaxAge,        // keep: younger than max_age_days
  kKeepVerified,  // keep: the newest archive whose restore test passed
  kChain,         // keep: an incremental kept needs it
  kMinKeep,       // keep: kept back so that min_keep archives remain
  kNoPolicy,      // keep: the policy has no rule at all
  kTooOld,        // delete: older than max_age_days, kept by no rule
  kNoRule,        // delete: kept by no rule
  kQuota,         // delete: early, the quota's threshold is forecast within lead_days (quota_purge.h)
  kForeign,       // foreign: not a backup archive name
};

// "keep_last", "keep_daily", …, "max_age_days", "keep_verified", "chain", "min_keep",
// "no_policy", "too_old", "no_rule", "quota", "foreign": the stable codes results carry.
const char* RuleCode(Rule rule);

// One reason: its rule and what it refers to (the bucket "2026-12-04", "2026-W49", "2026-12",
// "2026"; for kChain the name of the incremental that needs the archive).
struct Reason {
  Rule rule;
  std::string detail;
};

struct Verdict {
  size_t index = 0;  // position in the input
  std::string name;
  uint64_t size = 0;
  std::optional<int64_t> time;  // the name's time, else the modification time
  bool time_from_name = false;
  ArchiveKind kind = ArchiveKind::kForeign;
  std::string base;     // an incremental: the full it needs ("" when none is listed)
  bool orphan = false;  // an incremental with no full listed before it
  bool verified = false;
  std::vector<Reason> reasons;  // the first decides; bucket rules may add more, as restic does
};

struct RetentionResult {
  std::vector<Verdict> keep, remove, foreign;  // backups newest first; foreign in input order
  uint64_t bytes_freed = 0;                   // the sizes of `remove`
};

// The verdicts on `archives` under `policy`, buckets computed in `zone`, ages against `now`.
// InvalidArgument when two archives have the same name.
Result<RetentionResult> Evaluate(const std::vector<Archive>& archives, const Policy& policy,
                                 const cron::TimeZone& zone, int64_t now);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_RETENTION_H_
