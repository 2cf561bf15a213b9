/* Bjlg\Exception: the base class of every exception bjlg throws. */
#include "php_bjlg.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "bjlg_arginfo.h"

zend_class_entry *bjlg_ce_Exception;

void bjlg_register_exception(void) {
  bjlg_ce_Exception = register_class_Bjlg_Exception(zend_ce_exception);
}
