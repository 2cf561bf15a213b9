/* Throwing Bjlg\Crypto\* exceptions from core statuses. */
#ifndef BJLG_CRYPTO_EXCEPTION_GLUE_H
#define BJLG_CRYPTO_EXCEPTION_GLUE_H

#include "php_bjlg.h"
#include "common/status.h"

/* Throws the Bjlg\Crypto exception matching `status` (see src/crypto/cipher.h):
 * Unauthenticated -> WrongKeyException, Corruption -> CorruptedDataException (or
 * TruncatedDataException for "truncated…"), NotSupported -> UnsupportedFormatException,
 * IOError/NotFound -> IOException, InvalidArgument -> ValueError. REQUIRES: !status.ok() */
void bjlg_crypto_throw_status(const bjlg::Status &status);

/* Drops the argument values from the backtrace of the pending exception, whatever its class
 * (a ValueError or TypeError raised while a secret was on the call stack). */
void bjlg_crypto_scrub_pending_exception(void);

/* Declared first in every Bjlg\Crypto method: scrubs whatever exception the method leaves. */
struct BjlgCryptoScrubOnExit {
  ~BjlgCryptoScrubOnExit() { bjlg_crypto_scrub_pending_exception(); }
};

#endif /* BJLG_CRYPTO_EXCEPTION_GLUE_H */
