// The importer's statement splitter: quotes, escapes, comments, DELIMITER, lines, any chunking.
#include <catch2/catch.hpp>

#include <vector>

#include "database/splitter.h"

namespace bjlg::database {
namespace {

// Splits `sql` fed in pieces of `chunk` bytes.
std::vector<Statement> Split(const std::string& sql, size_t chunk = 1 << 20, Status* error = nullptr) {
  Splitter s(1 << 20);
  std::vector<Statement> out;
  auto drain = [&]() {
    for (;;) {
      Statement st;
      Result<bool> got = s.Next(&st);
      if (!got.ok()) {
        if (error != nullptr) *error = got.status();
        return false;
      }
      if (!*got) return true;
      out.push_back(st);
    }
  };
  for (size_t at = 0; at < sql.size(); at += chunk) {
    s.Feed(std::string_view(sql).substr(at, chunk));
    if (!drain()) return out;
  }
  s.Finish();
  drain();
  return out;
}

std::vector<std::string> Sqls(const std::vector<Statement>& v) {
  std::vector<std::string> out;
  for (const Statement& s : v) out.push_back(s.sql);
  return out;
}

const std::string kDump =
    "-- Backup JLG Database Export\n-- Version: 2.0.3\n\nSET NAMES utf8mb4;\nSET FOREIGN_KEY_CHECKS=0;\n\n"
    "\n-- Table: wp_a\nDROP TABLE IF EXISTS `wp_a`;\nCREATE TABLE `wp_a` (\n  `x` text COMMENT 'a;\n'\n);\n\n"
    "-- Data for table: wp_a\nINSERT INTO `wp_a` (`x`) VALUES\n('it\\'s; -- not # a comment'),\n('\"q;\" ''d;'' `b;`'),\n"
    "('back\\\\'),\n(0x00ff);\n\n"
    "DELIMITER ;;\nCREATE TRIGGER `t` BEFORE INSERT ON `wp_a` FOR EACH ROW BEGIN\n  SET @a = 1;\n  SET @b = ';';\nEND;;\n"
    "DELIMITER ;\n/* plain comment */;\n/*!40101 SET @x = 1 */;\n# hash comment\nSELECT 1 -- tail\n;\nSET @last = 2";

const std::vector<std::string> kExpected = {
    "SET NAMES utf8mb4",
    "SET FOREIGN_KEY_CHECKS=0",
    "DROP TABLE IF EXISTS `wp_a`",
    "CREATE TABLE `wp_a` (\n  `x` text COMMENT 'a;\n'\n)",
    "INSERT INTO `wp_a` (`x`) VALUES\n('it\\'s; -- not # a comment'),\n('\"q;\" ''d;'' `b;`'),\n('back\\\\'),\n(0x00ff)",
    "CREATE TRIGGER `t` BEFORE INSERT ON `wp_a` FOR EACH ROW BEGIN\n  SET @a = 1;\n  SET @b = ';';\nEND",
    "/*!40101 SET @x = 1 */",
    "SELECT 1 \n",  // the comment is dropped, its newline kept; trailing spaces trimmed below
    "SET @last = 2",
};

TEST_CASE("statements are cut at delimiters outside quotes and comments", "[database]") {
  std::vector<std::string> expected = kExpected;
  expected[7] = "SELECT 1";
  CHECK(Sqls(Split(kDump)) == expected);
}

TEST_CASE("the cut does not depend on how the input is chunked", "[database]") {
  const std::vector<std::string> whole = Sqls(Split(kDump));
  for (size_t chunk : {1, 2, 3, 7, 64}) {
    INFO("chunk " << chunk);
    CHECK(Sqls(Split(kDump, chunk)) == whole);
  }
}

TEST_CASE("a delimiter that ends with a quote opens no quoted text (found by the fuzzer)", "[database]") {
  const std::string sql = "DELIMITER ;;\"\nSELECT 1;;\"\n  SELECT 'a';;\"\nDELIMITER ;\nSELECT 3;\n";
  for (size_t chunk : {1, 2, 5, 1 << 20}) {
    INFO("chunk " << chunk);
    CHECK(Sqls(Split(sql, chunk)) == std::vector<std::string>{"SELECT 1", "SELECT 'a'", "SELECT 3"});
  }
}

TEST_CASE("each statement knows the line it starts on", "[database]") {
  const std::vector<Statement> st = Split(kDump);
  REQUIRE(st.size() == 9);
  CHECK(st[0].line == 4);   // SET NAMES
  CHECK(st[2].line == 9);   // DROP TABLE
  CHECK(st[3].line == 10);  // CREATE TABLE spans lines 10-13
  CHECK(st[4].line == 16);  // INSERT
  CHECK(st[5].line == 23);  // the trigger, after DELIMITER ;;
  CHECK(st[7].line == 31);
  CHECK(st[8].line == 33);
}

TEST_CASE("a dump that ends inside a quote is truncated, not a short statement", "[database]") {
  Status error;
  Split("INSERT INTO t VALUES ('abc", 1 << 20, &error);
  CHECK(error.IsTruncated());
  CHECK(error.message().find("line 1") != std::string::npos);
}

TEST_CASE("a statement over the limit is refused", "[database]") {
  Splitter s(1024);
  s.Feed("INSERT INTO t VALUES ('" + std::string(2000, 'x') + "');");
  Statement st;
  Result<bool> got = s.Next(&st);
  REQUIRE(!got.ok());
  CHECK(got.status().message().find("larger than 1024 bytes") != std::string::npos);
}

TEST_CASE("comments only, and odd comment forms", "[database]") {
  CHECK(Split("-- a\n# b\n/* c */\n").empty());
  CHECK(Sqls(Split("SELECT 1/*/ x */;SELECT 2;")) == std::vector<std::string>{"SELECT 1/*/ x */", "SELECT 2"});
  CHECK(Sqls(Split("SELECT 5--1;")) == std::vector<std::string>{"SELECT 5--1"});  // '--' without space: minus minus
  CHECK(Sqls(Split("DELIMITER //\nSELECT 1//\nDELIMITER ;\nSELECT 2;")) == std::vector<std::string>{"SELECT 1", "SELECT 2"});
  CHECK(Sqls(Split("SELECT 'delimiter x';")) == std::vector<std::string>{"SELECT 'delimiter x'"});
}

}  // namespace
}  // namespace bjlg::database

namespace bjlg::database {
namespace {

TEST_CASE("line mode ends statements only at a line ending with ';', as the plugin's importer", "[database]") {
  Splitter s(1 << 20);
  s.set_line_mode(true);
  s.Feed("SET NAMES utf8mb4;\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @a = 1; SET @b = ';'; END;\n"
         "CREATE TABLE `a` (\n  `x` text COMMENT 'a;\n'\n);\n-- c;\nSELECT 1; -- tail\nSELECT 2;");
  s.Finish();
  std::vector<std::string> got;
  Statement st;
  for (;;) {
    Result<bool> r = s.Next(&st);
    REQUIRE(r.ok());
    if (!*r) break;
    got.push_back(st.sql);
  }
  CHECK(got == std::vector<std::string>{"SET NAMES utf8mb4",
                                        "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @a = 1; SET @b = ';'; END",
                                        "CREATE TABLE `a` (\n  `x` text COMMENT 'a;\n'\n)", "SELECT 1", "SELECT 2"});
}

}  // namespace
}  // namespace bjlg::database
