#include "verify/database.h"

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "crypto/primitives.h"
#include "database/importer.h"
#include "verify/process.h"
#include "verify/report.h"

namespace bjlg::verify {

namespace {

std::string ReadAllFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// An option-file value: quoted, with backslashes and quotes escaped.
std::string OptionValue(const std::string& v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Quote(const std::string& identifier) {
  std::string out = "`";
  for (char c : identifier) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

}  // namespace

Result<int> RestoreDatabase::Client(const std::string& sql_file, const std::string& out, const std::string& err,
                                    bool with_db, double timeout) {
  std::vector<std::string> argv = {client_, "--defaults-file=" + cnf_, "--batch", "--skip-column-names",
                                   "--binary-mode"};
  if (with_db) argv.push_back("--database=" + database_);
  return RunProcess(argv, {sql_file, out, err}, timeout);
}

Result<int> RestoreDatabase::Sql(const std::string& sql, std::string* out, bool with_db) {
  const std::string in = dir_ + "/q.sql", o = dir_ + "/q.out", e = dir_ + "/q.err";
  Status s = WritePrivateFile(in, sql);
  if (!s.ok()) return s;
  Result<int> rc = Client(in, o, e, with_db, 120);
  if (rc.ok() && *rc != 0) return Status::IOError("the database refused: " + FileTail(e, 400));
  if (rc.ok() && out != nullptr) *out = ReadAllFile(o);
  return rc;
}

Result<std::unique_ptr<RestoreDatabase>> RestoreDatabase::StartThrowaway(const std::string& dir, double timeout) {
  std::unique_ptr<RestoreDatabase> db(new RestoreDatabase());
  db->dir_ = dir;
  db->client_ = FindProgram("mariadb");
  const std::string install = FindProgram("mariadb-install-db"), server = FindProgram("mariadbd");
  if (db->client_.empty() || install.empty() || server.empty()) {
    return Status::IOError("MariaDB is not installed (mariadb, mariadb-install-db and mariadbd are needed: "
                           "Debian's mariadb-server and mariadb-client)");
  }
  const std::string data = dir + "/data", socket = dir + "/s.sock", log = dir + "/server.log";
  if (socket.size() > 100) return Status::IOError("the sandbox path is too long for a Unix socket: " + socket);
  if (mkdir(data.c_str(), 0700) != 0) return Status::IOError("cannot create the database folder: " + std::string(strerror(errno)));
  const struct passwd* pw = getpwuid(geteuid());
  const std::string user = pw != nullptr ? pw->pw_name : "root";
  Result<int> rc = RunProcess({install, "--no-defaults", "--datadir=" + data, "--user=" + user,
                               "--auth-root-authentication-method=normal", "--skip-test-db"},
                              {"", dir + "/install.out", dir + "/install.err"}, timeout);
  if (!rc.ok() || *rc != 0) {
    return Status::IOError("mariadb-install-db failed: " + (rc.ok() ? FileTail(dir + "/install.err", 400) : rc.status().message()));
  }
  std::vector<std::string> argv = {server, "--no-defaults", "--datadir=" + data, "--socket=" + socket,
                                   "--skip-networking", "--pid-file=" + dir + "/server.pid", "--log-error=" + log,
                                   "--tmpdir=" + dir, "--innodb-buffer-pool-size=64M",
                                   "--innodb-flush-log-at-trx-commit=0", "--skip-log-bin",
                                   "--max-allowed-packet=256M"};
  if (geteuid() == 0) argv.push_back("--user=root");
  Result<pid_t> pid = StartProcess(argv, {"", "", dir + "/server.err"});
  if (!pid.ok()) return pid.status();
  db->server_pid_ = *pid;
  db->conn_.socket = socket;
  db->conn_.user = "root";
  db->conn_.database = db->database_;
  db->cnf_ = dir + "/client.cnf";
  Status s = WritePrivateFile(db->cnf_, "[client]\nuser=root\nsocket=" + OptionValue(socket) + "\n");
  if (!s.ok()) return s;
  // Wait for the server to answer (or to die).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
  for (;;) {
    std::string out;
    if (access(socket.c_str(), F_OK) == 0) {
      Result<int> ping = db->Sql("SELECT VERSION();\n", &out, false);
      if (ping.ok() && *ping == 0) {
        db->version_ = out.substr(0, out.find('\n'));
        break;
      }
    }
    if (kill(db->server_pid_, 0) != 0 || std::chrono::steady_clock::now() > deadline) {
      return Status::IOError("the throwaway MariaDB server did not start: " + FileTail(log, 600));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  Result<int> created = db->Sql("CREATE DATABASE " + Quote(db->database_) + " CHARACTER SET utf8mb4;\n", nullptr, false);
  if (!created.ok()) return created.status();
  db->created_ = true;
  return db;
}

Result<std::unique_ptr<RestoreDatabase>> RestoreDatabase::Connect(const std::string& dsn, const std::string& dir) {
  if (dsn.rfind("mysql:", 0) != 0) return Status::InvalidArgument("the DSN must start with \"mysql:\"");
  std::unique_ptr<RestoreDatabase> db(new RestoreDatabase());
  db->dir_ = dir;
  db->client_ = FindProgram("mariadb");
  if (db->client_.empty()) db->client_ = FindProgram("mysql");
  if (db->client_.empty()) return Status::IOError("no mariadb or mysql client is installed");
  std::string cnf = "[client]\n";
  std::stringstream ss(dsn.substr(6));
  std::string part;
  while (std::getline(ss, part, ';')) {
    if (part.empty()) continue;
    const size_t eq = part.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument("the DSN has a part without '=': " + part.substr(0, 20));
    const std::string k = part.substr(0, eq), v = part.substr(eq + 1);
    if (k == "host") cnf += "host=" + OptionValue(v) + "\n";
    else if (k == "port") cnf += "port=" + OptionValue(v) + "\n";
    else if (k == "unix_socket") cnf += "socket=" + OptionValue(v) + "\n";
    else if (k == "user") cnf += "user=" + OptionValue(v) + "\n";
    else if (k == "password") cnf += "password=" + OptionValue(v) + "\n";
    else if (k == "dbname" || k == "charset") continue;
    else return Status::InvalidArgument("the DSN has an unknown key '" + k + "'");
  }
  db->cnf_ = dir + "/client.cnf";
  Status s = database::ParseDsn(dsn, &db->conn_);
  if (!s.ok()) return s;
  s = WritePrivateFile(db->cnf_, cnf);
  if (!s.ok()) return s;
  uint8_t r[6];
  s = crypto::RandomBytes(r, sizeof r);
  if (!s.ok()) return s;
  db->database_ = "bjlg_restore_";
  for (uint8_t b : r) {
    static const char* hex = "0123456789abcdef";
    db->database_ += hex[b >> 4];
    db->database_ += hex[b & 15];
  }
  db->conn_.database = db->database_;
  std::string out;
  Result<int> v = db->Sql("SELECT VERSION();\n", &out, false);
  if (!v.ok()) return Status::IOError("cannot connect to the database server of the DSN: " + v.status().message());
  db->version_ = out.substr(0, out.find('\n'));
  Result<int> created = db->Sql("CREATE DATABASE " + Quote(db->database_) + " CHARACTER SET utf8mb4;\n", nullptr, false);
  if (!created.ok()) return created.status();
  db->created_ = true;
  return db;
}

Result<int> RestoreDatabase::Import(const std::string& dump, std::string* error) {
  database::ImportOptions o;
  o.replace = true;  // the test database is ours and fresh
  Result<database::ImportResult> r = database::ImportFile(conn_, dump, o, nullptr);
  if (r.ok()) return 0;
  const Status& s = r.status();
  // The dump's fault (refused, malformed) fails the import; the environment's is inconclusive.
  if ((s.code() == Status::Code::kNetwork && s.error_code() == "rejected") || s.code() == Status::Code::kCorruption) {
    *error = s.message();
    return 1;
  }
  return s;
}

Result<std::map<std::string, uint64_t>> RestoreDatabase::TableRows() {
  std::string tables;
  Result<int> rc = Sql("SHOW TABLES;\n", &tables, true);
  if (!rc.ok()) return rc.status();
  std::map<std::string, uint64_t> rows;
  std::stringstream ss(tables);
  std::string name, sql;
  std::vector<std::string> names;
  while (std::getline(ss, name)) {
    if (name.empty()) continue;
    names.push_back(name);
    sql += "SELECT COUNT(*) FROM " + Quote(name) + ";\n";
  }
  if (names.empty()) return rows;
  std::string counts;
  rc = Sql(sql, &counts, true);
  if (!rc.ok()) return rc.status();
  std::stringstream cs(counts);
  std::string line;
  for (const std::string& n : names) {
    if (!std::getline(cs, line)) return Status::IOError("the database did not count every table");
    rows[n] = std::stoull(line);
  }
  return rows;
}

Status RestoreDatabase::Close() {
  if (closed_) return Status::OK();
  closed_ = true;
  Status s;
  if (server_pid_ > 0) {
    kill(server_pid_, SIGTERM);
    Result<int> rc = WaitProcess(server_pid_, 60);
    server_pid_ = -1;
    if (!rc.ok()) s = Status::IOError("the throwaway MariaDB server did not stop: " + rc.status().message());
  } else if (created_) {
    Result<int> rc = Sql("DROP DATABASE " + Quote(database_) + ";\n", nullptr, false);
    if (!rc.ok()) s = Status::IOError("cannot drop the test database " + database_ + ": " + rc.status().message());
  }
  return s;
}

RestoreDatabase::~RestoreDatabase() { Close(); }

}  // namespace bjlg::verify
