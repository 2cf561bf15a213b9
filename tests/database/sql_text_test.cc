// The dump's value forms (design §2.4) and the small SQL reading the importer relies on.
#include <catch2/catch.hpp>

#include "database/sql_text.h"

namespace bjlg::database {
namespace {

std::string Value(const std::string& v, bool null = false) {
  std::string out;
  AppendValue(&out, v.data(), v.size(), null);
  return out;
}

TEST_CASE("values are written as the plugin writes them", "[database]") {
  CHECK(Value("", true) == "NULL");
  CHECK(Value("") == "''");
  CHECK(Value("1") == "'1'");  // wpdb returns strings: numbers are quoted
  CHECK(Value("100% sure") == "'100% sure'");  // '%' intact, never a placeholder
  CHECK(Value("it's \"x\" \\ y") == "'it\\'s \\\"x\\\" \\\\ y'");
  CHECK(Value("a\nb\rc\032d") == "'a\\nb\\rc\\Zd'");  // one row stays on one line
  CHECK(Value("caf\xc3\xa9 \xf0\x9f\x98\x80") == "'caf\xc3\xa9 \xf0\x9f\x98\x80'");  // UTF-8 and emoji as is
  CHECK(Value(std::string("a\0b", 3)) == "0x610062");  // NUL: hex
  CHECK(Value("\xff\xfe") == "0xfffe");  // invalid UTF-8: hex
  CHECK(Value("\xc0\xaf") == "0xc0af");  // overlong form: hex
  CHECK(Value("\xed\xa0\x80") == "0xeda080");  // surrogate: hex
  CHECK(Value("a:1:{s:3:\"k;\";s:1:\"%\";}") == "'a:1:{s:3:\\\"k;\\\";s:1:\\\"%\\\";}'");
}

TEST_CASE("names are backquoted with backquotes doubled", "[database]") {
  CHECK(QuoteName("wp_posts") == "`wp_posts`");
  CHECK(QuoteName("a`b") == "`a``b`");
}

TEST_CASE("OneLine keeps a trigger body's meaning on one line", "[database]") {
  CHECK(OneLine("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW\nBEGIN\n  SET NEW.a = 'l1\nl2'; -- note\n"
                "  SET NEW.b = 1; # other\nEND") ==
        "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 'l1\\nl2';   SET NEW.b = 1;   END");
  CHECK(OneLine("SELECT 'a\\\nb'") == "SELECT 'a\\nb'");  // backslash then newline: still a newline
  CHECK(OneLine("SELECT /* a\nb */ 1") == "SELECT /* a b */ 1");
  CHECK(OneLine("SELECT '--not a comment;'\n;") == "SELECT '--not a comment;' ;");
}

TEST_CASE("WithoutDefiner drops the account clause only", "[database]") {
  CHECK(WithoutDefiner("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v` AS select 1") ==
        "CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `v` AS select 1");
  CHECK(WithoutDefiner("CREATE DEFINER=`a b`@`%` TRIGGER `t` x") == "CREATE TRIGGER `t` x");
  CHECK(WithoutDefiner("SELECT 'DEFINER=`x`@`y`'") == "SELECT 'DEFINER=`x`@`y`'");
}

TEST_CASE("TargetOf names the object a statement changes", "[database]") {
  auto is = [](const std::string& sql, const std::string& kind, const std::string& name, const std::string& object) {
    const StatementTarget t = TargetOf(sql);
    INFO(sql);
    CHECK(t.kind == kind);
    CHECK(t.name == name);
    CHECK(t.object == object);
  };
  is("DROP TABLE IF EXISTS `wp_posts`", "DROP TABLE", "wp_posts", "table");
  is("CREATE TABLE `wp_a` (x int)", "CREATE TABLE", "wp_a", "table");
  is("create table if not exists wp_b (x int)", "CREATE TABLE", "wp_b", "table");
  is("INSERT INTO `wp_c` (`a`) VALUES\n('1')", "INSERT", "wp_c", "table");
  is("INSERT IGNORE INTO `db`.`wp_d` VALUES (1)", "INSERT", "wp_d", "table");
  is("CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `wp_v` AS select 1", "CREATE VIEW", "wp_v", "table");
  is("CREATE DEFINER=`root`@`localhost` TRIGGER `wp_t` BEFORE INSERT ON `wp_c` FOR EACH ROW SET @a=1", "CREATE TRIGGER", "wp_t",
     "trigger");
  is("DROP PROCEDURE IF EXISTS `p`", "DROP PROCEDURE", "p", "routine");
  is("/* hello */ LOCK TABLES `wp_e` WRITE", "LOCK TABLES", "wp_e", "table");
  is("ALTER TABLE `wp_f` DISABLE KEYS", "ALTER TABLE", "wp_f", "table");
  is("SET NAMES utf8mb4", "SET", "", "");
  is("CREATE DATABASE x", "CREATE DATABASE", "", "");
  is("/*!40101 SET x=1 */", "", "", "");
}

TEST_CASE("RewriteNames changes names, never strings", "[database]") {
  auto wp = [](const std::string& n, bool* r) {
    *r = n.rfind("wp_", 0) == 0;
    return *r ? "new_" + n.substr(3) : n;
  };
  CHECK(RewriteNames("select `wp_posts`.`ID` AS `ID` from `wp_posts` where x = '`wp_posts`'", wp) ==
        "select `new_posts`.`ID` AS `ID` from `new_posts` where x = '`wp_posts`'");
  CHECK(RewriteNames("CREATE TRIGGER wp_t BEFORE INSERT ON wp_posts FOR EACH ROW SET NEW.a = 'wp_posts'", wp) ==
        "CREATE TRIGGER `new_t` BEFORE INSERT ON `new_posts` FOR EACH ROW SET NEW.a = 'wp_posts'");
  CHECK(RewriteNames("CREATE TABLE `wp_a``b` (`c` int) COMMENT='it''s `wp_x`'", wp) ==
        "CREATE TABLE `new_a``b` (`c` int) COMMENT='it''s `wp_x`'");
}

}  // namespace
}  // namespace bjlg::database
