#include "database/importer.h"

#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/parse_limits.h"

namespace bjlg::database {

namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool StartsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// The first "{<64 lowercase hex>}" in `sql`, or "".
std::string FindPlaceholder(const std::string& sql) {
  for (size_t at = sql.find('{'); at != std::string::npos && at + 66 <= sql.size(); at = sql.find('{', at + 1)) {
    if (sql[at + 65] != '}') continue;
    size_t k = 1;
    while (k <= 64 && IsHex(sql[at + k])) ++k;
    if (k == 65) return sql.substr(at, 66);
  }
  return "";
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  size_t at = s->find(from);
  if (at == std::string::npos) return;
  std::string out;
  out.reserve(s->size());
  size_t last = 0;
  for (; at != std::string::npos; at = s->find(from, last)) {
    out.append(*s, last, at - last);
    out += to;
    last = at + from.size();
  }
  out.append(*s, last, std::string::npos);
  *s = std::move(out);
}

bool ValidPrefix(const std::string& p) {
  return !p.empty() && p.size() <= 32 &&
         p.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string::npos;
}

}  // namespace

Status ImportOptions::Validate() const {
  if (!prefix.empty() && !ValidPrefix(prefix)) {
    return Status::InvalidOption("prefix", "must be 1 to 32 letters, digits or underscores");
  }
  if (!prefix.empty() && !ValidPrefix(source_prefix)) {
    return Status::InvalidOption("source_prefix", "must be 1 to 32 letters, digits or underscores");
  }
  if (!prefix.empty() && prefix == source_prefix) {
    return Status::InvalidOption("prefix", "must differ from option \"source_prefix\" (\"" + source_prefix + "\")");
  }
  if (batch < 1 || batch > 100000) return Status::InvalidOption("batch", "must be between 1 and 100000");
  if (max_statement < 1024 || max_statement > (uint64_t(4) << 30)) {
    return Status::InvalidOption("max_statement", "must be between 1024 and 4294967296 bytes");
  }
  return Status::OK();
}

Result<std::unique_ptr<Importer>> Importer::Open(const Connection& c, ImportOptions options, ProgressFn progress,
                                                 uint64_t total_bytes) {
  Status s = c.Validate();
  if (s.ok()) s = options.Validate();
  if (!s.ok()) return s;
  std::unique_ptr<Importer> im(new Importer());
  im->started_ = Now();
  im->options_ = std::move(options);
  im->splitter_ = Splitter(im->options_.max_statement);
  im->progress_ = std::make_unique<ProgressReporter>(std::move(progress), std::vector<std::string>{"import"},
                                                     im->options_.progress_interval);
  Result<std::unique_ptr<Client>> client = Client::Open(c);
  if (!client.ok()) return client.status();
  im->client_ = std::move(*client);
  // NO_AUTO_VALUE_ON_ZERO: a row whose AUTO_INCREMENT column is 0 keeps 0; no strict mode, so
  // WordPress's '0000-00-00 00:00:00' defaults are accepted, as on the server that made the dump.
  for (const char* sql : {"SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'", "SET SESSION foreign_key_checks = 0",
                          "SET SESSION unique_checks = 0", "SET SESSION autocommit = 0"}) {
    s = im->client_->Execute(sql);
    if (!s.ok()) return s;
  }
  const std::pair<const char*, const char*> lists[] = {
      {"table", "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"},
      {"trigger", "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"},
      {"routine", "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"}};
  for (const auto& [object, sql] : lists) {
    Result<std::vector<Row>> rows = im->client_->Query(sql);
    if (!rows.ok()) return rows.status();
    for (const Row& r : *rows) im->existing_.insert(std::string(object) + ":" + r[0].value);
  }
  if (!im->progress_->Begin("import", total_bytes, "bytes")) return Status::Cancelled("the import was cancelled");
  return im;
}

Status Importer::Fail(Status s) {
  client_->Execute("ROLLBACK");
  failure_ = s;
  return s;
}

Status Importer::Rename(Statement& st, const StatementTarget& t) {
  const std::string& from = options_.source_prefix;
  if (t.object == "table" && !t.name.empty() && !StartsWith(t.name, from)) {
    return Status::InvalidOption("source_prefix", ": the dump's table `" + t.name + "` (line " +
                                   std::to_string(st.line) + ") does not start with \"" + from +
                                   "\", so it cannot be moved under option \"prefix\" (\"" + options_.prefix + "\")");
  }
  if (!t.name.empty() && StartsWith(t.name, from)) renamed_.insert(t.name);
  auto rename = [&](const std::string& name, bool* replace) {
    *replace = renamed_.count(name) > 0;
    return *replace ? options_.prefix + name.substr(from.size()) : name;
  };
  if (t.kind == "INSERT" || t.kind == "REPLACE") {
    // Rows: only the target name, at the start (the rest is columns and values).
    const std::string quoted = QuoteName(t.name);
    const size_t at = st.sql.find(quoted);
    if (at != std::string::npos && at < 256) {
      st.sql.replace(at, quoted.size(), QuoteName(options_.prefix + t.name.substr(from.size())));
    } else {
      st.sql = RewriteNames(st.sql, rename);  // a bare name (hand-written SQL): read it all
    }
  } else {
    st.sql = RewriteNames(st.sql, rename);
  }
  return Status::OK();
}

