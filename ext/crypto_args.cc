#include "crypto_args.h"

#include "crypto_key.h"

extern "C" {
#include "zend_exceptions.h"
}

namespace {

/* "<what> <rest>" as a TypeError (or a ValueError), worded for the site: see crypto_args.h. */
void site_error(bool type_error, BjlgValueSite site, const std::string &name, const std::string &rest) {
  const std::string option = site.prefix + name;
  if (type_error) {
    zend_argument_type_error(site.arg, "option \"%s\" %s", option.c_str(), rest.c_str());
  } else {
    bjlg_throw_option_error(site.arg, option, "option \"" + option + "\" " + rest);
  }
}

}  // namespace

std::optional<bjlg::crypto::Secret> bjlg_crypto_secret_of(zend_object *key, zend_string *password,
                                                          BjlgValueSite site, const char *name) {
  if (key != nullptr) {
    const bjlg::crypto::Key *k = bjlg_crypto_key_of(key);
    if (k == nullptr) return std::nullopt;
    return bjlg::crypto::Secret(*k);
  }
  if (ZSTR_LEN(password) == 0) {
    if (site.arg > 0) {
      zend_argument_value_error(site.arg, "must be a Bjlg\\Crypto\\Key or a non-empty password");
    } else {
      site_error(false, site, name, "must be a Bjlg\\Crypto\\Key or a non-empty password");
    }
    return std::nullopt;
  }
  return bjlg::crypto::Secret(
      bjlg::crypto::Password(std::string_view(ZSTR_VAL(password), ZSTR_LEN(password))));
}

std::optional<bjlg::crypto::Secret> bjlg_crypto_secret_of_zval(zval *value, BjlgValueSite site,
                                                               const char *name) {
  if (Z_TYPE_P(value) == IS_OBJECT && instanceof_function(Z_OBJCE_P(value), bjlg_ce_Crypto_Key)) {
    return bjlg_crypto_secret_of(Z_OBJ_P(value), nullptr, site, name);
  }
  if (Z_TYPE_P(value) == IS_STRING) return bjlg_crypto_secret_of(nullptr, Z_STR_P(value), site, name);
  site_error(true, site, name, std::string("must be of type Bjlg\\Crypto\\Key|string, ") +
                                   zend_zval_type_name(value) + " given");
  return std::nullopt;
}

bool bjlg_option_secret(const BjlgOptions &options, const char *name,
                        std::optional<bjlg::crypto::Secret> *out) {
  zval *value = options.find(name);
  if (value == nullptr) return true;
  if (Z_TYPE_P(value) == IS_STRING && Z_STRLEN_P(value) == 0) {
    options.value_error(name, "must be a Bjlg\\Crypto\\Key or a non-empty password");
    return false;
  }
  std::optional<bjlg::crypto::Secret> secret =
      bjlg_crypto_secret_of_zval(value, BjlgValueSite{options.arg(), ""}, name);
  if (!secret) return false;
  out->emplace(std::move(*secret));
  return true;
}

