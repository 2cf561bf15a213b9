#include "database/dumper.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>

#include "common/atomic_file.h"
#include "common/version.h"
#include "database/sql_text.h"

namespace bjlg::database {

namespace {

constexpr size_t kBatchRows = 1000;     // the plugin's INSERT batch
constexpr size_t kPieceBytes = 1 << 16; // text produced per step

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string UtcNow() {
  const time_t t = time(nullptr);
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

std::string Literal(const std::string& s) {
  std::string out = "'";
  AppendEscaped(&out, s);
  return out + "'";
}

}  // namespace

Status DumpOptions::Validate() const {
  for (const std::string& t : tables) {
    if (t.empty() || t.size() > 64 || t.find('\0') != std::string::npos) {
      return Status::InvalidOption("tables", "must list table names of 1 to 64 characters");
    }
  }
  if (prefix.size() > 64 || prefix.find('\0') != std::string::npos) {
    return Status::InvalidOption("prefix", "must be at most 64 characters, without NUL bytes");
  }
  if (site.find_first_of("\r\n") != std::string::npos) {
    return Status::InvalidOption("site", "must be on one line");
  }
  if (level && (*level < 0 || *level > 9)) {
    return Status::InvalidOption("level", "must be between 0 and 9");
  }
  return Status::OK();
}

Result<std::unique_ptr<DumpSource>> DumpSource::Open(const Connection& c, DumpOptions options, ProgressFn progress) {
  Status s = c.Validate();
  if (s.ok()) s = options.Validate();
  if (!s.ok()) return s;
  std::unique_ptr<DumpSource> d(new DumpSource());
  d->started_ = Now();
  d->options_ = std::move(options);
  d->progress_ = std::make_unique<ProgressReporter>(std::move(progress), std::vector<std::string>{"dump"},
                                                    d->options_.progress_interval);
  Result<std::unique_ptr<Client>> client = Client::Open(c);
  if (!client.ok()) return client.status();
  d->client_ = std::move(*client);
  Client& db = *d->client_;
  d->result_.server_version = db.server_version();
  // Rows are read in UTC (the header says so to the importer) and with no implicit conversion.
  for (const char* sql : {"SET SESSION time_zone = '+00:00'", "SET SESSION sql_mode = ''",
                          "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                          "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY"}) {
    s = db.Execute(sql);
    if (!s.ok()) return s;
  }
  // The binary log position of the snapshot: MariaDB gives it exactly; elsewhere the current
  // position is the best there is (and needs a privilege the user may not have).
  Result<std::vector<Row>> snap = db.Query("SHOW STATUS LIKE 'binlog_snapshot_%'");
  if (snap.ok()) {
    for (const Row& r : *snap) {
      if (r.size() < 2) continue;
      if (r[0].value == "Binlog_snapshot_file") d->result_.binlog_file = r[1].value;
      if (r[0].value == "Binlog_snapshot_position") d->result_.binlog_position = strtoull(r[1].value.c_str(), nullptr, 10);
    }
  }
  if (d->result_.binlog_file.empty()) {
    Result<std::vector<Row>> master = db.Query("SHOW MASTER STATUS");
    if (master.ok() && !master->empty() && (*master)[0].size() >= 2) {
      d->result_.binlog_file = (*master)[0][0].value;
      d->result_.binlog_position = strtoull((*master)[0][1].value.c_str(), nullptr, 10);
    }
  }
  if (d->result_.binlog_file.empty()) d->result_.binlog_position = 0;

  Result<std::vector<Row>> tables = db.Query(
      "SELECT TABLE_NAME, TABLE_TYPE, ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
      "ORDER BY TABLE_NAME");
  if (!tables.ok()) return tables.status();
  const DumpOptions& o = d->options_;
  auto wanted = [&](const std::string& name) {
    if (!o.prefix.empty() && name.compare(0, o.prefix.size(), o.prefix) != 0) return false;
    return o.tables.empty() || std::find(o.tables.begin(), o.tables.end(), name) != o.tables.end();
  };
  std::vector<std::string> found;
  std::vector<Object> views;
  for (const Row& r : *tables) {
    const std::string& name = r[0].value;
    found.push_back(name);
    if (!wanted(name)) continue;
    if (r[1].value == "VIEW") {
      views.push_back({name, "view"});
      continue;
    }
    d->objects_.push_back({name, "table"});
    if (r[2].null || r[2].value != "InnoDB") d->result_.not_consistent.push_back(name);
  }
  for (const std::string& t : o.tables) {
    if (std::find(found.begin(), found.end(), t) == found.end()) {
      return Status::NotFound("option \"tables\": the table \"" + t + "\" does not exist in " + c.database);
    }
  }
  d->objects_.insert(d->objects_.end(), views.begin(), views.end());
  // Triggers of the tables dumped, and (without a table selection) the routines.
  Result<std::vector<Row>> triggers = db.Query(
      "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() "
      "ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER");
  if (!triggers.ok()) return triggers.status();
  for (const Row& r : *triggers) {
    if (wanted(r[1].value)) d->objects_.push_back({r[0].value, "trigger"});
  }
  if (o.tables.empty() && o.prefix.empty()) {
    Result<std::vector<Row>> routines = db.Query(
        "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() "
        "ORDER BY ROUTINE_TYPE, ROUTINE_NAME");
    if (!routines.ok()) return routines.status();
    for (const Row& r : *routines) {
      d->objects_.push_back({r[0].value, r[1].value == "FUNCTION" ? "function" : "procedure"});
    }
  }
  if (!d->progress_->Begin("dump", 0, "rows")) return Status::Cancelled("the dump was cancelled");
  return d;
}

DumpSource::~DumpSource() {
  rows_.reset();  // before the client
}

Status DumpSource::StartTable(const std::string& table) {
  Result<std::vector<Row>> create = client_->Query("SHOW CREATE TABLE " + QuoteName(table));
  if (!create.ok()) return create.status();
  if (create->empty() || (*create)[0].size() < 2) return Status::Network("protocol", "SHOW CREATE TABLE returned nothing for " + table);
  // Generated columns are computed by the server: they are neither read nor inserted.
  Result<std::vector<Row>> cols = client_->Query(
      "SELECT COLUMN_NAME, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = " +
      Literal(table) + " ORDER BY ORDINAL_POSITION");
  if (!cols.ok()) return cols.status();
  std::string list;
  for (const Row& r : *cols) {
    const std::string& extra = r[1].value;
    if (extra.find("GENERATED") != std::string::npos || extra == "VIRTUAL" || extra == "PERSISTENT" || extra == "STORED") {
      continue;
    }
    list += (list.empty() ? "" : ", ") + QuoteName(r[0].value);
  }
  pending_ += "\n-- Table: " + table + "\nDROP TABLE IF EXISTS " + QuoteName(table) + ";\n" + (*create)[0][1].value + ";\n\n";
  insert_head_ = "INSERT INTO " + QuoteName(table) + " (" + list + ") VALUES\n";
  batch_rows_ = 0;
  table_rows_ = 0;
  current_ = table;
  result_.tables.push_back(table);
  if (list.empty()) return Status::OK();  // nothing to read
  Result<std::unique_ptr<Client::Stream>> stream = client_->Select("SELECT " + list + " FROM " + QuoteName(table));
  if (!stream.ok()) return stream.status();
  rows_ = std::move(*stream);
  return Status::OK();
}

Status DumpSource::RowsOf(const std::string& table) {
  const size_t limit = pending_.size() + kPieceBytes;
  uint64_t counted = 0;
  while (pending_.size() < limit) {
    Result<bool> more = rows_->Next();
    if (!more.ok()) return more.status().Annotate("dumping " + table + ": ");
    if (!*more) {
      if (batch_rows_ > 0) pending_ += ";\n\n";
      rows_.reset();
      break;
    }
    if (table_rows_ == 0) pending_ += "-- Data for table: " + table + "\n";
    pending_ += batch_rows_ == 0 ? insert_head_ : std::string(",\n");
    pending_ += '(';
    char** row = rows_->row();
    const unsigned long* len = rows_->lengths();
    for (size_t i = 0; i < rows_->columns(); ++i) {
      if (i > 0) pending_ += ", ";
      AppendValue(&pending_, row[i], row[i] == nullptr ? 0 : len[i], row[i] == nullptr);
    }
    pending_ += ')';
    ++table_rows_;
    ++counted;
    if (++batch_rows_ == kBatchRows) {
      pending_ += ";\n\n";
      batch_rows_ = 0;
    }
  }
  result_.rows += counted;
  if (!progress_->Advance(counted, table)) return Status::Cancelled("the dump was cancelled");
  return Status::OK();
}

Status DumpSource::Other(const Object& o) {
  std::string what = o.kind == "view" ? "VIEW" : o.kind == "trigger" ? "TRIGGER" : o.kind == "function" ? "FUNCTION" : "PROCEDURE";
  Result<std::vector<Row>> create = client_->Query("SHOW CREATE " + what + " " + QuoteName(o.name));
  if (!create.ok()) return create.status();
  // The CREATE statement's column: 2nd for a view, 3rd for a trigger or a routine.
  const size_t col = o.kind == "view" ? 1 : 2;
  if (create->empty() || (*create)[0].size() <= col || (*create)[0][col].null) {
    return Status::PermissionDenied("the server did not show the definition of " + o.kind + " " + o.name +
                                    " (the user may lack the privilege to see it)");
  }
  const std::string label = std::string(1, static_cast<char>(toupper(o.kind[0]))) + o.kind.substr(1);
  pending_ += "\n-- " + label + ": " + o.name + "\nDROP " + what + " IF EXISTS " + QuoteName(o.name) + ";\n" +
              OneLine(WithoutDefiner((*create)[0][col].value)) + ";\n\n";
  (o.kind == "view" ? result_.views : o.kind == "trigger" ? result_.triggers : result_.routines).push_back(o.name);
  return Status::OK();
}

Status DumpSource::Produce() {
  if (!header_done_) {
    header_done_ = true;
    pending_ += "-- Backup JLG Database Export\n-- Version: bjlg " + std::string(kVersion) + "\n-- Date: " + UtcNow() +
                "\n-- Site: " + options_.site + "\n\nSET NAMES utf8mb4;\nSET FOREIGN_KEY_CHECKS=0;\nSET time_zone = '+00:00';\n\n";
    return Status::OK();
  }
  if (rows_) return RowsOf(current_);
  if (next_ < objects_.size()) {
    const Object& o = objects_[next_++];
    if (o.kind == "table") return StartTable(o.name);
    return Other(o);
  }
  if (!footer_done_) {
    footer_done_ = true;
    pending_ += "\nSET FOREIGN_KEY_CHECKS=1;\n";
    // The snapshot ends here; a COMMIT of a read-only transaction changes nothing.
    Status s = client_->Execute("COMMIT");
    if (!s.ok()) return s;
    if (!progress_->End()) return Status::Cancelled("the dump was cancelled");
  }
  return Status::OK();
}

Result<size_t> DumpSource::Read(unsigned char* buffer, size_t size) {
  if (!failure_.ok()) return failure_;
  while (pending_.size() - pending_at_ < size && !footer_done_) {
    if (pending_at_ > 0) {
      pending_.erase(0, pending_at_);
      pending_at_ = 0;
    }
    Status s = Produce();
    if (!s.ok()) {
      failure_ = s;
      pending_.clear();
      pending_at_ = 0;
      return s;
    }
  }
  const size_t n = std::min(size, pending_.size() - pending_at_);
  memcpy(buffer, pending_.data() + pending_at_, n);
  pending_at_ += n;
  result_.bytes += n;
  if (n == 0) result_.seconds = Now() - started_;
  return n;
}

Result<DumpResult> DumpToFile(const Connection& c, const std::string& path, const DumpOptions& options,
                              ProgressFn progress) {
  Status s = c.Validate();
  if (s.ok()) s = options.Validate();
  if (!s.ok()) return s;
  Result<std::unique_ptr<AtomicFile>> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  Result<std::unique_ptr<DumpSource>> source = DumpSource::Open(c, options, std::move(progress));
  if (!source.ok()) return source.status();
  std::vector<unsigned char> buf(1 << 20);
  for (;;) {
    Result<size_t> n = (*source)->Read(buf.data(), buf.size());
    if (!n.ok()) return n.status();  // the AtomicFile removes its temporary
    if (*n == 0) break;
    s = (*file)->Append(buf.data(), *n);
    if (!s.ok()) return s;
  }
  s = (*file)->Commit();
  if (!s.ok()) return s;
  return (*source)->result();
}

Result<DumpResult> DumpToArchive(archive::Writer& writer, const std::string& name, const Connection& c,
                                 const DumpOptions& options, bool* database_failed) {
  bool ignored;
  if (database_failed == nullptr) database_failed = &ignored;
  *database_failed = true;
  Result<std::unique_ptr<DumpSource>> source = DumpSource::Open(c, options, nullptr);
  if (!source.ok()) {
    if (source.status().code() != Status::Code::kInvalidArgument) writer.Abort();
    return source.status();
  }
  const int level = options.level ? *options.level : writer.level() == 0 ? 0 : 1;
  Status s = writer.AddFromSource(name, **source, level);
  if (!s.ok()) {
    // The dump's own failure (a lost connection) says more than the writer's wrapper of it.
    *database_failed = !(*source)->failure().ok();
    const Status why = *database_failed ? (*source)->failure().Annotate("dumping into " + name + ": ") : s;
    writer.Abort();
    return why;
  }
  return (*source)->result();
}

}  // namespace bjlg::database
