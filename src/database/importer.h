// Importer: runs a SQL dump against a database, safely.
//
//  - reads the plugin's three dump flavours (standard export, pre-restore dump, optimized dump),
//    bjlg's, and plain SQL (mysqldump), cut by the Splitter (quotes, comments, DELIMITER);
//  - in a plugin dump, the `{<64 hex>}` token WordPress's esc_sql() left in place of every '%'
//    (design §2.4) is found (the first one seen) and mapped back to '%';
//  - safety: an existing table, view, trigger or routine of the target database is never
//    dropped, replaced or written unless `replace` is set. With `prefix`, every table of the
//    dump must start with `source_prefix`, which is replaced by `prefix` in every statement
//    (the dump's views and triggers follow their tables), so a dump is restored beside the
//    live site's tables;
//  - speed: one session with foreign and unique checks off, autocommit off and a COMMIT every
//    `batch` statements;
//  - the first error is reported with its line; by default it stops the import.
#ifndef BJLG_DATABASE_IMPORTER_H_
#define BJLG_DATABASE_IMPORTER_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/progress.h"
#include "common/status.h"
#include "database/client.h"
#include "database/connection.h"
#include "database/splitter.h"
#include "database/sql_text.h"

namespace bjlg::database {

struct ImportOptions {
  std::string prefix;                 // "" : the dump's names; else the new table prefix
  std::string source_prefix = "wp_";  // the dump's table prefix, replaced by `prefix`
  bool replace = false;               // may existing objects be dropped and overwritten
  uint32_t batch = 200;               // statements per transaction, 1 .. 100000
  bool continue_on_error = false;     // keep going after a refused statement
  uint64_t max_statement = uint64_t(1) << 30;  // bytes, 1 KiB .. 4 GiB
  double progress_interval = 0.1;
  // InvalidArgument "option \"x\" ..." for a prefix that is not [A-Za-z0-9_]{1,32}, a batch or
  // max_statement out of range.
  Status Validate() const;
};

struct ImportError {
  uint64_t line = 0;
  std::string message;
  std::string statement;  // its first 200 bytes
};

struct ImportResult {
  std::string flavour;     // "bjlg", "plugin", "plugin-pre-restore", "plugin-optimized", "sql"
  uint64_t statements = 0; // executed successfully
  uint64_t rows = 0;       // inserted
  uint64_t errors = 0;
  uint64_t bytes = 0;      // of dump read
  double seconds = 0;
  bool placeholder = false;  // a {hex64} token was mapped back to '%'
  std::vector<std::string> tables;  // tables created, under their final names
  bool has_error = false;
  ImportError first_error;
};

class Importer {
 public:
  // Connects and reads what the database already holds. `total_bytes` (0: unknown) is the
  // progress total: phase "import", unit "bytes".
  static Result<std::unique_ptr<Importer>> Open(const Connection& c, ImportOptions options, ProgressFn progress,
                                                uint64_t total_bytes);
  // Runs the complete statements of `data`. A refused statement (without continue_on_error):
  // Network "rejected" whose message starts "line N: "; a refused overwrite: InvalidArgument
  // naming option "replace"; Cancelled when the progress callback said stop. After an error
  // every call returns it and the open transaction is rolled back.
  Status Feed(std::string_view data);
  // The end of the dump: runs the last statement, commits.
  Result<ImportResult> Finish();

 private:
  Importer() = default;
  Status Run(Statement& st);
  Status Rename(Statement& st, const StatementTarget& t);
  Status Drain();
  Status Fail(Status s);

  std::unique_ptr<Client> client_;
  std::unique_ptr<ProgressReporter> progress_;
  ImportOptions options_;
  ImportResult result_;
  Splitter splitter_;
  std::set<std::string> existing_, created_, renamed_;
  std::string placeholder_;
  bool flavour_known_ = false;
  std::string head_;  // the first bytes, until the flavour is known
  uint32_t in_batch_ = 0;
  double started_ = 0;
  Status failure_;
};

// Imports the file `path` (read in 1 MiB pieces).
Result<ImportResult> ImportFile(const Connection& c, const std::string& path, const ImportOptions& options,
                                ProgressFn progress);

}  // namespace bjlg::database

#endif  // BJLG_DATABASE_IMPORTER_H_
