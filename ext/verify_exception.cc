/* Bjlg\Verify's exceptions: the marker interface VerifyException and one class per kind (the
 * verification could not be run; a bad backup is a report, never an exception). */
#include "verify_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "verify_exception_arginfo.h"

BjlgExceptionKinds bjlg_verify_kinds;

void bjlg_register_verify_exception(void) {
  zend_class_entry *marker = register_class_Bjlg_Verify_VerifyException(zend_ce_throwable);
  BjlgExceptionKinds &k = bjlg_verify_kinds;
  k.io = register_class_Bjlg_Verify_IOException(bjlg_ce_IOException, marker);
  k.wrong_key = register_class_Bjlg_Verify_WrongKeyException(bjlg_ce_WrongKeyException, marker);
  k.cancelled = register_class_Bjlg_Verify_CancelledException(bjlg_ce_CancelledException, marker);
  k.unsupported = register_class_Bjlg_Verify_UnsupportedException(bjlg_ce_UnsupportedException, marker);
  k.corrupt = register_class_Bjlg_Verify_CorruptDataException(bjlg_ce_CorruptDataException, marker);
}
