// Reader::Open with a secret: an encrypted archive of either format is read in place, through
// its decryption in memory, and extracted, with no plaintext file written anywhere near it.
#include <algorithm>
#include <catch2/catch.hpp>

#include "archive/reader.h"
#include "archive/writer.h"
#include "crypto/cipher.h"
#include "crypto/plaintext_reader.h"
#include "test_util.h"

using namespace bjlg::archive;
using namespace bjlg::archive::testing;
using bjlg::Status;
namespace crypto = bjlg::crypto;

namespace {

crypto::Key ReaderKey() {
  uint8_t bytes[crypto::Key::kSize];
  for (size_t i = 0; i < sizeof bytes; ++i) bytes[i] = static_cast<uint8_t>(i * 11 + 3);
  return *crypto::Key::FromBytes(bytes, sizeof bytes);
}

// What `ls -A` lists in `dir`, one name a line (hidden files included, sorted).
std::string Names(const std::string& dir) {
  std::string out;
  REQUIRE(Capture("ls -A '" + dir + "'", &out) == 0);
  return out;
}

// An encrypted archive `t/out/a.enc` of a few entries (one over several AEAD chunks).
void WriteEncrypted(const TempDir& t, std::shared_ptr<const crypto::Secret> secret, crypto::Format format) {
  MakeDirs(t / "out");
  WriterOptions o;
  o.threads = 2;
  o.encrypt = std::move(secret);
  o.encryption.format = format;
  o.encryption.chunk_size = 4096;
  o.encryption.scrypt_log_n = 14;
  auto w = Writer::Create(t / "out/a.enc", o);
  REQUIRE(w.ok());
  REQUIRE((*w)->AddFromString("database.sql", SourceLike(50000, 7)).ok());
  REQUIRE((*w)->AddFromString("wp-content/uploads/photo.jpg", RandomBytes(70000, 8)).ok());
  REQUIRE((*w)->AddFromString("wp-content/empty.txt", "").ok());
  auto s = (*w)->Close();
  INFO(s.status().ToString());
  REQUIRE(s.ok());
}

}  // namespace

TEST_CASE("An encrypted archive is listed, read and extracted in place, with no plaintext file", "[archive][reader][encrypt]") {
  TempDir t;
  const bool legacy = GENERATE(false, true);
  const bool password = GENERATE(false, true);
  INFO((legacy ? "bjlgenc1" : "bjlg") << (password ? " password" : " key"));
  const crypto::Secret secret = password ? crypto::Secret(crypto::Password("correct horse"))
                                         : crypto::Secret(ReaderKey());
  WriteEncrypted(t, std::make_shared<const crypto::Secret>(secret),
                 legacy ? crypto::Format::kBjlgenc1 : crypto::Format::kBjlg);
  REQUIRE(Names(t / "out") == "a.enc\n");

  auto r = Reader::Open(t / "out/a.enc", &secret);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK((*r)->encryption() == (legacy ? "bjlgenc1" : "bjlg"));
  std::vector<std::string> listed;
  for (const EntryInfo& e : (*r)->Entries()) listed.push_back(e.name);
  CHECK(std::find(listed.begin(), listed.end(), "database.sql") != listed.end());
  CHECK(std::find(listed.begin(), listed.end(), "wp-content/uploads/photo.jpg") != listed.end());

  auto sql = (*r)->ReadAll("database.sql", 1 << 20);
  REQUIRE(sql.ok());
  CHECK(*sql == SourceLike(50000, 7));
  REQUIRE((*r)->VerifyAll().ok());

  auto report = (*r)->ExtractTo(t / "extracted", ExtractOptions());
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  CHECK(ReadFile(t / "extracted/wp-content/uploads/photo.jpg") == RandomBytes(70000, 8));
  CHECK(ReadFile(t / "extracted/wp-content/empty.txt").empty());
  // Nothing but the encrypted archive beside it, and nothing in the temporary folder of ours.
  CHECK(Names(t / "out") == "a.enc\n");
  CHECK(Names(t.path()) == "extracted\nout\n");
}

TEST_CASE("An encrypted archive without a key, or with a wrong one, is refused by kind", "[archive][reader][encrypt]") {
  TempDir t;
  const bool legacy = GENERATE(false, true);
  INFO((legacy ? "bjlgenc1" : "bjlg"));
  WriteEncrypted(t, std::make_shared<const crypto::Secret>(ReaderKey()),
                 legacy ? crypto::Format::kBjlgenc1 : crypto::Format::kBjlg);

  auto none = Reader::Open(t / "out/a.enc");
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == Status::Code::kUnauthenticated);
  CHECK(none.status().message().find("is encrypted") != std::string::npos);

  const crypto::Secret wrong = crypto::Secret(crypto::Key(*crypto::Key::Generate()));
  auto bad = Reader::Open(t / "out/a.enc", &wrong);
  REQUIRE_FALSE(bad.ok());
  // BJLGENC1 cannot tell a wrong key from damage (one MAC over everything).
  CHECK(bad.status().code() == (legacy ? Status::Code::kCorruption : Status::Code::kUnauthenticated));

  const crypto::Secret key = ReaderKey();
  auto plain = Reader::Open(t / "plain-does-not-exist.zip", &key);
  REQUIRE_FALSE(plain.ok());
  CHECK(plain.status().code() == Status::Code::kNotFound);
}

TEST_CASE("A damaged chunk of an encrypted archive fails as corruption when read", "[archive][reader][encrypt]") {
  TempDir t;
  WriteEncrypted(t, std::make_shared<const crypto::Secret>(ReaderKey()), crypto::Format::kBjlg);
  std::string sealed = ReadFile(t / "out/a.enc");
  sealed[100 + 4112 + 50] ^= 1;  // inside chunk 1 (header 100 bytes, chunks of 4096 + 16)
  WriteFile(t / "out/a.enc", sealed);
  const crypto::Secret key = ReaderKey();
  auto r = Reader::Open(t / "out/a.enc", &key);
  Status s = r.ok() ? (*r)->VerifyAll() : r.status();
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message().find("chunk 1 ") != std::string::npos);
}

TEST_CASE("Plaintext readers serve any range of either format", "[crypto][plaintext_reader]") {
  TempDir t;
  const bool legacy = GENERATE(false, true);
  const std::string data = RandomBytes(20000, 9);
  WriteFile(t / "plain", data);
  crypto::EncryptOptions o;
  o.format = legacy ? crypto::Format::kBjlgenc1 : crypto::Format::kBjlg;
  o.chunk_size = 1000;
  const crypto::Secret key = ReaderKey();
  REQUIRE(crypto::EncryptFile(t / "plain", t / "sealed", key, o).ok());
  CHECK(crypto::LooksEncrypted(t / "sealed"));
  CHECK_FALSE(crypto::LooksEncrypted(t / "plain"));
  auto r = crypto::OpenPlaintextReader(t / "sealed", key);
  REQUIRE(r.ok());
  CHECK((*r)->size() == data.size());
  for (const auto& [offset, size] : std::vector<std::pair<uint64_t, size_t>>{
           {0, 1}, {0, 20000}, {999, 2}, {15, 17}, {19990, 100}, {20000, 10}, {4321, 5000}}) {
    std::string got(size, '\0');
    auto n = (*r)->ReadAt(offset, reinterpret_cast<uint8_t*>(&got[0]), size);
    REQUIRE(n.ok());
    const size_t expected = offset >= data.size() ? 0 : std::min<size_t>(size, data.size() - offset);
    REQUIRE(*n == expected);
    CHECK(got.substr(0, *n) == data.substr(std::min<size_t>(offset, data.size()), expected));
  }
}
