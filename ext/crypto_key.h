/* Access to the key held by a Bjlg\Crypto\Key object, for the other crypto glue files. */
#ifndef BJLG_CRYPTO_KEY_GLUE_H
#define BJLG_CRYPTO_KEY_GLUE_H

#include "php_bjlg.h"
#include "crypto/key.h"

/* The key of a Bjlg\Crypto\Key object, or null (with an Error thrown) if the object was never
 * initialised. REQUIRES: obj is an instance of bjlg_ce_Crypto_Key. */
const bjlg::crypto::Key *bjlg_crypto_key_of(zend_object *obj);

#endif /* BJLG_CRYPTO_KEY_GLUE_H */
