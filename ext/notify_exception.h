/* Bjlg\Notify exceptions. */
#ifndef BJLG_NOTIFY_EXCEPTION_H
#define BJLG_NOTIFY_EXCEPTION_H

#include "glue.h"

extern BjlgExceptionKinds bjlg_notify_kinds;

#endif /* BJLG_NOTIFY_EXCEPTION_H */
