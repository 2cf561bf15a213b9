/* Bjlg\Crypto\Cipher: static encryptFile / decryptFile / verifyFile / inspect over the core's
 * src/crypto/cipher.h. This file converts arguments and results only. */
#include <optional>
#include <string>

#include "crypto_exception.h"
#include "crypto_key.h"
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

/* The secret argument: a Key object or a non-empty password. */
std::optional<bjlg::crypto::Secret> secret_of(zend_object *key, zend_string *password, uint32_t arg) {
  if (key != nullptr) {
    const bjlg::crypto::Key *k = bjlg_crypto_key_of(key);
    if (k == nullptr) return std::nullopt;
    return bjlg::crypto::Secret(*k);
  }
  if (ZSTR_LEN(password) == 0) {
    zend_argument_value_error(arg, "must be a Bjlg\\Crypto\\Key or a non-empty password");
    return std::nullopt;
  }
  return bjlg::crypto::Secret(bjlg::crypto::Password(std::string_view(ZSTR_VAL(password), ZSTR_LEN(password))));
}

bool option_long(zval *value, const char *name, uint32_t arg, zend_long min, zend_long max, uint32_t *out) {
  if (Z_TYPE_P(value) != IS_LONG) {
    zend_argument_type_error(arg, "option \"%s\" must be of type int, %s given", name, zend_zval_type_name(value));
    return false;
  }
  if (Z_LVAL_P(value) < min || Z_LVAL_P(value) > max) {
    zend_argument_value_error(arg, "option \"%s\" must be between " ZEND_LONG_FMT " and " ZEND_LONG_FMT, name, min, max);
    return false;
  }
  *out = static_cast<uint32_t>(Z_LVAL_P(value));
  return true;
}

bool option_string(zval *value, const char *name, uint32_t arg, std::string *out) {
  if (Z_TYPE_P(value) != IS_STRING) {
    zend_argument_type_error(arg, "option \"%s\" must be of type string, %s given", name, zend_zval_type_name(value));
    return false;
  }
  *out = to_std(Z_STR_P(value));
  return true;
}

/* Walks an options array; `handle(name, value)` returns false after throwing. */
template <typename Handler>
bool each_option(HashTable *options, uint32_t arg, Handler &&handle) {
  if (options == nullptr) return true;
  zend_string *name;
  zval *value;
  ZEND_HASH_FOREACH_STR_KEY_VAL(options, name, value) {
    if (name == nullptr) {
      zend_argument_value_error(arg, "must be an array with string keys");
      return false;
    }
    ZVAL_DEREF(value);
    if (!handle(to_std(name), value)) return false;
  } ZEND_HASH_FOREACH_END();
  return true;
}

bool parse_encrypt_options(HashTable *options, EncryptOptions *o) {
  const uint32_t arg = 4;
  return each_option(options, arg, [&](const std::string &name, zval *value) {
    std::string s;
    uint32_t n = 0;
    if (name == "format") {
      if (!option_string(value, "format", arg, &s)) return false;
      if (s == "bjlg") o->format = bjlg::crypto::Format::kBjlg;
      else if (s == "bjlgenc1") o->format = bjlg::crypto::Format::kBjlgenc1;
      else { zend_argument_value_error(arg, "option \"format\" must be \"bjlg\" or \"bjlgenc1\""); return false; }
    } else if (name == "chunk_size") {
      if (!option_long(value, "chunk_size", arg, bjlg::crypto::AeadHeader::kMinChunkSize,
                       bjlg::crypto::AeadHeader::kMaxChunkSize, &o->chunk_size)) return false;
    } else if (name == "kdf") {
      if (!option_string(value, "kdf", arg, &s)) return false;
      if (s == "scrypt") o->password_kdf = bjlg::crypto::KdfId::kScrypt;
      else if (s == "pbkdf2") o->password_kdf = bjlg::crypto::KdfId::kPbkdf2Sha256;
      else { zend_argument_value_error(arg, "option \"kdf\" must be \"scrypt\" or \"pbkdf2\""); return false; }
    } else if (name == "scrypt_log_n") {
      if (!option_long(value, "scrypt_log_n", arg, 14, 20, &o->scrypt_log_n)) return false;
    } else if (name == "pbkdf2_iterations") {
      if (!option_long(value, "pbkdf2_iterations", arg, bjlg::crypto::AeadHeader::kMinPbkdf2Iterations,
                       bjlg::crypto::AeadHeader::kMaxPbkdf2Iterations, &o->pbkdf2_iterations)) return false;
    } else if (name == "cipher") {
      if (!option_string(value, "cipher", arg, &s)) return false;
      if (s == "aes-256-gcm") o->cipher = bjlg::crypto::AeadCipher::kAes256Gcm;
      else if (s == "chacha20-poly1305") o->cipher = bjlg::crypto::AeadCipher::kChaCha20Poly1305;
      else { zend_argument_value_error(arg, "option \"cipher\" must be \"aes-256-gcm\" or \"chacha20-poly1305\""); return false; }
    } else if (name == "threads") {
      if (!option_long(value, "threads", arg, 0, 256, &n)) return false;
      o->threads = n;
    } else {
      zend_argument_value_error(arg, "unknown option \"%s\"", name.c_str());
      return false;
    }
    return true;
  });
}

