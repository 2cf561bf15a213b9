// CheckZipLayout: the structural check every zip passes before libzip reads it, so that an
// archive whose entries share or overlap their data (the overlapping-entry zip bomb: each entry
// under any per-entry limit, millions of times the archive's size in total) or whose declared
// sizes no honest compressor could produce from its bytes is refused before anything is written.
//
// It reads the end records and the central directory, then every entry's local header, and
// requires, in the order of the local header offsets:
//  - each entry's local header, name, extra field and compressed data end at or before the next
//    entry's local header, and the last one's before the central directory;
//  - the central directory ends before its end record;
//  - the declared uncompressed sizes sum to at most what the compressed bytes can give: a stored
//    entry its compressed size, any other method kMaxDeflateRatio times it (deflate's ceiling is
//    about 1032:1) plus kSmallEntrySlack for tiny streams.
// libzip, which does not expose data offsets, then reads an archive whose bytes each belong to
// one entry at most. An archive without an end record is left to libzip to refuse.
#ifndef BJLG_ARCHIVE_ZIP_LAYOUT_H_
#define BJLG_ARCHIVE_ZIP_LAYOUT_H_

#include <cstdint>
#include <functional>
#include <string>

#include "common/status.h"

namespace bjlg::archive {

constexpr uint64_t kMaxDeflateRatio = 1032;
constexpr uint64_t kSmallEntrySlack = 1024;

// Up to `size` bytes at `offset` of the archive into `out` (fewer only at its end).
using ZipReadAt = std::function<Result<size_t>(uint64_t offset, uint8_t* out, size_t size)>;

// OK, or Corruption starting with "<what>: unsafe zip layout: " and the reason (naming the
// entries), or Corruption "<what>: entry N's name contains a NUL byte" (libzip would read it as
// a space); a read failure is returned as is. Memory: the central directory's offsets and
// sizes (names only for the message), read in 1 MiB pieces.
Status CheckZipLayout(const ZipReadAt& read_at, uint64_t archive_size, const std::string& what);

// CheckZipLayout over the open file `fd` (not reopened by name: the caller already checked it is
// a regular file); IOError naming `path` when it cannot be read.
Status CheckZipFdLayout(int fd, const std::string& path);

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_ZIP_LAYOUT_H_
