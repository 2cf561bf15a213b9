/* Bjlg\Archive exceptions, shared by the Writer and Reader glue. */
#ifndef BJLG_ARCHIVE_EXCEPTION_H
#define BJLG_ARCHIVE_EXCEPTION_H

#include "glue.h"

/* IOException, CorruptArchiveException, WrongKeyException, CancelledException,
 * UnsupportedException; InvalidArgument is a ValueError. */
extern BjlgExceptionKinds bjlg_archive_kinds;

/* bjlg_throw_status(bjlg_archive_kinds, status). REQUIRES: !status.ok() */
void bjlg_archive_throw(const bjlg::Status &status);

#endif /* BJLG_ARCHIVE_EXCEPTION_H */
