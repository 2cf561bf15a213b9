/* Bjlg\Sla\History: reads and appends the SLA history file (src/sla/history.h). */
#include "sla/history.h"

#include "common/time.h"
#include "date_time.h"
#include "json_zval.h"
#include "sla_exception.h"

#include "sla_history_arginfo.h"

namespace {

void Refuse(size_t index, const char *field, const std::string &what) {
  std::string prefix = "sample " + std::to_string(index);
  if (field != nullptr) prefix += std::string(": field \"") + field + "\"";
  bjlg_throw_status(bjlg_sla_kinds, bjlg::Status::InvalidArgument(prefix + " " + what).AtItem(index));
}

/* null or an int >= 0. */
bool ReadCount(HashTable *h, const char *field, size_t index, std::optional<int64_t> *out) {
  zval *v = zend_hash_str_find_deref(h, field, strlen(field));
  if (v == nullptr || Z_TYPE_P(v) == IS_NULL) return true;
  if (Z_TYPE_P(v) != IS_LONG) {
    Refuse(index, field, std::string("must be null or an int >= 0, ") + zend_zval_type_name(v) + " given");
    return false;
  }
  if (Z_LVAL_P(v) < 0) {
    Refuse(index, field, "must be >= 0, " + std::to_string(Z_LVAL_P(v)) + " given");
    return false;
  }
  *out = Z_LVAL_P(v);
  return true;
}

bool ReadSample(zval *item, size_t index, int64_t now, bjlg::sla::HistorySample *s) {
  ZVAL_DEREF(item);
  if (Z_TYPE_P(item) != IS_ARRAY) {
    Refuse(index, nullptr, std::string("must be an array, ") + zend_zval_type_name(item) + " given");
    return false;
  }
  HashTable *h = Z_ARRVAL_P(item);
  zval *dest = zend_hash_str_find_deref(h, ZEND_STRL("destination"));
  if (dest == nullptr || Z_TYPE_P(dest) != IS_STRING || Z_STRLEN_P(dest) == 0) {
    Refuse(index, "destination", dest == nullptr ? "is missing" : "must be a non-empty string");
    return false;
  }
  s->destination.assign(Z_STRVAL_P(dest), Z_STRLEN_P(dest));
  s->at = now;
  zval *at = zend_hash_str_find_deref(h, ZEND_STRL("at"));
  if (at != nullptr && Z_TYPE_P(at) != IS_NULL) {
    if (Z_TYPE_P(at) == IS_LONG) {
      s->at = Z_LVAL_P(at);
    } else if (Z_TYPE_P(at) == IS_OBJECT && instanceof_function(Z_OBJCE_P(at), bjlg_date_interface_ce())) {
      BjlgInstant instant;
      if (!bjlg_date_instant(Z_OBJ_P(at), &instant)) return false;
      s->at = instant.seconds;
    } else {
      Refuse(index, "at", std::string("must be an int (Unix seconds) or a DateTimeInterface, ") + zend_zval_type_name(at) + " given");
      return false;
    }
  }
  if (!ReadCount(h, "used_bytes", index, &s->used_bytes) || !ReadCount(h, "quota_bytes", index, &s->quota_bytes) ||
      !ReadCount(h, "object_count", index, &s->object_count)) {
    return false;
  }
  zval *errors = zend_hash_str_find_deref(h, ZEND_STRL("errors"));
  if (errors != nullptr && Z_TYPE_P(errors) != IS_NULL) {
    if (Z_TYPE_P(errors) != IS_ARRAY) {
      Refuse(index, "errors", std::string("must be a list of strings, ") + zend_zval_type_name(errors) + " given");
      return false;
    }
    zval *e;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(errors), e) {
      ZVAL_DEREF(e);
      if (Z_TYPE_P(e) != IS_STRING) {
        Refuse(index, "errors", std::string("must be a list of strings, one is ") + zend_zval_type_name(e));
        return false;
      }
      s->errors.emplace_back(Z_STRVAL_P(e), Z_STRLEN_P(e));
    } ZEND_HASH_FOREACH_END();
  }
  return true;
}

}  // namespace

ZEND_METHOD(Bjlg_Sla_History, read) {
  zend_string *path;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_PATH_STR(path)
  ZEND_PARSE_PARAMETERS_END();
  if (ZSTR_LEN(path) == 0) {
    zend_argument_value_error(1, "must not be empty");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    bjlg::Result<bjlg::sla::History> h = bjlg::sla::ReadHistoryFile(std::string(ZSTR_VAL(path), ZSTR_LEN(path)));
    if (!h.ok()) {
      bjlg_throw_status(bjlg_sla_kinds, h.status());
      return;
    }
    if (!bjlg_json_to_zval(bjlg::sla::HistoryToJson(*h), return_value)) {
      bjlg_throw_status(bjlg_sla_kinds, bjlg::Status::Corruption("the result is nested too deep"));
    }
  });
}

ZEND_METHOD(Bjlg_Sla_History, append) {
  zend_string *path;
  HashTable *samples_ht;
  ZEND_PARSE_PARAMETERS_START(2, 2)
    Z_PARAM_PATH_STR(path)
    Z_PARAM_ARRAY_HT(samples_ht)
  ZEND_PARSE_PARAMETERS_END();
  if (ZSTR_LEN(path) == 0) {
    zend_argument_value_error(1, "must not be empty");
    RETURN_THROWS();
  }
  bjlg_guard([&] {
    std::vector<bjlg::sla::HistorySample> samples;
    const int64_t now = bjlg::NowUnixSeconds();
    size_t index = 0;
    zval *item;
    ZEND_HASH_FOREACH_VAL(samples_ht, item) {
      bjlg::sla::HistorySample s;
      if (!ReadSample(item, index, now, &s)) return;
      samples.push_back(std::move(s));
      index++;
    } ZEND_HASH_FOREACH_END();
    bjlg::Status st = bjlg::sla::AppendSamples(std::string(ZSTR_VAL(path), ZSTR_LEN(path)), samples);
    if (!st.ok()) {
      bjlg_throw_status(bjlg_sla_kinds, st);
      return;
    }
    RETVAL_LONG(static_cast<zend_long>(samples.size()));
  });
}

void bjlg_register_sla_history(void) {
  register_class_Bjlg_Sla_History();
}
