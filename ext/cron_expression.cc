/* Bjlg\Cron\Expression, Bjlg\Cron\SyntaxError, Bjlg\Cron\NoRunException: the PHP face of the
 * cron engine (src/cron/). The glue converts arguments and results; the core decides. */
#include <cinttypes>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The core's headers (and the standard library they pull in) come before PHP's, whose
// main/snprintf.h redefines snprintf as a macro.
#include "cron/check.h"
#include "cron/describe.h"
#include "cron/expression.h"
#include "cron/schedule.h"
#include "cron/time_zone.h"

#include "php_bjlg.h"

extern "C" {
#include "zend_exceptions.h"
#include "zend_interfaces.h"
}

#include "date_time.h"
#include "glue.h"
#include "json_zval.h"

#include "cron_expression_arginfo.h"

namespace cron = bjlg::cron;

zend_class_entry *bjlg_ce_CronExpression;
zend_class_entry *bjlg_ce_CronSyntaxError;
zend_class_entry *bjlg_ce_CronNoRunException;

namespace {

constexpr zend_long kMaxRuns = 10000;

struct ExpressionObject {
  cron::Expression *expr;  // null only for an object whose construction failed
  zend_object std;
};

zend_object_handlers expression_handlers;

ExpressionObject *FromObj(zend_object *obj) {
  return reinterpret_cast<ExpressionObject *>(reinterpret_cast<char *>(obj) -
                                              XtOffsetOf(ExpressionObject, std));
}

zend_object *CreateExpression(zend_class_entry *ce) {
  auto *intern = static_cast<ExpressionObject *>(zend_object_alloc(sizeof(ExpressionObject), ce));
  intern->expr = nullptr;
  zend_object_std_init(&intern->std, ce);
  object_properties_init(&intern->std, ce);
  intern->std.handlers = &expression_handlers;
  return &intern->std;
}

void FreeExpression(zend_object *obj) {
  delete FromObj(obj)->expr;
  zend_object_std_dtor(obj);
}

zend_object *CloneExpression(zend_object *old) {
  zend_object *copy = CreateExpression(old->ce);
  const cron::Expression *source = FromObj(old)->expr;
  if (source != nullptr) {
    bjlg_guard([&] { FromObj(copy)->expr = new cron::Expression(*source); });
  }
  zend_objects_clone_members(copy, old);
  return copy;
}

// == compares the normalised forms: "@daily" == "0 0 * * *", "0 0 * * 1" != "0 0 * * 2".
int CompareExpressions(zval *a, zval *b) {
  ZEND_COMPARE_OBJECTS_FALLBACK(a, b);
  if (Z_OBJCE_P(a) != Z_OBJCE_P(b)) return 1;  // uncomparable
  const cron::Expression *x = FromObj(Z_OBJ_P(a))->expr;
  const cron::Expression *y = FromObj(Z_OBJ_P(b))->expr;
  if (x == nullptr || y == nullptr) return x == y ? 0 : 1;
  return x->normalized() == y->normalized() ? 0 : 1;
}

HashTable *DebugInfo(zend_object *obj, int *is_temp) {
  *is_temp = 1;
  HashTable *info = zend_new_array(2);
  const cron::Expression *expr = FromObj(obj)->expr;
  if (expr != nullptr) {
    zval v;
    ZVAL_STRINGL(&v, expr->normalized().data(), expr->normalized().size());
    zend_hash_str_update(info, ZEND_STRL("expression"), &v);
    if (expr->macro().empty()) {
      ZVAL_NULL(&v);
    } else {
      ZVAL_STRINGL(&v, expr->macro().data(), expr->macro().size());
    }
    zend_hash_str_update(info, ZEND_STRL("macro"), &v);
  }
  return info;
}

// The parsed expression of $this; null, with an Error thrown, if there is none.
const cron::Expression *This(zend_execute_data *execute_data) {
  const cron::Expression *expr = FromObj(Z_OBJ_P(ZEND_THIS))->expr;
  if (expr == nullptr) zend_throw_error(nullptr, "Bjlg\\Cron\\Expression object is not initialised");
  return expr;
}

void SetProperty(zend_object *ex, const char *name, size_t len, zval *value) {
  zend_update_property(bjlg_ce_CronSyntaxError, ex, name, len, value);
  zval_ptr_dtor(value);
}

void ThrowSyntaxError(const cron::SyntaxError &error) {
  std::string message;
  if (!bjlg_guard([&] { message = error.ToString(); })) return;
  zend_object *ex = zend_throw_exception(bjlg_ce_CronSyntaxError, message.c_str(), 0);
  zval v;
  if (error.field) {
    ZVAL_STRING(&v, cron::FieldName(*error.field));
  } else {
    ZVAL_NULL(&v);
  }
  SetProperty(ex, ZEND_STRL("field"), &v);
  ZVAL_LONG(&v, static_cast<zend_long>(error.position));
  SetProperty(ex, ZEND_STRL("position"), &v);
  ZVAL_STRINGL(&v, error.reason.data(), error.reason.size());
  SetProperty(ex, ZEND_STRL("reason"), &v);
  if (error.suggestion.empty()) {
    ZVAL_NULL(&v);
  } else {
    ZVAL_STRINGL(&v, error.suggestion.data(), error.suggestion.size());
  }
  SetProperty(ex, ZEND_STRL("suggestion"), &v);
}

// Parses `text`. On failure fills `error` (when given) and returns nullopt.
std::optional<cron::Expression> ParseCore(zend_string *text, cron::SyntaxError *error) {
  std::optional<cron::Expression> parsed;
  bjlg_guard([&] {
    auto result = cron::Expression::Parse(std::string_view(ZSTR_VAL(text), ZSTR_LEN(text)), error);
    if (result.ok()) parsed.emplace(std::move(result.value()));
  });
  return parsed;
}

// Stores a new Bjlg\Cron\Expression holding `expr` in `out`.
bool MakeExpression(zval *out, cron::Expression &&expr) {
  object_init_ex(out, bjlg_ce_CronExpression);
  ExpressionObject *intern = FromObj(Z_OBJ_P(out));
  if (!bjlg_guard([&] { intern->expr = new cron::Expression(std::move(expr)); })) {
    zval_ptr_dtor(out);
    return false;
  }
  return true;
}

void ThrowNoRun(const cron::Expression &expr, bool previous) {
  if (expr.NeverFires()) {
    zend_throw_exception_ex(bjlg_ce_CronNoRunException, 0,
                            "The cron expression \"%s\" never fires", expr.normalized().c_str());
  } else {
    zend_throw_exception_ex(bjlg_ce_CronNoRunException, 0,
                            "The cron expression \"%s\" has no run %s", expr.normalized().c_str(),
                            previous ? "after year 1 before this date" : "after this date before year 10000");
  }
}

// Where a search starts: the instant, the zone, and whether a run at the instant counts.
struct SearchStart {
  cron::Instant from;
  bool inclusive;
  BjlgZone *zone;
};

// Reads $from and $timezone (arguments `from_arg` and `from_arg` + 1). The instant is whole
// seconds: runs are whole minutes, so a fraction only decides whether a run at the second
// itself counts.
bool ReadStart(zend_object *from, zend_object *zone_obj, zend_string *zone_str, bool inclusive,
               bool previous, uint32_t from_arg, SearchStart *out) {
  BjlgInstant at;
  if (from != nullptr) {
    if (!bjlg_date_instant(from, &at)) return false;
  } else {
    at = bjlg_date_now();
  }
  out->zone = bjlg_zone_resolve(zone_obj, zone_str, from, from_arg + 1);
  if (out->zone == nullptr) return false;
  out->from = at.seconds;
  out->inclusive = inclusive;
  if (at.microseconds > 0) {
    if (previous) {
      out->inclusive = true;  // the run at the whole second is before $from
    } else if (inclusive) {
      out->from = at.seconds + 1;  // the run at the whole second is before $from
    }
  }
  return true;
}

void NextOrPrevious(INTERNAL_FUNCTION_PARAMETERS, bool previous) {
  zend_object *from = nullptr, *zone_obj = nullptr;
  zend_string *zone_str = nullptr;
  bool inclusive = false;
  ZEND_PARSE_PARAMETERS_START(0, 3)
    Z_PARAM_OPTIONAL
    Z_PARAM_OBJ_OF_CLASS_OR_NULL(from, bjlg_date_interface_ce())
    Z_PARAM_OBJ_OF_CLASS_OR_STR_OR_NULL(zone_obj, bjlg_date_timezone_ce(), zone_str)
    Z_PARAM_BOOL(inclusive)
  ZEND_PARSE_PARAMETERS_END();

  const cron::Expression *expr = This(execute_data);
  SearchStart start;
  if (expr == nullptr || !ReadStart(from, zone_obj, zone_str, inclusive, previous, 1, &start)) {
    RETURN_THROWS();
  }
  std::optional<cron::Instant> run;
  if (!bjlg_guard([&] {
        const cron::TimeZone &zone = bjlg_zone_core(start.zone);
        run = previous ? cron::PreviousRun(*expr, start.from, zone, start.inclusive)
                       : cron::NextRun(*expr, start.from, zone, start.inclusive);
      })) {
    RETURN_THROWS();
  }
  if (!run) {
    ThrowNoRun(*expr, previous);
    RETURN_THROWS();
  }
  if (!bjlg_date_make(return_value, *run, start.zone)) RETURN_THROWS();
}

// ---- check() options ------------------------------------------------------------------------

const char *TypeName(zval *v) { return zend_zval_type_name(v); }

// One entry of option "schedules": ['name' => string, 'expression' => string|Expression,
// 'duration' => int].
bool OptionSchedule(zval *entry, zend_ulong index, cron::CheckOptions *options) {
  if (Z_TYPE_P(entry) != IS_ARRAY) {
    zend_argument_type_error(1, "option \"schedules\"[" ZEND_ULONG_FMT "] must be of type array, %s given",
                             index, TypeName(entry));
    return false;
  }
  std::string name;
  std::optional<cron::Expression> expr;
  zend_long duration = 0;
  zend_string *key;
  zval *value;
  ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(entry), key, value) {
    ZVAL_DEREF(value);
    if (key == nullptr) {
      bjlg_throw_option_errorf(1, "schedules", "option \"schedules\"[" ZEND_ULONG_FMT "] must have only the keys \"name\", \"expression\" and \"duration\"", index);
      return false;
    }
    if (zend_string_equals_literal(key, "name")) {
      if (Z_TYPE_P(value) != IS_STRING) {
        zend_argument_type_error(1, "option \"schedules\"[" ZEND_ULONG_FMT "][\"name\"] must be of type string, %s given",
                                 index, TypeName(value));
        return false;
      }
      name.assign(Z_STRVAL_P(value), Z_STRLEN_P(value));
    } else if (zend_string_equals_literal(key, "expression")) {
      if (Z_TYPE_P(value) == IS_OBJECT && Z_OBJCE_P(value) == bjlg_ce_CronExpression) {
        const cron::Expression *other = FromObj(Z_OBJ_P(value))->expr;
        if (other != nullptr) expr.emplace(*other);
      } else if (Z_TYPE_P(value) == IS_STRING) {
        cron::SyntaxError error;
        expr = ParseCore(Z_STR_P(value), &error);
        if (EG(exception)) return false;
        if (!expr) {
          std::string why;
          bjlg_guard([&] { why = error.ToString(); });
          bjlg_throw_option_errorf(1, "schedules", "option \"schedules\"[" ZEND_ULONG_FMT "][\"expression\"] is not a valid cron expression: %s",
                                    index, why.c_str());
          return false;
        }
      } else {
        zend_argument_type_error(1, "option \"schedules\"[" ZEND_ULONG_FMT "][\"expression\"] must be of type Bjlg\\Cron\\Expression|string, %s given",
                                 index, TypeName(value));
        return false;
      }
    } else if (zend_string_equals_literal(key, "duration")) {
      if (Z_TYPE_P(value) != IS_LONG) {
        zend_argument_type_error(1, "option \"schedules\"[" ZEND_ULONG_FMT "][\"duration\"] must be of type int, %s given",
                                 index, TypeName(value));
        return false;
      }
      duration = Z_LVAL_P(value);
    } else {
      bjlg_throw_option_errorf(1, "schedules", "option \"schedules\"[" ZEND_ULONG_FMT "] has an unknown key \"%s\"",
                                index, ZSTR_VAL(key));
      return false;
    }
  } ZEND_HASH_FOREACH_END();
  if (!expr) {
    bjlg_throw_option_errorf(1, "schedules", "option \"schedules\"[" ZEND_ULONG_FMT "] must have a key \"expression\"", index);
    return false;
  }
  if (name.empty()) name = "#" + std::to_string(index);
  options->others.push_back(cron::OtherSchedule{std::move(name), std::move(*expr), duration});
  return true;
}

