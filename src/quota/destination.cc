#include "quota/destination.h"

#include <yaml-cpp/yaml.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <set>

#include "common/parse_limits.h"
#include "common/yaml_json.h"

namespace bjlg::quota {
namespace {

using json = nlohmann::json;

enum class Kind { kString, kInt, kBool };

struct KeySpec {
  const char* key;
  Kind kind;
  bool required;
  bool secret;
  int64_t min = 0;
  int64_t max = INT64_MAX;
  bool test_only = false;
};

struct TypeSpec {
  DestinationType type;
  const char* name;
  std::vector<KeySpec> keys;
  // Groups of which at least one key must be present ("key" or "sas").
  std::vector<std::vector<const char*>> one_of;
};

// Keys every type accepts.
const std::vector<KeySpec>& CommonKeys() {
  static const std::vector<KeySpec> keys = {
      {"name", Kind::kString, true, false},
      {"type", Kind::kString, true, false},
      {"quota_bytes", Kind::kInt, false, false, 0},
      {"timeout_ms", Kind::kInt, false, false, 1, 3600000},
      {"allow_private_network", Kind::kBool, false, false},
  };
  return keys;
}

// OAuth providers: a static access token, or a refresh token with the client's identity.
std::vector<KeySpec> OAuthKeys() {
  return {
      {"access_token", Kind::kString, false, true},
      {"refresh_token", Kind::kString, false, true},
      {"client_id", Kind::kString, false, false},
      {"client_secret", Kind::kString, false, true},
      {"api_base_url", Kind::kString, false, false, 0, INT64_MAX, true},
      {"token_url", Kind::kString, false, false, 0, INT64_MAX, true},
  };
}

const std::vector<TypeSpec>& Specs() {
  static const std::vector<TypeSpec> specs = [] {
    std::vector<TypeSpec> s;
    s.push_back({DestinationType::kS3, "s3",
                 {{"endpoint", Kind::kString, false, false},
                  {"bucket", Kind::kString, true, false},
                  {"region", Kind::kString, false, false},
                  {"access_key", Kind::kString, true, true},
                  {"secret_key", Kind::kString, true, true},
                  {"session_token", Kind::kString, false, true},
                  {"prefix", Kind::kString, false, false},
                  {"path_style", Kind::kBool, false, false},
                  {"page_size", Kind::kInt, false, false, 1, 1000}},
                 {}});
    s.push_back({DestinationType::kAzure, "azure",
                 {{"account", Kind::kString, true, false},
                  {"container", Kind::kString, true, false},
                  {"key", Kind::kString, false, true},
                  {"sas", Kind::kString, false, true},
                  {"endpoint", Kind::kString, false, false},
                  {"prefix", Kind::kString, false, false},
                  {"page_size", Kind::kInt, false, false, 1, 5000}},
                 {{"key", "sas"}}});
    s.push_back({DestinationType::kB2, "b2",
                 {{"key_id", Kind::kString, true, true},
                  {"application_key", Kind::kString, true, true},
                  {"bucket_id", Kind::kString, false, false},
                  {"bucket", Kind::kString, false, false},  // the name: its ID is looked up
                  {"prefix", Kind::kString, false, false},
                  {"page_size", Kind::kInt, false, false, 1, 10000},
                  {"api_base_url", Kind::kString, false, false, 0, INT64_MAX, true}},
                 {{"bucket_id", "bucket"}}});
    // The folder holding the backups: purge lists and deletes only there (quota ignores it).
    std::vector<KeySpec> gdrive = OAuthKeys();
    gdrive.push_back({"folder_id", Kind::kString, false, false});  // Drive has ids, not paths
    s.push_back({DestinationType::kGdrive, "gdrive", gdrive, {{"access_token", "refresh_token"}}});
    std::vector<KeySpec> dropbox = OAuthKeys();
    dropbox.push_back({"folder", Kind::kString, false, false});
    s.push_back({DestinationType::kDropbox, "dropbox", dropbox, {{"access_token", "refresh_token"}}});
    std::vector<KeySpec> onedrive = OAuthKeys();
    onedrive.push_back({"folder", Kind::kString, false, false});
    onedrive.push_back({"cloud", Kind::kString, false, false});   // national clouds
    onedrive.push_back({"tenant", Kind::kString, false, false});  // token endpoint tenant
    s.push_back({DestinationType::kOnedrive, "onedrive", onedrive, {{"access_token", "refresh_token"}}});
    s.push_back({DestinationType::kPcloud, "pcloud",
                 {{"access_token", Kind::kString, true, true},
                  {"region", Kind::kString, false, false},
                  {"folder", Kind::kString, false, false},
                  {"folder_id", Kind::kString, false, false},
                  {"api_base_url", Kind::kString, false, false, 0, INT64_MAX, true}},
                 {}});
    s.push_back({DestinationType::kWebdav, "webdav",
                 {{"url", Kind::kString, true, false},
                  {"username", Kind::kString, false, false},
                  {"password", Kind::kString, false, true}},
                 {}});
    s.push_back({DestinationType::kSftp, "sftp",
                 {{"host", Kind::kString, true, false},
                  {"port", Kind::kInt, false, false, 1, 65535},
                  {"username", Kind::kString, true, false},
                  {"password", Kind::kString, false, true},
                  {"private_key", Kind::kString, false, false},
                  {"public_key", Kind::kString, false, false},
                  {"passphrase", Kind::kString, false, true},
                  {"path", Kind::kString, false, false},
                  {"host_key_sha256", Kind::kString, false, false},
                  {"known_hosts", Kind::kString, false, false},
                  {"verify_host_key", Kind::kBool, false, false}},
                 {{"password", "private_key"}}});
    s.push_back({DestinationType::kLocal, "local", {{"path", Kind::kString, true, false}}, {}});
    return s;
  }();
  return specs;
}

const TypeSpec* FindSpec(const std::string& type) {
  for (const TypeSpec& spec : Specs()) {
    if (type == spec.name) return &spec;
  }
  return nullptr;
}

const KeySpec* FindKey(const TypeSpec& spec, const std::string& key) {
  for (const KeySpec& k : CommonKeys()) {
    if (key == k.key) return &k;
  }
  for (const KeySpec& k : spec.keys) {
    if (key == k.key) return &k;
  }
  return nullptr;
}

class Parser {
 public:
  Parser(const ParseOptions& options, DestinationError* error) : options_(options), error_(error) {}

