/* Bjlg\Remote exceptions. */
#ifndef BJLG_REMOTE_EXCEPTION_H
#define BJLG_REMOTE_EXCEPTION_H

#include "glue.h"

/* InvalidArgument (a policy file refused) is InvalidPolicyException; NotFound, PermissionDenied
 * and IOError are IOException. */
extern BjlgExceptionKinds bjlg_remote_kinds;

#endif /* BJLG_REMOTE_EXCEPTION_H */
