/* Bjlg\Quota exceptions. */
#ifndef BJLG_QUOTA_EXCEPTION_H
#define BJLG_QUOTA_EXCEPTION_H

#include "glue.h"

/* IOException for a destinations file that cannot be read; InvalidArgument (a destination
 * refused) is InvalidDestinationException. */
extern BjlgExceptionKinds bjlg_quota_kinds;

#endif /* BJLG_QUOTA_EXCEPTION_H */