// Option "timezone": a DateTimeZone or a name.
bool ZoneOption(const BjlgOptions &opts, zend_object **zone_obj, zend_string **zone_str) {
  zval *value = opts.find("timezone");
  if (value == nullptr) return true;
  if (Z_TYPE_P(value) == IS_STRING) {
    *zone_str = Z_STR_P(value);
  } else if (Z_TYPE_P(value) == IS_OBJECT && instanceof_function(Z_OBJCE_P(value), bjlg_date_timezone_ce())) {
    *zone_obj = Z_OBJ_P(value);
  } else {
    opts.type_error("timezone", "DateTimeZone|string", value);
    return false;
  }
  return true;
}

// Option "schedules": a list of entries (OptionSchedule).
bool SchedulesOption(const BjlgOptions &opts, cron::CheckOptions *options) {
  zval *value = opts.find("schedules");
  if (value == nullptr) return true;
  if (Z_TYPE_P(value) != IS_ARRAY) {
    opts.type_error("schedules", "array", value);
    return false;
  }
  if (!zend_array_is_list(Z_ARRVAL_P(value))) {
    opts.value_error("schedules", "must be a list");
    return false;
  }
  zend_ulong index;
  zval *entry;
  ZEND_HASH_FOREACH_NUM_KEY_VAL(Z_ARRVAL_P(value), index, entry) {
    ZVAL_DEREF(entry);
    if (!OptionSchedule(entry, index, options)) return false;
  } ZEND_HASH_FOREACH_END();
  return true;
}

