/* Bjlg\Quota's exceptions: the marker interface QuotaException, InvalidDestinationException (a
 * destination array or file was refused) and IOException (a destinations file cannot be read). */
#include "quota_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "quota_exception_arginfo.h"

zend_class_entry *bjlg_ce_Quota_InvalidDestinationException;
zend_class_entry *bjlg_ce_Quota_IOException;
BjlgExceptionKinds bjlg_quota_kinds;

void bjlg_register_quota_exception(void) {
  zend_class_entry *marker = register_class_Bjlg_Quota_QuotaException(zend_ce_throwable);
  bjlg_ce_Quota_InvalidDestinationException =
      register_class_Bjlg_Quota_InvalidDestinationException(bjlg_ce_Exception, marker);
  bjlg_ce_Quota_IOException = register_class_Bjlg_Quota_IOException(bjlg_ce_IOException, marker);
  bjlg_quota_kinds.io = bjlg_ce_Quota_IOException;
  bjlg_quota_kinds.invalid = bjlg_ce_Quota_InvalidDestinationException;
}
