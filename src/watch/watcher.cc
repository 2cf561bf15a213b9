#include "watch/watcher.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <unordered_set>

#include "archive/path_rules.h"
#include "common/digest.h"

namespace bjlg::watch {

namespace {

constexpr uint32_t kMask = IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE | IN_MOVED_FROM |
                           IN_MOVED_TO | IN_DELETE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK;
constexpr int kMaxTimeoutMs = 86400000;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

uint64_t MaxUserWatches() {
  std::ifstream in("/proc/sys/fs/inotify/max_user_watches");
  uint64_t v = 0;
  in >> v;
  return in ? v : 0;
}

std::string Watcher::Join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "/" + b;
}

Result<std::unique_ptr<Watcher>> Watcher::Create(std::vector<WatchRoot> roots, WatcherOptions options) {
  if (roots.empty()) return Status::InvalidOption("roots", "must name at least one folder");
  if (options.max_events == 0) return Status::InvalidOption("max_events", "must be at least 1");
  for (WatchRoot& r : roots) {
    if (r.dir.empty() || r.dir[0] != '/') {
      return Status::InvalidArgument("root \"" + r.dir + "\" must be an absolute path");
    }
    auto canonical = archive::CanonicalPath(r.dir);
    if (!canonical.ok()) return canonical.status();
    struct stat st;
    if (stat(canonical->c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      return Status::InvalidArgument("root \"" + r.dir + "\" is not a folder");
    }
    r.dir = *canonical;
    while (!r.prefix.empty() && r.prefix.back() == '/') r.prefix.pop_back();
    if (!r.prefix.empty()) {
      Status s = archive::CheckEntryName(r.prefix);
      if (!s.ok()) return Status::InvalidArgument("root prefix \"" + r.prefix + "\": " + s.message());
    }
  }
  std::unique_ptr<Watcher> w(new Watcher());
  w->roots_ = std::move(roots);
  w->options_ = std::move(options);
  w->filter_ = archive::Filter(w->options_.exclude, w->options_.include, w->options_.default_excludes);
  if (w->options_.scan) {
    w->warning_ = "scan mode (asked for): every wait compares a walk of the site with the previous one";
    Status s = w->ScanStep(true);
    if (!s.ok()) return s;
    return w;
  }
  w->inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (w->inotify_fd_ < 0) {
    w->warning_ = std::string("inotify is unavailable (") + strerror(errno) +
                  "): scan mode, every wait compares a walk of the site with the previous one";
    Status s = w->ScanStep(true);
    if (!s.ok()) return s;
    return w;
  }
  for (size_t i = 0; i < w->roots_.size() && w->inotify_fd_ >= 0; ++i) {
    w->WatchTree(w->roots_[i].dir, w->roots_[i].prefix, -1, i, "", false);
  }
  if (w->inotify_fd_ < 0) w->out_.clear();  // switched to scan while starting: nothing was missed yet
  return w;
}

Watcher::~Watcher() {
  if (inotify_fd_ >= 0) close(inotify_fd_);
}

std::string Watcher::EntryOf(int wd) const {
  std::vector<const std::string*> parts;
  auto it = nodes_.find(wd);
  while (it != nodes_.end() && it->second.parent != -1) {
    parts.push_back(&it->second.name);
    it = nodes_.find(it->second.parent);
  }
  std::string out = it == nodes_.end() ? std::string() : roots_[it->second.root].prefix;
  for (auto p = parts.rbegin(); p != parts.rend(); ++p) out = Join(out, **p);
  return out;
}

std::string Watcher::AbsOf(int wd) const {
  std::vector<const std::string*> parts;
  auto it = nodes_.find(wd);
  while (it != nodes_.end() && it->second.parent != -1) {
    parts.push_back(&it->second.name);
    it = nodes_.find(it->second.parent);
  }
  std::string out = it == nodes_.end() ? std::string() : roots_[it->second.root].dir;
  for (auto p = parts.rbegin(); p != parts.rend(); ++p) out += "/" + **p;
  return out;
}

void Watcher::Emit(WatchEvent e) { out_.push_back(std::move(e)); }

void Watcher::WatchTree(const std::string& abs, const std::string& entry, int parent, size_t root,
                        const std::string& name, bool report) {
  if (inotify_fd_ < 0) return;
  if (options_.max_watches > 0 && nodes_.size() >= options_.max_watches) {
    SwitchToScan("watch budget used up (option max_watches = " + std::to_string(options_.max_watches) + ") at " +
                 abs + ": continuing in scan mode (slower). Raise max_watches.");
    return;
  }
  const int wd = inotify_add_watch(inotify_fd_, abs.c_str(), kMask);
  if (wd < 0) {
    if (errno == ENOSPC) {
      const uint64_t limit = MaxUserWatches();
      SwitchToScan("inotify watch limit reached (fs.inotify.max_user_watches = " + std::to_string(limit) +
                   ") at " + abs + ": continuing in scan mode (slower). Raise it: sysctl fs.inotify.max_user_watches=" +
                   std::to_string(limit < 65536 ? 524288 : limit * 2) +
                   " and put the line in /etc/sysctl.d/60-bjlg-watch.conf");
    }
    return;  // vanished or unreadable: its parent's events still say what happened to it
  }
  Node& n = nodes_[wd];
  n.parent = parent;
  n.root = root;
  n.name = name;
  if (parent != -1) children_[{parent, name}] = wd;
  DIR* d = opendir(abs.c_str());
  if (d == nullptr) return;
  std::vector<std::pair<std::string, bool>> items;  // read first: no descriptor held while recursing
  while (dirent* de = readdir(d)) {
    const std::string leaf = de->d_name;
    if (leaf == "." || leaf == "..") continue;
    struct stat st;
    if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      items.emplace_back(leaf, true);
    } else if (S_ISREG(st.st_mode) && report) {
      items.emplace_back(leaf, false);
    }
  }
  closedir(d);
  for (const auto& [leaf, is_dir] : items) {
    const std::string child_abs = abs + "/" + leaf;
    const std::string child_entry = Join(entry, leaf);
    if (filter_.Excluded(child_abs, child_entry)) continue;
    if (is_dir) {
      if (report) Emit({"created", child_entry, "", "", true});
      WatchTree(child_abs, child_entry, wd, root, leaf, report);
      if (inotify_fd_ < 0) return;
    } else if (filter_.Included(child_abs, child_entry)) {
      Emit({"created", child_entry, "", "", false});
    }
  }
}

void Watcher::Unwatch(int wd) {
  std::vector<int> stack{wd};
  while (!stack.empty()) {
    const int w = stack.back();
    stack.pop_back();
    for (auto it = children_.lower_bound({w, std::string()}); it != children_.end() && it->first.first == w;) {
      stack.push_back(it->second);
      it = children_.erase(it);
    }
    auto n = nodes_.find(w);
    if (n != nodes_.end()) {
      children_.erase({n->second.parent, n->second.name});
      nodes_.erase(n);
    }
    if (inotify_fd_ >= 0) inotify_rm_watch(inotify_fd_, w);
  }
}

void Watcher::FlushMoves() {
  for (PendingMove& m : moves_) {
    // Moved out of the tree (or into an excluded folder): gone from the backup's point of view.
    Emit({"deleted", m.from, "", "", m.dir});
    if (m.from_wd >= 0) Unwatch(m.from_wd);
  }
  moves_.clear();
}

void Watcher::Overflow(const std::string& reason) {
  for (size_t i = 0; i < roots_.size(); ++i) Emit({"rescan", roots_[i].prefix, "", reason, true});
  // Folders created while events were lost have no watch yet: walk again (known folders keep
  // their watch descriptor).
  for (size_t i = 0; i < roots_.size() && inotify_fd_ >= 0; ++i) {
    for (auto it = nodes_.begin(); it != nodes_.end(); ++it) {
      if (it->second.parent == -1 && it->second.root == i) {
        WatchTree(roots_[i].dir, roots_[i].prefix, -1, i, "", false);
        break;
      }
    }
  }
}

void Watcher::SwitchToScan(const std::string& reason) {
  if (inotify_fd_ >= 0) close(inotify_fd_);
  inotify_fd_ = -1;
  nodes_.clear();
  children_.clear();
  moves_.clear();
  warning_ = reason;
  for (const WatchRoot& r : roots_) Emit({"rescan", r.prefix, "", reason, true});
  ScanStep(true);
}

void Watcher::Handle(int wd, uint32_t mask, uint32_t cookie, const std::string& name) {
  if (mask & IN_Q_OVERFLOW) {
    Overflow("events were lost: the kernel's inotify queue overflowed (IN_Q_OVERFLOW, fs.inotify.max_queued_events)");
    return;
  }
  if (mask & IN_IGNORED) {
    auto n = nodes_.find(wd);
    if (n != nodes_.end()) {
      auto c = children_.find({n->second.parent, n->second.name});
      if (c != children_.end() && c->second == wd) children_.erase(c);
      nodes_.erase(n);
    }
    return;
  }
  auto node = nodes_.find(wd);
  if (node == nodes_.end() || name.empty()) return;  // self events: the parent reports them
  const std::string abs = AbsOf(wd) + "/" + name;
  const std::string entry = Join(EntryOf(wd), name);
  const bool is_dir = (mask & IN_ISDIR) != 0;
  if (filter_.Excluded(abs, entry)) return;
  if (!is_dir && !filter_.Included(abs, entry)) return;
  if (mask & IN_CREATE) {
    Emit({"created", entry, "", "", is_dir});
    if (is_dir) WatchTree(abs, entry, wd, node->second.root, name, true);
  } else if (mask & (IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB)) {
    if (!is_dir) Emit({"modified", entry, "", "", false});
  } else if (mask & IN_DELETE) {
    Emit({"deleted", entry, "", "", is_dir});
  } else if (mask & IN_MOVED_FROM) {
    PendingMove m;
    m.cookie = cookie;
    m.from = entry;
    m.from_abs = abs;
    m.dir = is_dir;
    if (is_dir) {
      auto c = children_.find({wd, name});
      if (c != children_.end()) m.from_wd = c->second;
    }
    moves_.push_back(std::move(m));
  } else if (mask & IN_MOVED_TO) {
    for (auto m = moves_.begin(); m != moves_.end(); ++m) {
      if (m->cookie != cookie) continue;
      Emit({"moved", entry, m->from, "", is_dir});
      if (is_dir && m->from_wd >= 0) {
        // The folder keeps its watch: only its place in the tree changes.
        Node& moved = nodes_[m->from_wd];
        children_.erase({moved.parent, moved.name});
        moved.parent = wd;
        moved.name = name;
        children_[{wd, name}] = m->from_wd;
      } else if (is_dir) {
        WatchTree(abs, entry, wd, node->second.root, name, true);
      }
      moves_.erase(m);
      return;
    }
    Emit({"created", entry, "", "", is_dir});  // moved in from outside the tree
    if (is_dir) WatchTree(abs, entry, wd, node->second.root, name, true);
  }
}

Status Watcher::ScanStep(bool baseline) {
  std::unordered_map<std::string, Seen> now;
  for (const WatchRoot& r : roots_) {
    auto scan = archive::ScanDirectory(r.dir, r.prefix, filter_, archive::ScanOptions());
    if (!scan.ok()) return scan.status();
    for (const archive::ScannedFile& f : scan->files) {
      Seen seen{f.size, f.mtime_ns, f.inode, {}};
      if (options_.hash) {
        // A file that vanished or cannot be read between the walk and here keeps an empty digest:
        // the next scan reports it (deleted, or modified once readable).
        Result<std::string> digest = Sha256OfFile(f.path);
        if (digest.ok()) seen.sha256 = std::move(digest.value());
      }
      now[f.name] = std::move(seen);
    }
  }
  if (!baseline) {
    for (const auto& [name, seen] : now) {
      auto old = snapshot_.find(name);
      if (old == snapshot_.end()) {
        Emit({"created", name, "", "", false});
      } else if (old->second.size != seen.size || old->second.mtime_ns != seen.mtime_ns ||
                 old->second.inode != seen.inode || old->second.sha256 != seen.sha256) {
        Emit({"modified", name, "", "", false});
      }
    }
    for (const auto& [name, seen] : snapshot_) {
      if (now.count(name) == 0) Emit({"deleted", name, "", "", false});
    }
  }
  snapshot_ = std::move(now);
  last_scan_ms_ = NowMs();
  return Status::OK();
}

Result<std::vector<WatchEvent>> Watcher::Wait(int timeout_ms) {
  if (timeout_ms < 0 || timeout_ms > kMaxTimeoutMs) {
    return Status::InvalidArgument("timeout must be between 0 and 86400000 ms, " + std::to_string(timeout_ms) + " given");
  }
  if (!out_.empty()) timeout_ms = 0;
  if (inotify_fd_ < 0) {
    const int64_t due = last_scan_ms_ + timeout_ms;
    const int64_t left = due - NowMs();
    if (left > 0) poll(nullptr, 0, static_cast<int>(left));
    Status s = ScanStep(false);
    if (!s.ok()) return s;
  } else {
    pollfd p{inotify_fd_, POLLIN, 0};
    int r;
    do {
      r = poll(&p, 1, timeout_ms);
    } while (r < 0 && errno == EINTR);
    alignas(inotify_event) char buf[64 * 1024];
    while (r > 0 && inotify_fd_ >= 0 && out_.size() < options_.max_events) {
      const ssize_t n = read(inotify_fd_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // EAGAIN: the queue is empty
      for (char* p2 = buf; p2 < buf + n;) {
        const auto* ev = reinterpret_cast<const inotify_event*>(p2);
        Handle(ev->wd, ev->mask, ev->cookie, ev->len > 0 ? std::string(ev->name) : std::string());
        p2 += sizeof(inotify_event) + ev->len;
        if (inotify_fd_ < 0) break;  // switched to scan mode
      }
    }
    FlushMoves();
  }
  // One event per (type, path) in a batch: a write of 1,000 blocks is one "modified".
  std::vector<WatchEvent> result;
  std::unordered_set<std::string> seen;
  for (WatchEvent& e : out_) {
    if (e.type == "modified" && !seen.insert(e.path).second) continue;
    result.push_back(std::move(e));
  }
  out_.clear();
  return result;
}

}  // namespace bjlg::watch
