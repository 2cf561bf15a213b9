/* Bjlg\Remote's exceptions: the marker interface Bjlg\Remote\RemoteException and one class per kind. */
#include "remote_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "remote_exception_arginfo.h"

BjlgExceptionKinds bjlg_remote_kinds;

void bjlg_register_remote_exception(void) {
  zend_class_entry *marker = register_class_Bjlg_Remote_RemoteException(zend_ce_throwable);
  BjlgExceptionKinds &k = bjlg_remote_kinds;
  k.invalid = register_class_Bjlg_Remote_InvalidPolicyException(bjlg_ce_Exception, marker);
  k.io = register_class_Bjlg_Remote_IOException(bjlg_ce_IOException, marker);
  k.cancelled = register_class_Bjlg_Remote_CancelledException(bjlg_ce_CancelledException, marker);
}
