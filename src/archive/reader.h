// Reader: opens any zip through libzip (deflate or store, Zip64, any entry order, data
// descriptors) and extracts it under safety rules, whatever wrote it:
//  - refused before anything is written (Corruption naming the entry): absolute names, drive
//    letters, `..` path components (not `..` inside a name: `a..b.txt` is fine), NUL bytes,
//    symbolic-link entries, encrypted entries, more entries than allowed, an entry whose
//    declared size exceeds the per-entry limit or whose compression ratio is beyond what
//    deflate can produce, and declared sizes summing past the total limit (zip bombs);
//  - refused when opened (Corruption, see zip_layout.h): entries sharing or overlapping their
//    data, and declared sizes beyond what the compressed bytes can give;
//  - while extracting: never more bytes than declared (the stream is cut and refused), CRC-32
//    checked by us as well as by libzip, no write through a symbolic link found in the
//    destination (every component is opened with O_NOFOLLOW); each file is written beside its
//    target (common/atomic_file.h) and renamed over it only after its size and CRC were checked,
//    so a damaged entry leaves an existing file untouched, a symbolic link at the target is
//    replaced rather than followed, and a hard link's other names keep their content.
#ifndef BJLG_ARCHIVE_READER_H_
#define BJLG_ARCHIVE_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/progress.h"
#include "common/status.h"
#include "crypto/secret.h"

typedef struct zip zip_t;
typedef struct zip_file zip_file_t;

namespace bjlg::crypto {
class PlaintextReader;
}

namespace bjlg::archive {

class DecryptedSource;

struct EntryInfo {
  std::string name;   // as stored (raw bytes)
  uint64_t index = 0;
  uint64_t size = 0;
  uint64_t compressed_size = 0;
  uint32_t crc = 0;
  uint16_t method = 0;  // 0 store, 8 deflate, ...
  int64_t mtime = 0;    // Unix seconds
  uint32_t mode = 0;    // permission bits when recorded by a Unix writer, else 0
  bool is_directory = false;
  bool is_symlink = false;
  bool encrypted = false;
};

struct ExtractOptions {
  uint64_t max_entry_size = 64ull << 30;   // declared or actual bytes of one entry
  uint64_t max_total_size = 256ull << 30;  // declared or actual bytes of all entries
  uint64_t max_entries = 1000000;
  uint64_t max_ratio = 1100;               // size / compressed size, for entries over 1 MiB
  bool overwrite = true;                   // replace existing files (never through a symlink)
  // The one progress record (common/progress.h): phase "extract", unit "bytes" (done: bytes
  // written so far, total: the entries' declared sizes), current: the entry's name as stored.
  // Reported when the extraction starts, before each entry and after each MiB written, at most
  // every `progress_interval` seconds (the first and last reports are always made). False stops
  // with Cancelled at the next of those points: the entry being written is removed (it never
  // appears under its name), the entries extracted before it by this call stay, as after any
  // other failure.
  ProgressFn progress;
  double progress_interval = 0.1;  // seconds between two reports at least (0: every step)

  // InvalidArgument naming the option ("option \"max_entries\" must be greater than 0").
  Status Validate() const;
};

struct ExtractReport {
  uint64_t files = 0;
  uint64_t directories = 0;
  uint64_t bytes = 0;
};

// Reads one entry; the CRC and the size are checked when the end is reached.
class EntryStream {
 public:
  ~EntryStream();
  // Up to `size` bytes; 0 at the end. Corruption on a CRC or size mismatch or bad data.
  Result<size_t> Read(unsigned char* buffer, size_t size);

 private:
  friend class Reader;
  EntryStream() = default;
  zip_file_t* file_ = nullptr;
  std::string name_;
  uint64_t expected_size_ = 0, limit_ = 0, done_ = 0;
  uint32_t expected_crc_ = 0, crc_ = 0;
  bool check_crc_ = true, finished_ = false;
  const DecryptedSource* source_ = nullptr;  // the decryption under an encrypted archive, or null
};

class Reader {
 public:
  // NotFound when `path` does not exist, PermissionDenied / IOError when it cannot be read,
  // Corruption when it is not a consistent zip.
  //
  // An encrypted archive (bjlg AEAD or BJLGENC1, see crypto/plaintext_reader.h) is read in place
  // with `secret`: libzip reads the plaintext through the decryption, in memory, and no
  // plaintext file is ever written. Without a secret it is refused (Unauthenticated, saying a
  // key is needed); with a wrong one, Unauthenticated (AEAD) or Corruption (BJLGENC1, which
  // cannot tell); a chunk that fails authentication later is a Corruption of the read.
  static Result<std::unique_ptr<Reader>> Open(const std::string& path,
                                              const crypto::Secret* secret = nullptr);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  const std::vector<EntryInfo>& Entries() const { return entries_; }

  // The refusal rules above over all entries; OK when the archive may be extracted.
  Status CheckExtractable(const ExtractOptions& options) const;
  // Extracts every entry under `dir` (created when missing, its parent must exist).
  Result<ExtractReport> ExtractTo(const std::string& dir, const ExtractOptions& options);
  // Streams one entry by name. NotFound when absent; Corruption when its name is unsafe or it
  // is a symlink entry; `max_size` bounds its declared and actual size.
  Result<std::unique_ptr<EntryStream>> OpenEntry(const std::string& name, uint64_t max_size);
  // A whole entry in memory, at most `max_size` bytes.
  Result<std::string> ReadAll(const std::string& name, uint64_t max_size);
  // "bjlg" or "bjlgenc1" for an encrypted archive, "" otherwise.
  std::string encryption() const;
  // Reads every entry to its end, checking sizes and CRCs.
  Status VerifyAll();
  // The validated paths of deleted-files.json (empty when the archive has none).
  Result<std::vector<std::string>> DeletedFiles();

 private:
  Reader() = default;
  Result<std::unique_ptr<EntryStream>> OpenIndex(const EntryInfo& e, uint64_t max_size);

  std::unique_ptr<DecryptedSource> source_;  // before zip_: destroyed after it
  zip_t* zip_ = nullptr;
  std::string path_;
  std::vector<EntryInfo> entries_;
};

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_READER_H_
