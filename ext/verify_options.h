/* Options shared by Bjlg\Verify\Verifier and Bjlg\Verify\RestoreTest: the secret (key or
 * password), sample, progress, threads, and where reports go. */
#ifndef BJLG_VERIFY_OPTIONS_GLUE_H
#define BJLG_VERIFY_OPTIONS_GLUE_H

#include <string>

#include "verify/verifier.h"  /* before the PHP headers: they redefine snprintf */
#include "php_bjlg.h"

struct BjlgVerifyGlueOptions {
  bjlg::verify::VerifyOptions verify;
  std::string report;   // JSON report path, or empty
  std::string html;     // HTML report path, or empty
  zval progress;        // the callable, or UNDEF
  bool bailout = false; // the callback called exit()
};

/* Reads `options` (argument `arg`) into `o`, accepting also the keys listed in `extra` (handled
 * by `extra_handler(name, value)`, which returns false after throwing). Throws TypeError or
 * ValueError and returns false on a bad option. REQUIRES: o->progress initialised (UNDEF). */
bool bjlg_verify_parse_options(HashTable *options, uint32_t arg, BjlgVerifyGlueOptions *o);

/* Writes the report files asked for and appends the history; throws VerifyException and returns
 * false when one cannot be written. */
bool bjlg_verify_write_outputs(const BjlgVerifyGlueOptions &o, const nlohmann::json &report);

#endif /* BJLG_VERIFY_OPTIONS_GLUE_H */
