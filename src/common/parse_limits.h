// Parse limits: the one place for the bounds bjlg puts on input it does not control (a backup's
// manifest and index, a destinations file, a provider's answer, a key file handed to the CLI).
// A backup tool reads untrusted files by design, so every parser of such input, and every
// recursive walk over what it parsed, goes through these bounds (docs/security.md):
//  - nesting depth: a few hundred bytes of JSON nested 100,000 deep would overflow the stack of
//    any recursive walk; CheckJsonDepth() refuses it before a parser sees it;
//  - YAML aliases: an alias expands to a copy of its anchor's subtree, so a self-referencing
//    alias never ends and nested ones grow exponentially; ExpansionBudget counts the nodes a
//    conversion produces, aliases included, and its depth;
//  - file type and size: open() of a FIFO blocks forever and /dev/zero never ends; files are
//    opened non-blocking and checked with fstat() before any read (OpenRegularFile,
//    ReadSmallFile), and small inputs have a size cap.
#ifndef BJLG_COMMON_PARSE_LIMITS_H_
#define BJLG_COMMON_PARSE_LIMITS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg {

// Levels of arrays/objects (JSON), sequences/maps (YAML) or elements (XML) any document may
// nest. The deepest document bjlg reads legitimately nests fewer than 10.
constexpr int kMaxNestingDepth = 64;
// Nodes a YAML document may expand to, each alias counting the whole subtree it copies. A
// destinations file of 200 destinations with 20 settings each is about 8,000.
constexpr size_t kMaxYamlNodes = 20000;
// Size caps of small inputs read whole.
constexpr uint64_t kMaxConfigFileBytes = 1 << 20;  // a destinations or schedules file
constexpr uint64_t kMaxKeyFileBytes = 64 << 10;    // a key or password file
constexpr uint64_t kMaxIndexBytes = 1ull << 30;     // an index or incremental manifest read whole

// Worker threads a caller may ask of any operation (0: one per core). More than this is a
// mistake, not a machine: each thread holds buffers, so the bound keeps memory bounded too.
constexpr int64_t kMaxThreads = 256;
// OK when `threads` is in [0, kMaxThreads]; otherwise InvalidOption(option).
Status CheckThreadCount(int64_t threads, const std::string& option = "threads");

// Opens `path` for reading without blocking on a FIFO, and refuses anything that is not a
// regular file (FIFO, character or block device, socket, folder) with an IOError naming `what`
// ("archive", "key file", …; empty: the path alone) and the kind of file found. Returns the descriptor (O_CLOEXEC,
// blocking again), which the caller closes. FromErrno statuses when open() fails.
Result<int> OpenRegularFile(const std::string& path, const std::string& what);

// The whole content of the regular file `path`, refused when it weighs more than `max_bytes`
// (InvalidArgument naming `what` and the limit), including a file that grows while read.
Result<std::string> ReadSmallFile(const std::string& path, uint64_t max_bytes, const std::string& what);

// OK when the JSON `text` nests no deeper than `max_depth` arrays and objects; otherwise a
// Corruption naming `what` and the limit. Counts brackets outside strings in one pass with
// constant memory, so it is safe on any input, valid JSON or not: call it before parsing.
Status CheckJsonDepth(std::string_view text, int max_depth, const std::string& what);

// The document of untrusted JSON `text`: CheckJsonDepth() first, then nlohmann's parser.
// Corruption naming `what` when too deep or not valid JSON. Every JSON bjlg did not produce in
// this call (a manifest, an index, a history line, a provider's answer) is parsed through this.
Result<nlohmann::json> ParseUntrustedJson(std::string_view text, const std::string& what,
                                          int max_depth = kMaxNestingDepth);

// The budget of a recursive conversion (YAML → JSON): Enter() before producing each node at
// `depth` (0 for the root), which fails once more than `max_nodes` nodes have been produced or
// `depth` exceeds `max_depth`. The Corruption names `what` and the limit exceeded.
class ExpansionBudget {
 public:
  ExpansionBudget(std::string what, size_t max_nodes = kMaxYamlNodes, int max_depth = kMaxNestingDepth)
      : what_(std::move(what)), max_nodes_(max_nodes), max_depth_(max_depth) {}

  Status Enter(int depth);
  size_t nodes() const { return nodes_; }

 private:
  std::string what_;
  size_t max_nodes_;
  int max_depth_;
  size_t nodes_ = 0;
};

// "nested deeper than 64 levels": the one wording of a depth refusal, for callers that build
// their own message (the glue's checks of PHP arrays).
std::string DepthLimitMessage(int max_depth);

}  // namespace bjlg

#endif  // BJLG_COMMON_PARSE_LIMITS_H_
