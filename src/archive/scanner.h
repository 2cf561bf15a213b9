// Walks a source directory in a deterministic order (bytewise-sorted names at every level) and
// lists the regular files a backup takes, applying the filter, the symlink policy and the
// exclusion of the archive being written. Everything left out for a reason a user should see
// (symlinks, unreadable directories, special files, names that are not UTF-8) is reported;
// files left out by a pattern are simply not listed.
#ifndef BJLG_ARCHIVE_SCANNER_H_
#define BJLG_ARCHIVE_SCANNER_H_

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "archive/filter.h"
#include "archive/summary.h"
#include "common/status.h"

namespace bjlg::archive {

struct ScannedFile {
  std::string path;   // absolute path, for opening and for messages
  std::string name;   // entry name: prefix + path relative to the root, `/`-separated
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t inode = 0;
  uint64_t device = 0;
  uint32_t mode = 0;  // permission bits
};

struct ScanOptions {
  bool follow_symlinks = false;
  // Symlink targets must resolve inside one of these absolute, canonical directories (the
  // scanned root is always allowed).
  std::vector<std::string> allowed_roots;
  // Never listed: the archive's final path, and the temporary file by identity.
  std::string exclude_path;
  uint64_t exclude_device = 0, exclude_inode = 0;
};

struct ScanResult {
  std::vector<ScannedFile> files;
  std::vector<Skipped> skipped;
  // Every entry name seen on disk under the root, taken or not (for incremental deletions).
  uint64_t seen = 0;
  // Files and folders left out by an exclude pattern (a folder counts once, its content is not
  // visited), and the size of the excluded files.
  uint64_t excluded = 0;
  uint64_t excluded_bytes = 0;
};

// Scans `root` (made absolute and canonical) recursively. `prefix` is prepended to entry names
// ("" or a relative path; a trailing `/` is optional). NotFound when `root` does not exist,
// InvalidArgument when it is not a directory or the prefix is not a valid entry name,
// IOError when the root itself cannot be read.
Result<ScanResult> ScanDirectory(const std::string& root, const std::string& prefix,
                                 const Filter& filter, const ScanOptions& options);

// The canonical absolute form of an existing path (realpath), or the error explaining why not.
Result<std::string> CanonicalPath(const std::string& path);

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_SCANNER_H_