Status Importer::Run(Statement& st) {
  if (!placeholder_.empty() || (result_.flavour.rfind("plugin", 0) == 0 && !result_.placeholder)) {
    if (placeholder_.empty()) placeholder_ = FindPlaceholder(st.sql);
    if (!placeholder_.empty()) {
      const size_t before = st.sql.size();
      ReplaceAll(&st.sql, placeholder_, "%");
      if (st.sql.size() != before) result_.placeholder = true;
    }
  }
  const StatementTarget t = TargetOf(st.sql);
  if (!options_.prefix.empty()) {
    Status s = Rename(st, t);
    if (!s.ok()) return s;
  }
  std::string final_name = t.name;
  if (!options_.prefix.empty() && renamed_.count(t.name)) final_name = options_.prefix + t.name.substr(options_.source_prefix.size());
  const std::string key = t.object + ":" + final_name;
  if (!t.object.empty() && !final_name.empty() && !options_.replace && existing_.count(key) && !created_.count(key)) {
    return Status::InvalidOption("replace", ": line " + std::to_string(st.line) + " (" + t.kind + ") would change the existing " +
                                   t.object + " `" + final_name + "`; pass replace => true to overwrite the live " +
                                   "tables, or a new prefix to import beside them");
  }
  uint64_t affected = 0;
  Status s = client_->Execute(st.sql, &affected);
  if (!s.ok()) {
    if (s.code() == Status::Code::kNetwork && s.error_code() == "rejected") {
      ++result_.errors;
      if (!result_.has_error) {
        result_.has_error = true;
        result_.first_error.line = st.line;
        result_.first_error.message = s.message();
        result_.first_error.statement = st.sql.substr(0, 200);
      }
      if (options_.continue_on_error) return Status::OK();
    }
    return s.Annotate("line " + std::to_string(st.line) + ": ");
  }
  ++result_.statements;
  if (t.kind == "INSERT" || t.kind == "REPLACE") result_.rows += affected;
  if (!t.object.empty() && !final_name.empty()) {
    created_.insert(key);  // created or dropped by this import: ours to change from now on
    if (t.kind == "CREATE TABLE") result_.tables.push_back(final_name);
  }
  if (++in_batch_ >= options_.batch) {
    in_batch_ = 0;
    s = client_->Execute("COMMIT");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status Importer::Drain() {
  for (;;) {
    Statement st;
    Result<bool> got = splitter_.Next(&st);
    if (!got.ok()) return Fail(got.status());
    if (!*got) return Status::OK();
    Status s = Run(st);
    if (!s.ok()) return Fail(s);
  }
}

Status Importer::Feed(std::string_view data) {
  if (!failure_.ok()) return failure_;
  if (!flavour_known_) {
    head_.append(data.substr(0, 64));
    if (head_.size() >= 48 || data.empty()) {
      flavour_known_ = true;
      if (StartsWith(head_, "-- Backup JLG Database Export\n-- Version: bjlg ")) result_.flavour = "bjlg";
      else if (StartsWith(head_, "-- Backup JLG Database Export")) result_.flavour = "plugin";
      else if (StartsWith(head_, "-- Backup JLG Database Dump")) result_.flavour = "plugin-pre-restore";
      else if (StartsWith(head_, "-- Backup JLG Optimized Database Dump")) result_.flavour = "plugin-optimized";
      else result_.flavour = "sql";
      splitter_.set_line_mode(result_.flavour != "sql");
    }
  }
  splitter_.Feed(data);
  result_.bytes += data.size();
  Status s = Drain();
  if (!s.ok()) return s;
  if (!progress_->Update(result_.bytes)) return Fail(Status::Cancelled("the import was cancelled"));
  return Status::OK();
}

Result<ImportResult> Importer::Finish() {
  if (!failure_.ok()) return failure_;
  if (!flavour_known_) {
    Status s = Feed(std::string_view());
    if (!s.ok()) return s;
  }
  splitter_.Finish();
  Status s = Drain();
  if (!s.ok()) return s;
  s = client_->Execute("COMMIT");
  if (!s.ok()) return Fail(s);
  if (!progress_->End()) return Fail(Status::Cancelled("the import was cancelled"));
  result_.seconds = Now() - started_;
  return result_;
}

Result<ImportResult> ImportFile(const Connection& c, const std::string& path, const ImportOptions& options,
                                ProgressFn progress) {
  Status s = c.Validate();
  if (s.ok()) s = options.Validate();
  if (!s.ok()) return s;
  Result<int> fd = OpenRegularFile(path, "the dump");
  if (!fd.ok()) return fd.status();
  struct stat st;
  fstat(*fd, &st);
  Result<std::unique_ptr<Importer>> im = Importer::Open(c, options, std::move(progress), static_cast<uint64_t>(st.st_size));
  if (!im.ok()) {
    close(*fd);
    return im.status();
  }
  std::vector<char> buf(1 << 20);
  for (;;) {
    const ssize_t n = read(*fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      close(*fd);
      return Status::FromErrno(err, "reading " + path);
    }
    if (n == 0) break;
    s = (*im)->Feed(std::string_view(buf.data(), static_cast<size_t>(n)));
    if (!s.ok()) {
      close(*fd);
      return s;
    }
  }
  close(*fd);
  return (*im)->Finish();
}

}  // namespace bjlg::database
