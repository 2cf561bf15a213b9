// Dumper: a consistent, streaming dump of one database in the plugin's database.sql form.
//
//  - consistency: one transaction, START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY: every
//    InnoDB table is read as of one instant, whatever is written meanwhile. Tables of other
//    engines (MyISAM, Aria, MEMORY...) cannot be: they are listed in `not_consistent`;
//  - streaming: each table is read with an unbuffered result (mysql_use_result) and turned into
//    text a few rows at a time, so memory does not depend on the table's size. A DumpSource is a
//    ByteSource: the archive writer pulls the dump through its compressor and cipher as it is
//    produced, and DumpToFile() writes a file the same way (AtomicFile: complete or absent);
//  - format (design/plugin-formats.md §2.4, byte for byte, so the plugin's importer reads it):
//    header, `-- Table:` blocks with DROP TABLE / SHOW CREATE TABLE, `-- Data for table:` and
//    INSERT batches of 1000 rows, one row per line; values by AppendValue() (binary and
//    invalid UTF-8 as 0x hex, '%' written as is). One line is added to the header,
//    SET time_zone='+00:00' (the rows are read in UTC), so that TIMESTAMP columns restore to the
//    same instant on a server in another time zone. Views, triggers and routines follow the
//    tables, each as DROP ... IF EXISTS and its CREATE on one line without DEFINER;
//  - failure: a lost connection or a refused query is an error, never a short dump.
#ifndef BJLG_DATABASE_DUMPER_H_
#define BJLG_DATABASE_DUMPER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "archive/writer.h"
#include "common/progress.h"
#include "common/status.h"
#include "database/client.h"
#include "database/connection.h"

namespace bjlg::database {

struct DumpOptions {
  std::vector<std::string> tables;  // exact table (or view) names; empty: every one
  std::string prefix;               // only names starting with it (multisite: "wp_3_")
  std::string site;                 // the header's "-- Site:" value
  double progress_interval = 0.1;
  // DumpToArchive: the deflate level of the dump's entry. SQL text compresses well at level 1,
  // several times faster than at 6 for a few percent of size, and the dump is what a backup
  // waits on; unset: 1, or 0 when the archive stores everything (level 0).
  std::optional<int> level;
  // InvalidArgument "option \"tables\" ..." for an empty or over-long name.
  Status Validate() const;
};

struct DumpResult {
  std::vector<std::string> tables;          // base tables, in dump order
  std::vector<std::string> views, triggers, routines;
  std::vector<std::string> not_consistent;  // tables whose engine has no snapshot
  uint64_t rows = 0;
  uint64_t bytes = 0;                       // of SQL text produced
  double seconds = 0;
  std::string binlog_file;                  // "" when the server keeps no binary log
  uint64_t binlog_position = 0;
  std::string server_version;
};

class DumpSource : public archive::ByteSource {
 public:
  // Connects, starts the snapshot and lists what will be dumped. Progress: phase "dump", unit
  // "rows" (total unknown: 0), current = the table being read. NotFound when a table named in
  // options.tables does not exist.
  static Result<std::unique_ptr<DumpSource>> Open(const Connection& c, DumpOptions options, ProgressFn progress);
  ~DumpSource() override;

  // The next bytes of the dump; 0 at the end. Network for a lost connection, Cancelled when the
  // progress callback said stop. After an error every call returns it.
  Result<size_t> Read(unsigned char* buffer, size_t size) override;
  // Complete once Read() returned 0.
  const DumpResult& result() const { return result_; }
  // The error that stopped Read(), or OK.
  const Status& failure() const { return failure_; }

 private:
  struct Object {
    std::string name, kind;  // kind: "table", "view", "trigger", "procedure", "function"
  };
  DumpSource() = default;
  Status Produce();  // appends the next piece to pending_
  Status StartTable(const std::string& table);
  Status RowsOf(const std::string& table);
  Status Other(const Object& o);

  std::unique_ptr<Client> client_;
  std::unique_ptr<Client::Stream> rows_;
  std::unique_ptr<ProgressReporter> progress_;
  DumpOptions options_;
  DumpResult result_;
  std::vector<Object> objects_;  // in dump order
  size_t next_ = 0;              // objects_ index
  std::string pending_;
  size_t pending_at_ = 0;
  std::string insert_head_;      // "INSERT INTO `T` (`a`, `b`) VALUES\n"
  size_t batch_rows_ = 0;
  uint64_t table_rows_ = 0;
  std::string current_;          // table being read
  bool header_done_ = false, footer_done_ = false;
  double started_ = 0;
  Status failure_;
};

// Dumps into the file `path` (created 0600 under a temporary name, renamed when complete; no
// file on failure or cancellation).
Result<DumpResult> DumpToFile(const Connection& c, const std::string& path, const DumpOptions& options,
                              ProgressFn progress);

// Adds the dump to `writer` as the entry `name`, compressed (and encrypted with the writer's
// key) as it is read: no temporary .sql anywhere. On any failure but a bad argument the writer
// is aborted, so that no archive is published without its database. Progress is the writer's
// own. *database_failed tells whether the failure came from the database side (connection,
// query, missing table) rather than from the archive (disk, the writer's cancellation).
Result<DumpResult> DumpToArchive(archive::Writer& writer, const std::string& name, const Connection& c,
                                 const DumpOptions& options, bool* database_failed = nullptr);

}  // namespace bjlg::database

#endif  // BJLG_DATABASE_DUMPER_H_
