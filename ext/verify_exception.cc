/* Bjlg\Verify\VerifyException: the verification could not be run (not: the backup is bad). */
#include "php_bjlg.h"

#include "verify_exception_arginfo.h"

zend_class_entry *bjlg_ce_Verify_VerifyException;

void bjlg_register_verify_exception(void) {
  bjlg_ce_Verify_VerifyException = register_class_Bjlg_Verify_VerifyException(bjlg_ce_Exception);
}
