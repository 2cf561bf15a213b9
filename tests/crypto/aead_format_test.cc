// The bjlg streaming AEAD format: round trips, tampering with every byte, truncation at every
// chunk boundary, reordering, wrong key versus wrong password, and nothing left on failure.
#include <catch2/catch.hpp>

#include "crypto/aead_header.h"
#include "crypto/cipher.h"
#include "test_files.h"

using bjlg::Status;
using namespace bjlg::crypto;
using namespace bjlg::crypto::testing;

namespace {

EncryptOptions Small(uint32_t chunk = 16) {
  EncryptOptions o;
  o.chunk_size = chunk;
  o.scrypt_log_n = 14;  // fast enough for tests
  o.threads = 2;
  return o;
}

Key FixedKey() {
  uint8_t k[32];
  for (int i = 0; i < 32; ++i) k[i] = static_cast<uint8_t>(i);
  return *Key::FromBytes(k, 32);
}

}  // namespace

TEST_CASE("bjlg format: round trips for every size around chunk boundaries, both ciphers") {
  ScratchDir dir;
  for (auto cipher : {AeadCipher::kAes256Gcm, AeadCipher::kChaCha20Poly1305}) {
    for (size_t size : {0, 1, 15, 16, 17, 31, 32, 33, 100, 1000}) {
      for (unsigned threads : {1u, 3u}) {
        INFO(AeadCipherName(cipher) << " size " << size << " threads " << threads);
        std::string plain = Pattern(size, static_cast<uint32_t>(size + 7));
        WriteAll(dir / "plain", plain);
        EncryptOptions o = Small();
        o.cipher = cipher;
        o.threads = threads;
        auto e = EncryptFile(dir / "plain", dir / "x.bjlg", FixedKey(), o);
        REQUIRE(e.ok());
        size_t chunks = size == 0 ? 1 : (size + 15) / 16;
        CHECK(e->chunks == chunks);
        CHECK(ReadAll(dir / "x.bjlg").size() == 100 + size + 16 * chunks);
        CHECK(e->plaintext_size == size);
        CHECK(e->cipher == AeadCipherName(cipher));
        CHECK(e->key_fingerprint == FixedKey().Fingerprint());
        DecryptOptions d;
        d.threads = threads;
        auto r = DecryptFile(dir / "x.bjlg", dir / "x.out", FixedKey(), d);
        REQUIRE(r.ok());
        CHECK(ReadAll(dir / "x.out") == plain);
      }
    }
  }
}

TEST_CASE("bjlg format: a 3 MiB file with default chunks on all cores") {
  ScratchDir dir;
  std::string plain = Pattern(3 * 1048576 + 5, 99);
  WriteAll(dir / "plain", plain);
  EncryptOptions o;
  auto e = EncryptFile(dir / "plain", dir / "x.bjlg", FixedKey(), o);
  REQUIRE(e.ok());
  CHECK(e->chunks == 4);
  REQUIRE(VerifyFile(dir / "x.bjlg", FixedKey(), {}).ok());
  REQUIRE(DecryptFile(dir / "x.bjlg", dir / "x.out", FixedKey(), {}).ok());
  CHECK(ReadAll(dir / "x.out") == plain);
}

