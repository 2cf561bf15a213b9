/* Bjlg\Quota\InvalidDestinationException: a destination array or file was refused. */
#include "php_bjlg.h"

#include "quota_exception_arginfo.h"

zend_class_entry *bjlg_ce_Quota_InvalidDestinationException;

void bjlg_register_quota_exception(void) {
  bjlg_ce_Quota_InvalidDestinationException = register_class_Bjlg_Quota_InvalidDestinationException(bjlg_ce_Exception);
}
