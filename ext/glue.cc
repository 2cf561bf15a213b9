#include "glue.h"

#include <cstdarg>
#include <cstring>

extern "C" {
#include "zend_exceptions.h"
}

const BjlgExceptionKinds bjlg_common_kinds{};

namespace {

zend_object *(*exception_create_object)(zend_class_entry *ce);

zend_object *scrubbed_exception_create(zend_class_entry *ce) {
  zend_object *obj = exception_create_object(ce);
  bjlg_scrub_trace(obj);
  return obj;
}

/* The exception a progress callable threw, and its previous ones, become the previous of a bjlg
 * exception, whose string form prints them all: their frames (bjlg's methods, and the caller's
 * that led to them, which may hold a password) lose their arguments too. */
void scrub_chain(zend_object *obj) {
  for (int depth = 0; obj != nullptr && depth < 64; ++depth) {
    bjlg_scrub_trace(obj);
    zval rv;
    zval *prev = zend_read_property_ex(zend_get_exception_base(obj), obj, ZSTR_KNOWN(ZEND_STR_PREVIOUS), true, &rv);
    obj = prev != nullptr && Z_TYPE_P(prev) == IS_OBJECT ? Z_OBJ_P(prev) : nullptr;
  }
}

}  // namespace

void bjlg_scrub_trace(zend_object *obj) {
  zval rv;
  zval *trace = zend_read_property_ex(zend_get_exception_base(obj), obj, ZSTR_KNOWN(ZEND_STR_TRACE),
                                      /* silent */ true, &rv);
  if (trace == nullptr || Z_TYPE_P(trace) != IS_ARRAY) return;
  SEPARATE_ARRAY(trace);  /* a copy the user took of getTrace() keeps its own values */
  zval *frame;
  ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(trace), frame) {
    if (Z_TYPE_P(frame) != IS_ARRAY) continue;
    zval *args = zend_hash_find(Z_ARRVAL_P(frame), ZSTR_KNOWN(ZEND_STR_ARGS));
    if (args != nullptr) {
      SEPARATE_ARRAY(frame);
      args = zend_hash_find(Z_ARRVAL_P(frame), ZSTR_KNOWN(ZEND_STR_ARGS));
      zval_ptr_dtor(args);
      ZVAL_EMPTY_ARRAY(args);
    }
  } ZEND_HASH_FOREACH_END();
}

void bjlg_scrub_pending_exception(void) {
  if (EG(exception) != nullptr) scrub_chain(EG(exception));
}

void bjlg_scrub_all_exception_traces(void) {
  exception_create_object = zend_ce_exception->create_object;
  zval *entry;
  ZEND_HASH_MAP_FOREACH_VAL(CG(class_table), entry) {
    zend_class_entry *ce = static_cast<zend_class_entry *>(Z_PTR_P(entry));
    if (ce->type == ZEND_INTERNAL_CLASS && instanceof_function(ce, bjlg_ce_Exception)) {
      ce->create_object = scrubbed_exception_create;
    }
  } ZEND_HASH_FOREACH_END();
}

void bjlg_throw(zend_class_entry *ce, const std::string &message) {
  zend_throw_exception(ce, message.c_str(), 0);
}

namespace {

zend_class_entry *class_for(const BjlgExceptionKinds &k, const bjlg::Status &status) {
  using Code = bjlg::Status::Code;
  auto pick = [](zend_class_entry *own, zend_class_entry *common) { return own ? own : common; };
  switch (status.code()) {
    case Code::kNotFound:
    case Code::kPermissionDenied:
    case Code::kIOError: return pick(k.io, bjlg_ce_IOException);
    case Code::kCorruption:
      if (status.IsTruncated() && k.truncated) return k.truncated;
      return pick(k.corrupt, bjlg_ce_CorruptDataException);
    case Code::kUnauthenticated: return pick(k.wrong_key, bjlg_ce_WrongKeyException);
    case Code::kCancelled: return pick(k.cancelled, bjlg_ce_CancelledException);
    case Code::kNotSupported: return pick(k.unsupported, bjlg_ce_UnsupportedException);
    case Code::kNetwork: return pick(k.network, bjlg_ce_NetworkException);
    case Code::kInvalidArgument: return k.invalid;  // null: ValueError
    case Code::kOk: break;
  }
  return bjlg_ce_Exception;
}

}  // namespace

