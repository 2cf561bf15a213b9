#include "archive/plugin_manifest.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "archive/path_rules.h"
#include "common/parse_limits.h"

namespace bjlg::archive {

namespace {

constexpr uint64_t kMiB = 1 << 20;

std::string Hex(const unsigned char* d, unsigned n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < n; ++i) {
    out += kHex[d[i] >> 4];
    out += kHex[d[i] & 15];
  }
  return out;
}

}  // namespace

bool LooksLikePluginManifest(const std::string& json) {
  return json.find("\"file_hashes\"") != std::string::npos &&
         json.find("\"bjlg-backup-index\"") == std::string::npos;
}

Result<PluginManifest> ParsePluginManifest(const std::string& json) {
  PluginManifest m;
  Result<nlohmann::json> parsed = ParseUntrustedJson(json, "incremental manifest");
  if (!parsed.ok()) return parsed.status();
  try {
    const nlohmann::json& doc = *parsed;
    if (!doc.is_object()) return Status::Corruption("incremental manifest: not a JSON object");
    for (const char* key : {"full_backup", "incremental_backups", "synthetic_full", "file_hashes",
                            "database_checksums", "remote_purge_queue", "deleted_files"}) {
      if (!doc.contains(key)) {
        return Status::Corruption(std::string("incremental manifest: missing key ") + key);
      }
    }
    m.version = doc.value("version", "");
    if (m.version.rfind("2.", 0) != 0) {
      return Status::Corruption("incremental manifest: unsupported version \"" + m.version + "\"");
    }
    const auto last_scan = doc.find("last_scan");  // optional: operator[] on a const doc needs the key
    if (last_scan != doc.end() && last_scan->is_number_integer()) m.last_scan = last_scan->get<int64_t>();
    const nlohmann::json& hashes = doc["file_hashes"];
    if (hashes.is_object()) {
      for (auto it = hashes.begin(); it != hashes.end(); ++it) {
        if (!it.value().is_string() || !CheckEntryName(it.key()).ok()) {
          ++m.ignored_keys;
          continue;
        }
        m.file_hashes[it.key()] = it.value().get<std::string>();
      }
    } else if (!(hashes.is_array() && hashes.empty())) {  // PHP writes [] for an empty map
      return Status::Corruption("incremental manifest: file_hashes is not an object");
    }
    const nlohmann::json& full = doc["full_backup"];
    if (full.is_object()) m.full_backup_file = full.value("file", "");
    if (doc["incremental_backups"].is_array()) m.incremental_count = doc["incremental_backups"].size();
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("incremental manifest: ") + e.what());
  }
  return m;
}

Result<std::string> PluginFileHash(const std::string& path) {
  Result<int> opened = OpenRegularFile(path, "");
  if (!opened.ok()) return Status::IOError(opened.status().message());
  const int fd = *opened;
  struct stat st;
  if (fstat(fd, &st) != 0) {
    close(fd);
    return Status::IOError(path + ": " + strerror(errno));
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_md5(), nullptr);
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  std::vector<unsigned char> buf(kMiB);
  auto hash_range = [&](uint64_t offset, uint64_t length) -> bool {
    while (length > 0) {
      const ssize_t n = pread(fd, buf.data(), std::min<uint64_t>(length, buf.size()), static_cast<off_t>(offset));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return n == 0;
      EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<size_t>(n));
      offset += static_cast<uint64_t>(n);
      length -= static_cast<uint64_t>(n);
    }
    return true;
  };
  bool ok;
  if (size < kMiB) {
    ok = hash_range(0, size);
  } else {
    ok = hash_range(0, kMiB) && hash_range(size / 2, std::min(kMiB, size - size / 2)) &&
         hash_range(size - kMiB, kMiB);
    const std::string tail = std::to_string(size) + std::to_string(static_cast<int64_t>(st.st_mtime));
    EVP_DigestUpdate(ctx.get(), tail.data(), tail.size());
  }
  close(fd);
  if (!ok) return Status::IOError(path + ": read error");
  unsigned char digest[16];
  unsigned len = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &len);
  return Hex(digest, len);
}

}  // namespace bjlg::archive
