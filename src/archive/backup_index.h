// The JSON documents bjlg writes inside an archive besides the content:
//  - backup-manifest.json, the plugin's manifest (its keys, in its order) with file_count and
//    checksum really filled;
//  - backup-index.json, one record per content entry (path, size, mtime, inode, SHA-256, CRC),
//    and for incrementals also the unchanged files carried from the previous index;
//  - deleted-files.json, the plugin's list of paths an incremental restore deletes.
// Formats: docs/archive.md.
#ifndef BJLG_ARCHIVE_BACKUP_INDEX_H_
#define BJLG_ARCHIVE_BACKUP_INDEX_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace bjlg::archive {

constexpr char kManifestName[] = "backup-manifest.json";
constexpr char kIndexName[] = "backup-index.json";
constexpr char kDeletedName[] = "deleted-files.json";

struct IndexEntry {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t inode = 0;
  std::string sha256;
  uint32_t crc32 = 0;
  bool has_crc32 = false;  // older indexes record the CRC; the zip's own CRC is checked anyway
  bool in_archive = true;  // false: unchanged since the previous backup, not in this archive
};

using Index = std::unordered_map<std::string, IndexEntry>;

// backup-index.json for `entries`, one record per line.
std::string IndexToJson(const std::string& created_at, const std::string& type,
                        const std::vector<IndexEntry>& entries);

// Parses a backup-index.json. Corruption when it is not one, or when a path is not a valid
// entry name.
Result<Index> ParseIndex(const std::string& json);

// deleted-files.json: {"generated_at", "count", "paths"}.
std::string DeletedFilesToJson(const std::string& generated_at, const std::vector<std::string>& paths);

// The paths of a deleted-files.json (key `paths`, or the legacy `deleted_paths`). Corruption
// when the document is malformed or any path is not a plain relative path under
// wp-content/plugins/, wp-content/themes/ or wp-content/uploads/ (no `..`, no absolute path):
// a crafted list can never name a file outside its component.
Result<std::vector<std::string>> ParseDeletedFiles(const std::string& json);

// The manifest: the plugin's keys in its order with defaults, then `user_json` (a JSON object,
// may be empty) merged over them, then the computed keys. `file_count` and `checksum` are
// bjlg's unless... never the user's: they are what the archive holds.
struct ManifestFields {
  std::string type;                 // "full" | "incremental" unless the user says otherwise
  std::vector<std::string> contains;  // computed from the entries unless given
  std::string created_at;
  uint64_t file_count = 0;
  std::string checksum;             // SHA-256 of backup-index.json
};
Result<std::string> BuildManifest(const std::string& user_json, const ManifestFields& fields);

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_BACKUP_INDEX_H_
