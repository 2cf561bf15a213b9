/* Bjlg\Remote\Purge over src/remote/purge/purge.h: destinations, policy and plan in, plans and
 * purge events out. */
#include "remote/purge/purge.h"  /* before the PHP headers: they redefine snprintf */
#include "common/time.h"
#include "date_time.h"
#include "json_zval.h"
#include "quota_destinations.h"
#include "quota_exception.h"
#include "remote_exception.h"
#include "remote_policy_arg.h"
#include "sla_args.h"

extern "C" {
#include "zend_attributes.h"
}

/* gen_stub.php writes C: see quota_collector.cc. */
#define zend_hash_str_find_ptr(ht, str, len) static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "remote_purge_arginfo.h"
#undef zend_hash_str_find_ptr

namespace {

namespace purge = bjlg::remote::purge;
namespace quota = bjlg::quota;

#define BJLG_PURGE_TRANSFER_OPTIONS \
  "timeout_ms", "retries", "retry_base_ms", "verify_tls", "ca_bundle", "allow_private_network", "test_endpoints"

/* The transfer options every purge call takes. False after throwing. */
bool ReadTransfer(const BjlgOptions &opts, purge::PurgeOptions *o, quota::ParseOptions *parse) {
  bjlg::remote::TransferOptions &t = o->transfer;
  t.user_agent = "bjlg-purge/0.1";
  if (!opts.get_int("timeout_ms", &t.timeout_ms) || !opts.get_int("retries", &t.max_retries) ||
      !opts.get_int("retry_base_ms", &t.retry_base_ms) || !opts.get_bool("verify_tls", &t.verify_tls) ||
      !opts.get_bool("allow_private_network", &t.allow_private_network) ||
      !opts.get_bool("test_endpoints", &parse->allow_test_endpoints)) {
    return false;
  }
  if (opts.has("ca_bundle") && !opts.get_path("ca_bundle", &t.ca_bundle)) return false;
  if (bjlg::Status checked = bjlg::remote::CheckTransferOptions(t); !checked.ok()) {
    opts.refuse(bjlg_remote_kinds, checked);
    return false;
  }
  return bjlg_sla_now_option(opts, &o->now);
}

void ReturnJson(const nlohmann::json &out, zval *return_value) {
  if (!bjlg_json_to_zval(out, return_value)) {
    bjlg_throw_status(bjlg_remote_kinds, bjlg::Status::Corruption("the result is nested too deep"));
  }
}

}  // namespace

ZEND_METHOD(Bjlg_Remote_Purge, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Remote_Purge, plan) {
  BjlgScrubOnExit scrub;  // destinations carry credentials
  HashTable *destinations_ht, *policy_ht;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_ARRAY_HT(destinations_ht)
    Z_PARAM_ARRAY_HT(policy_ht)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    const BjlgOptions opts(options_ht, 3);
    purge::PurgeOptions o;
    o.now = bjlg::NowUnixSeconds();
    quota::ParseOptions parse;
    std::string lang_name = "en";
    std::vector<std::string> verified;
    if (!opts.only({"now", "lang", "forecasts", "verified", BJLG_PURGE_TRANSFER_OPTIONS}) ||
        !ReadTransfer(opts, &o, &parse) || !opts.get_string("lang", &lang_name) ||
        !opts.get_string_list("verified", &verified)) {
      return;
    }
    o.verified.insert(verified.begin(), verified.end());
    if (zval *f = opts.find("forecasts")) {
      if (Z_TYPE_P(f) != IS_ARRAY) {
        opts.type_error("forecasts", "array", f);
        return;
      }
      if (!bjlg_sla_array_arg(Z_ARRVAL_P(f), 3, &o.forecasts)) return;
      if (o.forecasts.is_array() && o.forecasts.empty()) o.forecasts = nlohmann::json::object();
    }
    bjlg::Result<purge::Lang> lang = purge::LangFromName(lang_name);
    if (!lang.ok()) {
      opts.refuse(bjlg_remote_kinds, lang.status());
      return;
    }
    o.lang = *lang;
    if (bjlg::Status s = o.Validate(); !s.ok()) {
      opts.refuse(bjlg_remote_kinds, s);
      return;
    }
    purge::Policy policy;
    bjlg::cron::TimeZone zone;
    if (!bjlg_remote_policy_arg(policy_ht, 2, &policy, &zone)) return;
    std::vector<quota::Destination> destinations;
    if (!bjlg_destinations_from_php(destinations_ht, 1, nullptr, parse, &destinations)) return;
    bjlg::Result<nlohmann::json> plan = purge::Plan(destinations, policy, zone, o);
    if (!plan.ok()) {
      opts.refuse(bjlg_remote_kinds, plan.status());
      return;
    }
    ReturnJson(*plan, return_value);
  });
}

