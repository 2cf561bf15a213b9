// Connection: where a database is, as the user gave it, checked before anything connects.
//
// Three ways to say it (the keys of Bjlg\Database's $connection array):
//  - fields: host, port, socket, user, password, database, charset (utf8mb4), tls;
//  - a PDO DSN "mysql:host=H;port=P;dbname=D;unix_socket=S;charset=C" (user and password as
//    fields beside it, as PDO takes them);
//  - wp_config: the path of a wp-config.php whose DB_NAME, DB_USER, DB_PASSWORD, DB_HOST and
//    DB_CHARSET constants are read (a bounded parse of define() lines, never executed).
// WordPress's DB_HOST forms are understood: "host", "host:port", "localhost:/path/to.sock",
// ":/path.sock", "[::1]:3306". The password never appears in a message.
#ifndef BJLG_DATABASE_CONNECTION_H_
#define BJLG_DATABASE_CONNECTION_H_

#include <string>

#include "common/status.h"

namespace bjlg::database {

struct Connection {
  std::string host;      // "" with a socket: localhost through the socket
  unsigned port = 0;     // 0: the client's default (3306)
  std::string socket;    // Unix socket path
  std::string user;
  std::string password;  // secret: never in messages
  std::string database;
  std::string charset = "utf8mb4";
  bool tls = false;      // require TLS (server certificate verified)

  // InvalidArgument naming the key: an empty database, a port out of range, a charset that is
  // not a plain name, NUL bytes, neither host nor socket.
  Status Validate() const;
  // "user@host:port/database" or "user@socket/database": for messages (never the password).
  std::string Describe() const;
};

// Applies a WordPress DB_HOST value ("host", "host:port", "host:/sock", "[v6]:port").
Status ApplyDbHost(const std::string& db_host, Connection* c);
// Parses a PDO MySQL DSN into `c` (host, port, dbname, unix_socket, charset; user and password
// are accepted too). InvalidArgument for another driver, an unknown key or a malformed part.
Status ParseDsn(const std::string& dsn, Connection* c);
// Reads the DB_* constants of a wp-config.php (at most 1 MiB; only literal single- or
// double-quoted strings are understood). NotFound when missing; InvalidArgument when a needed
// constant is absent or not a literal.
Status ReadWpConfig(const std::string& path, Connection* c);
// The same on the file's content (tests, fuzzing).
Status ParseWpConfig(const std::string& php, Connection* c);

}  // namespace bjlg::database

#endif  // BJLG_DATABASE_CONNECTION_H_
