/* Bjlg\Sla\Objectives::evaluate() over src/sla/objectives.h: runs, targets and options in,
 * RPO/RTO out. */
#include "sla/objectives.h"  /* before the PHP headers: they redefine snprintf */
#include "common/time.h"
#include "json_zval.h"
#include "sla_args.h"
#include "sla_exception.h"

#include "sla_objectives_arginfo.h"

namespace {

/* A target in seconds; absent leaves it unset (measured, not judged). */
bool ReadTarget(const BjlgOptions &targets, const char *name, std::optional<double> *out) {
  if (!targets.has(name)) return true;
  double v = 0;
  if (!targets.get_double(name, &v)) return false;
  *out = v;
  return true;
}

}  // namespace

ZEND_METHOD(Bjlg_Sla_Objectives, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Sla_Objectives, evaluate) {
  HashTable *runs;
  HashTable *targets_ht;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_ARRAY_HT(runs)
    Z_PARAM_ARRAY_HT(targets_ht)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    const BjlgOptions targets_opts(targets_ht, 2);
    bjlg::sla::ObjectiveTargets targets;
    if (!targets_opts.only({"rpo_seconds", "rto_seconds"}) || !ReadTarget(targets_opts, "rpo_seconds", &targets.rpo_seconds) ||
        !ReadTarget(targets_opts, "rto_seconds", &targets.rto_seconds)) {
      return;
    }
    if (bjlg::Status s = targets.Validate(); !s.ok()) {
      targets_opts.refuse(bjlg_sla_kinds, s);
      return;
    }
    const BjlgOptions opts(options_ht, 3);
    bjlg::sla::ObjectivesOptions o;
    o.now = bjlg::NowUnixSeconds();
    if (!opts.only({"now", "window_seconds"}) || !bjlg_sla_now_option(opts, &o.now) ||
        !opts.get_double("window_seconds", &o.window_seconds)) {
      return;
    }
    if (bjlg::Status s = o.Validate(); !s.ok()) {
      opts.refuse(bjlg_sla_kinds, s);
      return;
    }
    nlohmann::json list;
    if (!bjlg_sla_array_arg(runs, 1, &list)) return;
    if (list.is_object() && list.empty()) list = nlohmann::json::array();
    bjlg::Result<nlohmann::json> r = bjlg::sla::EvaluateObjectives(list, targets, o);
    if (!r.ok()) {
      bjlg_throw_status(bjlg_sla_kinds, r.status());
      return;
    }
    if (!bjlg_json_to_zval(*r, return_value)) {
      bjlg_throw_status(bjlg_sla_kinds, bjlg::Status::Corruption("the result is nested too deep"));
    }
  });
}

void bjlg_register_sla_objectives(void) { register_class_Bjlg_Sla_Objectives(); }