// check()'s options with the glue's one reader; their values are checked by cron::Check().
bool ReadCheckOptions(HashTable *ht, cron::CheckOptions *options) {
  const BjlgOptions opts(ht, 1);
  zend_object *from = nullptr, *zone_obj = nullptr;
  zend_string *zone_str = nullptr;
  options->min_interval_seconds = BJLG_G(cron_min_interval);
  if (!opts.only({"min_interval", "duration", "horizon_days", "locale", "timezone", "from", "schedules"}) ||
      !opts.get_int("min_interval", &options->min_interval_seconds) ||
      !opts.get_int("duration", &options->duration_seconds) || !opts.get_int("horizon_days", &options->horizon_days) ||
      !opts.get_string("locale", &options->locale) || !opts.get_object("from", bjlg_date_interface_ce(), &from) ||
      !ZoneOption(opts, &zone_obj, &zone_str) || !SchedulesOption(opts, options)) {
    return false;
  }
  BjlgInstant at;
  if (from != nullptr) {
    if (!bjlg_date_instant(from, &at)) return false;
  } else {
    at = bjlg_date_now();
  }
  options->from = at.seconds;
  BjlgZone *zone = bjlg_zone_resolve(zone_obj, zone_str, from, 1, "timezone");
  if (zone == nullptr) return false;
  options->zone = bjlg_zone_core(zone);
  return true;
}

