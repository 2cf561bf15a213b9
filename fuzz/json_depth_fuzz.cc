// Fuzzes the bound on nesting (issue 16, class 1): every parser of a backup's own JSON (manifest,
// index, deletion list, the plugin's incremental manifest) goes through ParseUntrustedJson. The
// property checked beyond "no crash": whatever it accepts nests no deeper than the limit, so the
// recursive copies and walks that follow (the verifier's, JSON -> zval) stay bounded. Seeds
// include a document nested far past the limit, in arrays, objects and inside strings.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "archive/backup_index.h"
#include "archive/plugin_manifest.h"
#include "common/parse_limits.h"

namespace {

// Depth of a parsed document, counted as CheckJsonDepth counts: one level per array or object
// (a scalar inside the 64th array is still at depth 64). Recursion is safe here only because
// the parser's output is supposed to be bounded: a bug in the bound shows up as a stack
// overflow or the abort below.
int Depth(const nlohmann::json& j, int depth) {
  if (!j.is_array() && !j.is_object()) return depth - 1;
  if (depth > bjlg::kMaxNestingDepth) abort();
  int deepest = depth;
  for (const auto& child : j) deepest = std::max(deepest, Depth(child, depth + 1));
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  bjlg::Result<nlohmann::json> doc = bjlg::ParseUntrustedJson(text, "fuzz");
  if (doc.ok()) {
    (void)Depth(*doc, 1);  // the outermost bracket is level 1, as CheckJsonDepth counts
    const nlohmann::json copy = *doc;  // the verifier copies the manifest it parsed
    (void)copy.dump();
  }
  (void)bjlg::archive::ParseIndex(text);
  (void)bjlg::archive::ParseDeletedFiles(text);
  (void)bjlg::archive::ParsePluginManifest(text);
  return 0;
}