void bjlg_throw_status(const BjlgExceptionKinds &kinds, const bjlg::Status &status) {
  zend_class_entry *ce = class_for(kinds, status);
  if (ce == nullptr && !status.option().empty()) {
    bjlg_throw_option_error(0, status.option(), status.message());
    return;
  }
  if (ce == nullptr) {
    zend_value_error("%s", status.message().c_str());
    return;
  }
  zval ex;
  object_init_ex(&ex, ce);
  zend_update_property_stringl(zend_ce_exception, Z_OBJ(ex), "message", sizeof("message") - 1,
                               status.message().data(), status.message().size());
  const std::string code = status.error_code();
  zend_update_property_stringl(bjlg_ce_Exception, Z_OBJ(ex), "error_code", sizeof("error_code") - 1,
                               code.data(), code.size());
  if (status.item()) {
    zend_update_property_long(bjlg_ce_Exception, Z_OBJ(ex), "item", sizeof("item") - 1,
                              static_cast<zend_long>(*status.item()));
  }
  if (EG(exception) != nullptr) scrub_chain(EG(exception));
  zend_throw_exception_object(&ex);  // chains a pending exception as previous
}

void bjlg_throw_option_error(uint32_t arg, const std::string &option, const std::string &reason) {
  if (arg == 0) {
    zend_throw_error(bjlg_ce_OptionError, "%s", reason.c_str());
  } else {
    zend_argument_error(bjlg_ce_OptionError, arg, "%s", reason.c_str());
  }
  zend_object *ex = EG(exception);
  if (ex == nullptr || !instanceof_function(ex->ce, bjlg_ce_OptionError)) return;
  zend_update_property_stringl(bjlg_ce_OptionError, ex, "option", sizeof("option") - 1, option.data(), option.size());
  zend_update_property_stringl(bjlg_ce_OptionError, ex, "reason", sizeof("reason") - 1, reason.data(), reason.size());
}

void bjlg_throw_option_errorf(uint32_t arg, const char *option, const char *format, ...) {
  va_list va;
  va_start(va, format);
  char *reason = nullptr;
  zend_vspprintf(&reason, 0, format, va);
  va_end(va);
  bjlg_throw_option_error(arg, option, reason);
  efree(reason);
}

bool bjlg_call_progress(zval *callable, zval *arg, bool *bailout) {
  if (*bailout || EG(exception)) {
    zval_ptr_dtor(arg);
    return false;
  }
  zval retval;
  ZVAL_UNDEF(&retval);
  bool keep = true;
  zend_try {
    if (call_user_function(nullptr, nullptr, callable, &retval, 1, arg) != SUCCESS) keep = false;
  } zend_catch {
    *bailout = true;
    keep = false;
  } zend_end_try();
  if (Z_TYPE(retval) == IS_FALSE) keep = false;
  zval_ptr_dtor(&retval);
  zval_ptr_dtor(arg);
  if (EG(exception)) keep = false;
  return keep;
}

void bjlg_progress_to_array(const bjlg::Progress &p, zval *out) {
  array_init_size(out, 8);
  add_assoc_stringl(out, "phase", p.phase.data(), p.phase.size());
  add_assoc_long(out, "done", static_cast<zend_long>(p.done));
  add_assoc_long(out, "total", static_cast<zend_long>(p.total));
  add_assoc_stringl(out, "unit", p.unit.data(), p.unit.size());
  add_assoc_stringl(out, "current", p.current.data(), p.current.size());
  add_assoc_double(out, "elapsed", p.elapsed);
  add_assoc_long(out, "phase_index", static_cast<zend_long>(p.phase_index));
  zval phases;
  array_init_size(&phases, static_cast<uint32_t>(p.phases.size()));
  for (const std::string &name : p.phases) add_next_index_stringl(&phases, name.data(), name.size());
  add_assoc_zval(out, "phases", &phases);
}

bool BjlgProgressOption::set(zval *value, uint32_t arg) {
  if (!zend_is_callable(value, 0, nullptr)) {
    zend_argument_type_error(arg, "option \"progress\" must be a valid callback");
    return false;
  }
  zval_ptr_dtor(&callable_);
  ZVAL_COPY(&callable_, value);
  return true;
}

bjlg::ProgressFn BjlgProgressOption::fn() {
  if (empty()) return nullptr;
  return [this](const bjlg::Progress &p) {
    zval arg;
    bjlg_progress_to_array(p, &arg);
    return call(&arg);
  };
}

/* ---- BjlgOptions ---- */

bool BjlgOptions::only(const std::vector<const char *> &known) const {
  if (options_ == nullptr) return true;
  zend_string *name;
  ZEND_HASH_FOREACH_STR_KEY(options_, name) {
    if (name == nullptr) {
      zend_argument_value_error(arg_, "must be an array with string keys");
      return false;
    }
    bool found = false;
    for (const char *k : known) {
      if (ZSTR_LEN(name) == strlen(k) && memcmp(ZSTR_VAL(name), k, ZSTR_LEN(name)) == 0) found = true;
    }
    if (!found) {
      bjlg_throw_option_error(arg_, ZSTR_VAL(name), std::string("contains an unknown option \"") + ZSTR_VAL(name) + "\"");
      return false;
    }
  } ZEND_HASH_FOREACH_END();
  return true;
}

