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
  bjlg_verify_method(
      INTERNAL_FUNCTION_PARAM_PASSTHRU, {"with_database", "dsn", "sandbox", "chain"},
      [](const BjlgOptions &opts, BjlgVerifyGlueOptions *o) {
        bjlg::verify::RestoreOptions &r = o->restore;
        return opts.get_bool("with_database", &r.with_database) && opts.get_string("dsn", &r.dsn) &&
               opts.get_path("sandbox", &r.sandbox_parent) && opts.get_string_list("chain", &r.chain);
      },
      [](const std::string &archive, BjlgVerifyGlueOptions &o) {
        bjlg::verify::RestoreOptions &r = o.restore;
        if (o.verify.secret) r.secret.emplace(*o.verify.secret);
        r.threads = o.verify.threads;
        r.history = o.verify.history;
        r.progress = o.progress.fn();
        return bjlg::verify::RunRestoreTest(archive, r);
      });
}

void bjlg_register_verify_restore_test(void) {
  bjlg_ce_Verify_RestoreTest = register_class_Bjlg_Verify_RestoreTest();
}
