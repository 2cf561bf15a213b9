// What a finished (or attempted) backup reports: the numbers a user checks and the list of
// everything that was left out, each with its reason.
#ifndef BJLG_ARCHIVE_SUMMARY_H_
#define BJLG_ARCHIVE_SUMMARY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/cipher.h"

namespace bjlg::archive {

// A file or directory the backup did not take, and why ("symbolic link", "unreadable: ...",
// "vanished while reading", "changed while reading", ...).
struct Skipped {
  std::string path;
  std::string reason;
};

// Where a backup's time went, in seconds. The calling thread's stages add up to at most the
// duration: scan (listing folders), read (open, stat, read), hash (CRC-32 and SHA-256 of the
// content), wait (for compression workers to finish pieces it must write next), write (the zip
// records and data), verify (reading the archive back), checksum (the archive's SHA-256), sync
// (fsync and rename) and encrypt. `deflate` is the compression workers' busy time added up, so
// it exceeds the wall time when several workers ran at once.
struct StageTimes {
  double scan = 0, read = 0, hash = 0, deflate = 0, wait = 0, write = 0, verify = 0,
         checksum = 0, sync = 0, encrypt = 0;
};

struct Summary {
  std::string path;             // the archive, at its final name
  std::string type;             // "full" or "incremental"
  uint64_t entries = 0;         // entries in the archive, manifest and index included
  uint64_t files = 0;           // content entries (files, strings, streams)
  uint64_t unchanged = 0;       // incremental: files identical to the previous index
  uint64_t deleted = 0;         // incremental: paths listed in deleted-files.json
  uint64_t excluded = 0;        // files and folders left out by exclude patterns (a folder once)
  uint64_t excluded_bytes = 0;  // size of the excluded files (not of excluded folders' content)
  uint64_t bytes_in = 0;        // uncompressed bytes of the content entries
  uint64_t bytes_out = 0;       // size of the archive file (encrypted, when encrypted)
  std::vector<Skipped> skipped;
  std::vector<std::string> warnings;
  std::string sha256;           // of the archive file (encrypted, when encrypted), hex
  double duration_seconds = 0;
  StageTimes stages;
  // Encrypted archives only: the encrypted file's report (format, cipher, KDF, key
  // fingerprint, sizes), and the SHA-256 of the zip inside it.
  std::optional<crypto::FileReport> encryption;
  std::string plaintext_sha256;
};

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_SUMMARY_H_
