#include "crypto/key.h"

#include <catch2/catch.hpp>
#include <string>

using bjlg::Status;
using bjlg::crypto::Key;

namespace {
const std::string kFixtureKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
}

TEST_CASE("Key::FromString accepts the plugin's BJLG_ENCRYPTION_KEY forms") {
  for (std::string form : {kFixtureKey, "base64:" + kFixtureKey,
                           std::string("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"),  // no padding
                           "  \t" + kFixtureKey + "\n\r\v",                             // trimmed
                           std::string("AAECAwQFBgcICQoLDA0O\nDxAREhMUFRYXGBkaGxwdHh8=")}) {
    INFO(form);
    auto key = Key::FromString(form);
    REQUIRE(key.ok());
    for (int i = 0; i < 32; ++i) CHECK(key->data()[i] == i);
    CHECK(key->ToString() == kFixtureKey);
  }
}

TEST_CASE("Key::FromString refuses what PHP's strict base64_decode refuses, or not 32 bytes") {
  for (std::string bad : {std::string(""), std::string("base64:"),
                          std::string("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=="),  // 3 pads
                          std::string("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh-="),   // URL-safe
                          std::string("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh=8"),   // data after =
                          std::string("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg=="),   // 31 bytes
                          std::string("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gIQ=="),  // 34 bytes
                          std::string("BASE64:") + kFixtureKey,  // the prefix is case-sensitive
                          std::string("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8A")}) {  // i%4==1
    INFO(bad);
    auto key = Key::FromString(bad);
    REQUIRE_FALSE(key.ok());
    CHECK(key.status().code() == Status::Code::kInvalidArgument);
    if (!bad.empty()) CHECK(key.status().message().find(bad) == std::string::npos);
  }
}

TEST_CASE("Generated keys are random, round-trip through ToString, and have stable fingerprints") {
  auto a = Key::Generate();
  auto b = Key::Generate();
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->ToString() != b->ToString());
  auto again = Key::FromString(a->ToString());
  REQUIRE(again.ok());
  CHECK(again->Fingerprint() == a->Fingerprint());
  CHECK(a->Fingerprint() != b->Fingerprint());
  CHECK(a->Fingerprint().size() == 16);
  // HMAC-SHA256(00..1f, "bjlg key id v1")[0..8], computed with Python's hmac module.
  CHECK(Key::FromString(kFixtureKey)->Fingerprint() == "d3818eb6f12b72ef");
}
