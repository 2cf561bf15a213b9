// Fuzz target for the archive reader and the documents it parses. Input: the bytes of a zip.
// The reader must never crash, leak, or accept for extraction an entry name the path rules
// refuse; every entry it agrees to read must stop at its declared size. The same bytes are
// also fed to the JSON parsers of backup-index.json, deleted-files.json and the plugin's
// incremental manifest, whose accepted paths must be safe entry names.
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "archive/backup_index.h"
#include "archive/path_rules.h"
#include "archive/plugin_manifest.h"
#include "archive/reader.h"

using namespace bjlg::archive;

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

std::string TempPath() {
  static const std::string path = "/tmp/bjlg-archive-fuzz-" + std::to_string(getpid()) + ".zip";
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (auto deleted = ParseDeletedFiles(text); deleted.ok()) {
    for (const std::string& p : *deleted) Require(CheckEntryName(p).ok());
  }
  if (auto index = ParseIndex(text); index.ok()) {
    for (const auto& [path, e] : *index) Require(CheckEntryName(path).ok());
  }
  if (auto plugin = ParsePluginManifest(text); plugin.ok()) {
    for (const auto& [path, md5] : plugin->file_hashes) Require(CheckEntryName(path).ok());
  }

  const std::string path = TempPath();
  const int fd = open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
  if (fd < 0) return 0;
  const bool written = write(fd, data, size) == static_cast<ssize_t>(size);
  close(fd);
  if (!written) return 0;
  auto reader = Reader::Open(path);
  if (!reader.ok()) return 0;
  ExtractOptions limits;
  limits.max_total_size = 1 << 20;
  limits.max_entry_size = 1 << 20;
  const bool extractable = (*reader)->CheckExtractable(limits).ok();
  unsigned char buf[4096];
  for (const EntryInfo& e : (*reader)->Entries()) {
    if (extractable) Require(SafeExtractName(e.name).ok() && !e.is_symlink);
    auto stream = (*reader)->OpenEntry(e.name, 1 << 20);
    if (!stream.ok()) continue;
    uint64_t total = 0;
    while (true) {
      auto n = (*stream)->Read(buf, sizeof buf);
      if (!n.ok() || *n == 0) break;
      total += *n;
      Require(total <= e.size && total <= (1u << 20));
    }
  }
  return 0;
}
