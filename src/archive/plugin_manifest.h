// The plugin's `.incremental-manifest.json` (version 2.1, plugin-formats.md §3), read so that an
// installation that made its backups with the plugin continues its incremental chain with bjlg:
// the first bjlg incremental compares against the plugin's `file_hashes` and `last_scan` with
// the plugin's own rule, then writes a backup-index.json that later incrementals use.
#ifndef BJLG_ARCHIVE_PLUGIN_MANIFEST_H_
#define BJLG_ARCHIVE_PLUGIN_MANIFEST_H_

#include <cstdint>
#include <string>
#include <unordered_map>

#include "common/status.h"

namespace bjlg::archive {

struct PluginManifest {
  std::string version;
  int64_t last_scan = 0;  // Unix seconds; 0 when null
  // Entry-name keys (paths relative to ABSPATH) -> MD5 hex, as the plugin computed them. Absolute
  // keys (files outside ABSPATH) cannot be matched to entry names and are left out.
  std::unordered_map<std::string, std::string> file_hashes;
  size_t ignored_keys = 0;
  std::string full_backup_file;  // "" when there is no full backup
  size_t incremental_count = 0;
};

// True when `json` looks like the plugin's manifest rather than a bjlg index.
bool LooksLikePluginManifest(const std::string& json);

// Corruption when a required key (full_backup, incremental_backups, synthetic_full,
// file_hashes, database_checksums, remote_purge_queue, deleted_files) is missing, has the wrong
// type, or the version is not 2.x.
Result<PluginManifest> ParsePluginManifest(const std::string& json);

// The plugin's change hash of a file (INC L902-934): MD5 of the whole file under 1 MiB;
// otherwise MD5 of its first MiB, the MiB at floor(size / 2), its last MiB and the decimal text
// of size followed by mtime. IOError when the file cannot be read.
Result<std::string> PluginFileHash(const std::string& path);

}  // namespace bjlg::archive

#endif  // BJLG_ARCHIVE_PLUGIN_MANIFEST_H_
