/* Bjlg\Crypto\Cipher: static encryptFile / decryptFile / verifyFile / inspect over the core's
 * src/crypto/cipher.h. This file converts arguments and results only. */
#include <functional>
#include <optional>
#include <string>

#include "crypto_args.h"
#include "crypto_exception.h"
#include "glue.h"
#include "crypto/primitives.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}
#include "crypto/cipher.h"


/* gen_stub.php writes C: its SensitiveParameter code converts zend_hash_str_find_ptr()'s void*
 * implicitly, which C++ refuses. The macro adds the cast (a function-like macro does not expand
 * itself, so the call inside reaches the real inline function). */
#define zend_hash_str_find_ptr(ht, str, len) \
  static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "crypto_cipher_arginfo.h"
#undef zend_hash_str_find_ptr

zend_class_entry *bjlg_ce_Crypto_Cipher;

namespace {

using bjlg::crypto::DecryptOptions;
using bjlg::crypto::EncryptOptions;
using bjlg::crypto::FileReport;

std::string to_std(zend_string *s) { return std::string(ZSTR_VAL(s), ZSTR_LEN(s)); }

/* Paths: no NUL bytes, not empty. Throws and returns false otherwise. */
bool check_path(zend_string *path, uint32_t arg) {
  if (ZSTR_LEN(path) == 0) {
    zend_argument_value_error(arg, "must not be empty");
    return false;
  }
  if (strlen(ZSTR_VAL(path)) != ZSTR_LEN(path)) {
    zend_argument_value_error(arg, "must not contain any null bytes");
    return false;
  }
  return true;
}

/* Reads the options with the glue's one reader; names and ranges are the core's. */
bool parse_encrypt_options(HashTable *options, EncryptOptions *o, BjlgProgressOption *progress) {
  const BjlgOptions opts(options, 4);
  if (!opts.only({"progress", "threads", "format", "chunk_size", "kdf", "scrypt_log_n", "pbkdf2_iterations", "cipher"}) ||
      !opts.get_progress("progress", progress)) {
    return false;
  }
  for (const char *setting : {"threads", "format", "chunk_size", "kdf", "scrypt_log_n", "pbkdf2_iterations", "cipher"}) {
    if (!bjlg_option_encrypt_setting(opts, setting, setting, o)) return false;
  }
  return true;
}

bool parse_decrypt_options(HashTable *options, uint32_t arg, DecryptOptions *o, BjlgProgressOption *progress) {
  const BjlgOptions opts(options, arg);
  zend_long threads = 0;
  std::string salt;
  if (!opts.only({"progress", "threads", "legacy_salt"}) || !opts.get_progress("progress", progress) ||
      !opts.get_long("threads", &threads) || !opts.get_string("legacy_salt", &salt)) {
    return false;
  }
  bjlg::Status s = bjlg::crypto::SetDecryptThreads(threads, o);
  if (s.ok() && opts.has("legacy_salt")) s = bjlg::crypto::SetLegacySalt(salt, o);
  if (!s.ok()) opts.refuse(bjlg_crypto_kinds, s);
  return s.ok();
}

/* The report, or the exception for its failure (a callable that threw cancelled: its exception
 * is the CancelledException's previous, as everywhere); nothing after a bailout (the caller
 * unwinds). */
void finish(zval *return_value, const bjlg::Result<FileReport> &report, const BjlgProgressOption &progress) {
  if (progress.bailed_out()) return;
  if (!report.ok()) {
    bjlg_crypto_throw_status(report.status());
    return;
  }
  bjlg_crypto_report_to_array(*report, return_value);
}

/* The secret argument `arg`: a Key object or a non-empty password. */
std::optional<bjlg::crypto::Secret> secret_of(zend_object *key, zend_string *password, uint32_t arg) {
  return bjlg_crypto_secret_of(key, password, BjlgValueSite{arg, ""}, nullptr);
}

}  // namespace

