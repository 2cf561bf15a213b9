/* Bjlg\Config exceptions. */
#ifndef BJLG_CONFIG_EXCEPTION_H
#define BJLG_CONFIG_EXCEPTION_H

#include "glue.h"

extern BjlgExceptionKinds bjlg_config_kinds;

#endif /* BJLG_CONFIG_EXCEPTION_H */
