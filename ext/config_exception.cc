/* Bjlg\Config's exceptions: the marker interface ConfigException and one class per kind. */
#include "config_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "config_exception_arginfo.h"

BjlgExceptionKinds bjlg_config_kinds;

void bjlg_register_config_exception(void) {
  zend_class_entry *marker = register_class_Bjlg_Config_ConfigException(zend_ce_throwable);
  BjlgExceptionKinds &k = bjlg_config_kinds;
  k.invalid = register_class_Bjlg_Config_InvalidPolicyException(bjlg_ce_Exception, marker);
  k.io = register_class_Bjlg_Config_IOException(bjlg_ce_IOException, marker);
}
