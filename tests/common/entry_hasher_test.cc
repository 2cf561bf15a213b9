// EntryHasher: the digests computed on its thread (or inline) are those of the bytes given, entry by entry,
// whatever the piece sizes (across its buffers), with many entries sharing a buffer, more entries
// in flight than buffers, and runs of empty entries longer than a buffer holds.
#include <catch2/catch.hpp>

#include "common/digest.h"
#include "common/entry_hasher.h"
#include "../archive/test_util.h"

namespace bjlg {
namespace {

std::string Sha(const std::string& data) {
  Sha256 sha;
  sha.Update(data.data(), data.size());
  return sha.FinalHex();
}

TEST_CASE("EntryHasher gives each entry the SHA-256 of its bytes", "[common]") {
  std::vector<std::string> entries = {"", "a", archive::testing::RandomBytes(3 << 20, 1), "",
                                      archive::testing::RandomBytes((1 << 20) - 1, 2), archive::testing::RandomBytes(1 << 20, 3)};
  for (int i = 0; i < 20; ++i) entries.push_back(std::string(1000 + i, static_cast<char>('a' + i)));
  for (int i = 0; i < 5000; ++i) entries.push_back("");
  for (int i = 0; i < 3000; ++i) entries.push_back(std::string(i % 700, static_cast<char>(i)));
  const EntryHasher::Mode mode = GENERATE(EntryHasher::Mode::kOwnThread, EntryHasher::Mode::kInline);
  EntryHasher hasher(mode);
  size_t piece = 1;
  for (size_t id = 0; id < entries.size(); ++id) {
    const std::string& e = entries[id];
    for (size_t at = 0; at < e.size(); at += piece, piece = piece * 7 % 400009 + 1) {
      hasher.Update(reinterpret_cast<const uint8_t*>(e.data()) + at, std::min(piece, e.size() - at));
    }
    hasher.EndEntry(id * 10);
  }
  std::unordered_map<uint64_t, std::string> digests = hasher.Finish();
  REQUIRE(digests.size() == entries.size());
  for (size_t id = 0; id < entries.size(); ++id) CHECK(digests[id * 10] == Sha(entries[id]));
}

}  // namespace
}  // namespace bjlg
