#include "archive/filter.h"

#include <fnmatch.h>

namespace bjlg::archive {

const std::vector<std::string> kDefaultExcludes = {
    "*/cache/*", "*/node_modules/*", "*/.git/*", "*.log", "*/bjlg-backups/*",
};

static std::string NormalizeInclude(std::string pattern) {
  for (char& c : pattern) {
    if (c == '\\') c = '/';
  }
  if (pattern.find_first_of("*?") != std::string::npos) return pattern;
  size_t start = pattern.find_first_not_of("/*");
  if (start == std::string::npos) return "*";
  return "*" + pattern.substr(start) + "*";
}

Filter::Filter(std::vector<std::string> exclude, std::vector<std::string> include,
               bool default_excludes) {
  if (default_excludes) exclude_ = kDefaultExcludes;
  for (std::string& p : exclude) {
    for (char& c : p) {
      if (c == '\\') c = '/';
    }
    if (p.empty()) continue;
    if (p[0] != '/' && p[0] != '*') relative_exclude_.push_back(p);
    exclude_.push_back(std::move(p));
  }
  for (std::string& p : include) {
    if (!p.empty()) include_.push_back(NormalizeInclude(std::move(p)));
  }
}

bool Filter::Excluded(const std::string& absolute_path, const std::string& entry_name) const {
  for (const std::string& p : exclude_) {
    if (fnmatch(p.c_str(), absolute_path.c_str(), 0) == 0) return true;
  }
  for (const std::string& p : relative_exclude_) {
    if (fnmatch(p.c_str(), entry_name.c_str(), 0) == 0) return true;
  }
  return false;
}

bool Filter::Included(const std::string& absolute_path, const std::string& entry_name) const {
  if (include_.empty()) return true;
  for (const std::string& p : include_) {
    if (fnmatch(p.c_str(), absolute_path.c_str(), 0) == 0) return true;
    if (fnmatch(p.c_str(), entry_name.c_str(), 0) == 0) return true;
  }
  return false;
}

}  // namespace bjlg::archive
