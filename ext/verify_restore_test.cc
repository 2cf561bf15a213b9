/* Bjlg\Verify\RestoreTest::run() over the core's src/verify/restore_test.h. */
#include <string>

#include "verify/restore_test.h"  /* before the PHP headers: they redefine snprintf */
#include "crypto_exception.h"
#include "glue.h"
#include "json_zval.h"
#include "verify_options.h"

extern "C" {
#include "zend_attributes.h"
#include "zend_exceptions.h"
}

/* See ext/crypto_cipher.cc: gen_stub.php's SensitiveParameter code needs a cast in C++. */
#define zend_hash_str_find_ptr(ht, str, len) \
  static_cast<zend_function *>(zend_hash_str_find_ptr(ht, str, len))
#include "verify_restore_test_arginfo.h"
#undef zend_hash_str_find_ptr

zend_class_entry *bjlg_ce_Verify_RestoreTest;

namespace {

/* The options only a restore test has: with_database, dsn, sandbox, chain. */
int restore_option(bjlg::verify::RestoreOptions *r, const std::string &k, zval *value) {
  const uint32_t arg = 2;
  if (k == "with_database") {
    if (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE) {
      zend_argument_type_error(arg, "option \"with_database\" must be of type bool, %s given", zend_zval_type_name(value));
      return -1;
    }
    r->with_database = Z_TYPE_P(value) == IS_TRUE;
    return 1;
  }
  if (k == "dsn") {
    if (!bjlg_verify_path_option(value, "dsn", arg, &r->dsn)) return -1;
    if (r->dsn.rfind("mysql:", 0) != 0) {
      bjlg_throw_option_errorf(arg, "dsn", "option \"dsn\" must start with \"mysql:\"");
      return -1;
    }
    return 1;
  }
  if (k == "sandbox") return bjlg_verify_path_option(value, "sandbox", arg, &r->sandbox_parent) ? 1 : -1;
  if (k == "chain") {
    if (Z_TYPE_P(value) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(value))) {
      zend_argument_type_error(arg, "option \"chain\" must be a list of archive paths, %s given", zend_zval_type_name(value));
      return -1;
    }
    zval *item;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) {
      std::string p;
      if (!bjlg_verify_path_option(item, "chain", arg, &p)) return -1;
      r->chain.push_back(p);
    } ZEND_HASH_FOREACH_END();
    return 1;
  }
  return 0;
}

}  // namespace

ZEND_METHOD(Bjlg_Verify_RestoreTest, __construct) { ZEND_PARSE_PARAMETERS_NONE(); }

ZEND_METHOD(Bjlg_Verify_RestoreTest, run) {
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
    bjlg::verify::RestoreOptions r;
    if (!bjlg_verify_parse_options(options, 2, &o, [&r](const std::string &k, zval *v) {
          return restore_option(&r, k, v);
        })) {
      return;
    }
    if (o.verify.secret) r.secret.emplace(*o.verify.secret);
    r.threads = o.verify.threads;
    r.history = o.verify.history;
    r.progress = o.progress.fn();
    bjlg::Result<bjlg::verify::Report> report =
        bjlg::verify::RunRestoreTest(std::string(ZSTR_VAL(archive), ZSTR_LEN(archive)), r);
    bailout = o.progress.bailed_out();
    if (bailout) return;
    if (!report.ok()) {
      /* Cancelled: CancelledException, with the callable's exception (if it threw) as previous;
       * no report file and no history line are written. */
      BjlgOptions(options, 2).refuse(bjlg_verify_kinds, report.status());
      return;
    }
    const nlohmann::json j = report->ToJson();
    if (!bjlg_verify_write_outputs(o, j)) return;
    if (!bjlg_json_to_zval(j, return_value)) {
      bjlg_throw_status(bjlg_verify_kinds, bjlg::Status::Corruption("the restore test report is nested too deep"));
    }
  });
  if (bailout) zend_bailout();
}

void bjlg_register_verify_restore_test(void) {
  bjlg_ce_Verify_RestoreTest = register_class_Bjlg_Verify_RestoreTest();
}
