/* Bjlg\Verify\Verifier::verify() over the core's src/verify/verifier.h: options in, report array
 * out. The progress callback runs on the PHP thread, between blocks of the streaming pass. */
#include <string>

#include "verify/verifier.h"  /* before the PHP headers: they redefine snprintf */
#include "crypto_exception.h"
#include "crypto_args.h"
#include "crypto_key.h"
#include "glue.h"
#include "verify_exception.h"
#include "json_zval.h"
#include "verify_options.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

/* See ext/crypto_cipher.cc: gen_stub.php's SensitiveParameter code needs a cast in C++. */
#define zend_hash_str_find_ptr(ht, str, len) \
  static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "verify_verifier_arginfo.h"
#undef zend_hash_str_find_ptr

zend_class_entry *bjlg_ce_Verify_Verifier;

namespace {

std::string to_std(zend_string *s) { return std::string(ZSTR_VAL(s), ZSTR_LEN(s)); }

}  // namespace

bool bjlg_verify_path_option(zval *value, const char *name, uint32_t arg, std::string *out) {
  if (Z_TYPE_P(value) != IS_STRING) {
    zend_argument_type_error(arg, "option \"%s\" must be of type string, %s given", name, zend_zval_type_name(value));
    return false;
  }
  if (Z_STRLEN_P(value) == 0 || strlen(Z_STRVAL_P(value)) != Z_STRLEN_P(value)) {
    bjlg_throw_option_errorf(arg, name, "option \"%s\" must be a non-empty path without null bytes", name);
    return false;
  }
  *out = to_std(Z_STR_P(value));
  return true;
}

bool bjlg_verify_parse_options(HashTable *options, uint32_t arg, BjlgVerifyGlueOptions *o,
                               const BjlgVerifyExtraOption &extra) {
  if (options == nullptr) return true;
  bool have_key = false, have_password = false;
  zend_string *name;
  zval *value;
  ZEND_HASH_FOREACH_STR_KEY_VAL(options, name, value) {
    if (name == nullptr) {
      zend_argument_value_error(arg, "must be an array with string keys");
      return false;
    }
    ZVAL_DEREF(value);
    const std::string k = to_std(name);
    if (k == "key") {
      /* A Bjlg\Crypto\Key or a password, as everywhere else. */
      if (!bjlg_option_secret(BjlgOptions(options, arg), "key", &o->verify.secret)) return false;
      have_key = true;
    } else if (k == "password") {
      if (Z_TYPE_P(value) != IS_STRING) {
        zend_argument_type_error(arg, "option \"password\" must be of type string, %s given", zend_zval_type_name(value));
        return false;
      }
      if (Z_STRLEN_P(value) == 0) {
        bjlg_throw_option_errorf(arg, "password", "option \"password\" must not be empty");
        return false;
      }
      o->verify.secret.emplace(bjlg::crypto::Password(std::string_view(Z_STRVAL_P(value), Z_STRLEN_P(value))));
      have_password = true;
    } else if (k == "sample" && !extra) {
      if (Z_TYPE_P(value) != IS_DOUBLE && Z_TYPE_P(value) != IS_LONG) {
        zend_argument_type_error(arg, "option \"sample\" must be of type float, %s given", zend_zval_type_name(value));
        return false;
      }
      const double s = zval_get_double(value);
      if (!(s > 0.0 && s <= 1.0)) {
        bjlg_throw_option_errorf(arg, "sample", "option \"sample\" must be a fraction greater than 0 and at most 1");
        return false;
      }
      o->verify.sample = s;
    } else if (k == "sha256" && !extra) {
      if (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE) {
        zend_argument_type_error(arg, "option \"sha256\" must be of type bool, %s given", zend_zval_type_name(value));
        return false;
      }
      o->verify.archive_sha256 = Z_TYPE_P(value) == IS_TRUE;
    } else if (k == "threads") {
      if (Z_TYPE_P(value) != IS_LONG) {
        zend_argument_type_error(arg, "option \"threads\" must be of type int, %s given", zend_zval_type_name(value));
        return false;
      }
      if (Z_LVAL_P(value) < 0 || Z_LVAL_P(value) > 256) {
        bjlg_throw_option_errorf(arg, "threads", "option \"threads\" must be between 0 and 256");
        return false;
      }
      o->verify.threads = static_cast<unsigned>(Z_LVAL_P(value));
    } else if (k == "progress") {
      if (!o->progress.set(value, arg)) return false;
    } else if (k == "report") {
      if (!bjlg_verify_path_option(value, "report", arg, &o->report)) return false;
    } else if (k == "html") {
      if (!bjlg_verify_path_option(value, "html", arg, &o->html)) return false;
    } else if (k == "history") {
      if (!bjlg_verify_path_option(value, "history", arg, &o->verify.history)) return false;
    } else if (k == "locale" || k == "timezone") {
      std::string *out = k == "locale" ? &o->page.locale : &o->page.timezone;
      if (!BjlgOptions(options, arg).get_string(k.c_str(), out)) return false;
    } else {
      const int handled = extra ? extra(k, value) : 0;
      if (handled < 0) return false;
      if (handled == 0) {
        bjlg_throw_option_errorf(arg, k.c_str(), "contains an unknown option \"%s\"", k.c_str());
        return false;
      }
    }
  } ZEND_HASH_FOREACH_END();
  if (have_key && have_password) {
    zend_argument_value_error(arg, "must not give both \"key\" and \"password\"");
    return false;
  }
  if (bjlg::Status s = o->page.Validate(); !s.ok()) {
    BjlgOptions(options, arg).refuse(bjlg_verify_kinds, s);
    return false;
  }
  return true;
}

