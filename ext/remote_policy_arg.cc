#include "remote_policy_arg.h"

#include "date_time.h"
#include "sla_args.h"

bool bjlg_remote_policy_arg(HashTable *policy_ht, uint32_t arg, bjlg::remote::purge::Policy *policy,
                            bjlg::cron::TimeZone *zone) {
  nlohmann::json policy_json;
  if (!bjlg_sla_array_arg(policy_ht, arg, &policy_json)) return false;
  bjlg::Result<bjlg::remote::purge::Policy> parsed = bjlg::remote::purge::PolicyFromJson(policy_json);
  if (!parsed.ok()) {
    zend_argument_value_error(arg, "%s", parsed.status().message().c_str());
    return false;
  }
  *policy = std::move(*parsed);
  if (!policy->timezone.empty()) {
    bjlg::Result<bjlg::cron::TimeZone> named = bjlg::cron::TimeZone::Named(policy->timezone);
    if (!named.ok()) {
      zend_argument_value_error(arg, "%s", named.status().message().c_str());
      return false;
    }
    *zone = *named;
    return true;
  }
  BjlgZone *site = bjlg_zone_resolve(nullptr, nullptr, nullptr, arg);
  if (site == nullptr) return false;
  *zone = bjlg_zone_core(site);
  return true;
}