ZEND_METHOD(Bjlg_Remote_Purge, run) {
  BjlgScrubOnExit scrub;  // the options carry the destinations' credentials
  HashTable *plan_ht, *options_ht;
  ZEND_PARSE_PARAMETERS_START(2, 2)
    Z_PARAM_ARRAY_HT(plan_ht)
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();
  BjlgProgressOption progress;
  bjlg_guard([&] {
    const BjlgOptions opts(options_ht, 2);
    purge::PurgeOptions o;
    o.now = bjlg::NowUnixSeconds();
    quota::ParseOptions parse;
    if (!opts.only({"destinations", "now", "max_plan_age", "journal", "parallel", "batch_size", "progress",
                    BJLG_PURGE_TRANSFER_OPTIONS}) ||
        !ReadTransfer(opts, &o, &parse) || !opts.get_int("max_plan_age", &o.max_plan_age) ||
        !opts.get_int("parallel", &o.parallel) || !opts.get_int("batch_size", &o.batch_size) ||
        !opts.get_progress("progress", &progress)) {
      return;
    }
    if (opts.has("journal") && !opts.get_path("journal", &o.journal)) return;
    zval *list = opts.find("destinations");
    if (list == nullptr) {
      opts.value_error("destinations", "is required: the destinations given to plan()");
      return;
    }
    if (Z_TYPE_P(list) != IS_ARRAY) {
      opts.type_error("destinations", "array", list);
      return;
    }
    if (bjlg::Status s = o.Validate(); !s.ok()) {
      opts.refuse(bjlg_remote_kinds, s);
      return;
    }
    std::vector<quota::Destination> destinations;
    if (!bjlg_destinations_from_php(Z_ARRVAL_P(list), 2, "destinations", parse, &destinations)) return;
    nlohmann::json plan;
    if (!bjlg_sla_array_arg(plan_ht, 1, &plan)) return;
    o.progress = progress.fn();
    bjlg::Result<nlohmann::json> result = purge::Run(plan, destinations, o);
    if (!result.ok()) {
      const bjlg::Status &s = result.status();
      if (s.code() == bjlg::Status::Code::kInvalidArgument && s.message().rfind("option \"", 0) == 0) {
        opts.refuse(bjlg_remote_kinds, s);
      } else if (s.code() == bjlg::Status::Code::kInvalidArgument) {
        zend_argument_value_error(1, "%s", s.message().c_str());
      } else {
        bjlg_throw_status(bjlg_remote_kinds, s);
      }
      return;
    }
    ReturnJson(*result, return_value);
  });
  if (progress.bailed_out()) zend_bailout();
}

ZEND_METHOD(Bjlg_Remote_Purge, loadDestinations) {
  BjlgScrubOnExit scrub;
  bjlg_load_path_method(execute_data, [&](const std::string &path) {
    quota::ParseOptions parse;
    parse.lenient_strings = true;
    bjlg::Result<std::vector<quota::Destination>> loaded = quota::LoadDestinationsFile(path, parse);
    if (!loaded.ok()) {
      bjlg_throw_status(bjlg_quota_kinds, loaded.status());
      return;
    }
    bjlg_destinations_to_php(*loaded, return_value);
  });
}

void bjlg_register_remote_purge(void) { register_class_Bjlg_Remote_Purge(); }
