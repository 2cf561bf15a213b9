#include "glue.h"

extern "C" {
#include "zend_exceptions.h"
}

void bjlg_throw(zend_class_entry *ce, const std::string &message) {
  zend_throw_exception(ce, message.c_str(), 0);
}

void bjlg_throw_status(zend_class_entry *ce, const bjlg::Status &status) {
  bjlg_throw(ce, status.message());
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

bool BjlgProgressOption::set(zval *value, uint32_t arg) {
  if (!zend_is_callable(value, 0, nullptr)) {
    zend_argument_type_error(arg, "option \"progress\" must be a valid callback");
    return false;
  }
  zval_ptr_dtor(&callable_);
  ZVAL_COPY(&callable_, value);
  return true;
}

