// The zip container, written by us rather than by libzip (see docs/architecture.md: libzip
// recompresses nothing it is given pre-compressed, but it wants every entry's data at close()
// and cannot drop an entry or be fed from our pipeline while it writes).
//
// Entries are written one after the other: a local header, the data, then on EndEntry the
// local header is patched with the final CRC and sizes (the output is a seekable temporary
// file, so no data descriptor is needed and every reader finds the sizes in both headers).
// Zip64 is used exactly where needed: a Zip64 extra field in the local header of entries that
// may reach 4 GiB (reserved up front), in the central record of entries whose size or offset
// does not fit 32 bits, and the Zip64 end records when there are 65,535 entries or more or the
// central directory lies past 4 GiB. Names are UTF-8 (flag bit 11 when not ASCII); each entry
// carries the Unix mode (version made by: Unix) and an extended-timestamp field with its mtime.
#ifndef BJLG_ARCHIVE_ZIP_CONTAINER_H_
#define BJLG_ARCHIVE_ZIP_CONTAINER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "archive/output_file.h"
#include "common/status.h"

namespace bjlg::archive {

constexpr uint16_t kMethodStore = 0;
constexpr uint16_t kMethodDeflate = 8;

struct ZipEntryRecord {
  std::string name;
  uint16_t method = kMethodStore;
  uint32_t crc = 0;
  uint64_t size = 0;
  uint64_t compressed_size = 0;
  int64_t mtime = 0;        // Unix seconds
  uint32_t mode = 0644;     // permission bits
  uint64_t local_offset = 0;
  bool zip64_local = false; // the local header carries a Zip64 extra field
};

class ZipContainer {
 public:
  explicit ZipContainer(OutputFile* out) : out_(out) {}

  // Starts an entry. With `known` the final crc and sizes are in `entry` and nothing is patched
  // later; otherwise they are written as placeholders, and `reserve_zip64` (needed when the entry
  // may reach 4 GiB) adds the Zip64 extra field. REQUIRES: no entry is open.
  Status BeginEntry(const ZipEntryRecord& entry, bool known, bool reserve_zip64);
  Status WriteData(const void* data, size_t size);
  // Finishes the open entry with its final crc and sizes. Corruption-free by construction:
  // NotSupported when an entry without a reserved Zip64 field grew past 4 GiB.
  Status EndEntry(uint32_t crc, uint64_t size, uint64_t compressed_size);
  // Abandons the open entry: the file is truncated back to where it began.
  Status DropEntry();
  // Replaces the data of finished stored entry `index` with `data` of the same length.
  Status RewriteStored(size_t index, const std::string& data, uint32_t crc);
  // Writes the central directory and end records. REQUIRES: no entry is open.
  Status Finish();

  const std::vector<ZipEntryRecord>& entries() const { return entries_; }
  bool entry_open() const { return open_; }

 private:
  Status WriteLocalHeader(const ZipEntryRecord& e, bool known);

  OutputFile* out_;
  std::vector<ZipEntryRecord> entries_;
  ZipEntryRecord current_;
  bool open_ = false;
  uint64_t data_start_ = 0;
};

// DOS date and time of a Unix time, in local time as Info-ZIP writes it (1980-01-01 minimum).
void DosDateTime(int64_t unix_time, uint16_t* date, uint16_t* time);

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_ZIP_CONTAINER_H_
