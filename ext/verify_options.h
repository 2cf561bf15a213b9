/* Options shared by Bjlg\Verify\Verifier and Bjlg\Verify\RestoreTest: the secret (key or
 * password), sample, progress, threads, and where reports go. */
#ifndef BJLG_VERIFY_OPTIONS_GLUE_H
#define BJLG_VERIFY_OPTIONS_GLUE_H

#include <functional>
#include <string>

#include "verify/verifier.h"  /* before the PHP headers: they redefine snprintf */
#include "verify/report_html.h"
#include "glue.h"
#include "verify_exception.h"
#include "php_bjlg.h"

struct BjlgVerifyGlueOptions {
  bjlg::verify::VerifyOptions verify;
  std::string report;   // JSON report path, or empty
  std::string html;     // HTML report path, or empty
  bjlg::verify::HtmlOptions page;  // locale and timezone of the HTML report (its history: verify.history)
  BjlgProgressOption progress;
};

/* Reads `options` (argument `arg`) into `o`: key, password, threads, progress, report, html,
 * locale, timezone, history, and when `extra` is null (Verifier) sample and sha256; other keys
 * go to `extra`. Throws TypeError or ValueError and returns false on a bad option. */
using BjlgVerifyExtraOption = std::function<int(const std::string &name, zval *value)>;  // 1 handled, 0 unknown, -1 threw
bool bjlg_verify_parse_options(HashTable *options, uint32_t arg, BjlgVerifyGlueOptions *o,
                               const BjlgVerifyExtraOption &extra = nullptr);

/* A path option: a non-empty string without NUL bytes. Throws and returns false otherwise. */
bool bjlg_verify_path_option(zval *value, const char *name, uint32_t arg, std::string *out);

/* Writes the report files asked for and appends the history; throws VerifyException and returns
 * false when one cannot be written. */
bool bjlg_verify_write_outputs(const BjlgVerifyGlueOptions &o, const nlohmann::json &report);

#endif /* BJLG_VERIFY_OPTIONS_GLUE_H */
