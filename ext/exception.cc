/* Bjlg\Exception, the base class of every exception bjlg throws, and the kinds every
 * namespace's exceptions derive from (Bjlg\IOException, …): see ext/glue.h. */
#include "php_bjlg.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "bjlg_arginfo.h"

zend_class_entry *bjlg_ce_Exception;
zend_class_entry *bjlg_ce_IOException;
zend_class_entry *bjlg_ce_CorruptDataException;
zend_class_entry *bjlg_ce_WrongKeyException;
zend_class_entry *bjlg_ce_CancelledException;
zend_class_entry *bjlg_ce_UnsupportedException;
zend_class_entry *bjlg_ce_NetworkException;
zend_class_entry *bjlg_ce_OptionError;

void bjlg_register_exception(void) {
  bjlg_ce_Exception = register_class_Bjlg_Exception(zend_ce_exception);
  bjlg_ce_IOException = register_class_Bjlg_IOException(bjlg_ce_Exception);
  bjlg_ce_CorruptDataException = register_class_Bjlg_CorruptDataException(bjlg_ce_Exception);
  bjlg_ce_WrongKeyException = register_class_Bjlg_WrongKeyException(bjlg_ce_Exception);
  bjlg_ce_CancelledException = register_class_Bjlg_CancelledException(bjlg_ce_Exception);
  bjlg_ce_UnsupportedException = register_class_Bjlg_UnsupportedException(bjlg_ce_Exception);
  bjlg_ce_NetworkException = register_class_Bjlg_NetworkException(bjlg_ce_Exception);
  bjlg_ce_OptionError = register_class_Bjlg_OptionError(zend_ce_value_error);
}
