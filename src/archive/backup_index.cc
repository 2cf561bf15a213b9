#include "archive/backup_index.h"

#include <time.h>

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "archive/path_rules.h"
#include "common/parse_limits.h"
#include "common/version.h"

namespace bjlg::archive {

namespace {

std::string Quote(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// nlohmann converts a float to an integer with a plain cast, undefined when it is out of range:
// index numbers must be JSON integers, checked before any conversion.
Status ReadUint(const nlohmann::json& entry, const char* key, bool required, uint64_t* out) {
  const auto it = entry.find(key);
  if (it == entry.end()) {
    return required ? Status::Corruption(std::string("backup index: an entry has no \"") + key + "\"") : Status::OK();
  }
  if (!it->is_number_unsigned()) {
    return Status::Corruption(std::string("backup index: \"") + key + "\" is not a non-negative integer");
  }
  *out = it->get<uint64_t>();
  return Status::OK();
}

Status ReadMtimeNs(const nlohmann::json& entry, int64_t* out) {
  const bool has_ns = entry.contains("mtime_ns");
  const nlohmann::json& v = has_ns ? entry["mtime_ns"] : entry.contains("mtime") ? entry["mtime"] : nlohmann::json();
  const char* key = has_ns ? "mtime_ns" : "mtime";
  if (v.is_null()) return Status::Corruption("backup index: an entry has no \"mtime\"");
  if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t{INT64_MAX})) {
    return Status::Corruption(std::string("backup index: \"") + key + "\" is not a 64-bit integer");
  }
  const int64_t n = v.get<int64_t>();
  if (has_ns) {
    *out = n;
    return Status::OK();
  }
  constexpr int64_t kNsPerSecond = 1000000000;
  if (n > INT64_MAX / kNsPerSecond || n < INT64_MIN / kNsPerSecond) {
    return Status::Corruption("backup index: \"mtime\" is out of range");
  }
  *out = n * kNsPerSecond;
  return Status::OK();
}

const char* const kComponents[] = {"wp-content/plugins", "wp-content/themes", "wp-content/uploads"};

}  // namespace

std::string IndexToJson(const std::string& created_at, const std::string& type,
                        const std::vector<IndexEntry>& entries) {
  std::string out;
  out.reserve(128 + entries.size() * 160);
  out += "{\n\"format\": \"bjlg-backup-index\",\n\"version\": 1,\n\"created_at\": ";
  out += Quote(created_at);
  out += ",\n\"type\": " + Quote(type) + ",\n\"entries\": [";
  char num[160];
  for (size_t i = 0; i < entries.size(); ++i) {
    const IndexEntry& e = entries[i];
    out += i == 0 ? "\n" : ",\n";
    out += "{\"path\": " + Quote(e.path);
    snprintf(num, sizeof num,
             ", \"size\": %llu, \"mtime\": %lld, \"mtime_ns\": %lld, \"inode\": %llu, "
             "\"sha256\": ",
             static_cast<unsigned long long>(e.size),
             static_cast<long long>(e.mtime_ns / 1000000000),
             static_cast<long long>(e.mtime_ns), static_cast<unsigned long long>(e.inode));
    out += num;
    out += Quote(e.sha256);
    if (!e.in_archive) out += ", \"in_archive\": false";
    out += "}";
  }
  out += "\n]\n}\n";
  return out;
}

