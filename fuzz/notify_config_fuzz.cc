// Fuzzes the channels file of `bjlg notify` (YAML with anchors and aliases, converted within the
// expansion budget): every input ends in a refusal or in channels that all parse again, and
// a policy that parses with them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "notify/config_file.h"
#include "notify/incident.h"
#include "notify/message.h"

using namespace bjlg::notify;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  bjlg::Result<OrderedJson> config = ParseNotifyConfigYaml(text, "fuzz.yaml");
  if (!config.ok()) return 0;
  const OrderedJson& channels = config.value()["channels"];
  if (!channels.is_object() || channels.empty()) std::abort();
  for (auto it = channels.begin(); it != channels.end(); ++it) {
    if (!ParseChannel(it.value(), "again").ok()) std::abort();
  }
  if (config.value().contains("policy")) {
    OrderedJson policy = config.value()["policy"];
    policy["channels"] = channels;
    if (!ParsePolicy(policy).ok()) std::abort();
  }
  return 0;
}
