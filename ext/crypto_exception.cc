/* Bjlg\Crypto\*Exception. Like ext/sodium's SodiumException, they drop the argument values of
 * every backtrace frame when created, so that a key or a password passed down the call stack
 * never shows in a trace, a log or an uncaught-exception message. */
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

namespace {

zend_object *(*parent_create_object)(zend_class_entry *ce);

void scrub_trace(zend_object *obj) {
  zval rv;
  zval *trace = zend_read_property_ex(zend_get_exception_base(obj), obj, ZSTR_KNOWN(ZEND_STR_TRACE),
                                      /* silent */ true, &rv);
  if (trace && Z_TYPE_P(trace) == IS_ARRAY) {
    zval *frame;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(trace), frame) {
      if (Z_TYPE_P(frame) == IS_ARRAY) {
        zval *args = zend_hash_find(Z_ARRVAL_P(frame), ZSTR_KNOWN(ZEND_STR_ARGS));
        if (args) {
          zval_ptr_dtor(args);
          ZVAL_EMPTY_ARRAY(args);
        }
      }
    } ZEND_HASH_FOREACH_END();
  }
}

zend_object *scrubbed_exception_create(zend_class_entry *ce) {
  zend_object *obj = parent_create_object(ce);
  scrub_trace(obj);
  return obj;
}

}  // namespace

void bjlg_crypto_scrub_pending_exception(void) {
  if (EG(exception) != nullptr) scrub_trace(EG(exception));
}

BjlgExceptionKinds bjlg_crypto_kinds;

void bjlg_crypto_throw_status(const bjlg::Status &status) { bjlg_throw_status(bjlg_crypto_kinds, status); }

void bjlg_register_crypto_exceptions(void) {
  parent_create_object = zend_ce_exception->create_object;
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
  for (zend_class_entry *ce : {bjlg_ce_Crypto_WrongKeyException, bjlg_ce_Crypto_CorruptedDataException,
                               bjlg_ce_Crypto_TruncatedDataException,
                               bjlg_ce_Crypto_UnsupportedFormatException, bjlg_ce_Crypto_IOException,
                               bjlg_ce_Crypto_CancelledException}) {
    ce->create_object = scrubbed_exception_create;
  }
}
