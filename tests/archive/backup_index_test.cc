// backup-index.json as read back: numbers are JSON integers in range, anything else is a
// corrupted index named as such (never an undefined float-to-integer conversion).
#include <catch2/catch.hpp>

#include "archive/backup_index.h"

using namespace bjlg::archive;

namespace {

std::string IndexWith(const std::string& entry_fields) {
  return R"({"format":"bjlg-backup-index","entries":[{"path":"wp-content/uploads/a.jpg",)" + entry_fields + "}]}";
}

std::string ErrorOf(const std::string& json) {
  auto index = ParseIndex(json);
  REQUIRE_FALSE(index.ok());
  CHECK(index.status().code() == bjlg::Status::Code::kCorruption);
  return index.status().message();
}

}  // namespace

TEST_CASE("an index entry keeps its size, mtime and inode", "[archive][index]") {
  auto index = ParseIndex(IndexWith(R"("size":5,"mtime":1700000000,"inode":42,"sha256":"ab")"));
  REQUIRE(index.ok());
  const IndexEntry& e = index->at("wp-content/uploads/a.jpg");
  CHECK(e.size == 5);
  CHECK(e.mtime_ns == 1700000000LL * 1000000000LL);
  CHECK(e.inode == 42);
  CHECK(e.in_archive);
}

TEST_CASE("mtime_ns wins over mtime and may be negative", "[archive][index]") {
  auto index = ParseIndex(IndexWith(R"("size":0,"mtime":1,"mtime_ns":-5)"));
  REQUIRE(index.ok());
  CHECK(index->at("wp-content/uploads/a.jpg").mtime_ns == -5);
}

TEST_CASE("index numbers that are floats, negative or out of range are refused", "[archive][index]") {
  CHECK(ErrorOf(IndexWith(R"("size":5,"mtime":6.6e43)")).find("\"mtime\" is not a 64-bit integer") != std::string::npos);
  CHECK(ErrorOf(IndexWith(R"("size":5.5,"mtime":1)")).find("\"size\" is not a non-negative integer") != std::string::npos);
  CHECK(ErrorOf(IndexWith(R"("size":-1,"mtime":1)")).find("\"size\"") != std::string::npos);
  CHECK(ErrorOf(IndexWith(R"("size":1,"mtime":1,"inode":1e30)")).find("\"inode\"") != std::string::npos);
  CHECK(ErrorOf(IndexWith(R"("size":1,"mtime":18446744073709551615)")).find("\"mtime\"") != std::string::npos);
  CHECK(ErrorOf(IndexWith(R"("size":1,"mtime":9300000000000000000)")).find("\"mtime\"") != std::string::npos);
  CHECK(ErrorOf(IndexWith(R"("size":1,"mtime":9223372037)")).find("\"mtime\" is out of range") != std::string::npos);
  CHECK(ErrorOf(IndexWith(R"("size":1)")).find("no \"mtime\"") != std::string::npos);
  CHECK(ErrorOf(IndexWith(R"("mtime":1)")).find("no \"size\"") != std::string::npos);
  CHECK(ErrorOf(R"({"format":"bjlg-backup-index","entries":[3]})").find("not an object") != std::string::npos);
}
