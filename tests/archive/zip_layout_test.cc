// Overlapping-entry zip bombs (issue 16, class 3): an archive whose entries share or overlap
// their bytes, or declare more than their bytes can give, is refused when it is opened, before
// anything is extracted; the streaming verifier reads such an archive with bounded output.
#include <zlib.h>

#include <cstring>

#include <catch2/catch.hpp>

#include "archive/reader.h"
#include "archive/zip_layout.h"
#include "tests/archive/test_util.h"
#include "tests/archive/zip_bombs.h"
#include "verify/zip_stream.h"

namespace bjlg::archive {
namespace {

using testing::Le32;
using testing::TempDir;

Status CheckBytes(const std::string& zip) {
  return CheckZipLayout(
      [&](uint64_t offset, uint8_t* out, size_t size) -> Result<size_t> {
        if (offset >= zip.size()) return size_t{0};
        const size_t n = std::min<size_t>(size, zip.size() - offset);
        memcpy(out, zip.data() + offset, n);
        return n;
      },
      zip.size(), "test.zip");
}

// Inflates the raw deflate stream at `at` of `zip`: the bytes an unsuspecting reader would get.
std::string InflateAt(const std::string& zip, size_t at, size_t compressed) {
  z_stream z{};
  inflateInit2(&z, -15);
  std::string out;
  char buf[65536];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + at));
  z.avail_in = static_cast<uInt>(compressed);
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string();
}

TEST_CASE("An honest archive passes the layout check and opens", "[harden][archive]") {
  const std::string zip = testing::HonestZip({{"a.txt", std::string(5000, 'a')}, {"b/c.txt", "hello"}});
  CHECK(CheckBytes(zip).ok());
  TempDir dir;
  testing::WriteFile(dir / "ok.zip", zip);
  auto reader = Reader::Open(dir / "ok.zip");
  REQUIRE(reader.ok());
  CHECK((*reader)->Entries().size() == 2);
}

TEST_CASE("The overlapping-entry bomb is a real bomb, and Reader::Open refuses it", "[harden][archive]") {
  const int count = 64;
  const std::string zip = testing::OverlappingBomb(count, 1u << 20);
  REQUIRE(zip.size() < 8192);
  // Entry 0, read alone as any reader would: a valid deflate stream of more than 1 MiB whose
  // CRC matches its central record, made of the next entries' headers and the shared kernel.
  const size_t name_len = zip[26] | zip[27] << 8;
  const std::string first = InflateAt(zip, 30 + name_len, Le32(zip, 18));
  CHECK(first.size() == Le32(zip, 22));
  CHECK(first.size() > (1u << 20));
  CHECK(testing::Crc(first) == Le32(zip, 14));

  TempDir dir;
  testing::WriteFile(dir / "bomb.zip", zip);
  auto reader = Reader::Open(dir / "bomb.zip");
  REQUIRE_FALSE(reader.ok());
  CHECK(reader.status().code() == Status::Code::kCorruption);
  CHECK_THAT(reader.status().message(), Catch::Contains(dir / "bomb.zip") && Catch::Contains("unsafe zip layout") &&
                                            Catch::Contains("overlapping entries") &&
                                            Catch::Contains("entry \"bomb/1.txt\""));
  CHECK_FALSE(testing::Exists(dir / "out"));
}

TEST_CASE("Central records sharing one local entry are refused as overlapping", "[harden][archive]") {
  const Status s = CheckBytes(testing::SharedEntryBomb(1000, 1u << 20));
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK_THAT(s.message(), Catch::Contains("test.zip: unsafe zip layout") && Catch::Contains("overlapping entries"));

  // Through the Reader, libzip already refuses the repeated name: either way it never opens.
  TempDir dir;
  testing::WriteFile(dir / "shared.zip", testing::SharedEntryBomb(1000, 1u << 20));
  auto reader = Reader::Open(dir / "shared.zip");
  REQUIRE_FALSE(reader.ok());
  CHECK(reader.status().code() == Status::Code::kCorruption);
}

