/* Bjlg\Archive exceptions, shared by the Writer and Reader glue. */
#ifndef BJLG_ARCHIVE_EXCEPTION_H
#define BJLG_ARCHIVE_EXCEPTION_H

#include "glue.h"

extern zend_class_entry *bjlg_ce_ArchiveException;
extern zend_class_entry *bjlg_ce_ArchiveIOException;
extern zend_class_entry *bjlg_ce_ArchiveCorruptException;
extern zend_class_entry *bjlg_ce_ArchiveCancelledException;

/* Throws the exception for a failed core status: InvalidArgument -> ValueError, NotFound and
 * IOError -> IOException, Corruption -> CorruptArchiveException, Cancelled ->
 * CancelledException, NotSupported -> ArchiveException. REQUIRES: !status.ok() */
void bjlg_archive_throw(const bjlg::Status &status);

#endif /* BJLG_ARCHIVE_EXCEPTION_H */
