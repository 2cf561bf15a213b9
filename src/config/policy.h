// A site's backup policy as one YAML document (docs/policy.md): schedules, destinations,
// retention, notification channels and RPO/RTO targets, exported from a site and imported into
// another (or the same one, edited).
//
// Every section reuses the parser of its capability: destinations are checked by
// quota::ParseDestinations, retention by remote::purge::PolicyFromJson, channels by
// notify::ParseChannel, schedules' cron expressions by cron::Expression::Parse. What this file
// adds is the document's shape, the positions of refusals ("policy.yaml line 7, column 5: ..."),
// the parse limits (common/parse_limits.h) and the rule that secrets are referenced, never
// inlined: a setting holding a secret (a destination's secret_key, password, token; a channel's
// password, secret, token, webhook URL) must be one of
//   {env: NAME}      the environment variable NAME of the process that resolves the policy
//   {file: /path}    the content of a file (absolute path), trailing newline dropped
//   {option: name}   a WordPress option of the site that imports the policy (the plugin also
//                    reads "bjlg:destination:NAME:KEY" and "bjlg:channel:NAME:KEY" as the
//                    secret the site holds today: docs/policy.md)
// and a value written in the document is refused with its line. Resolving a reference is the
// importer's business (the plugin): the core keeps references as references.
#ifndef BJLG_CONFIG_POLICY_H_
#define BJLG_CONFIG_POLICY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "quota/destination.h"
#include "remote/purge/policy.h"

namespace bjlg::config {

// The only version of the document: `version: 1` (optional; another number is refused).
constexpr int64_t kPolicyVersion = 1;
// Most entries a list or map section may hold (schedules, destinations, channels).
constexpr size_t kMaxPolicyEntries = 200;
// Bounds of the targets.
constexpr int64_t kMaxRpoHours = 8760;       // a year
constexpr int64_t kMaxRtoMinutes = 525600;   // a year

struct SecretRef {
  enum class Source { kEnv, kFile, kOption };
  Source source = Source::kEnv;
  std::string name;  // the variable, the path or the option

  bool operator==(const SecretRef& o) const { return source == o.source && name == o.name; }
};

// "env", "file", "option".
const char* SecretSourceName(SecretRef::Source source);

struct Schedule {
  enum class Type { kFull, kIncremental };
  std::string name;        // unique, non-empty
  std::string cron;        // as written (checked by cron::Expression::Parse)
  Type type = Type::kFull;
  bool enabled = true;
};

struct PolicyDestination {
  // The settings that are not secrets (name and type included), checked with placeholders in
  // the secrets' places.
  quota::Destination destination;
  std::map<std::string, SecretRef> secrets;  // by setting key
};

struct PolicyChannel {
  std::string name;                          // the key of the channels map
  nlohmann::ordered_json settings;           // the channel as written, secrets as references
  std::map<std::string, SecretRef> secrets;  // the references, by key
};

struct Targets {
  std::optional<int64_t> rpo_hours;    // at most this long without a good backup
  std::optional<int64_t> rto_minutes;  // at most this long to restore
};

// A section absent from the document stays unset: importing a document changes only what it
// holds.
struct Policy {
  std::optional<std::vector<Schedule>> schedules;
  std::optional<std::vector<PolicyDestination>> destinations;
  std::optional<remote::purge::Policy> retention;
  std::optional<std::vector<PolicyChannel>> channels;
  std::optional<Targets> targets;
};

// The policy of YAML `text`. An empty document (or only comments) is the empty policy. Refusals
// are InvalidArgument "<name> line L, column C: <section and key>: <why>" (never a value);
// documents larger than kMaxConfigFileBytes, nested deeper or expanding (aliases) beyond the
// limits of common/parse_limits.h are refused before anything is validated.
Result<Policy> ParsePolicyYaml(const std::string& text, const std::string& name);

// ParsePolicyYaml() of a regular file of at most kMaxConfigFileBytes (ReadSmallFile).
Result<Policy> LoadPolicyFile(const std::string& path);

// The policy as JSON: the same shape as the YAML document (sections absent when unset, a secret
// as {"env": "NAME"}), the form the glue returns as a PHP array and reads back.
nlohmann::ordered_json PolicyToJson(const Policy& policy);

// The policy of that JSON form. Refusals name the section, entry and key ("destinations[1]
// ('offsite') key 'secret_key': ...").
Result<Policy> PolicyFromJson(const nlohmann::ordered_json& value);

// The YAML document: `version: 1`, then the sections present in a fixed order (schedules,
// destinations, retention, channels, targets), keys in a fixed order within each entry. Strings
// that would read back as another type are quoted, so ParsePolicyYaml(EmitPolicyYaml(p)) == p.
std::string EmitPolicyYaml(const Policy& policy);

// Equal when their JSON forms are.
bool operator==(const Policy& a, const Policy& b);
inline bool operator!=(const Policy& a, const Policy& b) { return !(a == b); }

}  // namespace bjlg::config

#endif  // BJLG_CONFIG_POLICY_H_