  Status Fail(DestinationError::Kind kind, size_t index, const std::string& label,
              const std::string& key, const std::string& why) {
    if (error_ != nullptr) *error_ = {kind, index, key};
    std::string where = "destination #" + std::to_string(index) + label;
    return Status::InvalidArgument(key.empty() ? where + ": " + why
                                               : where + ": key '" + key + "' " + why);
  }

  Result<Destination> One(const json& item, size_t index) {
    if (!item.is_object()) {
      return Fail(DestinationError::Kind::kType, index, "", "", "must be an array with string keys");
    }
    std::string label;
    auto name_it = item.find("name");
    if (name_it != item.end() && name_it->is_string()) {
      label = " '" + name_it->get<std::string>() + "'";
    }
    Result<const TypeSpec*> spec = SpecOf(item, index, label);
    if (!spec.ok()) return spec.status();
    Destination d;
    d.type = (*spec)->type;
    for (const auto& [key, value] : item.items()) {
      if (Status s = Set(**spec, key, value, index, label, &d); !s.ok()) return s;
    }
    d.name = d.Text("name");
    // In this order, each only when the one before passed (Fail() records the refused key).
    Status s = CheckRequired(item, **spec, d, index, label);
    if (s.ok()) s = CheckAccess(d, index, label);
    if (s.ok()) s = CheckFolders(d, index, label);
    if (s.ok()) s = CheckEndpoints(d, index, label);
    if (!s.ok()) return s;
    return d;
  }

