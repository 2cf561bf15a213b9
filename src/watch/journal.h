// Journal: the append-only change journal on disk that the watcher and the site's own hooks feed
// and that `bjlg watch` reads to know what changed since its last archive.
//
// File: a header line "#bjlg-watch-journal v1 base=<N>\n" then records (watch/record.h), one
// per line. `base` is the highest sequence number ever handed out before the file was last
// rewritten, so numbers keep growing across compactions.
//
// Many processes append at once (PHP requests, the watcher daemon): each append opens the file
// with O_APPEND, takes an exclusive flock, learns the last sequence number from the file itself
// (never from memory alone, so a crashed or concurrent writer's numbers are seen), removes a
// torn tail a killed writer left, and writes its whole record in one write() + fdatasync.
// Sequence numbers are therefore unique and in file order: a total order of the events.
// Readers take a shared flock. compact() rewrites the file under a temporary name (AtomicFile)
// while holding the exclusive lock, and appenders that opened the old file notice the rename
// (the inode under the path changed) and reopen.
#ifndef BJLG_WATCH_JOURNAL_H_
#define BJLG_WATCH_JOURNAL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "watch/record.h"

namespace bjlg::watch {

struct Changes {
  std::vector<Record> records;  // seq > since, in order, at most `limit`
  bool more = false;            // records beyond `limit` exist
  uint64_t pending = 0;         // records after `since`, returned or not
  uint64_t last_seq = 0;        // highest sequence number in the file (or its base)
  size_t damaged = 0;           // complete lines in the middle that fail their checksum/parse
  bool torn_tail = false;       // the file ends with an incomplete record (a killed writer)
};

struct CompactResult {
  uint64_t kept = 0;
  uint64_t dropped = 0;   // archived (seq <= through), superseded, or damaged
  uint64_t base = 0;      // the new file's base sequence number
  uint64_t bytes_before = 0, bytes_after = 0;
};

class Journal {
 public:
  // Opens the journal at `path`, creating it (0600, with its header) when missing.
  // NotFound when the folder is missing, Corruption when the file exists but is not a journal
  // (no header), IOError / PermissionDenied otherwise.
  static Result<std::unique_ptr<Journal>> Open(const std::string& path);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // Appends one event (record.h's rules) and returns its sequence number, durable on return.
  Result<uint64_t> Append(const nlohmann::json& event);
  // Appends several events under one lock and one write; returns the first number (0 when empty).
  Result<uint64_t> AppendAll(const std::vector<nlohmann::json>& events);

  // The records after `since` in file order, at most `limit`. Streams the file one line at a
  // time: memory is bounded by `limit` records.
  Result<Changes> Read(uint64_t since, size_t limit) const;

  // Rewrites the journal without the records at or below `through` (already archived), without
  // damaged lines, and without file events superseded by a later event on the same path
  // (created/modified/deleted: the last one says what to archive). Site events are kept.
  Result<CompactResult> Compact(uint64_t through);

  const std::string& path() const { return path_; }

 private:
  explicit Journal(std::string path) : path_(std::move(path)) {}
  // Opens (or reopens after a compaction) the file and takes `lock` (LOCK_EX / LOCK_SH).
  Status Lock(int lock);
  void Unlock();
  // Under the exclusive lock: the last sequence number, truncating a torn tail.
  Result<uint64_t> RecoverLastSeq();

  std::string path_;
  int fd_ = -1;
  // What the last exclusive lock learnt: the file's inode and size, and its last number.
  uint64_t known_inode_ = 0;
  uint64_t known_size_ = 0;
  uint64_t known_seq_ = 0;
};

// The header line's base number; Corruption when `line` is not a journal header.
Result<uint64_t> ParseHeader(const std::string& line);
std::string HeaderLine(uint64_t base);

}  // namespace bjlg::watch

#endif  // BJLG_WATCH_JOURNAL_H_
