// Verifier: proves, in one streaming pass and with no plaintext on disk, what can be proven about
// a backup archive without restoring it (docs/verification.md):
//  - encryption: a bjlg-format (BJLGAEAD) archive is authenticated chunk by chunk as it is read,
//    its plaintext only ever held in memory; a BJLGENC1 archive (the plugin's), whose MAC covers
//    the whole file, is authenticated by a first pass, then decrypted in memory by a second that
//    authenticates it again, its plaintext going to the same checks (a file that changes between
//    the passes is inconclusive, never passed);
//  - zip structure: local headers, data descriptors, central directory and end records agree;
//  - entry names: the reader's safety rules (no absolute name, no `..` component, no symlink);
//  - entry data: every entry (or a deterministic sample) inflated, CRC-32 and size checked;
//  - index: every entry against backup-index.json (SHA-256 and size), both ways;
//  - manifest: backup-manifest.json present, well-formed, consistent with the entries and the
//    index (file_count, checksum, contains);
//  - database: database.sql checked structurally (SqlCheck), tables listed in the manifest present.
//
// Never fails for a bad backup: the Report says `failed`. The Result fails only for what the
// caller did wrong (InvalidArgument: bad options) or when the archive does not exist (NotFound).
// An unreadable archive or a cancellation is an `inconclusive` report. Nothing is deleted.
#ifndef BJLG_VERIFY_VERIFIER_H_
#define BJLG_VERIFY_VERIFIER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/status.h"
#include "common/progress.h"
#include "crypto/secret.h"
#include "verify/report.h"

namespace bjlg::verify {

struct VerifyOptions {
  std::optional<crypto::Secret> secret;  // for encrypted archives
  // Fraction of content entries whose data is inflated and hashed, in (0, 1]. The manifest, the
  // index, deleted-files.json and database.sql are always checked; the selection is a function
  // of the entry name only (the same entries every run). Every byte is still read (and
  // authenticated when encrypted): sampling saves decompression and hashing only.
  double sample = 1.0;
  // The one progress record (common/progress.h), on the calling thread: one phase, "read", in
  // bytes of the archive file (a BJLGENC1 archive is read twice, authenticated then decrypted:
  // each pass counts for half, so `done` still ends at `total`), `current` the entry being read.
  // Returning false cancels: Verify returns Status::Cancelled and no report.
  ProgressFn progress;
  double progress_interval = 0.1;  // seconds between two reports at least (0: every step)
  unsigned threads = 0;        // decryption threads; 0: one per core
  // The SHA-256 of the archive file as stored (the report's `sha256`, what the plugin records in
  // its history), computed on the reading thread. Without it, a full verification costs about a
  // fifth less CPU time.
  bool archive_sha256 = true;
  // History (JSON lines) of earlier runs: when set, the report's rpo gives the gap to the
  // previous backup recorded there.
  std::string history;
};

// REQUIRES: nothing; InvalidArgument when sample is not in (0, 1], NotFound when there is no
// archive, Cancelled when the progress callback stopped it.
Result<Report> Verify(const std::string& archive, const VerifyOptions& options);

// True when `name` is in the deterministic sample of `fraction`.
bool InSample(const std::string& name, double fraction);

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_VERIFIER_H_
