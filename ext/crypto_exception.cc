/* Bjlg\Crypto\*Exception. Like every bjlg exception (bjlg_scrub_all_exception_traces() in
 * ext/glue.h), they drop the argument values of every backtrace frame when created. */
#include "crypto_exception.h"

extern "C" {
#include "zend_exceptions.h"
}

#include "crypto_exception_arginfo.h"

zend_class_entry *bjlg_ce_Crypto_WrongKeyException;
zend_class_entry *bjlg_ce_Crypto_CorruptedDataException;
zend_class_entry *bjlg_ce_Crypto_TruncatedDataException;
zend_class_entry *bjlg_ce_Crypto_UnsupportedFormatException;
zend_class_entry *bjlg_ce_Crypto_IOException;
zend_class_entry *bjlg_ce_Crypto_CancelledException;

BjlgExceptionKinds bjlg_crypto_kinds;

void bjlg_crypto_throw_status(const bjlg::Status &status) { bjlg_throw_status(bjlg_crypto_kinds, status); }

void bjlg_register_crypto_exceptions(void) {
  zend_class_entry *marker = register_class_Bjlg_Crypto_CryptoException(zend_ce_throwable);
  bjlg_ce_Crypto_WrongKeyException = register_class_Bjlg_Crypto_WrongKeyException(bjlg_ce_WrongKeyException, marker);
  bjlg_ce_Crypto_CorruptedDataException =
      register_class_Bjlg_Crypto_CorruptedDataException(bjlg_ce_CorruptDataException, marker);
  bjlg_ce_Crypto_TruncatedDataException =
      register_class_Bjlg_Crypto_TruncatedDataException(bjlg_ce_Crypto_CorruptedDataException);
  bjlg_ce_Crypto_UnsupportedFormatException =
      register_class_Bjlg_Crypto_UnsupportedFormatException(bjlg_ce_UnsupportedException, marker);
  bjlg_ce_Crypto_IOException = register_class_Bjlg_Crypto_IOException(bjlg_ce_IOException, marker);
  bjlg_ce_Crypto_CancelledException =
      register_class_Bjlg_Crypto_CancelledException(bjlg_ce_CancelledException, marker);
  BjlgExceptionKinds &k = bjlg_crypto_kinds;
  k.io = bjlg_ce_Crypto_IOException;
  k.corrupt = bjlg_ce_Crypto_CorruptedDataException;
  k.truncated = bjlg_ce_Crypto_TruncatedDataException;
  k.wrong_key = bjlg_ce_Crypto_WrongKeyException;
  k.cancelled = bjlg_ce_Crypto_CancelledException;
  k.unsupported = bjlg_ce_Crypto_UnsupportedFormatException;
}
