// YAML → JSON, the one conversion every YAML input of bjlg goes through (destinations files,
// purge policies): scalars typed as YAML 1.2's core schema would (true/false, integers; quoted
// scalars stay strings), and the expansion budget of common/parse_limits.h, which stops
// self-referencing and exponentially nested aliases while converting.
#ifndef BJLG_COMMON_YAML_JSON_H_
#define BJLG_COMMON_YAML_JSON_H_

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "common/parse_limits.h"
#include "common/status.h"

namespace bjlg {

// The JSON value of one scalar: a bool, an integer, or the text.
nlohmann::json YamlScalarToJson(const YAML::Node& node);

// The JSON of `node` at `depth` (0 for a document's root), every node produced counted by
// `budget`; the budget's Corruption when exceeded. May throw YAML::Exception (a key that is
// not a scalar): call it inside a try.
Status YamlToJson(const YAML::Node& node, int depth, ExpansionBudget* budget, nlohmann::json* out);
// The same, keeping the maps' keys in the file's order (a channels file lists what is sent first).
Status YamlToJson(const YAML::Node& node, int depth, ExpansionBudget* budget, nlohmann::ordered_json* out);

}  // namespace bjlg

#endif  // BJLG_COMMON_YAML_JSON_H_