TEST_CASE("bjlg format: passwords with scrypt and PBKDF2, recorded in the header") {
  ScratchDir dir;
  WriteAll(dir / "plain", "some archive bytes");
  for (auto kdf : {KdfId::kScrypt, KdfId::kPbkdf2Sha256}) {
    INFO(KdfName(kdf));
    EncryptOptions o = Small();
    o.password_kdf = kdf;
    auto e = EncryptFile(dir / "plain", dir / "x.bjlg", Password("hunter2"), o);
    REQUIRE(e.ok());
    auto info = InspectFile(dir / "x.bjlg");
    REQUIRE(info.ok());
    CHECK(info->mode == "password");
    CHECK(info->kdf == KdfName(kdf));
    if (kdf == KdfId::kScrypt) {
      CHECK(info->scrypt_log_n == 14);
      CHECK(info->scrypt_r == 8);
      CHECK(info->scrypt_p == 1);
    } else {
      CHECK(info->kdf_iterations == 600000);
    }
    REQUIRE(DecryptFile(dir / "x.bjlg", dir / "x.out", Password("hunter2"), {}).ok());
    CHECK(ReadAll(dir / "x.out") == "some archive bytes");
    auto wrong = VerifyFile(dir / "x.bjlg", Password("hunter3"), {});
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.status().code() == Status::Code::kUnauthenticated);
    CHECK(wrong.status().message() == "wrong password");
    auto key = VerifyFile(dir / "x.bjlg", FixedKey(), {});
    REQUIRE_FALSE(key.ok());
    CHECK(key.status().code() == Status::Code::kUnauthenticated);
    CHECK(key.status().message().rfind("wrong key", 0) == 0);
  }
  EncryptOptions weak = Small();
  weak.password_kdf = KdfId::kPbkdf2Sha256;
  weak.pbkdf2_iterations = 10000;
  auto refused = EncryptFile(dir / "plain", dir / "y.bjlg", Password("x"), weak);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == Status::Code::kInvalidArgument);
  CHECK_FALSE(Exists(dir / "y.bjlg"));
}

