/* Bjlg\Remote\Retention over src/remote/purge/retention.h: archives and policy in, verdicts out. */
#include "remote/purge/quota_purge.h"  /* before the PHP headers: they redefine snprintf */
#include "remote/purge/retention_words.h"
#include "common/time.h"
#include "date_time.h"
#include "json_zval.h"
#include "remote_exception.h"
#include "remote_policy_arg.h"
#include "sla_args.h"

#include "remote_retention_arginfo.h"

namespace {

namespace purge = bjlg::remote::purge;

/* The JSON of array argument `arg`; a TypeError naming it for objects or resources inside. */
bool ArrayArg(HashTable *array, uint32_t arg, nlohmann::json *out) {
  zval wrapper;
  ZVAL_ARR(&wrapper, array);
  std::string error;
  if (!bjlg_zval_to_json(&wrapper, out, &error, 16)) {
    zend_argument_type_error(arg, "%s", error.c_str());
    return false;
  }
  return true;
}

}  // namespace

ZEND_METHOD(Bjlg_Remote_Retention, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Remote_Retention, evaluate) {
  HashTable *archives_ht, *policy_ht;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_ARRAY_HT(archives_ht)
    Z_PARAM_ARRAY_HT(policy_ht)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    const BjlgOptions opts(options_ht, 3);
    int64_t now = bjlg::NowUnixSeconds();
    std::string lang_name = "en";
    if (!opts.only({"now", "lang", "forecast"}) || !bjlg_sla_now_option(opts, &now) ||
        !opts.get_string("lang", &lang_name)) {
      return;
    }
    std::optional<purge::QuotaOutlook> outlook;
    if (zval *f = opts.find("forecast")) {
      nlohmann::json forecast;
      if (Z_TYPE_P(f) != IS_ARRAY) {
        opts.type_error("forecast", "array", f);
        return;
      }
      if (!ArrayArg(Z_ARRVAL_P(f), 3, &forecast)) return;
      bjlg::Result<std::optional<purge::QuotaOutlook>> o = purge::OutlookFromForecastJson(forecast);
      if (!o.ok()) {
        opts.value_error("forecast", o.status().message().substr(10));  /* after "forecast: " */
        return;
      }
      outlook = *o;
    }
    bjlg::Result<purge::Lang> lang = purge::LangFromName(lang_name);
    if (!lang.ok()) {
      opts.refuse(bjlg_remote_kinds, lang.status());
      return;
    }
    purge::Policy policy;
    bjlg::cron::TimeZone zone;
    nlohmann::json archives_json;
    if (!bjlg_remote_policy_arg(policy_ht, 2, &policy, &zone) || !ArrayArg(archives_ht, 1, &archives_json)) return;
    if (archives_json.is_object() && archives_json.empty()) archives_json = nlohmann::json::array();
    if (!archives_json.is_array()) {
      zend_argument_value_error(1, "must be a list of archives");
      return;
    }
    bjlg::Result<std::vector<purge::Archive>> archives = purge::ArchivesFromJson(archives_json);
    if (!archives.ok()) {
      zend_argument_value_error(1, "%s", archives.status().message().c_str());
      return;
    }
    bjlg::Result<purge::RetentionResult> r = purge::Evaluate(*archives, policy, zone, now);
    if (!r.ok()) {
      zend_argument_value_error(1, "%s", r.status().message().c_str());
      return;
    }
    nlohmann::json quota = nullptr;
    if (policy.target_ratio && outlook) {
      quota = purge::QuotaPurgeToJson(purge::ApplyQuotaPurge(policy, *outlook, &*r), policy);
    }
    nlohmann::json out = purge::RetentionToJson(*r, policy, *lang);
    out["quota"] = std::move(quota);
    nlohmann::json effective = policy.ToJson();
    effective["timezone"] = zone.name();
    out["policy"] = std::move(effective);
    if (!bjlg_json_to_zval(out, return_value)) {
      bjlg_throw_status(bjlg_remote_kinds, bjlg::Status::Corruption("the result is nested too deep"));
    }
  });
}

ZEND_METHOD(Bjlg_Remote_Retention, loadPolicy) {
  bjlg_load_path_method(execute_data, [&](const std::string &path) {
    bjlg::Result<purge::Policy> policy = purge::LoadPolicyFile(path);
    if (!policy.ok()) {
      bjlg_throw_status(bjlg_remote_kinds, policy.status());
      return;
    }
    if (!bjlg_json_to_zval(policy->ToJson(), return_value)) {
      bjlg_throw_status(bjlg_remote_kinds, bjlg::Status::Corruption("the policy is nested too deep"));
    }
  });
}

void bjlg_register_remote_retention(void) { register_class_Bjlg_Remote_Retention(); }
