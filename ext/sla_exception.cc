/* Bjlg\Sla's exceptions: the marker interface Bjlg\Sla\Exception and one class per kind. */
#include "sla_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "sla_exception_arginfo.h"

BjlgExceptionKinds bjlg_sla_kinds;

void bjlg_register_sla_exception(void) {
  zend_class_entry *marker = register_class_Bjlg_Sla_Exception(zend_ce_throwable);
  BjlgExceptionKinds &k = bjlg_sla_kinds;
  k.invalid = register_class_Bjlg_Sla_InvalidInputException(bjlg_ce_Exception, marker);
  k.io = register_class_Bjlg_Sla_IOException(bjlg_ce_IOException, marker);
  k.corrupt = register_class_Bjlg_Sla_CorruptHistoryException(bjlg_ce_CorruptDataException, marker);
  k.cancelled = register_class_Bjlg_Sla_CancelledException(bjlg_ce_CancelledException, marker);
}