bool bjlg_verify_write_outputs(const BjlgVerifyGlueOptions &o, const nlohmann::json &report) {
  bjlg::Status s;
  if (!o.report.empty()) s = bjlg::verify::WritePrivateFile(o.report, report.dump(2) + "\n");
  if (s.ok() && !o.html.empty()) {
    bjlg::verify::HtmlOptions page = o.page;
    page.history = o.verify.history;  // the chart shows the runs before this one: read before the append below
    s = bjlg::verify::WritePrivateFile(o.html, bjlg::verify::RenderHtml(report, page));
  }
  if (s.ok() && !o.verify.history.empty()) s = bjlg::verify::AppendHistory(o.verify.history, report);
  if (!s.ok()) {
    bjlg_throw_status(bjlg_verify_kinds, s);
    return false;
  }
  return true;
}

ZEND_METHOD(Bjlg_Verify_Verifier, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Verify_Verifier, verify) {
  zend_string *archive;
  HashTable *options = nullptr;
  ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_PATH_STR(archive)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_HT(options)
  ZEND_PARSE_PARAMETERS_END();
  BjlgCryptoScrubOnExit scrub;
  if (ZSTR_LEN(archive) == 0) {
    zend_argument_value_error(1, "must not be empty");
    RETURN_THROWS();
  }
  bool bailout = false;
  bjlg_guard([&] {
    BjlgVerifyGlueOptions o;
    if (!bjlg_verify_parse_options(options, 2, &o)) return;
    o.verify.progress = o.progress.fn();
    bjlg::Result<bjlg::verify::Report> r = bjlg::verify::Verify(to_std(archive), o.verify);
    bailout = o.progress.bailed_out();
    if (bailout) return;
    if (!r.ok()) {
      BjlgOptions(options, 2).refuse(bjlg_verify_kinds, r.status());
      return;
    }
    const nlohmann::json report = r->ToJson();
    if (!bjlg_verify_write_outputs(o, report)) return;
    if (!bjlg_json_to_zval(report, return_value)) {
      bjlg_throw_status(bjlg_verify_kinds, bjlg::Status::Corruption("the verification report is nested too deep"));
    }
  });
  if (bailout) zend_bailout();
}

void bjlg_register_verify_verifier(void) { bjlg_ce_Verify_Verifier = register_class_Bjlg_Verify_Verifier(); }
