/* Bjlg\Watch's exceptions: the marker interface Bjlg\Watch\WatchException and one class per kind. */
#include "watch_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "watch_exception_arginfo.h"

BjlgExceptionKinds bjlg_watch_kinds;

void bjlg_register_watch_exception(void) {
  zend_class_entry *marker = register_class_Bjlg_Watch_WatchException(zend_ce_throwable);
  BjlgExceptionKinds &k = bjlg_watch_kinds;
  k.invalid = register_class_Bjlg_Watch_InvalidInputException(bjlg_ce_Exception, marker);
  k.io = register_class_Bjlg_Watch_IOException(bjlg_ce_IOException, marker);
  k.corrupt = register_class_Bjlg_Watch_CorruptJournalException(bjlg_ce_CorruptDataException, marker);
}
