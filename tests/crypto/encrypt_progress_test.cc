// Encryption reports its progress in plaintext bytes, in order, up to the input's size, on the
// caller's thread; a callback that answers false stops it and leaves nothing behind.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "crypto/cipher.h"
#include "test_files.h"

using namespace bjlg;
using namespace bjlg::crypto;
using namespace bjlg::crypto::testing;

namespace {

struct Seen {
  std::vector<uint64_t> done;
  uint64_t total = 0;
  bool other_thread = false;
  bool one_record_shape = true;  // phase "encrypt" of ["encrypt"], in bytes
};

EncryptOptions Recording(Format format, Seen* seen, size_t stop_at_call = 0) {
  EncryptOptions o;
  o.format = format;
  o.chunk_size = 64 << 10;
  o.threads = 1;  // batches of 4 chunks: 256 KiB
  const std::thread::id caller = std::this_thread::get_id();
  o.progress = [seen, stop_at_call, caller](const Progress& p) {
    seen->done.push_back(p.done);
    seen->total = p.total;
    seen->one_record_shape &= p.phase == "encrypt" && p.unit == "bytes" && p.phase_index == 0 &&
                              p.phases == std::vector<std::string>{"encrypt"};
    seen->other_thread |= std::this_thread::get_id() != caller;
    return stop_at_call == 0 || seen->done.size() < stop_at_call;
  };
  return o;
}

}  // namespace

TEST_CASE("encryption progress: every batch, in order, ending at the input size", "[crypto][progress]") {
  ScratchDir dir;
  const auto key = Key::Generate();
  REQUIRE(key.ok());
  for (Format format : {Format::kBjlg, Format::kBjlgenc1}) {
    const size_t size = format == Format::kBjlg ? (1 << 20) + 5 : (9 << 20) + 5;
    WriteAll(dir / "plain", Pattern(size));
    Seen seen;
    auto r = EncryptFile(dir / "plain", dir / "out", *key, Recording(format, &seen));
    INFO((format == Format::kBjlg ? "bjlg" : "bjlgenc1"));
    REQUIRE(r.ok());
    CHECK(seen.total == size);
    CHECK(seen.one_record_shape);
    // The phase's start (0), then every batch: 256 KiB batches (bjlg), 4 MiB pieces (BJLGENC1).
    CHECK(seen.done.front() == 0);
    CHECK(seen.done.size() == (format == Format::kBjlg ? 6u : 4u));
    CHECK(std::is_sorted(seen.done.begin(), seen.done.end()));
    CHECK(seen.done.back() == size);
    CHECK_FALSE(seen.other_thread);
    auto back = DecryptFile(dir / "out", dir / "back", *key, {});
    REQUIRE(back.ok());
    CHECK(ReadAll(dir / "back") == ReadAll(dir / "plain"));
  }
}

TEST_CASE("encryption progress: false cancels and leaves no output", "[crypto][progress]") {
  ScratchDir dir;
  const auto key = Key::Generate();
  REQUIRE(key.ok());
  for (Format format : {Format::kBjlg, Format::kBjlgenc1}) {
    WriteAll(dir / "plain", Pattern(9 << 20));
    Seen seen;
    auto r = EncryptFile(dir / "plain", dir / "out", *key, Recording(format, &seen, 2));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kCancelled);
    CHECK(seen.done.size() == 2);
    CHECK(dir.List() == std::vector<std::string>{"plain"});
  }
}
