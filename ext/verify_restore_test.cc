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
    if (!bjlg_verify_parse_options(options, 2, &o, {"with_database", "dsn", "sandbox", "chain"},
                                   [&r](const BjlgOptions &opts) {
                                     return opts.get_bool("with_database", &r.with_database) &&
                                            opts.get_string("dsn", &r.dsn) &&
                                            opts.get_path("sandbox", &r.sandbox_parent) &&
                                            opts.get_string_list("chain", &r.chain);
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
