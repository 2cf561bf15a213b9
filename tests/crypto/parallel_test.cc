// RunBatches: every step once, never more threads than asked, the caller's hook only on the
// caller's thread, the lowest failure whatever the scheduling, and a cancelling hook that stops
// the others. Then what it serves: bjlg-format files encrypted and decrypted on 1, 2 and 4
// threads are the same bytes, and tampering is reported at the same chunk on every count.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "crypto/cipher.h"
#include "crypto/parallel.h"
#include "test_files.h"

using bjlg::Status;
using namespace bjlg::crypto;
using namespace bjlg::crypto::testing;

TEST_CASE("RunBatches runs each step once on at most the threads asked for", "[crypto][parallel]") {
  for (unsigned threads : {1u, 2u, 4u}) {
    INFO("threads " << threads);
    std::vector<std::atomic<int>> runs(100);
    std::mutex mu;
    std::set<unsigned> workers;
    std::set<std::thread::id> thread_ids;
    const std::thread::id caller = std::this_thread::get_id();
    bool hook_elsewhere = false;
    int hook_calls = 0;
    std::atomic<int> caller_steps{0};
    Status s = RunBatches(
        runs.size(), threads,
        [&](uint64_t k, unsigned worker) {
          runs[k].fetch_add(1);
          std::lock_guard<std::mutex> lock(mu);
          workers.insert(worker);
          thread_ids.insert(std::this_thread::get_id());
          if (worker == 0) caller_steps.fetch_add(1);
          if (worker == 0 && std::this_thread::get_id() != caller) hook_elsewhere = true;
          return Status::OK();
        },
        [&] {
          hook_elsewhere |= std::this_thread::get_id() != caller;
          ++hook_calls;
          return Status::OK();
        });
    REQUIRE(s.ok());
    for (auto& r : runs) CHECK(r.load() == 1);
    CHECK(thread_ids.size() <= threads);
    CHECK(*workers.rbegin() < threads);
    CHECK_FALSE(hook_elsewhere);
    CHECK(hook_calls == caller_steps.load());  // after each of the caller's own steps
  }
}

TEST_CASE("RunBatches returns the lowest failing step, whatever ran first", "[crypto][parallel]") {
  for (int round = 0; round < 50; ++round) {
    Status s = RunBatches(
        40, 4,
        [](uint64_t k, unsigned) {
          if (k == 29) return Status::Corruption("step 29");
          if (k == 7) {
            std::this_thread::yield();  // let a higher failure land first when it can
            return Status::Corruption("step 7");
          }
          return Status::OK();
        },
        nullptr);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message() == "step 7");
  }
}

TEST_CASE("RunBatches stops every thread when the caller's hook fails", "[crypto][parallel]") {
  std::atomic<int> ran{0};
  Status s = RunBatches(
      10000, 2,
      [&](uint64_t, unsigned) {
        ran.fetch_add(1);
        return Status::OK();
      },
      [] { return Status::Cancelled("stop"); });
  CHECK(s.code() == Status::Code::kCancelled);
  CHECK(ran.load() < 10000);
}

namespace {

Key FixedKey() {
  uint8_t k[32];
  for (int i = 0; i < 32; ++i) k[i] = static_cast<uint8_t>(7 * i + 1);
  return *Key::FromBytes(k, 32);
}

EncryptOptions SmallChunks(unsigned threads) {
  EncryptOptions o;
  o.chunk_size = 64 << 10;  // batches of 4 chunks: a 3 MiB file is 12 batches
  o.threads = threads;
  return o;
}

}  // namespace

TEST_CASE("bjlg format: the same plaintext and the same errors on 1, 2 and 4 threads", "[crypto][parallel]") {
  ScratchDir dir;
  const std::string plain = Pattern((3 << 20) + 12345);
  WriteAll(dir / "plain", plain);
  REQUIRE(EncryptFile(dir / "plain", dir / "one.bjlg", FixedKey(), SmallChunks(1)).ok());
  const std::string sealed = ReadAll(dir / "one.bjlg");
  const size_t header = sealed.size() - plain.size() - 49 * 16;  // 49 chunks, a tag each
  // Chunks 30 and 41 altered: every thread count must name chunk 30, the first.
  std::string tampered = sealed;
  tampered[header + 30 * ((64 << 10) + 16) + 5] ^= 1;
  tampered[header + 41 * ((64 << 10) + 16) + 5] ^= 1;
  WriteAll(dir / "tampered.bjlg", tampered);
  for (unsigned threads : {1u, 2u, 4u}) {
    INFO("threads " << threads);
    DecryptOptions d;
    d.threads = threads;
    auto back = DecryptFile(dir / "one.bjlg", dir / "back", FixedKey(), d);
    REQUIRE(back.ok());
    CHECK(ReadAll(dir / "back") == plain);
    auto bad = DecryptFile(dir / "tampered.bjlg", dir / "bad", FixedKey(), d);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.status().code() == Status::Code::kCorruption);
    CHECK(bad.status().message().find("chunk 30 ") != std::string::npos);
    CHECK_FALSE(Exists(dir / "bad"));
    auto verified = VerifyFile(dir / "tampered.bjlg", FixedKey(), d);
    CHECK(verified.status().message() == bad.status().message());
    // Encrypting again on this many threads: a fresh nonce and salt, so compare by decrypting.
    REQUIRE(EncryptFile(dir / "plain", dir / "again.bjlg", FixedKey(), SmallChunks(threads)).ok());
    CHECK(ReadAll(dir / "again.bjlg").size() == sealed.size());
    REQUIRE(DecryptFile(dir / "again.bjlg", dir / "again", FixedKey(), d).ok());
    CHECK(ReadAll(dir / "again") == plain);
    std::remove((dir / "back").c_str());
    std::remove((dir / "again").c_str());
  }
}
