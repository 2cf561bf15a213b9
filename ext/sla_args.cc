#include "sla_args.h"

#include <string>

#include "date_time.h"
#include "json_zval.h"

namespace {
/* Deep enough for any report section (forecast → legacy → destinations → history → sample). */
constexpr int kMaxDepth = 32;
}  // namespace

bool bjlg_sla_array_arg(HashTable *array, uint32_t arg, nlohmann::json *out) {
  zval wrapper;
  ZVAL_ARR(&wrapper, array);
  std::string error;
  if (!bjlg_zval_to_json(&wrapper, out, &error, kMaxDepth)) {
    zend_argument_type_error(arg, "%s", error.c_str());
    return false;
  }
  /* An empty PHP array is both a list and a record: the core decides what it should be. */
  return true;
}

bool bjlg_sla_now_option(const BjlgOptions &options, int64_t *out) {
  zval *v = options.find("now");
  if (v == nullptr) return true;
  if (Z_TYPE_P(v) == IS_LONG) {
    *out = Z_LVAL_P(v);
    return true;
  }
  if (Z_TYPE_P(v) == IS_OBJECT && instanceof_function(Z_OBJCE_P(v), bjlg_date_interface_ce())) {
    BjlgInstant instant;
    if (!bjlg_date_instant(Z_OBJ_P(v), &instant)) return false;
    *out = instant.seconds;
    return true;
  }
  options.type_error("now", "DateTimeInterface|int", v);
  return false;
}
