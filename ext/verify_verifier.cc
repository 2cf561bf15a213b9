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

bool bjlg_verify_parse_options(HashTable *options, uint32_t arg, BjlgVerifyGlueOptions *o,
                               std::vector<const char *> own, const BjlgVerifyOwnOptions &read_own) {
  const BjlgOptions opts(options, arg);
  std::vector<const char *> known = {"key", "password", "threads", "progress", "report", "html", "history",
                                     "locale", "timezone"};
  known.insert(known.end(), own.begin(), own.end());
  if (!opts.only(known)) return false;
  if (opts.has("key") && opts.has("password")) {
    zend_argument_value_error(arg, "must not give both \"key\" and \"password\"");
    return false;
  }
  if (!bjlg_option_secret(opts, "key", &o->verify.secret)) return false;
  if (zval *password = opts.find("password")) {  /* read in place: no copy of the secret to wipe */
    if (Z_TYPE_P(password) != IS_STRING) {
      opts.type_error("password", "string", password);
      return false;
    }
    if (Z_STRLEN_P(password) == 0) {
      opts.value_error("password", "must not be empty");
      return false;
    }
    o->verify.secret.emplace(bjlg::crypto::Password(std::string_view(Z_STRVAL_P(password), Z_STRLEN_P(password))));
  }
  if (!opts.get_int("threads", &o->verify.threads) || !opts.get_progress("progress", &o->progress) ||
      !opts.get_path("report", &o->report) || !opts.get_path("html", &o->html) ||
      !opts.get_path("history", &o->verify.history) || !opts.get_string("locale", &o->page.locale) ||
      !opts.get_string("timezone", &o->page.timezone) || !read_own(opts, o)) {
    return false;
  }
  if (bjlg::Status s = o->page.Validate(); !s.ok()) {
    opts.refuse(bjlg_verify_kinds, s);
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

void bjlg_verify_method(INTERNAL_FUNCTION_PARAMETERS, std::vector<const char *> own,
                        const BjlgVerifyOwnOptions &read_own, const BjlgVerifyRun &run) {
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
    if (!bjlg_verify_parse_options(options, 2, &o, std::move(own), read_own)) return;
    bjlg::Result<bjlg::verify::Report> r = run(std::string(ZSTR_VAL(archive), ZSTR_LEN(archive)), o);
    bailout = o.progress.bailed_out();
    if (bailout) return;
    if (!r.ok()) {
      /* Cancelled: CancelledException, with the callable's exception (if it threw) as previous;
       * no report file and no history line are written. */
      BjlgOptions(options, 2).refuse(bjlg_verify_kinds, r.status());
      return;
    }
    const nlohmann::json report = r->ToJson();
    if (!bjlg_verify_write_outputs(o, report)) return;
    if (!bjlg_json_to_zval(report, return_value)) {
      bjlg_throw_status(bjlg_verify_kinds, bjlg::Status::Corruption("the report is nested too deep"));
    }
  });
  if (bailout) zend_bailout();
}

ZEND_METHOD(Bjlg_Verify_Verifier, verify) {
  bjlg_verify_method(
      INTERNAL_FUNCTION_PARAM_PASSTHRU, {"sample", "sha256"},
      [](const BjlgOptions &opts, BjlgVerifyGlueOptions *o) {
        return opts.get_double("sample", &o->verify.sample) && opts.get_bool("sha256", &o->verify.archive_sha256);
      },
      [](const std::string &archive, BjlgVerifyGlueOptions &o) {
        o.verify.progress = o.progress.fn();
        return bjlg::verify::Verify(archive, o.verify);
      });
}

void bjlg_register_verify_verifier(void) { bjlg_ce_Verify_Verifier = register_class_Bjlg_Verify_Verifier(); }
