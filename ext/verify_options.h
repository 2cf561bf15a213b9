/* Options shared by Bjlg\Verify\Verifier and Bjlg\Verify\RestoreTest: the secret (key or
 * password), sample, progress, threads, and where reports go. */
#ifndef BJLG_VERIFY_OPTIONS_GLUE_H
#define BJLG_VERIFY_OPTIONS_GLUE_H

#include <functional>
#include <string>
#include <vector>

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

/* Reads `options` (argument `arg`) into `o` with the glue's one reader: key or password,
 * threads, progress, report, html, history, locale, timezone, and the names in `own` that only
 * the caller takes, read by `read_own` (Verifier: sample, sha256; RestoreTest: with_database,
 * dsn, sandbox, chain). The core checks the values (Verify, RunRestoreTest). Throws TypeError or
 * OptionError and returns false on a bad option. */
using BjlgVerifyOwnOptions = std::function<bool(const BjlgOptions &opts)>;
bool bjlg_verify_parse_options(HashTable *options, uint32_t arg, BjlgVerifyGlueOptions *o,
                               std::vector<const char *> own, const BjlgVerifyOwnOptions &read_own);

/* Writes the report files asked for and appends the history; throws VerifyException and returns
 * false when one cannot be written. */
bool bjlg_verify_write_outputs(const BjlgVerifyGlueOptions &o, const nlohmann::json &report);

#endif /* BJLG_VERIFY_OPTIONS_GLUE_H */
