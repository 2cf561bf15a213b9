// Destination: one remote (or local) storage place whose usage and quota bjlg collects, as the
// plugin and the CLI describe it: an object with a `name`, a `type` and that type's settings.
// docs/quota.md lists every type's keys; kSpecs in destination.cc is the same table in code.
//
// Destinations come from JSON values (the glue converts PHP arrays to nlohmann::json) or from a
// YAML file (the CLI). Parsing checks every key: unknown keys, missing required keys, wrong
// types and out-of-range numbers are refused with a message naming the destination and the key.
#ifndef BJLG_QUOTA_DESTINATION_H_
#define BJLG_QUOTA_DESTINATION_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/status.h"

namespace bjlg::quota {

enum class DestinationType { kS3, kAzure, kB2, kGdrive, kDropbox, kOnedrive, kPcloud, kWebdav, kSftp, kLocal };

// "s3", "azure", "b2", "gdrive", "dropbox", "onedrive", "pcloud", "webdav", "sftp", "local".
const char* DestinationTypeName(DestinationType type);

struct Destination {
  std::string name;
  DestinationType type = DestinationType::kLocal;
  std::map<std::string, std::string> text;     // string settings present, by key
  std::map<std::string, int64_t> numbers;      // integer settings present, by key
  std::map<std::string, bool> flags;           // boolean settings present, by key

  // The string setting `key`, or `fallback` when absent.
  std::string Text(const std::string& key, const std::string& fallback = "") const;
  bool Has(const std::string& key) const { return text.count(key) > 0; }
  std::optional<int64_t> Number(const std::string& key) const;
  bool Flag(const std::string& key, bool fallback) const;

  // The values that must never appear in a message: keys, secrets, passwords, tokens.
  std::vector<std::string> Secrets() const;
};

// True when setting `key` of destination type `type` ("s3", …) holds a secret (a key, a password,
// a token): the keys whose values Destination::Secrets() returns. False for unknown types or keys.
bool IsSecretSetting(const std::string& type, const std::string& key);

// Why a destination was refused, for the glue to pick the PHP exception.
struct DestinationError {
  enum class Kind {
    kType,        // a value has the wrong type (a string where an int is expected…)
    kValue,       // a value is out of range, or a required key is missing, or a key unknown
  };
  Kind kind = Kind::kValue;
  size_t index = 0;       // position in the list
  std::string key;        // the offending key, empty for the destination itself
};

struct ParseOptions {
  // Accepts `api_base_url` and `token_url`, which point the hosted providers (Drive, Dropbox,
  // OneDrive, pCloud, B2) at another server. Only the tests set it.
  bool allow_test_endpoints = false;
  // YAML scalars carry no type: accept numbers and booleans where a string is expected.
  bool lenient_strings = false;
};

// Parses a JSON array of destination objects. Names must be unique and non-empty.
// On failure returns InvalidArgument ("destination #2 'offsite': key 'bucket' is required")
// and fills *error when not null.
Result<std::vector<Destination>> ParseDestinations(const nlohmann::json& list,
                                                   const ParseOptions& options,
                                                   DestinationError* error = nullptr);

// The destination as the JSON object ParseDestinations() reads back (name, type, settings).
nlohmann::json DestinationToJson(const Destination& destination);

// Reads a YAML file: either a sequence of destinations, or a map whose `destinations` key is
// that sequence. Scalars are typed as YAML 1.2's core schema would (true/false, integers).
// The file is read through ReadSmallFile (a regular file of at most 1 MiB) and its aliases
// expanded within an ExpansionBudget (common/parse_limits.h) before anything is validated.
Result<std::vector<Destination>> LoadDestinationsFile(const std::string& path,
                                                      const ParseOptions& options);

// The same for YAML text already in memory; messages start with `name` (the file's path).
Result<std::vector<Destination>> ParseDestinationsYaml(const std::string& yaml, const std::string& name,
                                                       const ParseOptions& options);

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_DESTINATION_H_
