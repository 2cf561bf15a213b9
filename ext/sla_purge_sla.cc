/* Bjlg\Sla\PurgeSla::compute() over src/sla/purge_sla.h: events and options in, metrics out. */
#include "sla/purge_sla.h"  /* before the PHP headers: they redefine snprintf */
#include "common/time.h"
#include "json_zval.h"
#include "sla_args.h"
#include "sla_exception.h"

#include "sla_purge_sla_arginfo.h"

ZEND_METHOD(Bjlg_Sla_PurgeSla, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Sla_PurgeSla, compute) {
  HashTable *events;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_ARRAY_HT(events)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();
  bjlg_guard([&] {
    const BjlgOptions opts(options_ht, 2);
    bjlg::sla::PurgeSlaOptions o;
    o.now = bjlg::NowUnixSeconds();
    if (!opts.only({"now", "target_seconds", "window_seconds", "forecasts"}) || !bjlg_sla_now_option(opts, &o.now) ||
        !opts.get_double("target_seconds", &o.target_seconds) || !opts.get_double("window_seconds", &o.window_seconds)) {
      return;
    }
    if (zval *f = opts.find("forecasts")) {
      if (Z_TYPE_P(f) != IS_ARRAY) {
        opts.type_error("forecasts", "array", f);
        return;
      }
      if (!bjlg_sla_array_arg(Z_ARRVAL_P(f), 2, &o.forecasts)) return;
      if (o.forecasts.is_array() && o.forecasts.empty()) o.forecasts = nlohmann::json::object();
    }
    if (bjlg::Status s = o.Validate(); !s.ok()) {
      opts.refuse(bjlg_sla_kinds, s);
      return;
    }
    nlohmann::json list;
    if (!bjlg_sla_array_arg(events, 1, &list)) return;
    if (list.is_object() && list.empty()) list = nlohmann::json::array();
    bjlg::Result<nlohmann::json> r = bjlg::sla::ComputePurgeSla(list, o);
    if (!r.ok()) {
      bjlg_throw_status(bjlg_sla_kinds, r.status());
      return;
    }
    if (!bjlg_json_to_zval(*r, return_value)) {
      bjlg_throw_status(bjlg_sla_kinds, bjlg::Status::Corruption("the result is nested too deep"));
    }
  });
}

void bjlg_register_sla_purge_sla(void) { register_class_Bjlg_Sla_PurgeSla(); }
