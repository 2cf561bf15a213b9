#include "database/client.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>

namespace bjlg::database {

namespace {

// The library's global state, once per process (mysql_real_connect would do it lazily, but not
// thread-safely).
void InitLibrary() {
  static const bool done = [] { return mysql_library_init(0, nullptr, nullptr) == 0; }();
  (void)done;
}

}  // namespace

Status Client::Failure(const std::string& doing) const {
  const unsigned err = mysql_errno(mysql_);
  const std::string msg = doing + " (" + where_ + "): " + mysql_error(mysql_);
  switch (err) {
    case ER_ACCESS_DENIED_ERROR:
    case ER_DBACCESS_DENIED_ERROR:
    case ER_TABLEACCESS_DENIED_ERROR:
    case ER_SPECIFIC_ACCESS_DENIED_ERROR:
      return Status::Network("auth", msg);
    case ER_BAD_DB_ERROR:
      return Status::Network("not_found", msg);
    case CR_SSL_CONNECTION_ERROR:
      return Status::Network("tls", msg);
    case CR_CONNECTION_ERROR:
    case CR_CONN_HOST_ERROR:
    case CR_UNKNOWN_HOST:
    case CR_SERVER_GONE_ERROR:
    case CR_SERVER_LOST:
    case CR_SERVER_LOST_EXTENDED:
    case 1053:  // ER_SERVER_SHUTDOWN
    case 1927:  // ER_CONNECTION_KILLED (MariaDB): the connection is gone
      return Status::Network("unreachable", msg);
    default:
      return err >= 2000 && err < 3000 ? Status::Network("protocol", msg) : Status::Network("rejected", msg);
  }
}

Result<std::unique_ptr<Client>> Client::Open(const Connection& c, double timeout) {
  InitLibrary();
  std::unique_ptr<Client> client(new Client());
  client->where_ = c.Describe();
  client->mysql_ = mysql_init(nullptr);
  if (client->mysql_ == nullptr) return Status::IOError("out of memory initialising the database client");
  MYSQL* m = client->mysql_;
  const unsigned t = timeout < 1 ? 1 : static_cast<unsigned>(timeout);
  const unsigned rw = 3600;  // a slow statement of a big import is not a lost connection
  mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &t);
  mysql_optionsv(m, MYSQL_OPT_READ_TIMEOUT, &rw);
  mysql_optionsv(m, MYSQL_OPT_WRITE_TIMEOUT, &rw);
  mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, c.charset.c_str());
  // Never read a my.cnf: the connection is what the caller gave, nothing else.
  const my_bool yes = 1, no = 0;
  mysql_optionsv(m, MYSQL_OPT_LOCAL_INFILE, &no);
  if (c.tls) {
    mysql_optionsv(m, MYSQL_OPT_SSL_ENFORCE, &yes);
    mysql_optionsv(m, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes);
  }
  const unsigned protocol = c.socket.empty() ? MYSQL_PROTOCOL_TCP : MYSQL_PROTOCOL_SOCKET;
  mysql_optionsv(m, MYSQL_OPT_PROTOCOL, &protocol);
  const char* host = c.socket.empty() ? c.host.c_str() : "localhost";
  if (mysql_real_connect(m, host, c.user.c_str(), c.password.c_str(), c.database.c_str(), c.port,
                         c.socket.empty() ? nullptr : c.socket.c_str(), 0) == nullptr) {
    return client->Failure("cannot connect to the database");
  }
  return client;
}

Client::~Client() {
  if (mysql_ != nullptr) mysql_close(mysql_);
}

std::string Client::server_version() const { return mysql_get_server_info(mysql_); }

Status Client::Execute(std::string_view sql, uint64_t* affected) {
  if (mysql_real_query(mysql_, sql.data(), sql.size()) != 0) return Failure("the database refused a statement");
  if (mysql_field_count(mysql_) == 0) {
    if (affected != nullptr) {
      const my_ulonglong n = mysql_affected_rows(mysql_);
      *affected = n == static_cast<my_ulonglong>(-1) ? 0 : n;
    }
    return Status::OK();
  }
  // A statement that returns rows (a SELECT in a dump): read and drop them.
  MYSQL_RES* res = mysql_use_result(mysql_);
  if (res != nullptr) {
    while (mysql_fetch_row(res) != nullptr) {
    }
    mysql_free_result(res);
  }
  if (mysql_errno(mysql_) != 0) return Failure("reading a statement's result");
  if (affected != nullptr) *affected = 0;
  return Status::OK();
}

Result<std::vector<Row>> Client::Query(std::string_view sql) {
  if (mysql_real_query(mysql_, sql.data(), sql.size()) != 0) return Failure("the database refused a query");
  MYSQL_RES* res = mysql_store_result(mysql_);
  if (res == nullptr) {
    if (mysql_errno(mysql_) != 0) return Failure("reading a query's result");
    return std::vector<Row>();
  }
  std::vector<Row> rows;
  const unsigned n = mysql_num_fields(res);
  while (MYSQL_ROW r = mysql_fetch_row(res)) {
    const unsigned long* len = mysql_fetch_lengths(res);
    Row row(n);
    for (unsigned i = 0; i < n; ++i) {
      if (r[i] == nullptr) {
        row[i].null = true;
      } else {
        row[i].value.assign(r[i], len[i]);
      }
    }
    rows.push_back(std::move(row));
  }
  mysql_free_result(res);
  return rows;
}

Result<std::unique_ptr<Client::Stream>> Client::Select(std::string_view sql) {
  if (mysql_real_query(mysql_, sql.data(), sql.size()) != 0) return Failure("the database refused a query");
  MYSQL_RES* res = mysql_use_result(mysql_);
  if (res == nullptr) return Failure("reading a query's result");
  std::unique_ptr<Stream> s(new Stream());
  s->client_ = this;
  s->res_ = res;
  s->columns_ = mysql_num_fields(res);
  MYSQL_FIELD* fields = mysql_fetch_fields(res);
  for (size_t i = 0; i < s->columns_; ++i) s->names_.emplace_back(fields[i].name, fields[i].name_length);
  return s;
}

Result<bool> Client::Stream::Next() {
  row_ = mysql_fetch_row(res_);
  if (row_ == nullptr) {
    if (mysql_errno(client_->mysql_) != 0) return client_->Failure("reading rows");
    return false;
  }
  lengths_ = mysql_fetch_lengths(res_);
  return true;
}

Client::Stream::~Stream() {
  if (res_ != nullptr) mysql_free_result(res_);  // reads what is left, as the protocol wants
}

}  // namespace bjlg::database
