// Fuzzes destinations files (issue 16, class 2): YAML with anchors and aliases, converted to
// JSON within the expansion budget before validation. A self-referencing alias or nested
// aliases ("billion laughs") must end in a refusal, never in a crash, a hang or gigabytes; the
// seeds hold both, and a file that uses aliases legitimately.
#include <cstddef>
#include <cstdint>
#include <string>

#include "quota/destination.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  (void)bjlg::quota::ParseDestinationsYaml(yaml, "fuzz.yml", {});
  return 0;
}