TEST_CASE("bjlg format: a wrong key is reported as a wrong key, never as corruption") {
  ScratchDir dir;
  WriteAll(dir / "plain", Pattern(100));
  REQUIRE(EncryptFile(dir / "plain", dir / "x.bjlg", FixedKey(), Small()).ok());
  auto other = Key::Generate();
  auto r = DecryptFile(dir / "x.bjlg", dir / "x.out", *other, {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kUnauthenticated);
  CHECK(r.status().message() == "wrong key: the file was encrypted with key " + FixedKey().Fingerprint());
  r = DecryptFile(dir / "x.bjlg", dir / "x.out", Password("a password"), {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kUnauthenticated);
  CHECK(r.status().message().rfind("wrong password", 0) == 0);
  CHECK(dir.List().size() == 2);  // plain, x.bjlg
}

TEST_CASE("bjlg format: flipping any byte of a 3-chunk file fails with the right error") {
  ScratchDir dir;
  WriteAll(dir / "plain", Pattern(40));  // chunks of 16, 16, 8
  REQUIRE(EncryptFile(dir / "plain", dir / "x.bjlg", FixedKey(), Small()).ok());
  const std::string original = ReadAll(dir / "x.bjlg");
  REQUIRE(original.size() == 100 + 40 + 3 * 16);
  for (size_t i = 0; i < original.size(); ++i) {
    for (uint8_t bit : {0x01, 0x80}) {
      INFO("byte " << i << " bit " << int(bit));
      std::string tampered = original;
      tampered[i] = static_cast<char>(tampered[i] ^ bit);
      WriteAll(dir / "t.bjlg", tampered);
      auto v = VerifyFile(dir / "t.bjlg", FixedKey(), {});
      auto r = DecryptFile(dir / "t.bjlg", dir / "t.out", FixedKey(), {});
      REQUIRE_FALSE(v.ok());
      REQUIRE_FALSE(r.ok());
      CHECK(v.status().code() == r.status().code());
      if (i < 8) {
        CHECK(r.status().code() == Status::Code::kNotSupported);  // magic
      } else if (i == 8) {
        CHECK(r.status().code() == Status::Code::kNotSupported);  // version byte
      } else {
        CHECK(r.status().code() == Status::Code::kCorruption);
        if (i < 100) CHECK(r.status().message().find("header") != std::string::npos);
        else CHECK(r.status().message().find("chunk " + std::to_string((i - 100) / 32)) != std::string::npos);
      }
      CHECK_FALSE(Exists(dir / "t.out"));
    }
  }
  CHECK(dir.List().size() == 3);  // plain, x.bjlg, t.bjlg
}

TEST_CASE("bjlg format: truncation at every chunk boundary, and inside chunks, is detected") {
  ScratchDir dir;
  WriteAll(dir / "plain", Pattern(64));  // exactly 4 full chunks: the last is full too
  REQUIRE(EncryptFile(dir / "plain", dir / "x.bjlg", FixedKey(), Small()).ok());
  const std::string original = ReadAll(dir / "x.bjlg");
  for (size_t cut = 0; cut < original.size(); ++cut) {
    INFO("cut at " << cut);
    WriteAll(dir / "t.bjlg", original.substr(0, cut));
    auto r = DecryptFile(dir / "t.bjlg", dir / "t.out", FixedKey(), {});
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(Exists(dir / "t.out"));
    if (cut < 8) {
      CHECK(r.status().code() == Status::Code::kNotSupported);
      continue;
    }
    CHECK(r.status().code() == Status::Code::kCorruption);
    bool at_boundary = cut >= 100 && (cut - 100) % 32 == 0;
    if (cut <= 100 || at_boundary) {
      CHECK(r.status().IsTruncated());
      CHECK(r.status().message().rfind("truncated", 0) == 0);
    }
  }
}

TEST_CASE("bjlg format: swapped or duplicated chunks are detected") {
  ScratchDir dir;
  WriteAll(dir / "plain", Pattern(48));
  REQUIRE(EncryptFile(dir / "plain", dir / "x.bjlg", FixedKey(), Small()).ok());
  const std::string f = ReadAll(dir / "x.bjlg");
  auto chunk = [&](int i) { return f.substr(100 + 32 * i, 32); };
  std::string swapped = f.substr(0, 100) + chunk(1) + chunk(0) + chunk(2);
  std::string duplicated = f.substr(0, 100) + chunk(0) + chunk(0) + chunk(1) + chunk(2);
  std::string last_moved = f.substr(0, 100) + chunk(0) + chunk(2) + chunk(1);
  for (const auto& t : {swapped, duplicated, last_moved}) {
    WriteAll(dir / "t.bjlg", t);
    auto r = VerifyFile(dir / "t.bjlg", FixedKey(), {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kCorruption);
  }
  // A header from another file with the same key does not adopt this file's chunks.
  REQUIRE(EncryptFile(dir / "plain", dir / "y.bjlg", FixedKey(), Small()).ok());
  WriteAll(dir / "t.bjlg", ReadAll(dir / "y.bjlg").substr(0, 100) + f.substr(100));
  auto r = VerifyFile(dir / "t.bjlg", FixedKey(), {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kCorruption);
}

TEST_CASE("bjlg format: inspect reads the header without a secret; other files are unsupported") {
  ScratchDir dir;
  WriteAll(dir / "plain", Pattern(1000));
  REQUIRE(EncryptFile(dir / "plain", dir / "x.bjlg", FixedKey(), Small(256)).ok());
  auto info = InspectFile(dir / "x.bjlg");
  REQUIRE(info.ok());
  CHECK(info->format == "bjlg");
  CHECK(info->version == 1);
  CHECK(info->mode == "key");
  CHECK(info->kdf == "none");
  CHECK(info->chunk_size == 256);
  CHECK(info->chunks == 4);
  CHECK(info->plaintext_size == 1000);
  CHECK(info->key_fingerprint == FixedKey().Fingerprint());
  auto plain = InspectFile(dir / "plain");
  REQUIRE_FALSE(plain.ok());
  CHECK(plain.status().code() == Status::Code::kNotSupported);
  // Missing is told apart from refused (Status::FromErrno): NotFound, not a bare IOError.
  auto missing = InspectFile(dir / "nope");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  auto no_dir = DecryptFile(dir / "x.bjlg", dir / "no/such/dir/out", FixedKey(), {});
  REQUIRE_FALSE(no_dir.ok());
  CHECK(no_dir.status().code() == Status::Code::kNotFound);
}

TEST_CASE("bjlg format: chunk size limits are enforced on write") {
  ScratchDir dir;
  WriteAll(dir / "plain", "x");
  for (uint32_t bad : {0u, 15u, (1u << 26) + 1}) {
    auto r = EncryptFile(dir / "plain", dir / "x.bjlg", FixedKey(), Small(bad));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kInvalidArgument);
  }
  CHECK(dir.List().size() == 1);
}
