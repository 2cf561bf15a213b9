// Writer: builds a backup archive the plugin's restorer accepts, as fast as the machine allows
// and safely:
//  - entries: backup-manifest.json first (space reserved, rewritten at close with the final
//    file_count and checksum), then what the caller adds in call order, then
//    deleted-files.json (incrementals) and backup-index.json;
//  - compression on `threads` workers (DeflatePool) while the calling thread reads ahead and
//    writes finished pieces in order: the archive's bytes do not depend on the thread count;
//  - memory bounded by about 4 x threads x chunk_size plus the per-entry records (name and a
//    few numbers per entry), whatever the size of a file: a 10 GB file streams in chunks;
//  - the archive is a temporary file beside the target (OutputFile) until close() has written,
//    fsynced and verified it; any failure, cancellation or destruction before that removes it;
//  - with `encrypt`, the zip is written in a private folder beside the target (mode 0700) and
//    close() encrypts it into the target after verifying it (EncryptAndPublish): the plaintext
//    never exists outside that folder, and is removed on every path;
//  - a file that vanishes, cannot be read, or changes while read is dropped from the archive
//    (its bytes are truncated away) and listed in Summary::skipped with the reason.
// All methods are called from one thread, which is also the only thread the progress callback
// runs on. After an I/O failure or a cancellation the writer is closed: every later call
// returns that status.
#ifndef BJLG_ARCHIVE_WRITER_H_
#define BJLG_ARCHIVE_WRITER_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "archive/backup_index.h"
#include "archive/deflate_pool.h"
#include "archive/filter.h"
#include "archive/output_file.h"
#include "common/digest.h"
#include "common/entry_hasher.h"
#include "archive/summary.h"
#include "archive/zip_container.h"
#include "common/progress.h"
#include "common/status.h"
#include "crypto/cipher.h"
#include "crypto/secret.h"

namespace bjlg::archive {

// Extensions stored without deflate by default (already compressed formats).
extern const std::vector<std::string> kDefaultStoreExtensions;

struct WriterOptions {
  int level = 6;                      // 0 (store everything) .. 9
  int threads = 0;                    // compression workers; 0: the machine's cores
  size_t chunk_size = 1 << 20;        // read and compression unit of large files and streams
  std::vector<std::string> exclude;   // added to the plugin's defaults
  std::vector<std::string> include;
  bool default_excludes = true;
  std::vector<std::string> store_extensions = kDefaultStoreExtensions;  // lowercase, no dot
  bool follow_symlinks = false;
  std::vector<std::string> allowed_roots;  // symlink targets may also lie here
  std::string manifest_json;          // JSON object merged into backup-manifest.json
  std::string since;                  // previous archive, backup-index.json, or the plugin's
                                      // .incremental-manifest.json (v2.1): incremental
  bool verify_full = false;           // at close, also decompress every entry and check CRCs
  double progress_interval = 0.1;     // seconds between progress reports (0: every step)
  // Set: the archive at `path` is encrypted with this key or password (a shared pointer because
  // a Secret cannot be reassigned, only copied; it is never modified).
  std::shared_ptr<const crypto::Secret> encrypt;
  // How: format (bjlg, or the plugin's bjlgenc1), chunk size, KDF, cipher. Its `threads` is
  // ignored: encryption runs on `threads` as compression does.
  crypto::EncryptOptions encryption;
};


// Where addFromStream's bytes come from. Read returns 0 at the end.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual Result<size_t> Read(unsigned char* buffer, size_t size) = 0;
};

class Writer {
 public:
  // Starts an archive at `path` (written under a temporary name until Close). InvalidArgument
  // for bad options (and for an encrypted `since`), NotFound / IOError when the folder is
  // missing or not writable, Corruption when `since` is not a readable backup index.
  static Result<std::unique_ptr<Writer>> Create(const std::string& path, WriterOptions options);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // The one progress record (common/progress.h), at most every progress_interval and at the end
  // of each add and of close: phase "archive" counts the entries' bytes (its total grows as
  // entries are added; `current` is the entry last written); with `encrypt`, phases "encrypt"
  // and "authenticate" follow, counting the archive file's bytes. False cancels (Cancelled).
  void set_progress(ProgressFn fn) { progress_ = std::move(fn); }

  // Adds the files under `dir` as `prefix/relative/path` (filters, symlink policy). Files that
  // cannot be taken are skipped with a reason; the call fails only when `dir` itself cannot be
  // scanned or the archive cannot be written.
  Status AddDirectory(const std::string& dir, const std::string& prefix);
  // Adds one file as `name`. NotFound / IOError when it cannot be read, InvalidArgument for a
  // bad or duplicate name.
  Status AddFile(const std::string& file, const std::string& name);
  Status AddFromString(const std::string& name, std::string_view data);
  // Reads `source` to its end in chunks; never holds more than a few chunks in memory.
  // `level` (0..9) compresses this entry at its own level (a database dump at 1 is several
  // times faster than at 6 for a few percent of size); kArchiveLevel: the archive's level.
  static constexpr int kArchiveLevel = -1;
  Status AddFromSource(const std::string& name, ByteSource& source, int level = kArchiveLevel);

  // The archive's compression level (WriterOptions::level).
  int level() const { return options_.level; }