void ReportToArray(const cron::CheckReport &report, zval *out) {
  array_init_size(out, 3);
  zval warnings;
  array_init_size(&warnings, static_cast<uint32_t>(report.warnings.size()));
  for (const cron::CheckWarning &w : report.warnings) {
    zval item, v;
    array_init_size(&item, 4);
    add_assoc_stringl(&item, "code", w.code.data(), w.code.size());
    add_assoc_stringl(&item, "severity", w.severity.data(), w.severity.size());
    add_assoc_stringl(&item, "message", w.message.data(), w.message.size());
    if (w.evidence.is_object() || w.evidence.is_array()) {
      (void)bjlg_json_to_zval(w.evidence, &v);  // the checker's own evidence: a few levels
    } else {
      array_init(&v);
    }
    add_assoc_zval(&item, "evidence", &v);
    add_next_index_zval(&warnings, &item);
  }
  add_assoc_zval(out, "warnings", &warnings);
  if (report.min_interval_seconds) {
    add_assoc_long(out, "min_interval", static_cast<zend_long>(*report.min_interval_seconds));
  } else {
    add_assoc_null(out, "min_interval");
  }
  add_assoc_double(out, "runs_per_day", report.runs_per_day);
}

}  // namespace

ZEND_METHOD(Bjlg_Cron_Expression, __construct) {
  ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Bjlg_Cron_Expression, parse) {
  zend_string *text;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(text)
  ZEND_PARSE_PARAMETERS_END();

  cron::SyntaxError error;
  std::optional<cron::Expression> parsed = ParseCore(text, &error);
  if (EG(exception)) RETURN_THROWS();
  if (!parsed) {
    ThrowSyntaxError(error);
    RETURN_THROWS();
  }
  if (!MakeExpression(return_value, std::move(*parsed))) RETURN_THROWS();
}