bool bjlg_crypto_option_long(zval *value, const std::string &name, BjlgValueSite site, zend_long min,
                             zend_long max, uint32_t *out) {
  if (Z_TYPE_P(value) != IS_LONG) {
    site_error(true, site, name, std::string("must be of type int, ") + zend_zval_type_name(value) + " given");
    return false;
  }
  if (Z_LVAL_P(value) < min || Z_LVAL_P(value) > max) {
    site_error(false, site, name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return false;
  }
  *out = static_cast<uint32_t>(Z_LVAL_P(value));
  return true;
}

bool bjlg_crypto_option_string(zval *value, const std::string &name, BjlgValueSite site, std::string *out) {
  if (Z_TYPE_P(value) != IS_STRING) {
    site_error(true, site, name, std::string("must be of type string, ") + zend_zval_type_name(value) + " given");
    return false;
  }
  out->assign(Z_STRVAL_P(value), Z_STRLEN_P(value));
  return true;
}

int bjlg_crypto_encrypt_option(const std::string &name, zval *value, BjlgValueSite site,
                               bjlg::crypto::EncryptOptions *o) {
  using bjlg::crypto::AeadHeader;
  std::string s;
  if (name == "format") {
    if (!bjlg_crypto_option_string(value, name, site, &s)) return -1;
    if (s == "bjlg") o->format = bjlg::crypto::Format::kBjlg;
    else if (s == "bjlgenc1") o->format = bjlg::crypto::Format::kBjlgenc1;
    else { site_error(false, site, name, "must be \"bjlg\" or \"bjlgenc1\""); return -1; }
  } else if (name == "chunk_size") {
    if (!bjlg_crypto_option_long(value, name, site, AeadHeader::kMinChunkSize, AeadHeader::kMaxChunkSize,
                                 &o->chunk_size)) return -1;
    o->given.chunk_size = true;
  } else if (name == "kdf") {
    if (!bjlg_crypto_option_string(value, name, site, &s)) return -1;
    if (s == "scrypt") o->password_kdf = bjlg::crypto::KdfId::kScrypt;
    else if (s == "pbkdf2") o->password_kdf = bjlg::crypto::KdfId::kPbkdf2Sha256;
    else { site_error(false, site, name, "must be \"scrypt\" or \"pbkdf2\""); return -1; }
    o->given.kdf = true;
  } else if (name == "scrypt_log_n") {
    if (!bjlg_crypto_option_long(value, name, site, 14, 20, &o->scrypt_log_n)) return -1;
    o->given.scrypt_log_n = true;
  } else if (name == "pbkdf2_iterations") {
    if (!bjlg_crypto_option_long(value, name, site, AeadHeader::kMinPbkdf2Iterations,
                                 AeadHeader::kMaxPbkdf2Iterations, &o->pbkdf2_iterations)) return -1;
    o->given.pbkdf2_iterations = true;
  } else if (name == "cipher") {
    if (!bjlg_crypto_option_string(value, name, site, &s)) return -1;
    if (s == "aes-256-gcm") o->cipher = bjlg::crypto::AeadCipher::kAes256Gcm;
    else if (s == "chacha20-poly1305") o->cipher = bjlg::crypto::AeadCipher::kChaCha20Poly1305;
    else { site_error(false, site, name, "must be \"aes-256-gcm\" or \"chacha20-poly1305\""); return -1; }
    o->given.cipher = true;
  } else {
    return 0;
  }
  return 1;
}

void bjlg_crypto_report_to_array(const bjlg::crypto::FileReport &r, zval *out) {
  auto add_str = [out](const char *key, const std::string &value) {
    add_assoc_stringl(out, key, value.data(), value.size());
  };
  array_init(out);
  add_str("format", r.format);
  add_assoc_long(out, "version", r.version);
  add_str("mode", r.mode);
  add_str("cipher", r.cipher);
  add_str("kdf", r.kdf);
  if (r.kdf == "scrypt") {
    add_assoc_long(out, "scrypt_log_n", r.scrypt_log_n);
    add_assoc_long(out, "scrypt_r", r.scrypt_r);
    add_assoc_long(out, "scrypt_p", r.scrypt_p);
  } else if (r.kdf == "pbkdf2-sha256") {
    add_assoc_long(out, "pbkdf2_iterations", r.kdf_iterations);
  }
  if (r.key_fingerprint.empty()) add_assoc_null(out, "key_fingerprint");
  else add_str("key_fingerprint", r.key_fingerprint);
  if (r.format == "bjlg") {
    add_assoc_long(out, "chunk_size", r.chunk_size);
    add_assoc_long(out, "chunks", static_cast<zend_long>(r.chunks));
  }
  add_assoc_long(out, "encrypted_size", static_cast<zend_long>(r.encrypted_size));
  if (r.plaintext_size) add_assoc_long(out, "plaintext_size", static_cast<zend_long>(*r.plaintext_size));
  else add_assoc_null(out, "plaintext_size");
}
