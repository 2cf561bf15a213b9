#include "common/yaml_json.h"

#include <string>

namespace bjlg {

using json = nlohmann::json;

json YamlScalarToJson(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return s;  // quoted: always a string
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (!s.empty() && s.size() < 19 && s.find_first_not_of("0123456789", s[0] == '-' ? 1 : 0) == std::string::npos &&
      s != "-") {
    return std::stoll(s);
  }
  return s;
}

// yaml-cpp resolves an alias to its anchor's node, so the document is a graph: an alias inside
// its own anchor is a cycle, and nested aliases multiply ("billion laughs"). The budget stops
// both while converting, before anything is validated.
namespace {

template <typename Json>
Status Convert(const YAML::Node& node, int depth, ExpansionBudget* budget, Json* out) {
  Status s = budget->Enter(depth);
  if (!s.ok()) return s;
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      *out = Json::array();
      for (const auto& child : node) {
        Json item;
        s = Convert(child, depth + 1, budget, &item);
        if (!s.ok()) return s;
        out->push_back(std::move(item));
      }
      return Status::OK();
    }
    case YAML::NodeType::Map: {
      *out = Json::object();
      for (const auto& kv : node) {
        Json item;
        s = Convert(kv.second, depth + 1, budget, &item);
        if (!s.ok()) return s;
        (*out)[kv.first.as<std::string>()] = std::move(item);
      }
      return Status::OK();
    }
    case YAML::NodeType::Scalar:
      *out = YamlScalarToJson(node);
      return Status::OK();
    default:
      *out = nullptr;
      return Status::OK();
  }
}

}  // namespace

Status YamlToJson(const YAML::Node& node, int depth, ExpansionBudget* budget, json* out) {
  return Convert(node, depth, budget, out);
}

Status YamlToJson(const YAML::Node& node, int depth, ExpansionBudget* budget, nlohmann::ordered_json* out) {
  return Convert(node, depth, budget, out);
}

}  // namespace bjlg