 private:
  // The type's spec, from the item's "type".
  Result<const TypeSpec*> SpecOf(const json& item, size_t index, const std::string& label) {
    auto type_it = item.find("type");
    if (type_it == item.end()) return Fail(DestinationError::Kind::kValue, index, label, "type", "is required");
    if (!type_it->is_string()) return Fail(DestinationError::Kind::kType, index, label, "type", "must be a string");
    const TypeSpec* spec = FindSpec(type_it->get<std::string>());
    if (spec == nullptr) {
      return Fail(DestinationError::Kind::kValue, index, label, "type",
                  "must be one of s3, azure, b2, gdrive, dropbox, onedrive, pcloud, webdav, sftp, local");
    }
    return spec;
  }

  // One setting of the item, checked against its spec and stored in *d.
  Status Set(const TypeSpec& spec, const std::string& key, const json& value, size_t index, const std::string& label,
             Destination* out) {
    Destination& d = *out;
    const KeySpec* k = FindKey(spec, key);
    if (k == nullptr) {
      return Fail(DestinationError::Kind::kValue, index, label, key,
                  std::string("is not a setting of type ") + spec.name);
    }
    if (k->test_only && !options_.allow_test_endpoints) {
      return Fail(DestinationError::Kind::kValue, index, label, key,
                  "is only accepted when the option test_endpoints is true");
    }
    switch (k->kind) {
      case Kind::kString: {
        std::string text;
        if (value.is_string()) {
          text = value.get<std::string>();
        } else if (options_.lenient_strings && (value.is_number_integer() || value.is_boolean())) {
          text = value.is_boolean() ? (value.get<bool>() ? "true" : "false") : value.dump();
        } else {
          return Fail(DestinationError::Kind::kType, index, label, key, "must be a string");
        }
        if (text.find('\0') != std::string::npos) {
          return Fail(DestinationError::Kind::kValue, index, label, key, "must not contain NUL bytes");
        }
        if (k->required && text.empty()) {
          return Fail(DestinationError::Kind::kValue, index, label, key, "must not be empty");
        }
        d.text[key] = std::move(text);
        return Status::OK();
      }
      case Kind::kInt: {
        if (!value.is_number_integer()) {
          return Fail(DestinationError::Kind::kType, index, label, key, "must be an integer");
        }
        if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
          return Fail(DestinationError::Kind::kValue, index, label, key, "is out of range");
        }
        int64_t n = value.get<int64_t>();
        if (n < k->min || n > k->max) {
          return Fail(DestinationError::Kind::kValue, index, label, key,
                      "must be between " + std::to_string(k->min) + " and " +
                          (k->max == INT64_MAX ? std::string("2^63-1") : std::to_string(k->max)));
        }
        d.numbers[key] = n;
        return Status::OK();
      }
      case Kind::kBool:
        if (!value.is_boolean()) {
          return Fail(DestinationError::Kind::kType, index, label, key, "must be a boolean");
        }
        d.flags[key] = value.get<bool>();
        return Status::OK();
    }
    return Status::OK();
  }

  // Required keys, and groups of which one must be set.
  Status CheckRequired(const json& item, const TypeSpec& spec, const Destination& d, size_t index,
                       const std::string& label) {
    for (const KeySpec& k : CommonKeys()) {
      if (k.required && !item.contains(k.key)) {
        return Fail(DestinationError::Kind::kValue, index, label, k.key, "is required");
      }
    }
    for (const KeySpec& k : spec.keys) {
      if (k.required && !item.contains(k.key)) {
        return Fail(DestinationError::Kind::kValue, index, label, k.key, "is required");
      }
    }
    for (const auto& group : spec.one_of) {
      bool any = false;
      std::string names;
      for (const char* key : group) {
        any = any || !d.Text(key).empty();
        names += names.empty() ? std::string("'") + key + "'" : std::string(" or '") + key + "'";
      }
      if (!any) {
        return Fail(DestinationError::Kind::kValue, index, label, group[0],
                    "is required (set " + names + ")");
      }
    }
    return Status::OK();
  }

