// A retention policy: which archives a purge keeps (docs/purge.md). Read from a PHP array (as
// JSON) or a YAML file; every key is checked, unknown keys are refused, and a YAML error gives
// its line.
#ifndef BJLG_REMOTE_PURGE_POLICY_H_
#define BJLG_REMOTE_PURGE_POLICY_H_

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::remote::purge {

// The largest count a keep_* rule or min_keep accepts, and the largest max_age_days / lead_days.
constexpr int64_t kMaxKeepCount = 1000000;
constexpr int64_t kMaxDays = 36500;

struct Policy {
  // restic's rules: each walks the archives newest first and keeps the newest archive of each
  // of its N most recent buckets (archives, days, ISO weeks, months, years). 0: rule off.
  int64_t keep_last = 0;
  int64_t keep_daily = 0;
  int64_t keep_weekly = 0;
  int64_t keep_monthly = 0;
  int64_t keep_yearly = 0;
  // Archives younger than this are kept (restic's --keep-within); older ones go unless another
  // rule keeps them.
  std::optional<int64_t> max_age_days;
  // Never fewer archives kept than this: the newest deleted ones are kept back to reach it.
  int64_t min_keep = 0;
  // Never delete the newest archive whose restore test passed.
  bool keep_verified = false;
  // The zone of the day/week/month/year buckets; empty: the caller's default (the site's).
  std::string timezone;
  // Quota-driven purge: delete the oldest deletable archives while the forecast says the
  // destination reaches target_ratio of its quota within lead_days.
  std::optional<double> target_ratio;
  std::optional<double> lead_days;

  // True when some rule decides what goes (a policy without any keeps everything).
  bool HasRetentionRule() const;
  // The policy as a JSON object with every key set (null for unset optional ones).
  nlohmann::json ToJson() const;
};

// The policy of a JSON object. InvalidArgument naming the key ('key "keep_daily" must be an
// integer between 0 and 1000000, -1 given'); `where` is put before the message when not empty.
Result<Policy> PolicyFromJson(const nlohmann::json& object, const std::string& where = "");

// The policy of YAML text: a map of the keys above, or a map whose `policy` key is that map
// (so that one file can hold destinations and policy). Messages start "<name> line <n>: ".
Result<Policy> ParsePolicyYaml(const std::string& yaml, const std::string& name);

// ParsePolicyYaml() of a file, read through common/parse_limits (regular file, 1 MiB at most).
Result<Policy> LoadPolicyFile(const std::string& path);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_POLICY_H_
