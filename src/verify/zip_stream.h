// ZipStream: reads a zip archive from front to back as its bytes are pushed in, with no seek and
// no copy on disk, so that an encrypted archive can be authenticated, parsed and checked in one
// pass over its decrypted chunks held in memory.
//
// It walks the local headers (with Zip64 extra fields and data descriptors after deflated
// entries), inflates the entries the caller asks for, computes their CRC-32 and size, then reads
// the central directory and the end records and checks that they describe exactly the entries
// met on the way (same names, offsets, methods, CRCs and sizes, same count).
//
// Errors: Feed()/Finish() return Corruption (with the byte offset) when the structure is broken,
// after which nothing more can be read; NotSupported for what a streaming reader cannot follow
// (a stored entry with a data descriptor, zip encryption, a method other than store/deflate).
// A bad deflate stream or a CRC or size mismatch inside one entry is NOT a structural error: it
// is reported for that entry (EntryResult) and reading goes on with the next one.
#ifndef BJLG_VERIFY_ZIP_STREAM_H_
#define BJLG_VERIFY_ZIP_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace bjlg::verify {

struct LocalEntry {
  std::string name;
  uint64_t offset = 0;        // of the local header in the archive
  uint16_t flags = 0;
  uint16_t method = 0;
  uint32_t crc = 0;           // as declared (from the data descriptor when there is one)
  uint64_t compressed_size = 0;
  uint64_t size = 0;
  bool descriptor = false;    // sizes and CRC followed the data
};

struct CentralEntry {
  std::string name;
  uint64_t offset = 0;
  uint16_t made_by = 0;
  uint16_t method = 0;
  uint32_t crc = 0;
  uint64_t compressed_size = 0;
  uint64_t size = 0;
  uint32_t external_attributes = 0;
};

// What reading one entry's data found.
struct EntryResult {
  bool checked = false;       // the data was inflated and its CRC computed
  uint32_t crc = 0;
  uint64_t size = 0;          // bytes produced
  std::string error;          // empty, or why the data is bad (bad deflate data, CRC, size)
};

class ZipStreamVisitor {
 public:
  virtual ~ZipStreamVisitor() = default;
  // A local header was read. True: inflate it, check its CRC and pass its bytes to OnData.
  virtual bool OnEntryStart(const LocalEntry& entry) = 0;
  // Uncompressed bytes of the current entry, in order. A failure stops reading.
  virtual Status OnData(const uint8_t* data, size_t size) = 0;
  // The entry's data ended; `entry` now holds descriptor values when there was one.
  virtual Status OnEntryEnd(const LocalEntry& entry, const EntryResult& result) = 0;
};

class ZipStream {
 public:
  explicit ZipStream(ZipStreamVisitor* visitor);
  ~ZipStream();
  ZipStream(const ZipStream&) = delete;
  ZipStream& operator=(const ZipStream&) = delete;

  Status Feed(const uint8_t* data, size_t size);
  // The input ended: Corruption ("truncated ...") unless the end of central directory was read
  // and matched everything before it.
  Status Finish();

  // Valid after Finish() succeeded.
  const std::vector<CentralEntry>& Central() const { return central_; }
  uint64_t BytesRead() const { return pos_; }
  // After a failure: the input did not start with a zip record at all (not a damaged zip).
  bool NotAZip() const { return not_a_zip_; }

 private:
  enum class State { kSignature, kLocal, kData, kDescriptor, kCentral, kZip64End, kZip64Locator,
                     kEnd, kDone };
  Status ParseHeader();      // hdr_ holds need_ bytes of the current header
  // One per record kind: each reads hdr_, then asks for more bytes (need_) or moves on.
  Status ParseSignature();
  Status ParseLocal();
  Status ParseDescriptor();
  Status ParseCentral();
  Status ParseZip64End();
  Status ParseEnd();
  Status NextRecord();       // the next record's signature is awaited
  Status StartData();
  Status FeedData(const uint8_t* data, size_t size, size_t* used);
  // Inflates the current entry from all its `size` compressed bytes at once; *done is false
  // (and nothing was given to the visitor) when it must go through zlib instead.
  Status InflateWhole(const uint8_t* data, size_t size, bool* done);
  Status EndData();
  Status CheckDirectory();
  Status Fail(const std::string& what) const;

  ZipStreamVisitor* visitor_;
  State state_ = State::kSignature;
  std::string hdr_;          // bytes of the header being read
  size_t need_ = 4;          // bytes hdr_ must reach before ParseHeader
  uint64_t pos_ = 0;         // absolute offset of the next byte
  uint64_t header_start_ = 0;
  bool not_a_zip_ = false;

  // The current entry.
  LocalEntry cur_;
  bool cur_zip64_ = false;
  bool want_ = false;
  uint64_t remaining_ = 0;   // compressed bytes left when the size is known
  uint64_t consumed_ = 0;    // compressed bytes consumed
  EntryResult result_;
  struct Inflater;
  std::unique_ptr<Inflater> inflater_;

  std::vector<LocalEntry> locals_;
  std::vector<CentralEntry> central_;
  uint64_t central_start_ = 0;
  bool zip64_end_ = false;
  uint64_t zip64_entries_ = 0, zip64_cd_size_ = 0, zip64_cd_offset_ = 0;
};

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_ZIP_STREAM_H_