  // How the destination is reached: host keys, OAuth clients, B2 buckets.
  Status CheckAccess(const Destination& d, size_t index, const std::string& label) {
    if (d.type == DestinationType::kSftp && d.Flag("verify_host_key", true) &&
        d.Text("host_key_sha256").empty() && d.Text("known_hosts").empty()) {
      return Fail(DestinationError::Kind::kValue, index, label, "host_key_sha256",
                  "or 'known_hosts' is required unless verify_host_key is false");
    }
    if ((d.type == DestinationType::kGdrive || d.type == DestinationType::kDropbox ||
         d.type == DestinationType::kOnedrive) &&
        d.Has("refresh_token") && d.Text("client_id").empty()) {
      return Fail(DestinationError::Kind::kValue, index, label, "client_id",
                  "is required with refresh_token");
    }
    if (d.type == DestinationType::kB2) {
      for (const char* key : {"bucket_id", "bucket"}) {
        if (d.Has(key) && d.Text(key).empty()) {
          return Fail(DestinationError::Kind::kValue, index, label, key, "must not be empty");
        }
      }
    }
    return Status::OK();
  }

  // The folder a hosted destination is confined to: never the drive's root.
  Status CheckFolders(const Destination& d, size_t index, const std::string& label) {
    if (d.Has("folder")) {
      // A path from the drive's root; the root itself is no backup folder.
      std::string folder = d.Text("folder");
      if (folder.size() < 2 || folder[0] != '/' || folder.find_first_not_of('/') == std::string::npos) {
        return Fail(DestinationError::Kind::kValue, index, label, "folder",
                    "must be a folder's path from the root, starting with '/' (\"/Apps/bjlg\"), not the root");
      }
    }
    if (d.Has("folder_id")) {
      std::string id = d.Text("folder_id");
      bool pcloud = d.type == DestinationType::kPcloud;
      if (id.empty() || id == "root" ||
          (pcloud && (id == "0" || id.find_first_not_of("0123456789") != std::string::npos))) {
        return Fail(DestinationError::Kind::kValue, index, label, "folder_id",
                    pcloud ? "must be a folder id (digits), not the root (0)" : "must be a folder's id, not the root");
      }
    }
    return Status::OK();
  }

  // Regions, clouds, tenants and URLs.
  Status CheckEndpoints(const Destination& d, size_t index, const std::string& label) {
    if (d.type == DestinationType::kPcloud) {
      std::string region = d.Text("region", "us");
      if (region != "us" && region != "eu") {
        return Fail(DestinationError::Kind::kValue, index, label, "region", "must be 'us' or 'eu'");
      }
    }
    if (d.type == DestinationType::kOnedrive) {
      std::string cloud = d.Text("cloud", "global");
      if (cloud != "global" && cloud != "us_gov" && cloud != "us_dod" && cloud != "china") {
        return Fail(DestinationError::Kind::kValue, index, label, "cloud",
                    "must be 'global', 'us_gov', 'us_dod' or 'china'");
      }
      std::string tenant = d.Text("tenant", "common");
      if (tenant.empty() || tenant.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") !=
                                std::string::npos) {
        return Fail(DestinationError::Kind::kValue, index, label, "tenant",
                    "must be a tenant ID or domain (letters, digits, '.', '-')");
      }
    }
    for (const char* key : {"endpoint", "url", "api_base_url", "token_url"}) {
      std::string url = d.Text(key);
      if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
        return Fail(DestinationError::Kind::kValue, index, label, key, "must start with http:// or https://");
      }
    }
    return Status::OK();
  }

 public:
  Result<std::vector<Destination>> List(const json& list) {
    if (!list.is_array()) {
      if (error_ != nullptr) *error_ = {DestinationError::Kind::kType, 0, ""};
      return Status::InvalidArgument("destinations must be a list");
    }
    std::vector<Destination> out;
    std::set<std::string> names;
    for (size_t i = 0; i < list.size(); ++i) {
      Result<Destination> d = One(list[i], i);
      if (!d.ok()) return d.status();
      if (!names.insert(d->name).second) {
        return Fail(DestinationError::Kind::kValue, i, " '" + d->name + "'", "name",
                    "is used by another destination; names must be unique");
      }
      out.push_back(std::move(*d));
    }
    return out;
  }

