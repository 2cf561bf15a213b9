/* Bjlg\Sla\Capacity: converts the destinations and options, runs the core's plan
 * (src/sla/capacity.h), returns its array. */
#include "sla/capacity.h"

#include "date_time.h"
#include "json_zval.h"
#include "sla_args.h"
#include "sla_exception.h"

#include "sla_capacity_arginfo.h"

namespace {

bool Refuse(size_t index, const std::string &name, const char *field, const std::string &what) {
  std::string where = "destination " + std::to_string(index);
  if (!name.empty()) where += " (\"" + name + "\")";
  if (field != nullptr) where += std::string(": field \"") + field + "\"";
  bjlg_throw_status(bjlg_sla_kinds, bjlg::Status::InvalidArgument(where + " " + what));
  return false;
}

/* An int >= 0 (or a DateTimeInterface when `date`). */
bool ReadInt(zval *v, bool date, int64_t *out) {
  if (Z_TYPE_P(v) == IS_LONG && Z_LVAL_P(v) >= 0) {
    *out = Z_LVAL_P(v);
    return true;
  }
  if (date && Z_TYPE_P(v) == IS_OBJECT && instanceof_function(Z_OBJCE_P(v), bjlg_date_interface_ce())) {
    BjlgInstant instant;
    if (!bjlg_date_instant(Z_OBJ_P(v), &instant)) return false;
    *out = instant.seconds;
    return true;
  }
  return false;
}

bool ReadArchives(zval *list, size_t index, const std::string &name, std::vector<bjlg::sla::Archive> *out) {
  if (Z_TYPE_P(list) != IS_ARRAY) return Refuse(index, name, "archives", std::string("must be a list, ") + zend_zval_type_name(list) + " given");
  size_t i = 0;
  zval *item;
  ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), item) {
    ZVAL_DEREF(item);
    const std::string which = "archive " + std::to_string(i);
    if (Z_TYPE_P(item) != IS_ARRAY) return Refuse(index, name, "archives", which + " must be [name, size, created_at]");
    HashTable *h = Z_ARRVAL_P(item);
    zval *n = zend_hash_str_find_deref(h, ZEND_STRL("name"));
    zval *size = zend_hash_str_find_deref(h, ZEND_STRL("size"));
    zval *created = zend_hash_str_find_deref(h, ZEND_STRL("created_at"));
    if (n == nullptr && size == nullptr && created == nullptr) {
      n = zend_hash_index_find_deref(h, 0);
      size = zend_hash_index_find_deref(h, 1);
      created = zend_hash_index_find_deref(h, 2);
    }
    bjlg::sla::Archive a;
    if (n == nullptr || Z_TYPE_P(n) != IS_STRING) return Refuse(index, name, "archives", which + ": name must be a string");
    a.name.assign(Z_STRVAL_P(n), Z_STRLEN_P(n));
    if (size == nullptr || !ReadInt(size, false, &a.size)) return Refuse(index, name, "archives", which + ": size must be an int >= 0");
    if (created == nullptr || !ReadInt(created, true, &a.created_at)) {
      if (EG(exception)) return false;
      return Refuse(index, name, "archives", which + ": created_at must be an int (Unix seconds) or a DateTimeInterface");
    }
    out->push_back(std::move(a));
    i++;
  } ZEND_HASH_FOREACH_END();
  return true;
}

