// Connections: PDO DSNs, WordPress's DB_HOST forms and wp-config.php, and the refusals.
#include <catch2/catch.hpp>

#include "database/connection.h"

namespace bjlg::database {
namespace {

TEST_CASE("a PDO DSN gives host, port, database, socket and charset", "[database]") {
  Connection c;
  REQUIRE(ParseDsn("mysql:host=db.example;port=3307;dbname=wp;charset=utf8", &c).ok());
  CHECK(c.host == "db.example");
  CHECK(c.port == 3307);
  CHECK(c.database == "wp");
  CHECK(c.charset == "utf8");
  Connection s;
  REQUIRE(ParseDsn("mysql:unix_socket=/run/mysqld/mysqld.sock;dbname=wp", &s).ok());
  CHECK(s.socket == "/run/mysqld/mysqld.sock");
  CHECK(s.Validate().ok());
  Connection d;
  REQUIRE(ParseDsn("mysql:dbname=wp", &d).ok());
  CHECK(d.host == "localhost");
}

TEST_CASE("bad DSNs are refused with what is wrong", "[database]") {
  Connection c;
  CHECK(ParseDsn("pgsql:host=x", &c).message().find("must start with \"mysql:\"") != std::string::npos);
  CHECK(ParseDsn("mysql:host", &c).message().find("part without '='") != std::string::npos);
  CHECK(ParseDsn("mysql:port=99999", &c).message().find("port number") != std::string::npos);
  CHECK(ParseDsn("mysql:port=x1", &c).message().find("port number") != std::string::npos);
  CHECK(ParseDsn("mysql:colour=red", &c).message().find("unknown key \"colour\"") != std::string::npos);
  CHECK(ParseDsn(std::string("mysql:host=a\0b", 14), &c).message().find("NUL") != std::string::npos);
}

TEST_CASE("WordPress DB_HOST forms", "[database]") {
  Connection a;
  REQUIRE(ApplyDbHost("db:3310", &a).ok());
  CHECK((a.host == "db" && a.port == 3310));
  Connection b;
  REQUIRE(ApplyDbHost("localhost:/var/run/mysqld/mysqld.sock", &b).ok());
  CHECK((b.host == "localhost" && b.socket == "/var/run/mysqld/mysqld.sock"));
  Connection c;
  REQUIRE(ApplyDbHost(":/tmp/m.sock", &c).ok());
  CHECK((c.host == "localhost" && c.socket == "/tmp/m.sock"));
  Connection d;
  REQUIRE(ApplyDbHost("[::1]:3307", &d).ok());
  CHECK((d.host == "::1" && d.port == 3307));
  Connection e;
  REQUIRE(ApplyDbHost("127.0.0.1", &e).ok());
  CHECK((e.host == "127.0.0.1" && e.port == 0));
  Connection f;
  CHECK(ApplyDbHost("db:http", &f).code() == Status::Code::kInvalidArgument);
}

TEST_CASE("wp-config.php constants are read without running PHP", "[database]") {
  const std::string php =
      "<?php\n// define('DB_NAME', 'commented');\n/* define('DB_USER', 'nope'); */\n"
      "define( 'DB_NAME', 'wordpress' );\ndefine('DB_USER', \"wp\\\"user\");\n"
      "define('DB_PASSWORD', 'p\\'ss;w0rd');\ndefine('DB_HOST', 'localhost:/run/my.sock');\n"
      "define('DB_CHARSET', 'utf8mb4');\ndefine('DB_NAME', 'second');\n$table_prefix = 'wp_';\n";
  Connection c;
  REQUIRE(ParseWpConfig(php, &c).ok());
  CHECK(c.database == "wordpress");  // the first definition wins, as in PHP
  CHECK(c.user == "wp\"user");
  CHECK(c.password == "p'ss;w0rd");
  CHECK(c.socket == "/run/my.sock");
  CHECK(c.charset == "utf8mb4");
  Connection missing;
  CHECK(ParseWpConfig("<?php define('DB_NAME','x');", &missing).message() == "wp-config.php does not define DB_USER");
  Connection expr;
  const Status s = ParseWpConfig(
      "<?php define('DB_NAME','x'); define('DB_USER','u'); define('DB_PASSWORD', getenv('PW')); define('DB_HOST','h');", &expr);
  CHECK(s.message().find("DB_PASSWORD with an expression") != std::string::npos);
}

TEST_CASE("Validate names the key and never shows the password", "[database]") {
  Connection c;
  c.host = "h";
  c.password = "s3cret-pw";
  CHECK(c.Validate().message() == "connection \"database\" must name a database");
  c.database = "wp";
  CHECK(c.Validate().ok());
  c.charset = "utf8; DROP";
  CHECK(c.Validate().message().find("\"charset\"") != std::string::npos);
  c.charset = "utf8mb4";
  c.socket = "relative.sock";
  CHECK(c.Validate().message().find("absolute") != std::string::npos);
  CHECK(c.Describe().find("s3cret") == std::string::npos);
}

}  // namespace
}  // namespace bjlg::database
