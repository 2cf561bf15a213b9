/* Bjlg\Archive's exceptions: the marker interface ArchiveException and one class per kind,
 * each deriving from the Bjlg\ kind (ext/glue.h). */
#include "archive_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "archive_exception_arginfo.h"

BjlgExceptionKinds bjlg_archive_kinds;

void bjlg_register_archive_exceptions(void) {
  zend_class_entry *marker = register_class_Bjlg_Archive_ArchiveException(zend_ce_throwable);
  BjlgExceptionKinds &k = bjlg_archive_kinds;
  k.io = register_class_Bjlg_Archive_IOException(bjlg_ce_IOException, marker);
  k.corrupt = register_class_Bjlg_Archive_CorruptArchiveException(bjlg_ce_CorruptDataException, marker);
  k.wrong_key = register_class_Bjlg_Archive_WrongKeyException(bjlg_ce_WrongKeyException, marker);
  k.cancelled = register_class_Bjlg_Archive_CancelledException(bjlg_ce_CancelledException, marker);
  k.unsupported = register_class_Bjlg_Archive_UnsupportedException(bjlg_ce_UnsupportedException, marker);
}

void bjlg_archive_throw(const bjlg::Status &status) { bjlg_throw_status(bjlg_archive_kinds, status); }
