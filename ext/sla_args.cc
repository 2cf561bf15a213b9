#include <cmath>

#include "sla_args.h"

#include "date_time.h"
#include "json_zval.h"
#include "sla_exception.h"

namespace {

/* Deep enough for any report section (forecast → legacy → destinations → history → sample). */
constexpr int kMaxJsonDepth = 32;

void Refuse(const std::string &where, size_t index, const char *field, const std::string &what) {
  std::string prefix = where + " " + std::to_string(index);
  if (field != nullptr) prefix += std::string(": field \"") + field + "\"";
  bjlg_throw_status(bjlg_sla_kinds, bjlg::Status::InvalidArgument(prefix + " " + what).AtItem(index));
}

/* An int or a float >= 0 and finite. */
bool ReadBytes(zval *v, const std::string &where, size_t index, const char *field, double *out) {
  if (Z_TYPE_P(v) == IS_LONG) {
    if (Z_LVAL_P(v) < 0) {
      Refuse(where, index, field, "must be >= 0, " + std::to_string(Z_LVAL_P(v)) + " given");
      return false;
    }
    *out = static_cast<double>(Z_LVAL_P(v));
    return true;
  }
  if (Z_TYPE_P(v) == IS_DOUBLE) {
    if (!std::isfinite(Z_DVAL_P(v))) {
      Refuse(where, index, field, "must be a finite number, " + std::string(std::isnan(Z_DVAL_P(v)) ? "NAN" : "INF") + " given");
      return false;
    }
    if (Z_DVAL_P(v) < 0) {
      Refuse(where, index, field, "must be >= 0, a negative float given");
      return false;
    }
    *out = Z_DVAL_P(v);
    return true;
  }
  Refuse(where, index, field, std::string("must be an int or float >= 0, ") + zend_zval_type_name(v) + " given");
  return false;
}

}  // namespace

bool bjlg_sla_read_samples(HashTable *samples, const std::string &where, std::vector<bjlg::sla::UsageSample> *out) {
  size_t index = 0;
  zval *item;
  ZEND_HASH_FOREACH_VAL(samples, item) {
    ZVAL_DEREF(item);
    if (Z_TYPE_P(item) != IS_ARRAY) {
      Refuse(where, index, nullptr, std::string("must be an array, ") + zend_zval_type_name(item) + " given");
      return false;
    }
    HashTable *h = Z_ARRVAL_P(item);
    bjlg::sla::UsageSample s;
    s.index = index;
    zval *at = zend_hash_str_find_deref(h, ZEND_STRL("at"));
    if (at == nullptr) {
      Refuse(where, index, "at", "is missing");
      return false;
    }
    if (Z_TYPE_P(at) == IS_LONG) {
      s.at = Z_LVAL_P(at);
    } else if (Z_TYPE_P(at) == IS_OBJECT && instanceof_function(Z_OBJCE_P(at), bjlg_date_interface_ce())) {
      BjlgInstant instant;
      if (!bjlg_date_instant(Z_OBJ_P(at), &instant)) return false;
      s.at = instant.seconds;
    } else {
      Refuse(where, index, "at", std::string("must be an int (Unix seconds) or a DateTimeInterface, ") + zend_zval_type_name(at) + " given");
      return false;
    }
    zval *used = zend_hash_str_find_deref(h, ZEND_STRL("used_bytes"));
    if (used == nullptr) {
      Refuse(where, index, "used_bytes", "is missing");
      return false;
    }
    if (!ReadBytes(used, where, index, "used_bytes", &s.used_bytes)) return false;
    zval *quota = zend_hash_str_find_deref(h, ZEND_STRL("quota_bytes"));
    if (quota != nullptr && Z_TYPE_P(quota) != IS_NULL) {
      double q;
      if (!ReadBytes(quota, where, index, "quota_bytes", &q)) return false;
      s.quota_bytes = q;
    }
    out->push_back(s);
    index++;
  } ZEND_HASH_FOREACH_END();
  return true;
}

bool bjlg_sla_read_forecast_options(const BjlgOptions &opts, bjlg::sla::ForecastOptions *out) {
  if (!opts.get_double("threshold", &out->threshold)) return false;
  if (!opts.get_double("confidence", &out->confidence)) return false;
  if (!opts.get_int("horizon_days", &out->horizon_days)) return false;
  if (opts.has("quota_bytes")) {
    int64_t q = 0;
    if (!opts.get_int("quota_bytes", &q)) return false;
    out->quota_bytes = q;
  }
  if (opts.has("now")) {
    int64_t now = 0;
    if (!bjlg_sla_now_option(opts, &now)) return false;
    out->now = now;
  }
  if (zval *bands = opts.find("risk_days")) {
    if (Z_TYPE_P(bands) != IS_ARRAY) {
      opts.type_error("risk_days", "array", bands);
      return false;
    }
    BjlgOptions inner(Z_ARRVAL_P(bands), opts.arg());
    struct { const char *name; double *field; } fields[] = {
        {"critical", &out->bands.critical_days}, {"warning", &out->bands.warning_days}, {"watch", &out->bands.watch_days}};
    zend_string *key;
    zval *value;
    ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(bands), key, value) {
      bool known = false;
      for (auto &f : fields) known = known || (key != nullptr && zend_string_equals_cstr(key, f.name, strlen(f.name)));
      if (!known) {
        opts.value_error("risk_days", "must only have the keys critical, warning and watch");
        return false;
      }
      (void)value;
    } ZEND_HASH_FOREACH_END();
    for (auto &f : fields) {
      zval *v = inner.find(f.name);
      if (v == nullptr) continue;
      if (Z_TYPE_P(v) != IS_LONG && Z_TYPE_P(v) != IS_DOUBLE) {
        opts.type_error("risk_days", "array<string, int|float>", v);
        return false;
      }
      *f.field = zval_get_double(v);
    }
  }
  bjlg::Status st = out->Validate();
  if (!st.ok()) {
    opts.refuse(bjlg_sla_kinds, st);
    return false;
  }
  return true;
}

bool bjlg_sla_now_option(const BjlgOptions &opts, int64_t *out) {
  zval *now = opts.find("now");
  if (now == nullptr) return true;
  if (Z_TYPE_P(now) == IS_LONG) {
    *out = Z_LVAL_P(now);
    return true;
  }
  if (Z_TYPE_P(now) == IS_OBJECT && instanceof_function(Z_OBJCE_P(now), bjlg_date_interface_ce())) {
    BjlgInstant instant;
    if (!bjlg_date_instant(Z_OBJ_P(now), &instant)) return false;
    *out = instant.seconds;
    return true;
  }
  opts.type_error("now", "int|DateTimeInterface", now);
  return false;
}

bool bjlg_sla_array_arg(HashTable *array, uint32_t arg, nlohmann::json *out) {
  zval wrapper;
  ZVAL_ARR(&wrapper, array);
  std::string error;
  if (!bjlg_zval_to_json(&wrapper, out, &error, kMaxJsonDepth)) {
    zend_argument_type_error(arg, "%s", error.c_str());
    return false;
  }
  return true;
}