  // Incrementals: records that `name` (a file, or a folder: everything under it) no longer
  // exists, so that Close() lists what the previous backup held there in deleted-files.json
  // without scanning its folder (bjlg watch knows deletions from its journal). A name the
  // previous backup did not hold is ignored. InvalidArgument for a full backup or a bad name.
  Status AddDeletion(const std::string& name);

  // Finishes, verifies and renames the archive into place (encrypted first, with `encrypt`).
  Result<Summary> Close();
  // Abandons the archive: the temporary file is removed. Idempotent.
  void Abort();

  bool closed() const { return closed_; }

 private:
  struct Pending {
    uint32_t id = 0;
    std::string name;
    std::string source;  // file path, for messages
    int64_t mtime_ns = 0;
    uint64_t inode = 0;
    uint32_t mode = 0644;
    int level = kArchiveLevel;
    uint32_t crc = 0;
    uint64_t size = 0;
    uint64_t compressed = 0;
    bool zip64 = false;
    bool failed = false;
    std::string failure;
  };
  using ReadFn = std::function<Result<size_t>(unsigned char*, size_t)>;

  Writer() = default;
  Status Usable() const;
  Status Poison(Status s);
  Status ClaimName(const std::string& name);
  bool StoreByExtension(const std::string& name) const;
  // Reads an entry through `read` and queues its pieces. `after` (may be empty) runs once the
  // last byte is read and may mark the entry failed (changed while reading). A read failure is
  // returned as the status of the entry in *entry_status; the returned Status is the writer's.
  Status AddEntry(Pending meta, const ReadFn& read, bool size_known, uint64_t expected,
                  const std::function<std::string()>& after, Status* entry_status);
  Status QueuePiece(Piece piece);
  Status SubmitJob();
  Status DrainOne();
  Status DrainAll();
  Status WritePiece(Piece& piece);
  Pending& PendingById(uint32_t id);
  // A buffer of `size` bytes, recycled when large; GiveBack keeps large ones for reuse.
  std::vector<unsigned char> TakeBuffer(size_t size, size_t capacity_hint = 0);
  void GiveBack(std::vector<unsigned char>&& buffer);
  Status Report(bool force);
  Status AddFileEntry(const std::string& path, const std::string& name, uint64_t size,
                      int64_t mtime_ns, uint64_t inode, uint32_t mode, bool* skipped);
  // Close()'s steps, in order. bjlg's own entries (the deleted-files list, the index) are
  // written whole on the calling thread, outside the index and the summary's counts.
  Status WriteOwnEntry(const std::string& name, const std::string& content, int level);
  Status FinishIncremental();  // carries unseen files over, lists the deleted ones
  Result<std::string> WriteIndex();  // backup-index.json; its SHA-256 for the manifest
  Status WriteManifestAndDirectory(const std::string& index_checksum);
  Status SyncVerifyAndChecksum();
  Status Publish();  // renames into place, or encrypts into place
  Result<std::string> ManifestNow(uint64_t file_count, const std::string& checksum);
  Status Verify();
  void HashBytes(const unsigned char* data, size_t size);
  void HashesIntoIndex();

  WriterOptions options_;
  std::unique_ptr<OutputFile> out_;
  std::unique_ptr<ZipContainer> zip_;
  std::unique_ptr<DeflatePool> pool_;
  Filter filter_;
  // What the progress record is made of: files for the summary, bytes for the record.
  struct Tally {
    std::string phase = "archive";
    uint64_t files_done = 0, files_total = 0;
    uint64_t bytes_done = 0, bytes_total = 0;
    std::string current;  // the entry last written
  };
  ProgressFn progress_;
  Tally progress_state_;
  double last_report_ = 0;
  uint64_t reported_files_ = 0, reported_bytes_ = 0;
  std::string reported_current_;
  double started_ = 0;
  std::string created_at_;
  size_t manifest_size_ = 0;

  std::deque<Pending> pending_;
  uint32_t next_id_ = 0;
  std::shared_ptr<Job> job_;
  std::deque<std::shared_ptr<Job>> inflight_;
  size_t max_inflight_ = 2;
  std::vector<std::vector<unsigned char>> spare_;
  // Content SHA-256s: on a thread of their own when the writer has two threads or more, else
  // inline. The digests reach the index at close: `unhashed_` holds (index position, entry id)
  // for each entry written meanwhile.
  std::unique_ptr<EntryHasher> hasher_;
  bool hash_open_ = false;  // bytes of an entry were hashed and the entry has not ended
  std::vector<std::pair<size_t, uint32_t>> unhashed_;

  std::unordered_set<std::string> names_;
  std::vector<IndexEntry> index_;
  Summary summary_;
  Status poison_;
  bool closed_ = false;

  bool incremental_ = false;
  Index previous_;
  bool plugin_chain_ = false;  // `since` is the plugin's .incremental-manifest.json
  int64_t plugin_last_scan_ = 0;
  std::unordered_map<std::string, std::string> plugin_md5_;
  std::vector<std::string> scanned_prefixes_;
  std::vector<std::string> deletions_;  // AddDeletion(): gone without being scanned
  std::unordered_set<std::string> present_;
};

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_WRITER_H_
