/* Bjlg\Notify's exceptions: the marker interface NotifyException and one class per kind. */
#include "notify_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "notify_exception_arginfo.h"

BjlgExceptionKinds bjlg_notify_kinds;

void bjlg_register_notify_exception(void) {
  zend_class_entry *marker = register_class_Bjlg_Notify_NotifyException(zend_ce_throwable);
  BjlgExceptionKinds &k = bjlg_notify_kinds;
  k.invalid = register_class_Bjlg_Notify_InvalidInputException(bjlg_ce_Exception, marker);
  k.io = register_class_Bjlg_Notify_IOException(bjlg_ce_IOException, marker);
  k.cancelled = register_class_Bjlg_Notify_CancelledException(bjlg_ce_CancelledException, marker);
}
