// SqlCheck: statements, quotes, comments, row counts, and the damage it must see.
#include <catch2/catch.hpp>

#include "verify/sql_check.h"
#include "verify_fixtures.h"

namespace bjlg::verify {
namespace {

SqlSummary Check(const std::string& sql, size_t piece = 0) {
  SqlCheck c;
  if (piece == 0) piece = sql.size() + 1;
  for (size_t i = 0; i < sql.size(); i += piece) c.Feed(sql.data() + i, std::min(piece, sql.size() - i));
  c.Finish();
  return c.summary();
}

TEST_CASE("a plugin dump: tables, rows, whatever the piece size", "[verify][sql]") {
  const std::string dump = testing::PluginDump(2345);
  for (size_t piece : {0, 1, 7, 4096}) {
    SqlSummary s = Check(dump, piece);
    INFO("piece " << piece << ": " << (s.errors.empty() ? "" : s.errors[0]));
    CHECK(s.error_count == 0);
    CHECK(s.complete);
    CHECK(s.tables.at("wp_posts").created);
    CHECK(s.tables.at("wp_posts").rows == 2345);
    CHECK(s.tables.at("wp_options").rows == 3);
    CHECK(s.inserts == 1 + 3);
  }
}

TEST_CASE("quotes, comments and identifiers", "[verify][sql]") {
  SqlSummary s = Check(
      "/* header; comment */ # hash comment ;\n-- line comment ;\n"
      "CREATE TABLE IF NOT EXISTS `we``ird` (`a` int, b text);\n"
      "INSERT INTO `we``ird` VALUES (1, 'a;b'), (2, \"c\\\"d);\"),(3,'')  ;\n"
      "INSERT IGNORE INTO db.plain (a) VALUES (0x00FF);\n"
      "/*!40101 SET NAMES utf8mb4 */;\n");
  INFO((s.errors.empty() ? "" : s.errors[0]));
  CHECK(s.error_count == 0);
  CHECK(s.tables.at("we`ird").rows == 3);
  CHECK(s.tables.at("we`ird").created);
  CHECK(s.tables.at("plain").rows == 1);
}

TEST_CASE("damage SqlCheck reports with the byte offset", "[verify][sql]") {
  SECTION("truncated inside a string") {
    SqlSummary s = Check("INSERT INTO `t` VALUES (1, 'abc");
    REQUIRE(s.error_count == 1);
    CHECK(s.errors[0].find("truncated: the dump ends inside a quoted string of the statement at byte 0") == 0);
    CHECK_FALSE(s.complete);
  }
  SECTION("truncated between tuples") {
    SqlSummary s = Check("CREATE TABLE t (a int);\nINSERT INTO `t` VALUES (1),\n(2)");
    REQUIRE(s.error_count == 1);
    CHECK(s.errors[0].find("truncated: the last statement, at byte 24") == 0);
  }
  SECTION("a NUL byte") {
    SqlSummary s = Check(std::string("INSERT INTO t VALUES ('a\0b');", 29));
    REQUIRE(s.error_count == 1);
    CHECK(s.errors[0] == "NUL byte in the dump (byte 24)");
  }
  SECTION("malformed INSERT") {
    CHECK(Check("INSERT INTO t VALUES (1) (2);").errors.at(0).find("is malformed") != std::string::npos);
    CHECK(Check("INSERT INTO t VALUES (1),;").errors.at(0).find("is malformed") != std::string::npos);
    CHECK(Check("INSERT INTO t VALUES ((1);").errors.at(0).find("is malformed") != std::string::npos);
    CHECK(Check("INSERT INTO t VALUES;").errors.at(0).find("has no VALUES tuple") != std::string::npos);
    CHECK(Check("INSERT VALUES (1);").errors.at(0).find("without INTO") != std::string::npos);
  }
  SECTION("malformed CREATE") {
    CHECK(Check("CREATE TABLE t (a int;").error_count == 1);
    CHECK(Check("CREATE TABLE t (a int));").errors.at(0).find("unbalanced") != std::string::npos);
    CHECK(Check("CREATE TABLE (a int);").errors.at(0).find("without a table name") != std::string::npos);
  }
}

}  // namespace
}  // namespace bjlg::verify
