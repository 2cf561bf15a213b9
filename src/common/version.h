// The version of bjlg and of the libraries it was built with, for phpinfo() and `bjlg version`.
#ifndef BJLG_COMMON_VERSION_H_
#define BJLG_COMMON_VERSION_H_

#include <string>
#include <utility>
#include <vector>

namespace bjlg {

constexpr const char kVersion[] = "0.1.0";

// (library, version) pairs: the versions linked at run time where the library can tell,
// otherwise the version of the headers bjlg was compiled against.
std::vector<std::pair<std::string, std::string>> LibraryVersions();

}  // namespace bjlg

#endif  // BJLG_COMMON_VERSION_H_
