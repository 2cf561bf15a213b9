/* Bjlg\Sla\Forecast: converts the samples and options, runs the core's model
 * (src/sla/forecast.h), returns its array. */
#include "sla_args.h"
#include "sla_exception.h"
#include "json_zval.h"

#include "sla_forecast_arginfo.h"

ZEND_METHOD(Bjlg_Sla_Forecast, project) {
  HashTable *samples_ht;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_ARRAY_HT(samples_ht)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();

  bjlg_guard([&] {
    BjlgOptions opts(options_ht, 2);
    if (!opts.only({BJLG_SLA_FORECAST_OPTIONS})) return;
    bjlg::sla::ForecastOptions options;
    if (!bjlg_sla_read_forecast_options(opts, &options)) return;
    std::vector<bjlg::sla::UsageSample> samples;
    if (!bjlg_sla_read_samples(samples_ht, "sample", &samples)) return;
    bjlg::Result<bjlg::sla::Forecast> f = bjlg::sla::Project(std::move(samples), options);
    if (!f.ok()) {
      bjlg_throw_status(bjlg_sla_kinds, f.status());
      return;
    }
    if (!bjlg_json_to_zval(bjlg::sla::ForecastToJson(*f), return_value)) {
      bjlg_throw_status(bjlg_sla_kinds, bjlg::Status::Corruption("the result is nested too deep"));
    }
  });
}

void bjlg_register_sla_forecast(void) {
  register_class_Bjlg_Sla_Forecast();
}
