// Rules for the names of archive entries, on both sides of an archive:
//  - what the writer accepts as an entry name (a relative path of UTF-8 components, so the
//    plugin's restorer and every common reader accept it);
//  - what the reader accepts to extract (no absolute names, drive letters, `..` components
//    or NUL bytes, whatever the writer was).
// `..` is refused only as a whole path component: `a..b.txt` and `jquery..min.js` are names.
#ifndef BJLG_ARCHIVE_PATH_RULES_H_
#define BJLG_ARCHIVE_PATH_RULES_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace bjlg::archive {

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view s);

// OK when `name` may be written as an entry: 1 to 65,535 bytes of valid UTF-8, no NUL, no
// backslash, not absolute, no drive letter, and no empty, `.` or `..` component (so no leading,
// trailing or doubled `/`). InvalidArgument names the rule that failed.
Status CheckEntryName(std::string_view name);

// The name an extractor would use for a stored entry name: backslashes become `/` and leading
// `./` are dropped. Corruption (naming the entry) when the result is empty, absolute
// (`/x`), has a drive letter (`C:`), contains a NUL byte, or has a `..` component.
// A trailing `/` (a directory entry) is kept.
Result<std::string> SafeExtractName(std::string_view stored);

// True when `path` is `prefix` itself or lies under it as whole components: prefix `wp-content/plugins`
// contains `wp-content/plugins/a.php`, not `wp-content/plugins-old/a.php`.
bool IsUnder(std::string_view path, std::string_view prefix);

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_PATH_RULES_H_
