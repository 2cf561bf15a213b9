/* Bjlg\Archive\ArchiveException and its subclasses: one per kind of failure a user handles
 * differently. */
#include "archive_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "archive_exception_arginfo.h"

zend_class_entry *bjlg_ce_ArchiveException;
zend_class_entry *bjlg_ce_ArchiveIOException;
zend_class_entry *bjlg_ce_ArchiveCorruptException;
zend_class_entry *bjlg_ce_ArchiveCancelledException;

void bjlg_register_archive_exceptions(void) {
  bjlg_ce_ArchiveException = register_class_Bjlg_Archive_ArchiveException(bjlg_ce_Exception);
  bjlg_ce_ArchiveIOException = register_class_Bjlg_Archive_IOException(bjlg_ce_ArchiveException);
  bjlg_ce_ArchiveCorruptException =
      register_class_Bjlg_Archive_CorruptArchiveException(bjlg_ce_ArchiveException);
  bjlg_ce_ArchiveCancelledException =
      register_class_Bjlg_Archive_CancelledException(bjlg_ce_ArchiveException);
}

void bjlg_archive_throw(const bjlg::Status &status) {
  using Code = bjlg::Status::Code;
  switch (status.code()) {
    case Code::kInvalidArgument:
      zend_value_error("%s", status.message().c_str());
      return;
    case Code::kNotFound:
    case Code::kIOError:
      bjlg_throw(bjlg_ce_ArchiveIOException, status.message());
      return;
    case Code::kCorruption:
      bjlg_throw(bjlg_ce_ArchiveCorruptException, status.message());
      return;
    case Code::kCancelled:
      bjlg_throw(bjlg_ce_ArchiveCancelledException, status.message());
      return;
    default:
      bjlg_throw(bjlg_ce_ArchiveException, status.message());
  }
}
