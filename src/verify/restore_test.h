// RestoreTest: a real restore of a backup into a sandbox, measured (docs/verification.md):
//  1. a private sandbox (mkdtemp, 0700) under `sandbox_parent`, after a free-space check;
//  2. an encrypted archive is decrypted into it (authenticated first);
//  3. the archive is extracted with every safety rule of the archive reader (archive/reader.h);
//     a chain (a full backup then incrementals, in order) is applied archive after archive,
//     with each incremental's deletions;
//  4. every file is compared with backup-index.json (SHA-256 and size; the last index of a chain
//     describes the whole site);
//  5. with a database, database.sql is imported into a throwaway MariaDB started in the sandbox
//     (or a fresh database of an existing server given by DSN), and its tables and exact row
//     counts are compared with what the dump creates and inserts (and the manifest's `tables`);
//  6. everything is removed, also on failure; a sandbox left by a killed process is removed by
//     the next test (its owner's pid is gone).
// RTO = decrypt + extract + database import time; RPO = the backup's age when tested, and the
// gap to the previous backup (the chain's previous archive, or the history file).
//
// The Result fails only for caller errors (InvalidArgument), a missing archive (NotFound) and a
// cancellation by the progress callback (Cancelled); environment failures (no space, no MariaDB,
// server does not start) are inconclusive checks.
#ifndef BJLG_VERIFY_RESTORE_TEST_H_
#define BJLG_VERIFY_RESTORE_TEST_H_

#include <optional>
#include <string>
#include <vector>

#include "common/progress.h"
#include "common/status.h"
#include "verify/report.h"
#include "verify/verifier.h"

namespace bjlg::verify {

struct RestoreOptions {
  std::optional<crypto::Secret> secret;
  unsigned threads = 0;
  bool with_database = false;     // start a throwaway MariaDB in the sandbox
  std::string dsn;                // or use this server (implies a database test)
  std::string sandbox_parent;     // default: $TMPDIR or /tmp
  std::vector<std::string> chain; // earlier archives, oldest (the full backup) first
  std::string history;            // JSON lines of earlier runs, for the RPO gap
  double server_timeout = 120;    // seconds to install and start the throwaway server
  // Free space that must remain in the sandbox's file system beyond each step's estimate (the
  // archives' sizes before the sandbox is made, an archive's size before it is decrypted, its
  // entries' uncompressed sizes before it is extracted). Too little: inconclusive.
  uint64_t space_margin = 64ull << 20;
  // The one progress record (common/progress.h). Phases, declared up front in `phases`: for
  // each archive of the chain (oldest first) "decrypt" when it is encrypted (bytes of the
  // encrypted archive) then "extract" (bytes written / the entries' uncompressed size; current:
  // the entry), each begun with the archive's file name as `current`; then "files" (files
  // compared with the index; current: the file) and, when with_database or dsn is given,
  // "database" (steps: 0 before the server starts, 1 before the import, 2 after; current:
  // "database.sql"). A declared phase with nothing to do is skipped ("files" without an index,
  // "database" without a database.sql). Returning false cancels: the test stops at that report,
  // a throwaway server is stopped, the sandbox is removed, and the Result is Status::Cancelled
  // (no report: nothing may be written from it, neither report files nor history). A running
  // server start or import is not interrupted: the cancellation takes effect when it returns.
  ProgressFn progress;
  double progress_interval = 0.1;  // seconds between two reports at least (0: every step)
};

Result<Report> RunRestoreTest(const std::string& archive, const RestoreOptions& options);

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_RESTORE_TEST_H_
