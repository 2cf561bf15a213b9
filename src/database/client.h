// Client: one connection to a MariaDB or MySQL server through libmariadb (Connector/C), with the
// failures said the bjlg way:
//  - cannot reach the server, or the connection is lost: Network "unreachable";
//  - refused credentials: Network "auth"; the database does not exist: Network "not_found";
//  - TLS asked and not possible: Network "tls";
//  - a statement the server refuses: Network "rejected" with the server's message.
// Messages name the server (Connection::Describe) and never the password.
#ifndef BJLG_DATABASE_CLIENT_H_
#define BJLG_DATABASE_CLIENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "database/connection.h"

struct st_mysql;
struct st_mysql_res;

namespace bjlg::database {

// One row of a small buffered result (NULL is std::nullopt-like: `null` set).
struct Cell {
  std::string value;
  bool null = false;
};
using Row = std::vector<Cell>;

class Client {
 public:
  // REQUIRES: c.Validate() is OK.
  static Result<std::unique_ptr<Client>> Open(const Connection& c, double timeout_seconds = 30);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Runs a statement and discards any result. *affected gets the rows it changed.
  Status Execute(std::string_view sql, uint64_t* affected = nullptr);
  // Runs a query and returns its whole (small) result.
  Result<std::vector<Row>> Query(std::string_view sql);

  // An unbuffered result: rows come from the server as they are read, so memory stays flat.
  // Nothing else may be sent on this client until it is destroyed.
  class Stream {
   public:
    ~Stream();
    size_t columns() const { return columns_; }
    const std::vector<std::string>& names() const { return names_; }
    // Next row: true with the row in row()/lengths(), false at the end; a lost connection is
    // a Network error, never a silent end.
    Result<bool> Next();
    char** row() const { return row_; }
    const unsigned long* lengths() const { return lengths_; }

   private:
    friend class Client;
    Client* client_ = nullptr;
    st_mysql_res* res_ = nullptr;
    size_t columns_ = 0;
    std::vector<std::string> names_;
    char** row_ = nullptr;
    unsigned long* lengths_ = nullptr;
  };
  Result<std::unique_ptr<Stream>> Select(std::string_view sql);

  // "10.11.6-MariaDB-0+deb12u1"
  std::string server_version() const;
  const std::string& where() const { return where_; }

 private:
  Client() = default;
  Status Failure(const std::string& doing) const;

  st_mysql* mysql_ = nullptr;
  std::string where_;
};

}  // namespace bjlg::database

#endif  // BJLG_DATABASE_CLIENT_H_