ZEND_METHOD(Bjlg_Crypto_Cipher, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

/* The arguments of encryptFile() and decryptFile(): (string $in, string $out, Key|string
 * $secret, array $options = []). False after throwing. */
struct InOutArgs {
  zend_string *in = nullptr, *out = nullptr, *password = nullptr;
  zend_object *key = nullptr;
  HashTable *options = nullptr;
};

static bool parse_in_out_args(zend_execute_data *execute_data, InOutArgs *a) {
  ZEND_PARSE_PARAMETERS_START(3, 4)
    Z_PARAM_STR(a->in)
    Z_PARAM_STR(a->out)
    Z_PARAM_OBJ_OF_CLASS_OR_STR(a->key, bjlg_ce_Crypto_Key, a->password)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(a->options)
  ZEND_PARSE_PARAMETERS_END_EX(return false);
  return check_path(a->in, 1) && check_path(a->out, 2);
}

ZEND_METHOD(Bjlg_Crypto_Cipher, encryptFile) {
  BjlgCryptoScrubOnExit scrub;
  InOutArgs a;
  if (!parse_in_out_args(execute_data, &a)) RETURN_THROWS();
  bool bailout = false;
  bjlg_guard([&] {
    auto secret = secret_of(a.key, a.password, 3);
    EncryptOptions o;
    BjlgProgressOption progress;
    if (!secret || !parse_encrypt_options(a.options, &o, &progress)) return;
    const bjlg::Status checked = bjlg::crypto::CheckEncryptOptions(*secret, o);
    if (!checked.ok()) {  /* an option that does not apply is refused, never ignored */
      BjlgOptions(a.options, 4).refuse(bjlg_crypto_kinds, checked);
      return;
    }
    o.progress = progress.fn();
    finish(return_value, bjlg::crypto::EncryptFile(to_std(a.in), to_std(a.out), *secret, o), progress);
    bailout = progress.bailed_out();
  });
  if (bailout) zend_bailout();
}

/* decryptFile() and verifyFile() after their arguments: the secret (argument `secret_arg`) and
 * the options (the next one) read, `run(secret, options)` called, its report returned. */
template <typename Run>
static void decrypt_method(zval *return_value, zend_object *key, zend_string *password, uint32_t secret_arg,
                           HashTable *options, Run &&run) {
  bool bailout = false;
  bjlg_guard([&] {
    auto secret = secret_of(key, password, secret_arg);
    DecryptOptions o;
    BjlgProgressOption progress;
    if (!secret || !parse_decrypt_options(options, secret_arg + 1, &o, &progress)) return;
    o.progress = progress.fn();
    finish(return_value, run(*secret, o), progress);
    bailout = progress.bailed_out();
  });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Crypto_Cipher, decryptFile) {
  BjlgCryptoScrubOnExit scrub;
  InOutArgs a;
  if (!parse_in_out_args(execute_data, &a)) RETURN_THROWS();
  decrypt_method(return_value, a.key, a.password, 3, a.options, [&a](const bjlg::crypto::Secret &secret, const DecryptOptions &o) {
    return bjlg::crypto::DecryptFile(to_std(a.in), to_std(a.out), secret, o);
  });
}

ZEND_METHOD(Bjlg_Crypto_Cipher, verifyFile) {
  BjlgCryptoScrubOnExit scrub;
  zend_string *in, *password = nullptr;
  zend_object *key = nullptr;
  HashTable *options = nullptr;
  ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_STR(in)
    Z_PARAM_OBJ_OF_CLASS_OR_STR(key, bjlg_ce_Crypto_Key, password)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options)
  ZEND_PARSE_PARAMETERS_END();
  if (!check_path(in, 1)) RETURN_THROWS();
  decrypt_method(return_value, key, password, 2, options, [in](const bjlg::crypto::Secret &secret, const DecryptOptions &o) {
    return bjlg::crypto::VerifyFile(to_std(in), secret, o);
  });
}

ZEND_METHOD(Bjlg_Crypto_Cipher, inspect) {
  BjlgCryptoScrubOnExit scrub;
  zend_string *in;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(in)
  ZEND_PARSE_PARAMETERS_END();
  if (!check_path(in, 1)) RETURN_THROWS();
  bjlg_guard([&] { finish(return_value, bjlg::crypto::InspectFile(to_std(in)), BjlgProgressOption()); });
}

void bjlg_register_crypto_cipher(void) { bjlg_ce_Crypto_Cipher = register_class_Bjlg_Crypto_Cipher(); }