ZEND_METHOD(Bjlg_Cron_Expression, isValid) {
  zend_string *text;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(text)
  ZEND_PARSE_PARAMETERS_END();

  std::optional<cron::Expression> parsed = ParseCore(text, nullptr);
  if (EG(exception)) RETURN_THROWS();
  RETURN_BOOL(parsed.has_value());
}

ZEND_METHOD(Bjlg_Cron_Expression, next) {
  NextOrPrevious(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}

ZEND_METHOD(Bjlg_Cron_Expression, previous) {
  NextOrPrevious(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

ZEND_METHOD(Bjlg_Cron_Expression, nextRuns) {
  zend_long count;
  zend_object *from = nullptr, *zone_obj = nullptr;
  zend_string *zone_str = nullptr;
  bool inclusive = false;
  ZEND_PARSE_PARAMETERS_START(1, 4)
    Z_PARAM_LONG(count)
    Z_PARAM_OPTIONAL
    Z_PARAM_OBJ_OF_CLASS_OR_NULL(from, bjlg_date_interface_ce())
    Z_PARAM_OBJ_OF_CLASS_OR_STR_OR_NULL(zone_obj, bjlg_date_timezone_ce(), zone_str)
    Z_PARAM_BOOL(inclusive)
  ZEND_PARSE_PARAMETERS_END();

  if (count < 1 || count > kMaxRuns) {
    zend_argument_value_error(1, "must be between 1 and " ZEND_LONG_FMT, kMaxRuns);
    RETURN_THROWS();
  }
  const cron::Expression *expr = This(execute_data);
  SearchStart start;
  if (expr == nullptr || !ReadStart(from, zone_obj, zone_str, inclusive, false, 2, &start)) {
    RETURN_THROWS();
  }
  std::vector<cron::Instant> runs;
  if (!bjlg_guard([&] {
        runs = cron::NextRuns(*expr, start.from, bjlg_zone_core(start.zone),
                              static_cast<size_t>(count), start.inclusive);
      })) {
    RETURN_THROWS();
  }
  if (runs.empty()) {
    ThrowNoRun(*expr, false);
    RETURN_THROWS();
  }
  array_init_size(return_value, static_cast<uint32_t>(runs.size()));
  for (cron::Instant run : runs) {
    zval date;
    if (!bjlg_date_make(&date, run, start.zone)) RETURN_THROWS();  // return_value is freed by the VM
    add_next_index_zval(return_value, &date);
  }
}

ZEND_METHOD(Bjlg_Cron_Expression, matches) {
  zend_object *at = nullptr, *zone_obj = nullptr;
  zend_string *zone_str = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_OBJ_OF_CLASS(at, bjlg_date_interface_ce())
    Z_PARAM_OPTIONAL
    Z_PARAM_OBJ_OF_CLASS_OR_STR_OR_NULL(zone_obj, bjlg_date_timezone_ce(), zone_str)
  ZEND_PARSE_PARAMETERS_END();

  const cron::Expression *expr = This(execute_data);
  BjlgInstant instant;
  if (expr == nullptr || !bjlg_date_instant(at, &instant)) RETURN_THROWS();
  BjlgZone *zone = bjlg_zone_resolve(zone_obj, zone_str, at, 2);
  if (zone == nullptr) RETURN_THROWS();
  bool matches = false;
  if (!bjlg_guard([&] { matches = cron::Matches(*expr, instant.seconds, bjlg_zone_core(zone)); })) {
    RETURN_THROWS();
  }
  RETURN_BOOL(matches);
}

ZEND_METHOD(Bjlg_Cron_Expression, describe) {
  zend_string *locale = nullptr;
  ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR(locale)
  ZEND_PARSE_PARAMETERS_END();

  const cron::Expression *expr = This(execute_data);
  if (expr == nullptr) RETURN_THROWS();
  std::string_view name = locale ? std::string_view(ZSTR_VAL(locale), ZSTR_LEN(locale)) : "en";
  bool supported = false;
  if (!bjlg_guard([&] { supported = cron::IsSupportedLocale(name); })) RETURN_THROWS();
  if (!supported) {
    zend_argument_value_error(1, "must be a supported locale (\"en\" or \"fr\", or a regional variant such as \"fr_FR\"), \"%.*s\" given",
                              static_cast<int>(name.size() > 100 ? 100 : name.size()), name.data());
    RETURN_THROWS();
  }
  std::string text;
  bool ok = false;
  if (!bjlg_guard([&] {
        auto described = cron::Describe(*expr, name);
        if (described.ok()) {
          text = std::move(described.value());
          ok = true;
        } else {
          text = described.status().message();
        }
      })) {
    RETURN_THROWS();
  }
  if (!ok) {
    zend_argument_value_error(1, "%s", text.c_str());
    RETURN_THROWS();
  }
  RETURN_STRINGL(text.data(), text.size());
}

ZEND_METHOD(Bjlg_Cron_Expression, check) {
  HashTable *options_ht = nullptr;
  ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options_ht)
  ZEND_PARSE_PARAMETERS_END();

  const cron::Expression *expr = This(execute_data);
  if (expr == nullptr) RETURN_THROWS();
  cron::CheckOptions options;
  if (options_ht != nullptr && !ReadCheckOptions(options_ht, &options)) RETURN_THROWS();
  if (options_ht == nullptr) {
    // Defaults: now, in the default zone, with the INI minimum interval.
    options.min_interval_seconds = BJLG_G(cron_min_interval);
    options.from = bjlg_date_now().seconds;
    BjlgZone *zone = bjlg_zone_resolve(nullptr, nullptr, nullptr, 1);
    if (zone == nullptr) RETURN_THROWS();
    options.zone = bjlg_zone_core(zone);
  }
  std::optional<cron::CheckReport> report;
  if (!bjlg_guard([&] {
        auto checked = cron::Check(*expr, options);
        if (checked.ok()) {
          report.emplace(std::move(checked.value()));
        } else {
          BjlgOptions(options_ht, 1).refuse(bjlg_common_kinds, checked.status());
        }
      })) {
    RETURN_THROWS();
  }
  if (!report) RETURN_THROWS();
  ReportToArray(*report, return_value);
}

ZEND_METHOD(Bjlg_Cron_Expression, neverFires) {
  ZEND_PARSE_PARAMETERS_NONE();
  const cron::Expression *expr = This(execute_data);
  if (expr == nullptr) RETURN_THROWS();
  RETURN_BOOL(expr->NeverFires());
}

ZEND_METHOD(Bjlg_Cron_Expression, getMacro) {
  ZEND_PARSE_PARAMETERS_NONE();
  const cron::Expression *expr = This(execute_data);
  if (expr == nullptr) RETURN_THROWS();
  if (expr->macro().empty()) RETURN_NULL();
  RETURN_STRINGL(expr->macro().data(), expr->macro().size());
}

ZEND_METHOD(Bjlg_Cron_Expression, __toString) {
  ZEND_PARSE_PARAMETERS_NONE();
  const cron::Expression *expr = This(execute_data);
  if (expr == nullptr) RETURN_THROWS();
  RETURN_STRINGL(expr->normalized().data(), expr->normalized().size());
}

void bjlg_register_cron_expression(void) {
  bjlg_ce_CronExpression = register_class_Bjlg_Cron_Expression();
  bjlg_ce_CronExpression->create_object = CreateExpression;
  memcpy(&expression_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
  expression_handlers.offset = XtOffsetOf(ExpressionObject, std);
  expression_handlers.free_obj = FreeExpression;
  expression_handlers.clone_obj = CloneExpression;
  expression_handlers.get_debug_info = DebugInfo;
  expression_handlers.compare = CompareExpressions;

  bjlg_ce_CronSyntaxError = register_class_Bjlg_Cron_SyntaxError(bjlg_ce_Exception);
  bjlg_ce_CronNoRunException = register_class_Bjlg_Cron_NoRunException(bjlg_ce_Exception);
}