bool parse_decrypt_options(HashTable *options, uint32_t arg, DecryptOptions *o) {
  return each_option(options, arg, [&](const std::string &name, zval *value) {
    if (name == "threads") {
      uint32_t n = 0;
      if (!option_long(value, "threads", arg, 0, 256, &n)) return false;
      o->threads = n;
    } else if (name == "legacy_salt") {
      std::string s;
      if (!option_string(value, "legacy_salt", arg, &s)) return false;
      if (s.size() != 16) {
        zend_argument_value_error(arg, "option \"legacy_salt\" must be 16 bytes");
        return false;
      }
      std::array<uint8_t, 16> salt;
      memcpy(salt.data(), s.data(), 16);
      o->legacy_salt = salt;
    } else {
      zend_argument_value_error(arg, "unknown option \"%s\"", name.c_str());
      return false;
    }
    return true;
  });
}

void add_str(zval *arr, const char *key, const std::string &value) {
  add_assoc_stringl(arr, key, value.data(), value.size());
}

void return_report(zval *return_value, const FileReport &r) {
  array_init(return_value);
  add_str(return_value, "format", r.format);
  add_assoc_long(return_value, "version", r.version);
  add_str(return_value, "mode", r.mode);
  add_str(return_value, "cipher", r.cipher);
  add_str(return_value, "kdf", r.kdf);
  if (r.kdf == "scrypt") {
    add_assoc_long(return_value, "scrypt_log_n", r.scrypt_log_n);
    add_assoc_long(return_value, "scrypt_r", r.scrypt_r);
    add_assoc_long(return_value, "scrypt_p", r.scrypt_p);
  } else if (r.kdf == "pbkdf2-sha256") {
    add_assoc_long(return_value, "pbkdf2_iterations", r.kdf_iterations);
  }
  if (r.key_fingerprint.empty()) add_assoc_null(return_value, "key_fingerprint");
  else add_str(return_value, "key_fingerprint", r.key_fingerprint);
  if (r.format == "bjlg") {
    add_assoc_long(return_value, "chunk_size", r.chunk_size);
    add_assoc_long(return_value, "chunks", static_cast<zend_long>(r.chunks));
  }
  add_assoc_long(return_value, "encrypted_size", static_cast<zend_long>(r.encrypted_size));
  if (r.plaintext_size) add_assoc_long(return_value, "plaintext_size", static_cast<zend_long>(*r.plaintext_size));
  else add_assoc_null(return_value, "plaintext_size");
}

void finish(zval *return_value, const bjlg::Result<FileReport> &report) {
  if (!report.ok()) {
    bjlg_crypto_throw_status(report.status());
    return;
  }
  return_report(return_value, *report);
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
  bjlg_guard([&] {
    auto secret = secret_of(a.key, a.password, 3);
    EncryptOptions o;
    if (!secret || !parse_encrypt_options(a.options, &o)) return;
    finish(return_value, bjlg::crypto::EncryptFile(to_std(a.in), to_std(a.out), *secret, o));
  });
}

ZEND_METHOD(Bjlg_Crypto_Cipher, decryptFile) {
  BjlgCryptoScrubOnExit scrub;
  InOutArgs a;
  if (!parse_in_out_args(execute_data, &a)) RETURN_THROWS();
  bjlg_guard([&] {
    auto secret = secret_of(a.key, a.password, 3);
    DecryptOptions o;
    if (!secret || !parse_decrypt_options(a.options, 4, &o)) return;
    finish(return_value, bjlg::crypto::DecryptFile(to_std(a.in), to_std(a.out), *secret, o));
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
  bjlg_guard([&] {
    auto secret = secret_of(key, password, 2);
    DecryptOptions o;
    if (!secret || !parse_decrypt_options(options, 3, &o)) return;
    finish(return_value, bjlg::crypto::VerifyFile(to_std(in), *secret, o));
  });
}

ZEND_METHOD(Bjlg_Crypto_Cipher, inspect) {
  BjlgCryptoScrubOnExit scrub;
  zend_string *in;
  ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(in)
  ZEND_PARSE_PARAMETERS_END();
  if (!check_path(in, 1)) RETURN_THROWS();
  bjlg_guard([&] { finish(return_value, bjlg::crypto::InspectFile(to_std(in))); });
}

void bjlg_register_crypto_cipher(void) { bjlg_ce_Crypto_Cipher = register_class_Bjlg_Crypto_Cipher(); }
