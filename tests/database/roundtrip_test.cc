// Dump and import against a real MariaDB (the restore tests' throwaway server; tagged [mariadb]:
// run by make test-verify-integration and make test-database-integration): WordPress's schema
// with awkward data, dump -> import under a new prefix -> CHECKSUM TABLE equal; the plugin's
// line-by-line importer rules read our dump; a snapshot ignores concurrent writes; a lost
// connection or a cancellation leaves no file; the archive entry is the same dump.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "../archive/test_util.h"
#include "archive/writer.h"
#include "database/client.h"
#include "database/dumper.h"
#include "database/importer.h"
#include "database/sql_text.h"
#include "verify/database.h"

namespace bjlg::database {
namespace {

using archive::testing::TempDir;

// One server for every test case of this file.
struct Server {
  TempDir dir;
  std::unique_ptr<verify::RestoreDatabase> db;
  Connection conn;
  Server() {
    auto started = verify::RestoreDatabase::StartThrowaway(dir.path(), 120);
    if (!started.ok()) FAIL(started.status().ToString());
    db = std::move(*started);
    conn.socket = dir.path() + "/s.sock";
    conn.user = "root";
    conn.database = "bjlg_restore_test";
  }
  Connection In(const std::string& database) const {
    Connection c = conn;
    c.database = database;
    return c;
  }
};

Server& TheServer() {
  static Server s;
  return s;
}

std::unique_ptr<Client> Connect(const Connection& c) {
  auto client = Client::Open(c);
  if (!client.ok()) FAIL(client.status().ToString());
  return std::move(*client);
}

void Exec(Client& db, const std::string& sql) {
  Status s = db.Execute(sql);
  INFO(sql.substr(0, 300));
  REQUIRE(s.ok());
}

std::string Scalar(Client& db, const std::string& sql) {
  auto rows = db.Query(sql);
  INFO(sql);
  REQUIRE(rows.ok());
  REQUIRE(!rows->empty());
  return (*rows)[0][0].null ? "NULL" : (*rows)[0][0].value;
}

std::string V(const std::string& s) {
  std::string out;
  AppendValue(&out, s.data(), s.size(), false);
  return out;
}

// The dump of the wp_ tables only (other test cases leave copies under other prefixes).
DumpOptions WpOnly() {
  DumpOptions o;
  o.prefix = "wp_";
  return o;
}

// WordPress's core tables plus awkward ones, filled once.
void Fill(const Connection& c) {
  auto schema = ImportFile(c, "tests/database/wp_schema.sql", ImportOptions(), nullptr);
  INFO((schema.ok() ? "" : schema.status().ToString()));
  REQUIRE(schema.ok());
  auto db = Connect(c);
  Exec(*db, "CREATE TABLE wp_nopk (a varchar(50), b text) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
  Exec(*db, "CREATE TABLE wp_bin (id int PRIMARY KEY, raw longblob, vb varbinary(20)) ENGINE=InnoDB");
  Exec(*db, "CREATE TABLE wp_myisam (id int PRIMARY KEY, v varchar(20)) ENGINE=MyISAM");
  Exec(*db, "INSERT INTO wp_options (option_name, option_value, autoload) VALUES "
            "('siteurl', 'https://example.org', 'yes'), ('blogname', 'Caf\xc3\xa9 \xf0\x9f\x98\x80 100% \"quoted\" it''s', 'yes'), "
            "('widget', 'a:2:{s:4:\"text\";s:12:\"50% off; \\\\o/\";s:3:\"nul\";N;}', 'no'), "
            "('placeholder_like', '{0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}', 'no')");
  std::string sql;
  for (int i = 1; i <= 3000; ++i) {
    std::ostringstream content;
    content << "<p>Post " << i << " \xe2\x80\x94 100% done; it's \"fine\" \\ backslash\nline two\r\n\xf0\x9f\x8e\x89</p>";
    for (int k = 0; k < i % 7; ++k) content << " lorem ipsum dolor sit amet " << k;
    sql += sql.empty() ? "INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, "
                         "post_status, to_ping, pinged, post_content_filtered, post_name, post_type) VALUES "
                       : ", ";
    sql += "(1, '2026-01-02 03:04:05', '0000-00-00 00:00:00', " + V(content.str()) + ", " + V("Title %d " + std::to_string(i)) +
           ", '', " + (i % 3 ? "'publish'" : "'draft'") + ", '', '', '', " + V("post-" + std::to_string(i)) + ", 'post')";
    if (i % 500 == 0) {
      Exec(*db, sql);
      sql.clear();
    }
  }
  Exec(*db, "INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES (1, '_edit_lock', '1700000000:1'), "
            "(1, '_null', NULL), (2, '_percent', '%s%d%%'), (3, '_ser', 'a:1:{i:0;s:5:\"a;b\\\\c\";}')");
  Exec(*db, "INSERT INTO wp_nopk VALUES ('dup', 'x'), ('dup', 'x'), (NULL, NULL), ('', '')");
  Exec(*db, "INSERT INTO wp_bin VALUES (1, 0x00ff10, 0xfffe), (2, 'plain text', 'ok'), (3, NULL, ''), "
            "(4, 0xc3a9e282ac, 0x4e554c00)");
  Exec(*db, "INSERT INTO wp_myisam VALUES (1, 'a'), (2, 'b')");
  Exec(*db, "CREATE VIEW wp_published AS SELECT ID, post_title FROM wp_posts WHERE post_status = 'publish'");
  Exec(*db, "CREATE TRIGGER wp_posts_stamp BEFORE INSERT ON wp_posts FOR EACH ROW\nBEGIN\n"
            "  IF NEW.post_excerpt = '' THEN\n    SET NEW.post_excerpt = 'auto;\nexcerpt';\n  END IF;\nEND");
}

Server& Filled() {
  static bool done = false;
  Server& s = TheServer();
  if (!done) {
    Fill(s.conn);
    done = true;
  }
  return s;
}

std::string Checksum(Client& db, const std::string& table) {
  auto rows = db.Query("CHECKSUM TABLE " + QuoteName(table));
  REQUIRE(rows.ok());
  return (*rows)[0][1].value;
}

// Every wp_ table equals its copy under `prefix` (in `database`, default the same one).
void SameTables(Client& src, Client& dst, const std::string& prefix) {
  auto tables = src.Query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND "
                          "TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME LIKE 'wp\\_%'");
  REQUIRE(tables.ok());
  REQUIRE(tables->size() >= 15);
  for (const Row& r : *tables) {
    const std::string& t = r[0].value;
    const std::string copy = prefix + t.substr(3);
    INFO(t << " -> " << copy);
    CHECK(Scalar(dst, "SELECT COUNT(*) FROM " + QuoteName(copy)) == Scalar(src, "SELECT COUNT(*) FROM " + QuoteName(t)));
    CHECK(Checksum(dst, copy) == Checksum(src, t));
  }
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST_CASE("dump then import under a new prefix: every table equal", "[.][mariadb][database]") {
  Server& s = Filled();
  const std::string file = s.dir / "dump.sql";
  auto dump = DumpToFile(s.conn, file, WpOnly(), nullptr);
  REQUIRE(dump.ok());
  CHECK(dump->rows >= 3000 + 4 + 4 + 4 + 2);
  CHECK(dump->views == std::vector<std::string>{"wp_published"});
  CHECK(dump->triggers == std::vector<std::string>{"wp_posts_stamp"});
  CHECK(dump->not_consistent == std::vector<std::string>{"wp_myisam"});
  CHECK(dump->bytes == ReadAll(file).size());
  const std::string text = ReadAll(file);
  CHECK(text.rfind("-- Backup JLG Database Export\n-- Version: bjlg ", 0) == 0);
  CHECK(text.find("100% done") != std::string::npos);  // '%' intact
  CHECK(text.find("(1, 0x00ff10, 0xfffe)") == std::string::npos);  // values are quoted strings, as wpdb's
  CHECK(text.find("('1', 0x00ff10, 0xfffe),\n") != std::string::npos);
  CHECK(text.find("('4', '\xc3\xa9\xe2\x82\xac', 0x4e554c00)") != std::string::npos);  // valid UTF-8 bytes quoted
  CHECK(text.find("\n-- Table: wp_links\nDROP TABLE IF EXISTS `wp_links`;\nCREATE TABLE `wp_links`") != std::string::npos);
  CHECK(text.find("-- Data for table: wp_links") == std::string::npos);  // 0 rows: no data block
  CHECK(text.find("DEFINER=") == std::string::npos);

  auto db = Connect(s.conn);
  ImportOptions o;
  o.prefix = "rt_";
  o.replace = true;  // Catch2 runs this test case once per SECTION: rt_ may exist
  auto imported = ImportFile(s.conn, file, o, nullptr);
  INFO((imported.ok() ? "" : imported.status().ToString()));
  REQUIRE(imported.ok());
  CHECK(imported->flavour == "bjlg");
  CHECK(imported->rows == dump->rows);
  CHECK(!imported->has_error);
  CHECK(!imported->placeholder);
  SameTables(*db, *db, "rt_");
  CHECK(Scalar(*db, "SELECT COUNT(*) FROM rt_published") == Scalar(*db, "SELECT COUNT(*) FROM wp_published"));
  CHECK(Scalar(*db, "SELECT EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS WHERE TRIGGER_NAME = 'rt_posts_stamp'") ==
        "rt_posts");
  CHECK(Scalar(*db, "SELECT option_value FROM rt_options WHERE option_name = 'placeholder_like'") ==
        "{0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}");  // our dumps: no mapping

  SECTION("the live tables are never touched without replace") {
    const std::string before = Checksum(*db, "wp_posts");
    auto refused = ImportFile(s.conn, file, ImportOptions(), nullptr);
    REQUIRE(!refused.ok());
    CHECK(refused.status().message().find("option \"replace\"") != std::string::npos);
    CHECK(refused.status().message().find("existing table `wp_") != std::string::npos);
    CHECK(Checksum(*db, "wp_posts") == before);
    ImportOptions again = o;  // rt_ now exists too
    again.replace = false;
    CHECK(!ImportFile(s.conn, file, again, nullptr).ok());
    again.replace = true;
    auto replaced = ImportFile(s.conn, file, again, nullptr);
    REQUIRE(replaced.ok());
    SameTables(*db, *db, "rt_");
  }
  SECTION("the plugin's line-by-line importer rules read our dump") {
    Exec(*db, "CREATE DATABASE plug CHARACTER SET utf8mb4");
    auto plug = Connect(s.In("plug"));
    Exec(*plug, "SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'");
    std::istringstream in(text);
    std::string line, stmt;
    int executed = 0;
    while (std::getline(in, line)) {  // RST L3548-3622
      if (line.empty() || line.rfind("--", 0) == 0) continue;
      stmt += line + "\n";
      std::string t = line;
      while (!t.empty() && isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
      if (!t.empty() && t.back() == ';') {
        Exec(*plug, stmt);
        stmt.clear();
        ++executed;
      }
    }
    CHECK(stmt.empty());
    CHECK(executed > 40);
    SameTables(*db, *plug, "wp_");
    Exec(*db, "DROP DATABASE plug");
  }
}

TEST_CASE("the dump is the snapshot: writes during it do not appear", "[.][mariadb][database]") {
  Server& s = Filled();
  auto db = Connect(s.conn);
  const std::string posts = Scalar(*db, "SELECT COUNT(*) FROM wp_posts");
  const std::string sum = Checksum(*db, "wp_options");
  auto source = DumpSource::Open(s.conn, WpOnly(), nullptr);
  REQUIRE(source.ok());
  Exec(*db, "INSERT INTO wp_posts (post_content, post_title, post_excerpt, to_ping, pinged, post_content_filtered) "
            "VALUES ('late', 'late', '', '', '', '')");
  Exec(*db, "UPDATE wp_options SET option_value = 'changed' WHERE option_name = 'siteurl'");
  std::string text;
  unsigned char buf[7000];
  for (;;) {
    auto n = (*source)->Read(buf, sizeof buf);
    REQUIRE(n.ok());
    if (*n == 0) break;
    text.append(reinterpret_cast<char*>(buf), *n);
  }
  CHECK(text.find("'late'") == std::string::npos);
  CHECK(text.find("'changed'") == std::string::npos);
  const std::string file = s.dir / "snap.sql";
  std::ofstream(file, std::ios::binary) << text;
  ImportOptions o;
  o.prefix = "sn_";
  o.replace = true;
  auto imported = ImportFile(s.conn, file, o, nullptr);
  REQUIRE(imported.ok());
  CHECK(std::stoll(Scalar(*db, "SELECT COUNT(*) FROM sn_posts")) == std::stoll(posts));
  CHECK(Checksum(*db, "sn_options") == sum);
  Exec(*db, "DELETE FROM wp_posts WHERE post_title = 'late'");
  Exec(*db, "UPDATE wp_options SET option_value = 'https://example.org' WHERE option_name = 'siteurl'");
}

TEST_CASE("a lost connection or a cancellation leaves no dump", "[.][mariadb][database]") {
  Server& s = Filled();
  auto killer = Connect(s.conn);
  const std::string file = s.dir / "lost.sql";
  DumpOptions o = WpOnly();
  o.progress_interval = 0;
  bool killed = false;
  auto lost = DumpToFile(s.conn, file, o, [&](const Progress& p) {
    if (!killed && p.current == "wp_posts" && p.done > 0) {
      auto id = killer->Query("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT %FROM `wp_posts`'");
      if (id.ok() && !id->empty()) killed = killer->Execute("KILL " + (*id)[0][0].value).ok();
    }
    return true;
  });
  REQUIRE(killed);
  REQUIRE(!lost.ok());
  CHECK(lost.status().error_code() == "unreachable");
  CHECK(access(file.c_str(), F_OK) != 0);
  int n = 0;
  auto cancelled = DumpToFile(s.conn, file, o, [&](const Progress&) { return ++n < 5; });
  REQUIRE(!cancelled.ok());
  CHECK(cancelled.status().code() == Status::Code::kCancelled);
  CHECK(access(file.c_str(), F_OK) != 0);
  CHECK(TempDir::Run("ls -a '" + s.dir.path() + "' | grep -q bjlg-partial") != 0);
}

TEST_CASE("a plugin dump's {hex64} placeholder comes back as %", "[.][mariadb][database]") {
  Server& s = Filled();
  const std::string ph = "{" + std::string(64, 'a') + "}";
  const std::string dump = "-- Backup JLG Database Export\n-- Version: 2.0.3\n-- Date: 2026-01-01 00:00:00\n-- Site: x\n\n"
                           "SET NAMES utf8mb4;\nSET FOREIGN_KEY_CHECKS=0;\n\n\n-- Table: wp_ph\nDROP TABLE IF EXISTS `wp_ph`;\n"
                           "CREATE TABLE `wp_ph` (`v` text);\n\n-- Data for table: wp_ph\nINSERT INTO `wp_ph` (`v`) VALUES\n"
                           "('100" + ph + " sure'),\n('" + ph + "s and " + ph + "d');\n\n\nSET FOREIGN_KEY_CHECKS=1;\n";
  const std::string file = s.dir / "ph.sql";
  std::ofstream(file, std::ios::binary) << dump;
  ImportOptions o;
  o.prefix = "ph_";
  o.replace = true;
  auto imported = ImportFile(s.conn, file, o, nullptr);
  REQUIRE(imported.ok());
  CHECK(imported->flavour == "plugin");
  CHECK(imported->placeholder);
  auto db = Connect(s.conn);
  CHECK(Scalar(*db, "SELECT GROUP_CONCAT(v ORDER BY v SEPARATOR '|') FROM ph_ph") == "%s and %d|100% sure");
}

TEST_CASE("the first refused statement is reported with its line", "[.][mariadb][database]") {
  Server& s = Filled();
  const std::string file = s.dir / "bad.sql";
  std::ofstream(file, std::ios::binary) << "DROP TABLE IF EXISTS `wp_e1`;\nCREATE TABLE `wp_e1` (a int);\nINSERT INTO `wp_e1` VALUES (1);\n"
                                           "INSERT INTO `wp_e1` (`nope`) VALUES\n(2);\nINSERT INTO `wp_e1` VALUES (3);\n";
  ImportOptions o;
  o.prefix = "e1_";
  o.replace = true;
  auto stopped = ImportFile(s.conn, file, o, nullptr);
  REQUIRE(!stopped.ok());
  CHECK(stopped.status().message().rfind("line 4: ", 0) == 0);
  CHECK(stopped.status().message().find("Unknown column 'nope'") != std::string::npos);
  o.continue_on_error = true;
  auto kept = ImportFile(s.conn, file, o, nullptr);
  REQUIRE(kept.ok());
  CHECK(kept->errors == 1);
  CHECK(kept->first_error.line == 4);
  CHECK(kept->rows == 2);
}

TEST_CASE("addDatabase's entry is the dump, compressed and read back", "[.][mariadb][database]") {
  Server& s = Filled();
  const std::string zip = s.dir / "site.zip";
  archive::WriterOptions wo;
  wo.threads = 1;
  auto writer = archive::Writer::Create(zip, wo);
  REQUIRE(writer.ok());
  auto dumped = DumpToArchive(**writer, "database.sql", s.conn, WpOnly());
  REQUIRE(dumped.ok());
  REQUIRE((*writer)->Close().ok());
  const std::string out = s.dir / "from-zip.sql";
  REQUIRE(TempDir::Run("unzip -p '" + zip + "' database.sql > '" + out + "'") == 0);
  CHECK(ReadAll(out).size() == dumped->bytes);
  ImportOptions o;
  o.prefix = "zz_";
  o.replace = true;
  auto imported = ImportFile(s.conn, out, o, nullptr);
  REQUIRE(imported.ok());
  auto db = Connect(s.conn);
  SameTables(*db, *db, "zz_");

  SECTION("a dump that fails aborts the archive") {
    const std::string zip2 = s.dir / "broken.zip";
    auto w2 = archive::Writer::Create(zip2, wo);
    REQUIRE(w2.ok());
    DumpOptions missing;
    missing.tables = {"wp_nope"};
    auto failed = DumpToArchive(**w2, "database.sql", s.conn, missing);
    REQUIRE(!failed.ok());
    CHECK(failed.status().code() == Status::Code::kNotFound);
    CHECK(!(*w2)->Close().ok());
    CHECK(access(zip2.c_str(), F_OK) != 0);
  }
}

}  // namespace
}  // namespace bjlg::database
