// Fuzz target for the archive reader and the documents it parses. Input: the bytes of a zip.
// The reader must never crash, leak, or accept for extraction an entry name the path rules
// refuse; every entry it agrees to read must stop at its declared size. The same bytes are
// also fed to the JSON parsers of backup-index.json, deleted-files.json and the plugin's
// incremental manifest, whose accepted paths must be safe entry names.
#include <fcntl.h>
#include <sys/mman.h>
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

// The input as a file the reader can open by path, without leaving files behind: an anonymous
// memory file, reached through /proc/self/fd.
const std::string& MemoryFilePath(int* fd_out) {
  static int fd = memfd_create("bjlg-archive-fuzz", 0);
  static const std::string path = "/proc/self/fd/" + std::to_string(fd);
  *fd_out = fd;
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

  int fd = -1;
  const std::string& path = MemoryFilePath(&fd);
  if (fd < 0 || ftruncate(fd, 0) != 0) return 0;
  if (pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) return 0;
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