zval *BjlgOptions::find(const char *name) const {
  if (options_ == nullptr) return nullptr;
  zval *v = zend_hash_str_find(options_, name, strlen(name));
  if (v == nullptr) return nullptr;
  ZVAL_DEREF(v);
  return Z_TYPE_P(v) == IS_NULL ? nullptr : v;
}

void BjlgOptions::type_error(const char *name, const char *expected, zval *given) const {
  zend_argument_type_error(arg_, "option \"%s\" must be of type %s, %s given", name, expected,
                           zend_zval_type_name(given));
}

void BjlgOptions::value_error(const char *name, const std::string &message) const {
  bjlg_throw_option_error(arg_, name, std::string("option \"") + name + "\" " + message);
}

void BjlgOptions::refuse(const BjlgExceptionKinds &kinds, const bjlg::Status &status) const {
  if (status.code() == bjlg::Status::Code::kInvalidArgument && !status.option().empty()) {
    bjlg_throw_option_error(arg_, status.option(), status.message());
  } else if (status.code() == bjlg::Status::Code::kInvalidArgument) {
    zend_argument_value_error(arg_, "%s", status.message().c_str());
  } else {
    bjlg_throw_status(kinds, status);
  }
}

bool BjlgOptions::get_bool(const char *name, bool *out) const {
  zval *v = find(name);
  if (v == nullptr) return true;
  if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
    type_error(name, "bool", v);
    return false;
  }
  *out = Z_TYPE_P(v) == IS_TRUE;
  return true;
}

bool BjlgOptions::get_long(const char *name, zend_long *out) const {
  zval *v = find(name);
  if (v == nullptr) return true;
  if (Z_TYPE_P(v) != IS_LONG) {
    type_error(name, "int", v);
    return false;
  }
  *out = Z_LVAL_P(v);
  return true;
}

bool BjlgOptions::get_double(const char *name, double *out) const {
  zval *v = find(name);
  if (v == nullptr) return true;
  if (Z_TYPE_P(v) != IS_DOUBLE && Z_TYPE_P(v) != IS_LONG) {
    type_error(name, "float", v);
    return false;
  }
  *out = zval_get_double(v);
  return true;
}

bool BjlgOptions::get_string(const char *name, std::string *out) const {
  zval *v = find(name);
  if (v == nullptr) return true;
  if (Z_TYPE_P(v) != IS_STRING) {
    type_error(name, "string", v);
    return false;
  }
  out->assign(Z_STRVAL_P(v), Z_STRLEN_P(v));
  return true;
}

bool BjlgOptions::get_path(const char *name, std::string *out) const {
  zval *v = find(name);
  if (v == nullptr) return true;
  if (Z_TYPE_P(v) != IS_STRING) {
    type_error(name, "string", v);
    return false;
  }
  if (Z_STRLEN_P(v) == 0 || strlen(Z_STRVAL_P(v)) != Z_STRLEN_P(v)) {
    value_error(name, "must be a non-empty path without null bytes");
    return false;
  }
  out->assign(Z_STRVAL_P(v), Z_STRLEN_P(v));
  return true;
}

bool BjlgOptions::get_string_list(const char *name, std::vector<std::string> *out) const {
  zval *v = find(name);
  if (v == nullptr) return true;
  if (Z_TYPE_P(v) != IS_ARRAY) {
    type_error(name, "array", v);
    return false;
  }
  if (!zend_array_is_list(Z_ARRVAL_P(v))) {
    value_error(name, "must be a list");
    return false;
  }
  std::vector<std::string> list;
  zval *item;
  ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), item) {
    ZVAL_DEREF(item);
    if (Z_TYPE_P(item) != IS_STRING) {
      zend_argument_type_error(arg_, "option \"%s\" must contain only strings, %s given", name,
                               zend_zval_type_name(item));
      return false;
    }
    list.emplace_back(Z_STRVAL_P(item), Z_STRLEN_P(item));
  } ZEND_HASH_FOREACH_END();
  *out = std::move(list);
  return true;
}

bool BjlgOptions::get_progress(const char *name, BjlgProgressOption *out) const {
  zval *v = find(name);
  if (v == nullptr) return true;
  return out->set(v, arg_);
}

bool BjlgOptions::get_object(const char *name, zend_class_entry *ce, zend_object **out) const {
  zval *v = find(name);
  if (v == nullptr) return true;
  if (Z_TYPE_P(v) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(v), ce)) {
    type_error(name, ZSTR_VAL(ce->name), v);
    return false;
  }
  *out = Z_OBJ_P(v);
  return true;
}
