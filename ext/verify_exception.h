/* Bjlg\Verify exceptions, shared by the Verifier and RestoreTest glue. */
#ifndef BJLG_VERIFY_EXCEPTION_H
#define BJLG_VERIFY_EXCEPTION_H

#include "glue.h"

/* IOException, WrongKeyException, CancelledException, UnsupportedException,
 * CorruptDataException; InvalidArgument is a ValueError. */
extern BjlgExceptionKinds bjlg_verify_kinds;

#endif /* BJLG_VERIFY_EXCEPTION_H */
