#include "notify/config_file.h"

#include <yaml-cpp/yaml.h>

#include "common/parse_limits.h"
#include "common/yaml_json.h"
#include "notify/incident.h"
#include "notify/message.h"

namespace bjlg::notify {
namespace {

std::string At(const std::string& path, const YAML::Node& node) {
  return path + " line " + std::to_string(node.Mark().line + 1);
}

// The budget's refusals (aliases, depth) become InvalidArgument like every other refusal of
// the file's content.
Status Convert(const YAML::Node& node, const std::string& path, ExpansionBudget* budget, OrderedJson* out) {
  try {
    Status s = YamlToJson(node, 1, budget, out);
    return s.ok() ? s : Status::InvalidArgument(s.message());
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(At(path, node) + ": " + e.what());
  }
}

}  // namespace

Result<OrderedJson> ParseNotifyConfigYaml(const std::string& yaml, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(path + ": not valid YAML: " + e.what());
  }
  YAML::Node channels = root.IsMap() ? root["channels"] : YAML::Node();
  if (!channels || !channels.IsMap() || channels.size() == 0) {
    return Status::InvalidArgument(path + ": needs a \"channels\" map of channel name => channel");
  }
  ExpansionBudget budget(path);
  OrderedJson out = {{"channels", OrderedJson::object()}};
  for (const auto& kv : channels) {
    if (!kv.first.IsScalar() || kv.first.Scalar().empty()) {
      return Status::InvalidArgument(At(path, kv.first) + ": a channel name must be a non-empty text");
    }
    const std::string name = kv.first.Scalar();
    OrderedJson channel;
    if (Status s = Convert(kv.second, path, &budget, &channel); !s.ok()) return s;
    Result<Channel> parsed = ParseChannel(channel, "channel \"" + name + "\"");
    if (!parsed.ok()) return Status::InvalidArgument(At(path, kv.second) + ": " + parsed.status().message());
    out["channels"][name] = std::move(channel);
  }
  if (YAML::Node policy = root["policy"]; policy && !policy.IsNull()) {
    if (!policy.IsMap()) return Status::InvalidArgument(At(path, policy) + ": \"policy\" must be a map");
    if (policy["channels"]) {
      return Status::InvalidArgument(At(path, policy) + ": \"policy\" takes its channels from the top-level "
                                     "\"channels\" map: remove policy.channels");
    }
    OrderedJson converted;
    if (Status s = Convert(policy, path, &budget, &converted); !s.ok()) return s;
    OrderedJson checked = converted;
    checked["channels"] = out["channels"];
    Result<IncidentPolicy> parsed = ParsePolicy(checked);
    if (!parsed.ok()) return Status::InvalidArgument(At(path, policy) + ": " + parsed.status().message());
    out["policy"] = std::move(converted);
  }
  return out;
}

Result<OrderedJson> LoadNotifyConfigFile(const std::string& path) {
  Result<std::string> text = ReadSmallFile(path, kMaxConfigFileBytes, "notify config file");
  if (!text.ok()) return text.status();
  return ParseNotifyConfigYaml(*text, path);
}

}  // namespace bjlg::notify
