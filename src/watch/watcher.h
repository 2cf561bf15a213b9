// Watcher: what changed under a site's folders, as events named like archive entries
// (`wp-content/uploads/2026/12/a.jpg`), with the same include/exclude rules as the archive
// Writer (archive/filter.h), so that what it reports is what an incremental must take.
//
// Two modes:
//  - "inotify" (Linux): one watch per folder, added as folders appear (a folder created or moved
//    in is walked at once and its files reported as created). Moves inside the tree are paired
//    by cookie into one "moved" event; a move out of the tree is "deleted", a move in is
//    "created". IN_Q_OVERFLOW (events lost by the kernel) yields a "rescan" of every root: never
//    a silent loss. Memory: one watch and one small node (parent, name) per folder. No CPU when
//    nothing changes (the caller blocks in poll()).
//  - "scan" (no inotify, or the watch limit reached, or asked for): each wait() compares a walk of
//    the roots with the previous one (size, mtime, inode): slower, and reported as such.
// When a watch cannot be added because fs.inotify.max_user_watches is reached, the watcher
// reports it (warning() names the limit and the sysctl to raise it), emits a "rescan" of the
// roots and continues in scan mode.
//
// A "deleted" or "moved" path may name a folder: everything under it is concerned. A "created"
// folder is followed by "created" events of its files.
#ifndef BJLG_WATCH_WATCHER_H_
#define BJLG_WATCH_WATCHER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "archive/filter.h"
#include "archive/scanner.h"
#include "common/status.h"

namespace bjlg::watch {

struct WatchRoot {
  std::string dir;     // absolute folder on disk
  std::string prefix;  // entry-name prefix ("wp-content/plugins"; "" for the site root)
};

struct WatcherOptions {
  std::vector<std::string> exclude;
  std::vector<std::string> include;
  bool default_excludes = true;
  bool scan = false;          // start in scan mode
  // Scan mode: also compare each file's SHA-256, for trees where content can change with size
  // and mtime kept (a restore or a sync that preserves times). Every scan then reads every file.
  bool hash = false;
  size_t max_events = 10000;  // events returned by one wait() at most (the rest wait in the queue)
  // Watches this watcher may use (0: as many as the kernel gives). Reaching it is handled as the
  // kernel's limit is: a rescan, a warning and scan mode. For hosts that share the user's
  // fs.inotify.max_user_watches between sites, and for the tests of that path.
  size_t max_watches = 0;
};

struct WatchEvent {
  std::string type;    // created | modified | deleted | moved | rescan
  std::string path;    // entry name
  std::string from;    // moved: the former entry name
  std::string reason;  // rescan: why
  bool dir = false;    // the path is a folder
};

class Watcher {
 public:
  // Validates the roots (absolute, existing folders; prefixes valid entry names or empty) and
  // starts watching. InvalidArgument / NotFound for bad roots.
  static Result<std::unique_ptr<Watcher>> Create(std::vector<WatchRoot> roots, WatcherOptions options);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Waits at most `timeout_ms` (0: only what is already there) for changes and returns them
  // (possibly none). In scan mode, a scan runs when the timeout has elapsed.
  Result<std::vector<WatchEvent>> Wait(int timeout_ms);

  const char* mode() const { return inotify_fd_ >= 0 ? "inotify" : "scan"; }
  size_t watched_folders() const { return nodes_.size(); }
  // Non-empty after the watch limit was reached or inotify was unavailable.
  const std::string& warning() const { return warning_; }

  // Handles one raw inotify event as read from the kernel (public for the tests, which inject
  // IN_Q_OVERFLOW this way). `name` may be empty.
  void Handle(int wd, uint32_t mask, uint32_t cookie, const std::string& name);

 private:
  struct Node {
    int parent = -1;     // -1: a root
    size_t root = 0;     // index in roots_
    std::string name;    // leaf name (roots: unused)
  };
  struct PendingMove {
    uint32_t cookie = 0;
    std::string from;
    std::string from_abs;
    bool dir = false;
    int from_wd = -1;  // the moved folder's own watch, when it is one
  };

  Watcher() = default;
  std::string EntryOf(int wd) const;
  std::string AbsOf(int wd) const;
  static std::string Join(const std::string& a, const std::string& b);
  // Adds watches to `abs` and its subfolders (child of `parent`), reporting their files as
  // created when `report` (a folder that appeared).
  void WatchTree(const std::string& abs, const std::string& entry, int parent, size_t root, const std::string& name,
                 bool report);
  void Unwatch(int wd);
  void FlushMoves();
  void Overflow(const std::string& reason);
  void SwitchToScan(const std::string& reason);
  Status ScanStep(bool baseline);
  void Emit(WatchEvent e);

  std::vector<WatchRoot> roots_;
  WatcherOptions options_;
  archive::Filter filter_;
  int inotify_fd_ = -1;
  std::unordered_map<int, Node> nodes_;
  std::map<std::pair<int, std::string>, int> children_;  // (parent wd, name) → wd
  std::vector<PendingMove> moves_;
  std::vector<WatchEvent> out_;
  std::string warning_;
  // Scan mode: the last walk (entry name → size, mtime, inode).
  struct Seen {
    uint64_t size = 0;
    int64_t mtime_ns = 0;
    uint64_t inode = 0;
    std::string sha256;  // hex; only with options_.hash
  };
  std::unordered_map<std::string, Seen> snapshot_;
  int64_t last_scan_ms_ = 0;
};

// The kernel's fs.inotify.max_user_watches (0 when unknown).
uint64_t MaxUserWatches();

}  // namespace bjlg::watch

#endif  // BJLG_WATCH_WATCHER_H_
