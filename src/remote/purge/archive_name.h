// Which names under a destination's prefix are backup archives, and what their names say.
//
// Only a backup archive may ever be deleted by a purge: everything else under the prefix (a
// restore upload, a partial file, a user's notes) is "foreign" and never touched. The names
// recognised are the plugin's (docs/purge.md, from plugin-formats §2.1), which bjlg writes too:
//   backup-{components}-{Y-m-d-H-i-s}-{uniqid}.zip        a full (or partial) backup: a chain base
//   incremental-{components}-{Y-m-d-H-i-s}-{uniqid}.zip   an incremental: needs its chain
//   pre-restore-backup-{Y-m-d-H-i-s}[-N].zip              the restorer's safety copy: standalone
// and bjlg's WordPress plugin's backup-{components}-{Ymd}-{His}-{random}.zip (the same kinds),
// each optionally encrypted (".zip.enc"). {components} is "full" or db/plugins/themes/uploads
// joined by "-"; {uniqid} is PHP's uniqid('', true) without its dot; "-N" is WordPress's
// uniquifying suffix. The time in the name is the plugin's date() under WordPress, which
// forces PHP's zone to UTC: it is read as UTC.
#ifndef BJLG_REMOTE_PURGE_ARCHIVE_NAME_H_
#define BJLG_REMOTE_PURGE_ARCHIVE_NAME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bjlg::remote::purge {

enum class ArchiveKind {
  kFull,         // backup-…: restores on its own and is the base of the incrementals after it
  kIncremental,  // incremental-…: restores only after its full and every incremental before it
  kStandalone,   // pre-restore-backup-…: restores on its own, base of nothing
  kForeign,      // anything else: never a candidate for deletion
};

// "full", "incremental", "standalone", "foreign".
const char* ArchiveKindName(ArchiveKind kind);

struct ArchiveName {
  ArchiveKind kind = ArchiveKind::kForeign;
  std::optional<int64_t> time;  // Unix seconds from the name's Y-m-d-H-i-s (UTC); none for foreign
  std::string components;       // "full", "db-uploads", …; empty for pre-restore and foreign
  bool encrypted = false;       // ".zip.enc"
};

// What `name` is. Only the part after the last '/' is read, so object keys with a prefix work.
// A name whose date is not a real date (month 13, 25:00) is foreign.
ArchiveName ParseArchiveName(std::string_view name);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_ARCHIVE_NAME_H_
