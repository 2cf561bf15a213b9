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
  // Encrypted archives only: the encrypted file's report (format, cipher, KDF, key
  // fingerprint, sizes), and the SHA-256 of the zip inside it.
  std::optional<crypto::FileReport> encryption;
  std::string plaintext_sha256;
};

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_SUMMARY_H_
