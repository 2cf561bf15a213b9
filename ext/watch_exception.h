/* Bjlg\Watch exceptions. */
#ifndef BJLG_WATCH_EXCEPTION_H
#define BJLG_WATCH_EXCEPTION_H

#include "glue.h"

/* InvalidArgument is InvalidInputException; NotFound, PermissionDenied and IOError are
 * IOException; Corruption is CorruptJournalException. */
extern BjlgExceptionKinds bjlg_watch_kinds;

#endif /* BJLG_WATCH_EXCEPTION_H */
