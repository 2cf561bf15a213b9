/* Reading Bjlg\Sla's arguments: usage samples (for Forecast and Capacity), the forecast
 * options, the `now` option and list or record arguments the core reads as JSON (PurgeSla,
 * Objectives, Report), with every refusal worded one way:
 *   Bjlg\Sla\InvalidInputException 'sample 3: field "used_bytes" must be an int or float >= 0, string given'
 *   TypeError/ValueError           'Argument #2 ($options) option "threshold" ...' */
#ifndef BJLG_SLA_ARGS_H
#define BJLG_SLA_ARGS_H

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sla/forecast.h"  /* core and standard headers before PHP's, whose macros they trip on */
#include "glue.h"

/* The samples of `samples` (each an array with `at` (int Unix seconds or DateTimeInterface),
 * `used_bytes` (int or float >= 0) and optionally `quota_bytes` (null, int or float >= 0);
 * other keys are ignored, so History::read()'s samples can be passed as they are). `where`
 * prefixes the messages ("sample 3" or "destination \"nas\" sample 3"). False after throwing. */
bool bjlg_sla_read_samples(HashTable *samples, const std::string &where, std::vector<bjlg::sla::UsageSample> *out);

/* The forecast options threshold, quota_bytes, now, horizon_days, confidence, risk_days, read
 * from `opts` (the caller has already called only() with them and its own), then validated.
 * False after throwing. */
bool bjlg_sla_read_forecast_options(const BjlgOptions &opts, bjlg::sla::ForecastOptions *out);

/* Option `now`: an int (Unix seconds) or a DateTimeInterface; *out is left as it is when absent.
 * False after throwing. */
bool bjlg_sla_now_option(const BjlgOptions &options, int64_t *out);

/* The JSON of array argument `arg`; a TypeError naming the argument for objects, resources or
 * nesting deeper than 32 levels. May throw std::bad_alloc: call under bjlg_guard. */
bool bjlg_sla_array_arg(HashTable *array, uint32_t arg, nlohmann::json *out);

/* The names of the forecast options, for only(). */
#define BJLG_SLA_FORECAST_OPTIONS "threshold", "quota_bytes", "now", "horizon_days", "confidence", "risk_days"

#endif /* BJLG_SLA_ARGS_H */
