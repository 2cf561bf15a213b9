#include "archive/scanner.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <utility>

#include "archive/path_rules.h"

namespace bjlg::archive {

Result<std::string> CanonicalPath(const std::string& path) {
  char* resolved = realpath(path.c_str(), nullptr);
  if (resolved == nullptr) {
    const int err = errno;
    std::string msg = path + ": " + strerror(err);
    if (err == ENOENT) return Status::NotFound(msg);
    return Status::IOError(msg);
  }
  std::string out(resolved);
  free(resolved);
  return out;
}

namespace {

int64_t MtimeNs(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

class Walker {
 public:
  Walker(const Filter& filter, const ScanOptions& options, ScanResult* out)
      : filter_(filter), options_(options), out_(out) {}

  void Walk(const std::string& dir, const std::string& name_prefix) {
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) {
      out_->skipped.push_back({dir, std::string("unreadable directory: ") + strerror(errno)});
      return;
    }
    std::vector<std::string> names;
    errno = 0;
    while (struct dirent* e = readdir(d)) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      names.emplace_back(e->d_name);
    }
    const int read_errno = errno;
    closedir(d);
    if (read_errno != 0) {
      out_->skipped.push_back({dir, std::string("directory listing failed: ") + strerror(read_errno)});
    }
    std::sort(names.begin(), names.end());
    for (const std::string& leaf : names) Visit(dir + "/" + leaf, name_prefix + leaf);
  }

  std::set<std::pair<uint64_t, uint64_t>> stack;  // directories on the current path (loops)

 private:
  void Visit(const std::string& path, const std::string& name) {
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) {
      if (errno == ENOENT) {
        out_->skipped.push_back({path, "vanished while scanning"});
      } else {
        out_->skipped.push_back({path, std::string("unreadable: ") + strerror(errno)});
      }
      return;
    }
    ++out_->seen;
    if (filter_.Excluded(path, name)) {
      ++out_->excluded;
      if (S_ISREG(st.st_mode)) out_->excluded_bytes += static_cast<uint64_t>(st.st_size);
      return;
    }
    if (!options_.exclude_path.empty() && path == options_.exclude_path) return;
    if (S_ISLNK(st.st_mode)) {
      if (!options_.follow_symlinks) {
        out_->skipped.push_back({path, "symbolic link"});
        return;
      }
      auto target = CanonicalPath(path);
      if (!target.ok()) {
        out_->skipped.push_back({path, "broken symbolic link"});
        return;
      }
      bool allowed = false;
      for (const std::string& root : options_.allowed_roots) {
        if (IsUnder(*target, root)) allowed = true;
      }
      if (!allowed) {
        out_->skipped.push_back({path, "symbolic link to " + *target + ", outside the allowed roots"});
        return;
      }
      if (stat(path.c_str(), &st) != 0) {
        out_->skipped.push_back({path, std::string("unreadable: ") + strerror(errno)});
        return;
      }
    }
    if (st.st_dev == options_.exclude_device && st.st_ino == options_.exclude_inode &&
        options_.exclude_inode != 0) {
      return;
    }
    if (!IsValidUtf8(name)) {
      out_->skipped.push_back({path, "name is not valid UTF-8"});
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      const std::pair<uint64_t, uint64_t> id{st.st_dev, st.st_ino};
      if (stack.count(id) != 0) {
        out_->skipped.push_back({path, "symbolic link loop"});
        return;
      }
      stack.insert(id);
      Walk(path, name + "/");
      stack.erase(id);
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      out_->skipped.push_back({path, "not a regular file"});
      return;
    }
    if (!filter_.Included(path, name)) return;
    ScannedFile f;
    f.path = path;
    f.name = name;
    f.size = static_cast<uint64_t>(st.st_size);
    f.mtime_ns = MtimeNs(st);
    f.inode = st.st_ino;
    f.device = st.st_dev;
    f.mode = st.st_mode & 07777;
    out_->files.push_back(std::move(f));
  }

  const Filter& filter_;
  const ScanOptions& options_;
  ScanResult* out_;
};

}  // namespace

Result<ScanResult> ScanDirectory(const std::string& root, const std::string& prefix,
                                 const Filter& filter, const ScanOptions& options) {
  std::string clean_prefix = prefix;
  while (!clean_prefix.empty() && clean_prefix.back() == '/') clean_prefix.pop_back();
  if (!clean_prefix.empty()) {
    Status s = CheckEntryName(clean_prefix);
    if (!s.ok()) return Status::InvalidArgument("prefix: " + s.message());
    clean_prefix += '/';
  }
  auto canonical = CanonicalPath(root);
  if (!canonical.ok()) return canonical.status();
  struct stat st;
  if (stat(canonical->c_str(), &st) != 0) return Status::IOError(root + ": " + strerror(errno));
  if (!S_ISDIR(st.st_mode)) return Status::InvalidArgument(root + ": not a directory");

  ScanOptions opts = options;
  opts.allowed_roots.push_back(*canonical);
  ScanResult result;
  // The root is a folder like any other: `--exclude wp-content/uploads` also leaves out a root
  // added as wp-content/uploads.
  if (!clean_prefix.empty() && filter.Excluded(*canonical, clean_prefix.substr(0, clean_prefix.size() - 1))) {
    result.excluded = 1;
    return result;
  }
  Walker walker(filter, opts, &result);
  walker.stack.insert({st.st_dev, st.st_ino});
  std::string base = *canonical == "/" ? "" : *canonical;
  const size_t skipped_before = result.skipped.size();
  walker.Walk(base.empty() ? "/" : base, clean_prefix);
  if (result.skipped.size() == skipped_before + 1 && result.files.empty() &&
      result.skipped.back().path == (base.empty() ? "/" : base)) {
    return Status::IOError(root + ": " + result.skipped.back().reason);
  }
  return result;
}

}  // namespace bjlg::archive
