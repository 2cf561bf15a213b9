#include "crypto_args.h"

#include "crypto_exception.h"
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

bool bjlg_option_encrypt_setting(const BjlgOptions &options, const char *option, const std::string &setting,
                                 bjlg::crypto::EncryptOptions *o) {
  using bjlg::crypto::SettingType;
  if (!options.has(option)) return true;
  bjlg::Status s;
  if (bjlg::crypto::EncryptSettingType(setting) == SettingType::kName) {
    std::string name;
    if (!options.get_string(option, &name)) return false;
    s = bjlg::crypto::SetEncryptSetting(setting, name, o);
  } else {
    zend_long number = 0;
    if (!options.get_long(option, &number)) return false;
    s = bjlg::crypto::SetEncryptSetting(setting, static_cast<int64_t>(number), o);
  }
  if (!s.ok()) options.refuse(bjlg_crypto_kinds, s.ForOption(option));
  return s.ok();
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
