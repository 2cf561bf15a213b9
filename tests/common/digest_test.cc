// common/digest: the one SHA-256 / HMAC-SHA256 / hex every capability uses, on published vectors.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "common/digest.h"

using namespace bjlg;

TEST_CASE("SHA-256 one-shot and incremental agree with FIPS 180-2's \"abc\"", "[common][digest]") {
  uint8_t d[kSha256Size];
  Sha256Digest("abc", 3, d);
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  CHECK(HexLower(d, sizeof d) == abc);
  Sha256 h;
  h.Update("a", 1);
  h.Update("", 0);
  h.Update("bc", 2);
  CHECK(h.FinalHex() == abc);
  // Final restarts the hash: the empty string's digest next.
  CHECK(h.FinalHex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("HMAC-SHA256 matches RFC 4231 test case 2", "[common][digest]") {
  uint8_t mac[kSha256Size];
  const std::string data = "what do ya want for nothing?";
  HmacSha256Digest("Jefe", 4, data.data(), data.size(), mac);
  CHECK(HexLower(mac, sizeof mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("SHA-256 of a file, and a clear error for a missing one", "[common][digest]") {
  char path[] = "/tmp/bjlg-digest-XXXXXX";
  const int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, "abc", 3) == 3);
  close(fd);
  auto sha = Sha256OfFile(path);
  unlink(path);
  REQUIRE(sha.ok());
  CHECK(*sha == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto missing = Sha256OfFile(std::string(path) + "-gone");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kIOError);
  CHECK(missing.status().message().find("-gone") != std::string::npos);
}
