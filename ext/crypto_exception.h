/* Throwing Bjlg\Crypto\* exceptions from core statuses. */
#ifndef BJLG_CRYPTO_EXCEPTION_GLUE_H
#define BJLG_CRYPTO_EXCEPTION_GLUE_H

#include "glue.h"

/* Unauthenticated -> WrongKeyException, Corruption -> CorruptedDataException (or
 * TruncatedDataException when IsTruncated()), NotSupported -> UnsupportedFormatException,
 * NotFound/PermissionDenied/IOError -> IOException, Cancelled -> CancelledException,
 * InvalidArgument -> ValueError. */
extern BjlgExceptionKinds bjlg_crypto_kinds;

/* bjlg_throw_status(bjlg_crypto_kinds, status). REQUIRES: !status.ok() */
void bjlg_crypto_throw_status(const bjlg::Status &status);

/* Declared first in every Bjlg\Crypto method (see BjlgScrubOnExit in glue.h). */
using BjlgCryptoScrubOnExit = BjlgScrubOnExit;

#endif /* BJLG_CRYPTO_EXCEPTION_GLUE_H */