TEST_CASE("Declared sizes past what the compressed bytes can give are refused", "[harden][archive]") {
  const std::string payload(4096, 'x');
  SECTION("deflate: far beyond 1032 times the compressed size") {
    const Status s = CheckBytes(testing::LyingSizeZip(payload, 4000000000u));
    CHECK(s.code() == Status::Code::kCorruption);
    CHECK_THAT(s.message(), Catch::Contains("bytes in total") && Catch::Contains("(zip bomb)"));
    TempDir dir;
    testing::WriteFile(dir / "lying.zip", testing::LyingSizeZip(payload, 4000000000u));
    auto reader = Reader::Open(dir / "lying.zip");
    REQUIRE_FALSE(reader.ok());
    CHECK_THAT(reader.status().message(), Catch::Contains("(zip bomb)"));
  }
  SECTION("stored: more than its own bytes") {
    CHECK(CheckBytes(testing::LyingSizeZip(payload, 4097, 0)).code() == Status::Code::kCorruption);
    CHECK(CheckBytes(testing::LyingSizeZip(payload, 4096, 0)).ok());
  }
}

TEST_CASE("Data running into the central directory, or a directory past its end record, is refused",
          "[harden][archive]") {
  std::string zip = testing::HonestZip({{"a.txt", std::string(100, 'a')}});
  const size_t cd = Le32(zip, zip.size() - 6);
  SECTION("an entry longer than the space before the directory") {
    const uint32_t csize = Le32(zip, cd + 20) + 40;
    for (size_t at : {size_t{18}, cd + 20}) {
      for (int i = 0; i < 4; ++i) zip[at + i] = static_cast<char>(csize >> (8 * i));
    }
    const Status s = CheckBytes(zip);
    CHECK(s.code() == Status::Code::kCorruption);
    CHECK_THAT(s.message(), Catch::Contains("runs into the central directory") || Catch::Contains("before the central directory"));
  }
  SECTION("a central directory larger than the room before its end record") {
    const size_t size_at = zip.size() - 10;
    zip[size_at] = static_cast<char>(zip[size_at] + 1);
    const Status s = CheckBytes(zip);
    CHECK(s.code() == Status::Code::kCorruption);
    CHECK_THAT(s.message(), Catch::Contains("runs past its end record"));
  }
}

TEST_CASE("An archive without an end record is left for libzip to refuse", "[harden][archive]") {
  CHECK(CheckBytes("not a zip at all").ok());
  TempDir dir;
  testing::WriteFile(dir / "text.zip", "not a zip at all");
  auto reader = Reader::Open(dir / "text.zip");
  REQUIRE_FALSE(reader.ok());
  CHECK(reader.status().code() == Status::Code::kCorruption);
}

// The verifier reads front to back, so each byte belongs to one entry: an overlapping bomb
// produces no more than its first entry and fails on the central directory.
class CountingVisitor : public verify::ZipStreamVisitor {
 public:
  bool OnEntryStart(const verify::LocalEntry&) override { return true; }
  Status OnData(const uint8_t*, size_t size) override {
    bytes += size;
    return Status::OK();
  }
  Status OnEntryEnd(const verify::LocalEntry&, const verify::EntryResult&) override { return Status::OK(); }
  uint64_t bytes = 0;
};

TEST_CASE("The streaming verifier reads an overlapping bomb with bounded output and refuses it", "[harden][verify]") {
  const std::string zip = testing::OverlappingBomb(64, 1u << 20);
  CountingVisitor visitor;
  verify::ZipStream stream(&visitor);
  Status s = stream.Feed(reinterpret_cast<const uint8_t*>(zip.data()), zip.size());
  if (s.ok()) s = stream.Finish();
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(visitor.bytes <= (1u << 20) + 64 * 64);
  CHECK(visitor.bytes <= kMaxDeflateRatio * zip.size());
}

}  // namespace
}  // namespace bjlg::archive
