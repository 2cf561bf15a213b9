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

#endif /* BJLG_CRYPTO_EXCEPTION_GLUE_H */
