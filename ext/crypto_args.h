/* Crypto arguments and results shared by Bjlg\Crypto\Cipher and the `encrypt` option of
 * Bjlg\Archive\Writer: a Key|string secret, the encryption options, the report array. One
 * conversion each, so a secret is read, and an option checked, the same way everywhere. */
#ifndef BJLG_CRYPTO_ARGS_GLUE_H
#define BJLG_CRYPTO_ARGS_GLUE_H

#include <optional>
#include <string>

#include "crypto/cipher.h"  /* before the PHP headers, as every core header */
#include "glue.h"
#include "php_bjlg.h"

/* Where a value comes from, for the wording of its errors: an argument of the method called, or
 * an option of its `arg`-th argument named `prefix` + name, as php-src says it ("Argument #2
 * ($options) option "encrypt_format" must be ..."; Archive\Writer's prefix is "encrypt_"). */
struct BjlgValueSite {
  uint32_t arg;
  const char *prefix;
};

/* The secret a Key object or a string (a password) stands for. Null after throwing: an Error for
 * a Key never initialised, a ValueError for an empty password (for argument site.arg, or the
 * option `name`). The password bytes are copied into wiped memory and never put in a message. */
std::optional<bjlg::crypto::Secret> bjlg_crypto_secret_of(zend_object *key, zend_string *password,
                                                          BjlgValueSite site, const char *name);

/* The same for a zval, which must be a Bjlg\Crypto\Key or a string (TypeError otherwise). */
std::optional<bjlg::crypto::Secret> bjlg_crypto_secret_of_zval(zval *value, BjlgValueSite site,
                                                               const char *name);

/* The Key|string option `name` of `options` (a Key, or a non-empty password): *out untouched when
 * absent, false after throwing (TypeError / ValueError naming the option). */
bool bjlg_option_secret(const BjlgOptions &options, const char *name,
                        std::optional<bjlg::crypto::Secret> *out);

/* Cipher::encryptFile()'s setting `setting` (bjlg::crypto::EncryptSettingType) read from the
 * option `option` of `options` (the archive writer's are prefixed: "encrypt_kdf"): a string or an
 * int as the setting takes, whose value the core checks; its refusal names `option`. True when
 * absent or applied, false after throwing. */
bool bjlg_option_encrypt_setting(const BjlgOptions &options, const char *option, const std::string &setting,
                                 bjlg::crypto::EncryptOptions *o);

/* The report array of Cipher's methods (docs/encryption.md §4) in *out. */
void bjlg_crypto_report_to_array(const bjlg::crypto::FileReport &r, zval *out);

#endif /* BJLG_CRYPTO_ARGS_GLUE_H */
