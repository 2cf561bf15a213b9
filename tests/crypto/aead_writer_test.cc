// AeadFileWriter: a stream pushed in pieces becomes the same kind of file as EncryptFile makes.
#include "crypto/aead_writer.h"

#include <catch2/catch.hpp>

#include "test_files.h"

using bjlg::Status;
using namespace bjlg::crypto;
using namespace bjlg::crypto::testing;

TEST_CASE("AeadFileWriter: pieces of any size, any total, decrypt to the stream written") {
  ScratchDir dir;
  auto key = Key::Generate();
  EncryptOptions o;
  o.chunk_size = 16;
  o.threads = 2;  // batches of 8 chunks = 128 bytes
  for (size_t total : {0, 1, 16, 127, 128, 129, 256, 1000, 5000}) {
    for (size_t piece : {1, 7, 128, 4096}) {
      INFO("total " << total << " piece " << piece);
      std::string plain = Pattern(total, static_cast<uint32_t>(total + piece));
      auto writer = AeadFileWriter::Create(dir / "s.bjlg", *key, o);
      REQUIRE(writer.ok());
      for (size_t at = 0; at < total; at += piece) {
        size_t n = std::min(piece, total - at);
        REQUIRE((*writer)->Write(reinterpret_cast<const uint8_t*>(plain.data()) + at, n).ok());
        CHECK_FALSE(Exists(dir / "s.bjlg"));  // nothing visible before Finish()
      }
      auto report = (*writer)->Finish();
      REQUIRE(report.ok());
      CHECK(report->plaintext_size == total);
      CHECK(report->chunks == (total == 0 ? 1 : (total + 15) / 16));
      CHECK(report->encrypted_size == ReadAll(dir / "s.bjlg").size());
      auto d = DecryptFile(dir / "s.bjlg", dir / "s.out", *key, {});
      REQUIRE(d.ok());
      CHECK(ReadAll(dir / "s.out") == plain);
      ::unlink((dir / "s.bjlg").c_str());
    }
  }
}

TEST_CASE("AeadFileWriter: abandoned before Finish, it leaves nothing; a password works too") {
  ScratchDir dir;
  EncryptOptions o;
  o.scrypt_log_n = 14;
  {
    auto writer = AeadFileWriter::Create(dir / "gone.bjlg", Password("pw"), o);
    REQUIRE(writer.ok());
    std::string data = Pattern(3 << 20);
    REQUIRE((*writer)->Write(reinterpret_cast<const uint8_t*>(data.data()), data.size()).ok());
  }
  CHECK(dir.List().empty());
  auto writer = AeadFileWriter::Create(dir / "pw.bjlg", Password("pw"), o);
  REQUIRE(writer.ok());
  REQUIRE((*writer)->Write(reinterpret_cast<const uint8_t*>("abc"), 3).ok());
  REQUIRE((*writer)->Finish().ok());
  auto second = (*writer)->Finish();
  CHECK_FALSE(second.ok());
  auto v = VerifyFile(dir / "pw.bjlg", Password("pw"), {});
  REQUIRE(v.ok());
  CHECK(v->plaintext_size == 3u);
  CHECK(v->kdf == "scrypt");
  EncryptOptions legacy;
  legacy.format = Format::kBjlgenc1;
  auto refused = AeadFileWriter::Create(dir / "x", Password("pw"), legacy);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == Status::Code::kInvalidArgument);
}