Result<Index> ParseIndex(const std::string& json) {
  Index index;
  Result<nlohmann::json> parsed = ParseUntrustedJson(json, "backup index");
  if (!parsed.ok()) return parsed.status();
  try {
    const nlohmann::json& doc = *parsed;
    if (!doc.is_object() || doc.value("format", "") != "bjlg-backup-index" ||
        !doc.contains("entries") || !doc["entries"].is_array()) {
      return Status::Corruption("not a bjlg backup index");
    }
    for (const nlohmann::json& j : doc["entries"]) {
      if (!j.is_object()) return Status::Corruption("backup index: an entry is not an object");
      IndexEntry e;
      e.path = j.at("path").get<std::string>();
      Status s = CheckEntryName(e.path);
      if (!s.ok()) return Status::Corruption("backup index: " + s.message());
      if (!(s = ReadUint(j, "size", true, &e.size)).ok()) return s;
      if (!(s = ReadMtimeNs(j, &e.mtime_ns)).ok()) return s;
      if (!(s = ReadUint(j, "inode", false, &e.inode)).ok()) return s;
      e.sha256 = j.value("sha256", "");
      e.has_crc32 = j.contains("crc32");
      e.crc32 = static_cast<uint32_t>(std::stoul(j.value("crc32", "0"), nullptr, 16));
      e.in_archive = j.value("in_archive", true);
      index[e.path] = std::move(e);
    }
  } catch (const std::exception& ex) {
    return Status::Corruption(std::string("backup index: ") + ex.what());
  }
  return index;
}

std::string DeletedFilesToJson(const std::string& generated_at, const std::vector<std::string>& paths) {
  nlohmann::ordered_json doc;
  doc["generated_at"] = generated_at;
  doc["count"] = paths.size();
  doc["paths"] = paths;
  return doc.dump(4) + "\n";
}

Result<std::vector<std::string>> ParseDeletedFiles(const std::string& json) {
  std::vector<std::string> paths;
  Result<nlohmann::json> parsed = ParseUntrustedJson(json, "deleted-files.json");
  if (!parsed.ok()) return parsed.status();
  try {
    const nlohmann::json& doc = *parsed;
    const char* key = doc.contains("paths") ? "paths" : "deleted_paths";
    if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array()) {
      return Status::Corruption("deleted-files.json has no list of paths");
    }
    for (const nlohmann::json& p : doc[key]) {
      if (!p.is_string()) return Status::Corruption("deleted-files.json: a path is not a string");
      const std::string path = p.get<std::string>();
      Status s = CheckEntryName(path);
      if (!s.ok()) return Status::Corruption("deleted-files.json: " + s.message());
      bool in_component = false;
      for (const char* c : kComponents) {
        if (IsUnder(path, c) && path.size() > std::string(c).size()) in_component = true;
      }
      if (!in_component) {
        return Status::Corruption("deleted-files.json: \"" + path +
                                  "\" is not under wp-content/{plugins,themes,uploads}/");
      }
      paths.push_back(path);
    }
  } catch (const std::exception& ex) {
    return Status::Corruption(std::string("deleted-files.json: ") + ex.what());
  }
  return paths;
}

Result<std::string> BuildManifest(const std::string& user_json, const ManifestFields& f) {
  try {
    nlohmann::ordered_json m;
    m["version"] = std::string("bjlg ") + kVersion;
    m["wp_version"] = "";
    m["php_version"] = "";
    m["type"] = f.type;
    m["contains"] = f.contains;
    m["created_at"] = f.created_at;
    m["site_url"] = "";
    m["site_name"] = "";
    m["db_prefix"] = "";
    m["theme_active"] = "";
    m["plugins_active"] = nlohmann::json::array();
    m["multisite"] = false;
    if (!user_json.empty()) {
      Status depth = CheckJsonDepth(user_json, kMaxNestingDepth, "manifest");
      if (!depth.ok()) return Status::InvalidArgument(depth.message());
      const nlohmann::ordered_json user = nlohmann::ordered_json::parse(user_json);
      if (!user.is_object()) return Status::InvalidArgument("manifest must be a JSON object");
      for (auto it = user.begin(); it != user.end(); ++it) m[it.key()] = it.value();
    }
    if (f.type == "incremental") m["type"] = f.type;  // the restorer keys deletions on it
    m["file_count"] = f.file_count;
    m["checksum"] = f.checksum;
    m["checksum_algorithm"] = "sha256";
    m["checksum_of"] = kIndexName;
    m["generator"] = std::string("bjlg ") + kVersion;
    return m.dump(4, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } catch (const std::exception& ex) {
    return Status::InvalidArgument(std::string("manifest: ") + ex.what());
  }
}

}  // namespace bjlg::archive
