// A sparse file over 4 GiB: the entry needs Zip64 sizes, and every reader must agree. Costly
// (4.3 GiB through deflate and SHA-256, then through Python's zlib), so it runs only with
// BJLG_ARCHIVE_BIG=1: `make test-archive-big`.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "archive/reader.h"
#include "archive/writer.h"
#include "test_util.h"

using namespace bjlg::archive;
using namespace bjlg::archive::testing;

TEST_CASE("A sparse 4.3 GiB file is archived with Zip64 and read back by every reader", "[archive][zip64][big]") {
  if (getenv("BJLG_ARCHIVE_BIG") == nullptr) {
    WARN("skipped: set BJLG_ARCHIVE_BIG=1 (make test-archive-big)");
    return;
  }
  TempDir t;
  const uint64_t size = (4ull << 30) + (300ull << 20);
  mkdir((t / "src").c_str(), 0755);
  const int fd = open((t / "src/sparse.bin").c_str(), O_CREAT | O_WRONLY, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(pwrite(fd, "head", 4, 0) == 4);
  REQUIRE(pwrite(fd, "tail", 4, static_cast<off_t>(size - 4)) == 4);
  close(fd);
  WriterOptions o;
  o.level = 1;
  auto w = Writer::Create(t / "big.zip", o);
  REQUIRE(w.ok());
  REQUIRE((*w)->AddFromString("small.txt", "small").ok());
  REQUIRE((*w)->AddDirectory(t / "src", "").ok());
  auto s = (*w)->Close();
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  WARN("4.3 GiB sparse file archived in " << s->duration_seconds << " s, archive " << s->bytes_out << " bytes");
  auto r = Reader::Open(t / "big.zip");
  REQUIRE(r.ok());
  CHECK((*r)->Entries()[2].size == size);
  std::string out;
  CHECK(Capture("unzip -tqq '" + t / "big.zip" + "'", &out) == 0);
  INFO(out);
  CHECK(Capture("python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
                "i=z.getinfo('sparse.bin'); assert i.file_size==" + std::to_string(size) +
                "; assert z.testzip() is None\" '" + t / "big.zip" + "'", &out) == 0);
  INFO(out);
  CHECK((*r)->VerifyAll().ok());
}
