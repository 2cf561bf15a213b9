// RestoreDatabase: where a restore test imports a dump. Either a throwaway MariaDB server that
// bjlg starts inside the sandbox (its own data folder, a Unix socket in the sandbox, no network
// port, root without password reachable only through that 0700 folder), or an existing server
// given by a PDO-style DSN, in which a fresh database `bjlg_restore_<random>` is created and
// dropped afterwards. Credentials go in a 0600 option file in the sandbox, never on a command
// line. Destroying the object drops the database or stops the server.
//
// Errors are IOError (the environment: tools missing, the server does not start, the DSN does
// not connect): a restore test reports them as inconclusive, never as a bad backup.
#ifndef BJLG_VERIFY_DATABASE_H_
#define BJLG_VERIFY_DATABASE_H_

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "common/status.h"
#include "database/connection.h"

namespace bjlg::verify {

class RestoreDatabase {
 public:
  // Initialises a data folder under `dir` (which must be private) and starts mariadbd on
  // `dir`/s.sock. `evidence` receives the server version.
  static Result<std::unique_ptr<RestoreDatabase>> StartThrowaway(const std::string& dir, double timeout_seconds);
  // "mysql:host=H;port=P;unix_socket=S;user=U;password=W" (dbname is ignored: the test uses its
  // own database). InvalidArgument for a malformed DSN.
  static Result<std::unique_ptr<RestoreDatabase>> Connect(const std::string& dsn, const std::string& dir);
  ~RestoreDatabase();
  RestoreDatabase(const RestoreDatabase&) = delete;
  RestoreDatabase& operator=(const RestoreDatabase&) = delete;

  // Imports `dump` with bjlg's Importer (src/database/importer.h). Returns 0, or 1 with the
  // server's refusal (and its line) in *error; a failure to run the import at all (the server
  // unreachable, the dump unreadable) is the returned status.
  Result<int> Import(const std::string& dump, std::string* error);
  // Every table of the test database with its exact row count (SELECT COUNT(*)).
  Result<std::map<std::string, uint64_t>> TableRows();
  // Drops the database (existing server) or stops the server and waits for it.
  Status Close();
  const std::string& version() const { return version_; }
  bool throwaway() const { return server_pid_ > 0; }

 private:
  RestoreDatabase() = default;
  Result<int> Client(const std::string& sql_file, const std::string& out, const std::string& err, bool with_db,
                     double timeout);
  Result<int> Sql(const std::string& sql, std::string* out, bool with_db);

  std::string dir_, cnf_, client_, database_ = "bjlg_restore_test", version_;
  database::Connection conn_;  // for the Importer
  pid_t server_pid_ = -1;
  bool created_ = false;
  bool closed_ = false;
};

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_DATABASE_H_
