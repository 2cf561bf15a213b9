/* Options shared by Bjlg\Verify\Verifier and Bjlg\Verify\RestoreTest: the secret (key or
 * password), sample, progress, threads, and where reports go. */
#ifndef BJLG_VERIFY_OPTIONS_GLUE_H
#define BJLG_VERIFY_OPTIONS_GLUE_H

#include <functional>
#include <string>
#include <vector>

#include "verify/verifier.h"  /* before the PHP headers: they redefine snprintf */
#include "verify/report_html.h"
#include "verify/restore_test.h"
#include "glue.h"
#include "verify_exception.h"
#include "php_bjlg.h"

struct BjlgVerifyGlueOptions {
  bjlg::verify::VerifyOptions verify;
  bjlg::verify::RestoreOptions restore;  // RestoreTest::run() only: its own options, then the shared ones
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
using BjlgVerifyOwnOptions = std::function<bool(const BjlgOptions &opts, BjlgVerifyGlueOptions *o)>;
bool bjlg_verify_parse_options(HashTable *options, uint32_t arg, BjlgVerifyGlueOptions *o,
                               std::vector<const char *> own, const BjlgVerifyOwnOptions &read_own);

/* The body of Verifier::verify() and RestoreTest::run(): ($archive, $options) read, the options
 * parsed (bjlg_verify_parse_options with `own` and `read_own`), `run` called with the archive's
 * path, its report written where the options ask and returned; its failure thrown (a
 * cancellation as CancelledException, nothing written). */
using BjlgVerifyRun =
    std::function<bjlg::Result<bjlg::verify::Report>(const std::string &archive, BjlgVerifyGlueOptions &o)>;
void bjlg_verify_method(INTERNAL_FUNCTION_PARAMETERS, std::vector<const char *> own,
                        const BjlgVerifyOwnOptions &read_own, const BjlgVerifyRun &run);

/* Writes the report files asked for and appends the history; throws VerifyException and returns
 * false when one cannot be written. */
bool bjlg_verify_write_outputs(const BjlgVerifyGlueOptions &o, const nlohmann::json &report);

#endif /* BJLG_VERIFY_OPTIONS_GLUE_H */