bool ReadDestination(zval *item, size_t index, bjlg::sla::DestinationPlanInput *d) {
  ZVAL_DEREF(item);
  if (Z_TYPE_P(item) != IS_ARRAY) return Refuse(index, "", nullptr, std::string("must be an array, ") + zend_zval_type_name(item) + " given");
  HashTable *h = Z_ARRVAL_P(item);
  zval *name = zend_hash_str_find_deref(h, ZEND_STRL("name"));
  if (name == nullptr || Z_TYPE_P(name) != IS_STRING || Z_STRLEN_P(name) == 0) return Refuse(index, "", "name", "must be a non-empty string");
  d->name.assign(Z_STRVAL_P(name), Z_STRLEN_P(name));
  zval *samples = zend_hash_str_find_deref(h, ZEND_STRL("samples"));
  if (samples == nullptr || Z_TYPE_P(samples) != IS_ARRAY) return Refuse(index, d->name, "samples", "must be an array of samples");
  if (!bjlg_sla_read_samples(Z_ARRVAL_P(samples), "destination \"" + d->name + "\" sample", &d->samples)) return false;
  zval *quota = zend_hash_str_find_deref(h, ZEND_STRL("quota_bytes"));
  if (quota != nullptr && Z_TYPE_P(quota) != IS_NULL) {
    if (Z_TYPE_P(quota) != IS_LONG || Z_LVAL_P(quota) <= 0) return Refuse(index, d->name, "quota_bytes", "must be null or an int > 0");
    d->quota_bytes = Z_LVAL_P(quota);
  }
  zval *archives = zend_hash_str_find_deref(h, ZEND_STRL("archives"));
  if (archives != nullptr && Z_TYPE_P(archives) != IS_NULL && !ReadArchives(archives, index, d->name, &d->archives)) return false;
  zval *max = zend_hash_str_find_deref(h, ZEND_STRL("max_backups"));
  if (max != nullptr && Z_TYPE_P(max) != IS_NULL) {
    if (Z_TYPE_P(max) != IS_LONG || Z_LVAL_P(max) < 1) return Refuse(index, d->name, "max_backups", "must be null or an int >= 1");
    d->max_backups = Z_LVAL_P(max);
  }
  zval *inc = zend_hash_str_find_deref(h, ZEND_STRL("incremental"));
  if (inc != nullptr && Z_TYPE_P(inc) != IS_NULL) {
    if (Z_TYPE_P(inc) != IS_TRUE && Z_TYPE_P(inc) != IS_FALSE) return Refuse(index, d->name, "incremental", "must be null or a bool");
    d->incremental = Z_TYPE_P(inc) == IS_TRUE;
  }
  return true;
}

}  // namespace

ZEND_METHOD(Bjlg_Sla_Capacity, plan) {
  HashTable *destinations_ht;
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_ARRAY_HT(destinations_ht)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();

  bjlg_guard([&] {
    BjlgOptions opts(options_ht, 2);
    if (!opts.only({BJLG_SLA_FORECAST_OPTIONS, "target_days", "incremental_ratio"})) return;
    bjlg::sla::CapacityOptions options;
    if (!opts.get_int("target_days", &options.target_days)) return;
    if (!opts.get_double("incremental_ratio", &options.incremental_ratio)) return;
    if (!bjlg_sla_read_forecast_options(opts, &options.forecast)) return;
    bjlg::Status st = options.Validate();
    if (!st.ok()) {
      opts.refuse(bjlg_sla_kinds, st);
      return;
    }
    std::vector<bjlg::sla::DestinationPlanInput> destinations;
    size_t index = 0;
    zval *item;
    ZEND_HASH_FOREACH_VAL(destinations_ht, item) {
      bjlg::sla::DestinationPlanInput d;
      if (!ReadDestination(item, index, &d)) return;
      destinations.push_back(std::move(d));
      index++;
    } ZEND_HASH_FOREACH_END();
    bjlg::Result<bjlg::sla::CapacityPlan> plan = bjlg::sla::Plan(std::move(destinations), options);
    if (!plan.ok()) {
      bjlg_throw_status(bjlg_sla_kinds, plan.status());
      return;
    }
    if (!bjlg_json_to_zval(bjlg::sla::CapacityPlanToJson(*plan), return_value)) {
      bjlg_throw_status(bjlg_sla_kinds, bjlg::Status::Corruption("the result is nested too deep"));
    }
  });
}

void bjlg_register_sla_capacity(void) {
  register_class_Bjlg_Sla_Capacity();
}