 private:
  const ParseOptions& options_;
  DestinationError* error_;
};

}  // namespace

const char* DestinationTypeName(DestinationType type) {
  for (const TypeSpec& spec : Specs()) {
    if (spec.type == type) return spec.name;
  }
  return "?";
}

std::string Destination::Text(const std::string& key, const std::string& fallback) const {
  auto it = text.find(key);
  return it == text.end() ? fallback : it->second;
}

std::optional<int64_t> Destination::Number(const std::string& key) const {
  auto it = numbers.find(key);
  if (it == numbers.end()) return std::nullopt;
  return it->second;
}

bool Destination::Flag(const std::string& key, bool fallback) const {
  auto it = flags.find(key);
  return it == flags.end() ? fallback : it->second;
}

std::vector<std::string> Destination::Secrets() const {
  std::vector<std::string> secrets;
  const TypeSpec* spec = FindSpec(DestinationTypeName(type));
  for (const auto& [key, value] : text) {
    const KeySpec* k = spec != nullptr ? FindKey(*spec, key) : nullptr;
    if (k != nullptr && k->secret && !value.empty()) secrets.push_back(value);
  }
  return secrets;
}

bool IsSecretSetting(const std::string& type, const std::string& key) {
  const TypeSpec* spec = FindSpec(type);
  const KeySpec* k = spec != nullptr ? FindKey(*spec, key) : nullptr;
  return k != nullptr && k->secret;
}

Result<std::vector<Destination>> ParseDestinations(const json& list, const ParseOptions& options,
                                                   DestinationError* error) {
  return Parser(options, error).List(list);
}

Result<std::vector<Destination>> LoadDestinationsFile(const std::string& path,
                                                      const ParseOptions& options) {
  Result<std::string> text = ReadSmallFile(path, kMaxConfigFileBytes, "destinations file");
  if (!text.ok()) return text.status();
  return ParseDestinationsYaml(*text, path, options);
}

Result<std::vector<Destination>> ParseDestinationsYaml(const std::string& yaml, const std::string& path,
                                                       const ParseOptions& options) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(path + ": not valid YAML: " + e.what());
  }
  YAML::Node list = root;
  if (root.IsMap()) {
    if (!root["destinations"]) return Status::InvalidArgument(path + ": no 'destinations' list");
    list = root["destinations"];
  }
  if (!list.IsSequence()) {
    return Status::InvalidArgument(path + ": 'destinations' must be a list of destinations");
  }
  ParseOptions lenient = options;
  lenient.lenient_strings = true;
  json converted;
  ExpansionBudget budget(path);
  try {
    Status s = YamlToJson(list, 0, &budget, &converted);
    if (!s.ok()) return Status::InvalidArgument(s.message());
  } catch (const std::exception& e) {
    return Status::InvalidArgument(path + ": " + e.what());
  }
  DestinationError where;
  Result<std::vector<Destination>> parsed = ParseDestinations(converted, lenient, &where);
  if (!parsed.ok()) {
    // The line of the offending key, else of the destination.
    std::string line;
    if (where.index < list.size()) {
      const YAML::Node item = list[where.index];
      YAML::Mark mark = item.Mark();
      if (!where.key.empty() && item.IsMap()) {
        for (const auto& entry : item) {
          if (entry.first.IsScalar() && entry.first.Scalar() == where.key) mark = entry.first.Mark();
        }
      }
      if (mark.line >= 0) line = " line " + std::to_string(mark.line + 1);
    }
    return Status::InvalidArgument(path + line + ": " + parsed.status().message());
  }
  return parsed;
}

nlohmann::json DestinationToJson(const Destination& d) {
  nlohmann::json out = {{"name", d.name}, {"type", DestinationTypeName(d.type)}};
  for (const auto& [key, value] : d.text) out[key] = value;
  for (const auto& [key, value] : d.numbers) out[key] = value;
  for (const auto& [key, value] : d.flags) out[key] = value;
  return out;
}

}  // namespace bjlg::quota
