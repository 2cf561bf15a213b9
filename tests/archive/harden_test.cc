// Hardening (issue 16) of the archive reader: special files are refused without blocking
// (class 5), and a NUL byte libzip would rewrite as a space is refused (class 8).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>
#include <zlib.h>

#include "archive/reader.h"

using bjlg::archive::Reader;

namespace {

void Put16(std::string* s, unsigned v) { s->push_back(char(v & 0xff)); s->push_back(char(v >> 8)); }
void Put32(std::string* s, uint32_t v) { Put16(s, v & 0xffff); Put16(s, v >> 16); }

// A one-entry stored zip with `name` as is, bytes the honest writers refuse to write.
std::string StoredZip(const std::string& name, const std::string& data) {
  const uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  std::string local = "PK\x03\x04";
  for (unsigned v : {20u, 0u, 0u, 0u, 0x21u}) Put16(&local, v);
  Put32(&local, crc); Put32(&local, data.size()); Put32(&local, data.size());
  Put16(&local, name.size()); Put16(&local, 0);
  local += name + data;
  std::string central = "PK\x01\x02";
  for (unsigned v : {0x031eu, 20u, 0u, 0u, 0u, 0x21u}) Put16(&central, v);
  Put32(&central, crc); Put32(&central, data.size()); Put32(&central, data.size());
  for (unsigned v : {unsigned(name.size()), 0u, 0u, 0u, 0u}) Put16(&central, v);
  Put32(&central, 0100644u << 16); Put32(&central, 0);
  central += name;
  std::string end = "PK\x05\x06";
  for (unsigned v : {0u, 0u, 1u, 1u}) Put16(&end, v);
  Put32(&end, central.size()); Put32(&end, local.size()); Put16(&end, 0);
  return local + central + end;
}

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/bjlg-harden-reader-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~TempDir() { (void)std::system(("rm -rf '" + path + "'").c_str()); }
};

}  // namespace

TEST_CASE("Reader refuses a NUL in a stored name that libzip shows as a space", "[harden][archive]") {
  TempDir dir;
  const std::string zip = dir.path + "/nul.zip";
  std::ofstream(zip, std::ios::binary) << StoredZip(std::string("wp-content/uploads/a\0.php", 25), "x\n");
  auto r = Reader::Open(zip);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == bjlg::Status::Code::kCorruption);
  CHECK(r.status().message() == zip + ": entry 0's name contains a NUL byte");

  const std::string spaced = dir.path + "/space.zip";  // a real space is a legitimate name
  std::ofstream(spaced, std::ios::binary) << StoredZip("wp-content/uploads/a b.php", "x\n");
  auto ok = Reader::Open(spaced);
  REQUIRE(ok.ok());
  CHECK((*ok)->Entries().at(0).name == "wp-content/uploads/a b.php");
}

TEST_CASE("Reader refuses a FIFO or a device as an archive without blocking", "[harden][archive]") {
  TempDir dir;
  const std::string fifo = dir.path + "/backup.zip";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(Reader::Open(fifo).status().message() == "archive " + fifo + " is a FIFO, not a regular file");
  CHECK(Reader::Open("/dev/zero").status().message() == "archive /dev/zero is a character device, not a regular file");
}
