// Fuzzes the site policy document (config/policy.h: YAML with anchors and aliases, converted
// within the expansion budget). Every input ends in a refusal that gives a position, or in a
// policy whose emitted YAML parses back to the same policy and emits the same text (the round
// trip the export/import relies on), and whose JSON form reads back to it too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "config/policy.h"

using namespace bjlg::config;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  bjlg::Result<Policy> policy = ParsePolicyYaml(text, "fuzz.yaml");
  if (!policy.ok()) {
    if (policy.status().code() != bjlg::Status::Code::kInvalidArgument) std::abort();
    if (policy.status().message().rfind("fuzz.yaml", 0) != 0) std::abort();
    return 0;
  }
  const std::string yaml = EmitPolicyYaml(*policy);
  bjlg::Result<Policy> again = ParsePolicyYaml(yaml, "emitted");
  if (!again.ok() || *again != *policy) std::abort();
  if (EmitPolicyYaml(*again) != yaml) std::abort();
  bjlg::Result<Policy> from_json = PolicyFromJson(PolicyToJson(*policy));
  if (!from_json.ok() || *from_json != *policy) std::abort();
  return 0;
}
