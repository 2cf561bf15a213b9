// Which files a backup takes, with the plugin's semantics (plugin-formats.md §2.7) so that its
// saved settings keep meaning what they meant:
//  - exclude patterns are shell patterns (fnmatch without flags: `*` also matches `/`, `[...]`
//    classes, case-sensitive) matched against the absolute path of every file and directory;
//    an excluded directory is not descended into. A pattern without wildcard matches that exact
//    path only.
//  - bjlg's addition: an exclude pattern that starts with neither `/` nor `*` is relative to the
//    backup and also matches entry names (`wp-content/uploads`, `uploads/*.mp4` under its
//    prefix); such a pattern can never match an absolute path, so the plugin's saved patterns
//    keep their meaning.
//  - include patterns apply to files only; a pattern without `*` or `?` means `*pattern*`
//    (leading `/` and `*` dropped first); a file is included when any pattern matches its
//    absolute path or its entry name. No include pattern means everything.
//  - the plugin's default excludes (kDefaultExcludes) apply unless turned off.
#ifndef BJLG_ARCHIVE_FILTER_H_
#define BJLG_ARCHIVE_FILTER_H_

#include <string>
#include <vector>

namespace bjlg::archive {

// The plugin's defaults: caches, node_modules, .git, logs and its own backup folder.
extern const std::vector<std::string> kDefaultExcludes;

class Filter {
 public:
  Filter() = default;
  Filter(std::vector<std::string> exclude, std::vector<std::string> include, bool default_excludes);

  // True when the absolute path (file or directory) matches an exclude pattern, or its entry
  // name a relative one.
  bool Excluded(const std::string& absolute_path, const std::string& entry_name) const;

  // True when a file passes the include patterns (always true without include patterns).
  bool Included(const std::string& absolute_path, const std::string& entry_name) const;

  const std::vector<std::string>& exclude_patterns() const { return exclude_; }
  const std::vector<std::string>& include_patterns() const { return include_; }

 private:
  std::vector<std::string> exclude_;
  std::vector<std::string> relative_exclude_;  // the exclude patterns matched on entry names
  std::vector<std::string> include_;
};

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_FILTER_H_
