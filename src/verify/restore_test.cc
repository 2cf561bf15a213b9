#include "verify/restore_test.h"

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>

#include "archive/backup_index.h"
#include "archive/reader.h"
#include "common/digest.h"
#include "common/parse_limits.h"
#include "crypto/cipher.h"
#include "verify/database.h"
#include "verify/sql_check.h"

namespace bjlg::verify {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// The archive's own manifest, as far as it is usable: a manifest that is not JSON or nests too
// deep counts as none (the verifier's manifest check reports why).
json ManifestJson(const std::string& text) {
  Result<json> doc = ParseUntrustedJson(text, "backup-manifest.json");
  return doc.ok() ? std::move(*doc) : json(json::value_t::discarded);
}

constexpr char kSandboxPrefix[] = "bjlg-restore-";

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int RemoveOne(const char* path, const struct stat*, int, struct FTW*) {
  remove(path);
  return 0;
}

void RemoveTree(const std::string& path) {
  chmod(path.c_str(), 0700);
  nftw(path.c_str(), RemoveOne, 16, FTW_DEPTH | FTW_PHYS);
}

// Removes sandboxes of earlier tests whose process is gone (killed before it could clean up).
void RemoveStaleSandboxes(const std::string& parent) {
  DIR* d = opendir(parent.c_str());
  if (d == nullptr) return;
  while (dirent* e = readdir(d)) {
    if (strncmp(e->d_name, kSandboxPrefix, sizeof kSandboxPrefix - 1) != 0) continue;
    const std::string dir = parent + "/" + e->d_name;
    struct stat st;
    if (lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) continue;
    std::ifstream in(dir + "/owner.pid");
    long pid = 0;
    if (!(in >> pid) || pid <= 0) {
      if (time(nullptr) - st.st_mtime < 3600) continue;  // being created right now, perhaps
    } else if (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM) {
      continue;
    }
    RemoveTree(dir);
  }
  closedir(d);
}

// The sandbox: created private, removed with everything in it when the test ends, whatever way.
class Sandbox {
 public:
  static Result<std::unique_ptr<Sandbox>> Create(const std::string& parent) {
    std::string templ = parent + "/" + kSandboxPrefix + "XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data()) == nullptr) {
      return Status::IOError("cannot create a sandbox in " + parent + ": " + strerror(errno));
    }
    std::unique_ptr<Sandbox> s(new Sandbox(buf.data()));
    chmod(s->path_.c_str(), 0700);
    Status w = WritePrivateFile(s->path_ + "/owner.pid", std::to_string(getpid()) + "\n");
    if (!w.ok()) return w;
    return s;
  }
  ~Sandbox() { RemoveTree(path_); }
  const std::string& path() const { return path_; }

 private:
  explicit Sandbox(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

std::string DefaultParent() {
  const char* t = getenv("TMPDIR");
  return t != nullptr && *t != '\0' ? t : "/tmp";
}

// Bytes an unprivileged process may still write in the file system holding `dir`.
Result<uint64_t> FreeSpace(const std::string& dir) {
  struct statvfs vfs;
  if (statvfs(dir.c_str(), &vfs) != 0) return Status::IOError(strerror(errno));
  return static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize;
}

struct Restored {
  std::string manifest;  // of the last archive
  std::string index;     // of the last archive that has one
  bool has_index = false;
  bool has_sql = false;
  uint64_t files = 0, bytes = 0, deleted = 0;
};

// One archive of the chain (or the archive alone), in the order it is restored.
struct ChainArchive {
  std::string path;
  std::string name;   // its file name, for messages and progress
  std::string label;  // " (archive 2 of the chain)", or "" when there is no chain
  std::optional<crypto::FileReport> encrypted;  // its header, when it is encrypted
};

std::vector<ChainArchive> PlanChain(const std::string& path, const std::vector<std::string>& chain) {
  std::vector<std::string> paths = chain;
  paths.push_back(path);
  std::vector<ChainArchive> plan;
  for (size_t i = 0; i < paths.size(); ++i) {
    ChainArchive a;
    a.path = paths[i];
    a.name = a.path.substr(a.path.rfind('/') + 1);
    if (paths.size() > 1) a.label = " (archive " + std::to_string(i + 1) + " of the chain)";
    Result<crypto::FileReport> info = crypto::InspectFile(a.path);
    if (info.ok()) a.encrypted = std::move(*info);
    plan.push_back(std::move(a));
  }
  return plan;
}

// The phases of a restore test, declared up front: "decrypt" (when encrypted) and "extract" for
// each archive, "files", and "database" when one is asked for.
std::vector<std::string> PhasesOf(const std::vector<ChainArchive>& plan, bool with_database) {
  std::vector<std::string> phases;
  for (const ChainArchive& a : plan) {
    if (a.encrypted) phases.push_back("decrypt");
    phases.push_back("extract");
  }
  phases.push_back("files");
  if (with_database) phases.push_back("database");
  return phases;
}

// One restore test, in the steps of the header's list. Each step adds its checks to the report
// and says whether the test goes on; every way out after the sandbox exists removes it.
class RestoreRun {
 public:
  RestoreRun(const std::string& path, const RestoreOptions& options)
      : options_(options),
        want_database_(options.with_database || !options.dsn.empty()),
        chain_(PlanChain(path, options.chain)),
        report_("restore-test"),
        progress_(options.progress, PhasesOf(chain_, want_database_), options.progress_interval) {
    struct stat st;
    report_.SetArchive(path, stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0);
  }

  Result<Report> Run() {
    Status valid = CheckArguments();
    if (!valid.ok()) return valid;
    Next next = MakeSandbox();
    for (size_t i = 0; next == Next::kGoOn && i < chain_.size(); ++i) next = Restore(i);
    if (next == Next::kGoOn) {
      ReportExtracted();
      next = CheckFiles();
    }
    if (next == Next::kGoOn) next = CheckDatabase();
    if (next == Next::kCancelled) return Cancel();
    if (next == Next::kGoOn) SetRtoAndRpo();
    return Finish();
  }

 private:
  // kStop: a check failed or could not be made, and the report says so.
  enum class Next { kGoOn, kStop, kCancelled };

  Status CheckArguments() const {
    if (Status s = CheckThreadCount(options_.threads); !s.ok()) return s;
    if (!options_.dsn.empty() && options_.dsn.rfind("mysql:", 0) != 0) {
      return Status::InvalidOption("dsn", "must start with \"mysql:\"");
    }
    for (size_t i = 0; i < options_.chain.size(); ++i) {
      const std::string& p = options_.chain[i];
      if (p.empty() || p.find('\0') != std::string::npos) {
        return Status::InvalidOption("chain", "must list non-empty paths without null bytes").AtItem(i);
      }
    }
    for (const ChainArchive& a : chain_) {
      if (access(a.path.c_str(), F_OK) != 0) return Status::NotFound("no archive at " + a.path);
    }
    return CheckProgressInterval(options_.progress_interval);
  }

  Next Stop(const char* check, CheckStatus status, const std::string& message, json evidence = json::object()) {
    report_.AddCheck({check, status, message, std::move(evidence)});
    return Next::kStop;
  }

  // 1. A private sandbox, after a free-space check.
  Next MakeSandbox() {
    const std::string parent = options_.sandbox_parent.empty() ? DefaultParent() : options_.sandbox_parent;
    RemoveStaleSandboxes(parent);
    uint64_t archive_bytes = 0;  // at least this much: the decrypted copy, or the extracted files
    for (const ChainArchive& a : chain_) {
      struct stat st;
      if (stat(a.path.c_str(), &st) == 0) archive_bytes += static_cast<uint64_t>(st.st_size);
    }
    if (std::optional<std::string> no = NoRoomFor(parent, archive_bytes, "hold the archives' content")) {
      return Stop("sandbox", CheckStatus::kInconclusive, *no, space_);
    }
    Result<std::unique_ptr<Sandbox>> created = Sandbox::Create(parent);
    if (!created.ok()) return Stop("sandbox", CheckStatus::kInconclusive, created.status().message());
    sandbox_ = std::move(*created);
    files_ = sandbox_->path() + "/files";
    if (mkdir(files_.c_str(), 0700) != 0) {
      return Stop("sandbox", CheckStatus::kInconclusive, "cannot create the restore folder");
    }
    report_.AddCheck({"sandbox", CheckStatus::kPassed, "a private (0700) sandbox with enough free space", space_});
    return Next::kGoOn;
  }

  // 2-3. Archive `i` of the chain: decrypted when needed, then extracted over the earlier ones,
  // with its deletions.
  Next Restore(size_t i) {
    const ChainArchive& a = chain_[i];
    std::string zip = a.path;
    if (a.encrypted) {
      zip = sandbox_->path() + "/archive-" + std::to_string(i) + ".zip";
      Next next = Decrypt(a, zip);
      if (next != Next::kGoOn) return next;
    }
    Next next = Extract(a, zip, i + 1 == chain_.size());
    if (zip != a.path) unlink(zip.c_str());  // the decrypted copy is no longer needed
    return next;
  }

  // 2. An encrypted archive, authenticated and decrypted into the sandbox as `zip`.
  Next Decrypt(const ChainArchive& a, const std::string& zip) {
    if (!options_.secret) {
      return Stop("decrypt", CheckStatus::kInconclusive, "the archive is encrypted and no key or password was given" + a.label);
    }
    if (std::optional<std::string> no = NoRoomFor(sandbox_->path(), a.encrypted->encrypted_size, "decrypt " + a.name)) {
      return Stop("decrypt", CheckStatus::kInconclusive, *no, space_);
    }
    const Clock::time_point t = Clock::now();
    if (!progress_.Begin("decrypt", a.encrypted->encrypted_size, "bytes", a.name)) return Next::kCancelled;
    crypto::DecryptOptions d;
    d.threads = options_.threads;
    if (progress_.enabled()) d.progress = [this](const bjlg::Progress& p) { return progress_.Update(p.done); };
    Result<crypto::FileReport> r = crypto::DecryptFile(a.path, zip, *options_.secret, d);
    decrypt_seconds_ += Since(t);
    if (r.status().code() == Status::Code::kCancelled) return Next::kCancelled;
    if (!r.ok()) {
      const bool env = r.status().code() == Status::Code::kIOError;
      return Stop("decrypt", env ? CheckStatus::kInconclusive : CheckStatus::kFailed, r.status().message() + a.label);
    }
    return progress_.End() ? Next::kGoOn : Next::kCancelled;
  }

  // 3. The archive (or its decrypted copy `zip`) extracted under the reader's safety rules; what
  // it says about itself is kept for the later checks.
  Next Extract(const ChainArchive& a, const std::string& zip, bool last) {
    const Clock::time_point t = Clock::now();
    Result<std::unique_ptr<archive::Reader>> reader = archive::Reader::Open(zip);
    Status s = reader.ok() ? Status::OK() : reader.status();
    archive::ExtractOptions eo;
    if (s.ok()) {
      uint64_t to_extract = 0;
      for (const archive::EntryInfo& e : (*reader)->Entries()) to_extract += e.size;
      if (std::optional<std::string> no =
              NoRoomFor(sandbox_->path(), to_extract, "extract " + a.name + " (its entries' uncompressed size)")) {
        ReportDecrypted();
        return Stop("extract", CheckStatus::kInconclusive, *no, space_);
      }
      if (!progress_.Begin("extract", to_extract, "bytes", a.name)) return Next::kCancelled;
      eo.progress_interval = 0;  // progress_ keeps the interval
      if (progress_.enabled()) eo.progress = [this](const bjlg::Progress& p) { return progress_.Update(p.done, p.current); };
      s = (*reader)->CheckExtractable(eo);
    }
    std::vector<std::string> deleted;
    if (s.ok()) {
      Result<std::vector<std::string>> del = (*reader)->DeletedFiles();
      if (del.ok()) deleted = *del;
      else s = del.status();
    }
    Result<archive::ExtractReport> er = s.ok() ? (*reader)->ExtractTo(files_, eo) : Result<archive::ExtractReport>(s);
    extract_seconds_ += Since(t);
    if (er.status().code() == Status::Code::kCancelled) return Next::kCancelled;
    if (!er.ok()) {
      ReportDecrypted();
      const bool env = er.status().code() == Status::Code::kIOError;
      return Stop("extract", env ? CheckStatus::kInconclusive : CheckStatus::kFailed,
                  "extraction " + std::string(env ? "could not be carried out: " : "refused: ") + er.status().message() + a.label);
    }
    if (!progress_.End()) return Next::kCancelled;
    for (const std::string& p : deleted) {
      if (unlink((files_ + "/" + p).c_str()) == 0) ++restored_.deleted;
    }
    Remember(**reader, a, *er, deleted.size(), last);
    return Next::kGoOn;
  }

  // What an extracted archive says about itself: its manifest, its index, whether it holds a
  // dump, and its entry in the report's chain.
  void Remember(archive::Reader& reader, const ChainArchive& a, const archive::ExtractReport& er, size_t deleted,
                bool last) {
    Result<std::string> manifest = reader.ReadAll(archive::kManifestName, 16 << 20);
    restored_.manifest = manifest.ok() ? *manifest : "";
    Result<std::string> index = reader.ReadAll(archive::kIndexName, 1ull << 30);
    if (index.ok()) {
      restored_.index = *index;
      restored_.has_index = true;
    }
    for (const archive::EntryInfo& e : reader.Entries()) restored_.has_sql = restored_.has_sql || e.name == "database.sql";
    json m = ManifestJson(restored_.manifest);
    const std::string created_at = m.is_object() && m.value("created_at", json("")).is_string() ? m.value("created_at", "") : "";
    chain_report_.push_back({{"archive", a.name}, {"type", m.is_object() ? m.value("type", json("")) : json("")},
                             {"created_at", created_at}, {"files", er.files}, {"deleted", deleted}});
    restored_.files += er.files;
    restored_.bytes += er.bytes;
    if (!last && !created_at.empty()) previous_created_at_ = created_at;
  }

  // The decrypt check, once every archive of a chain is decrypted or before the check that stops
  // the test early.
  void ReportDecrypted() {
    if (decrypt_seconds_ == 0 || decrypt_reported_) return;
    decrypt_reported_ = true;
    report_.AddCheck({"decrypt", CheckStatus::kPassed, "authenticated and decrypted into the sandbox", json::object()});
    report_.AddDuration("decrypt", decrypt_seconds_);
  }

  void ReportExtracted() {
    ReportDecrypted();
    report_.AddDuration("extract", extract_seconds_);
    report_.AddCheck({"extract", CheckStatus::kPassed,
                      std::to_string(restored_.files) + " files extracted under the reader's safety rules" +
                          (chain_.size() > 1 ? " from a chain of " + std::to_string(chain_.size()) + " archives" : ""),
                      {{"files", restored_.files}, {"bytes", restored_.bytes}, {"deleted_by_incrementals", restored_.deleted}}});
    if (chain_.size() > 1) report_.Set("chain", chain_report_);
  }

  // 4. The restored files against the (last) index: SHA-256 and size.
  Next CheckFiles() {
    const Clock::time_point start = Clock::now();
    Next next = CompareFiles();
    report_.AddDuration("compare_files", Since(start));
    return next;
  }

  Next CompareFiles() {
    if (!restored_.has_index) {
      report_.AddCheck({"files", CheckStatus::kSkipped,
                        "no backup-index.json: the restored files were checked against their CRC-32 only, while extracting",
                        json::object()});
      return Next::kGoOn;
    }
    Result<archive::Index> index = archive::ParseIndex(restored_.index);
    if (!index.ok()) {
      report_.AddCheck({"files", CheckStatus::kFailed, "backup-index.json is not a valid index: " + index.status().message(),
                        json::object()});
      return Next::kGoOn;
    }
    if (!progress_.Begin("files", index->size(), "files")) return Next::kCancelled;
    std::vector<std::string> problems;
    uint64_t handled = 0, compared = 0;
    for (const auto& [p, e] : *index) {
      if (!progress_.Update(handled++, p)) return Next::kCancelled;
      const std::string f = files_ + "/" + p;
      struct stat fs;
      if (lstat(f.c_str(), &fs) != 0) {
        problems.push_back("'" + p + "' is in backup-index.json but was not restored");
        continue;
      }
      if (static_cast<uint64_t>(fs.st_size) != e.size) {
        problems.push_back("'" + p + "' restored with " + std::to_string(fs.st_size) + " bytes, the index records " +
                           std::to_string(e.size));
        continue;
      }
      Result<std::string> sha = Sha256OfFile(f);
      if (!sha.ok()) {
        problems.push_back("'" + p + "' cannot be read back: " + sha.status().message());
      } else if (*sha != e.sha256) {
        problems.push_back("'" + p + "' restored with SHA-256 " + *sha + ", the index records " + e.sha256);
      }
      ++compared;
    }
    if (!progress_.End()) return Next::kCancelled;
    std::sort(problems.begin(), problems.end());
    json ev = {{"indexed", index->size()}, {"compared", compared}};
    if (problems.empty()) {
      report_.AddCheck({"files", CheckStatus::kPassed,
                        std::to_string(compared) + " restored files match backup-index.json (SHA-256 and size)", ev});
      return Next::kGoOn;
    }
    ev["problems"] = json::array();
    for (size_t i = 0; i < problems.size() && i < 20; ++i) ev["problems"].push_back(problems[i]);
    report_.AddCheck({"files", CheckStatus::kFailed,
                      problems[0] + (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more)" : ""), ev});
    return Next::kGoOn;
  }

  // 5. database.sql imported into a throwaway MariaDB (or a fresh database of the given server),
  // its tables and row counts compared with what the dump creates and inserts.
  Next CheckDatabase() {
    if (!want_database_) {
      report_.AddCheck({"database", CheckStatus::kSkipped, "not asked for (with_database or dsn)", json::object()});
      return Next::kGoOn;
    }
    if (!restored_.has_sql) {
      report_.AddCheck({"database", CheckStatus::kSkipped, "no database.sql in the archive", json::object()});
      return Next::kGoOn;
    }
    const std::string dump = files_ + "/database.sql";
    SqlCheck sql;  // what the dump creates and inserts: the expectation
    {
      std::ifstream in(dump, std::ios::binary);
      std::vector<char> buf(1 << 20);
      while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        sql.Feed(buf.data(), static_cast<size_t>(in.gcount()));
      }
      sql.Finish();
    }
    if (!progress_.Begin("database", 2, "steps")) return Next::kCancelled;
    const Clock::time_point start = Clock::now();
    const std::string db_dir = sandbox_->path() + "/db";
    mkdir(db_dir.c_str(), 0700);
    Result<std::unique_ptr<RestoreDatabase>> db = options_.dsn.empty()
                                                      ? RestoreDatabase::StartThrowaway(db_dir, options_.server_timeout)
                                                      : RestoreDatabase::Connect(options_.dsn, db_dir);
    report_.AddDuration("database_start", Since(start));
    if (!db.ok()) {
      report_.AddCheck({"database_import", CheckStatus::kInconclusive,
                        "the database for the test is not available: " + db.status().message(), json::object()});
      return Next::kGoOn;
    }
    if (!progress_.Update(1, "database.sql")) {
      (*db)->Close();
      return Next::kCancelled;
    }
    const Clock::time_point t = Clock::now();
    std::string error;
    Result<int> rc = (*db)->Import(dump, &error);
    import_seconds_ = Since(t);
    if (!progress_.Update(2, "database.sql") || !progress_.End()) {
      (*db)->Close();
      return Next::kCancelled;
    }
    report_.AddDuration("database_import", import_seconds_);
    json server = {{"server", (*db)->version()}, {"throwaway", (*db)->throwaway()}};
    if (!rc.ok()) {
      report_.AddCheck({"database_import", CheckStatus::kInconclusive, "the import could not be run: " + rc.status().message(), server});
    } else if (*rc != 0) {
      report_.AddCheck({"database_import", CheckStatus::kFailed, "the server refused database.sql: " + error, server});
    } else {
      report_.AddCheck({"database_import", CheckStatus::kPassed,
                        "database.sql imported into " +
                            std::string((*db)->throwaway() ? "a throwaway MariaDB " : "a fresh database of the given server ") +
                            (*db)->version(),
                        server});
      CompareTables(**db, sql);
    }
    Status closed = (*db)->Close();
    if (!closed.ok()) report_.AddWarning(closed.message());
    return Next::kGoOn;
  }

  // The tables and exact row counts after the import against the dump (and the manifest's
  // `tables`).
  void CompareTables(RestoreDatabase& db, const SqlCheck& sql) {
    Result<std::map<std::string, uint64_t>> rows = db.TableRows();
    if (!rows.ok()) {
      report_.AddCheck({"database_tables", CheckStatus::kInconclusive, "cannot count the rows: " + rows.status().message(),
                        json::object()});
      return;
    }
    std::vector<std::string> problems;
    for (const auto& [name, t] : sql.summary().tables) {
      if (!t.created) continue;
      auto it = rows->find(name);
      if (it == rows->end()) {
        problems.push_back("table `" + name + "` is created by the dump but absent after the import");
      } else if (it->second != t.rows) {
        problems.push_back("table `" + name + "` has " + std::to_string(it->second) + " rows after the import, the dump inserts " +
                           std::to_string(t.rows));
      }
    }
    json m = ManifestJson(restored_.manifest);
    if (m.is_object() && m.contains("tables") && m["tables"].is_array()) {
      for (const auto& t : m["tables"]) {
        if (t.is_string() && rows->count(t.get<std::string>()) == 0) {
          problems.push_back("table `" + t.get<std::string>() + "` is listed in the manifest but absent after the import");
        }
      }
    }
    json counted = json::object();
    uint64_t total = 0;
    for (const auto& [name, n] : *rows) {
      counted[name] = n;
      total += n;
    }
    json ev = {{"tables", rows->size()}, {"rows", total}};
    if (rows->size() <= 200) ev["row_counts"] = counted;
    if (problems.empty()) {
      report_.AddCheck({"database_tables", CheckStatus::kPassed,
                        std::to_string(rows->size()) + " tables and " + std::to_string(total) +
                            " rows, exactly what the dump creates and inserts",
                        ev});
    } else {
      ev["problems"] = problems;
      report_.AddCheck({"database_tables", CheckStatus::kFailed, problems[0], ev});
    }
  }

  // RTO and RPO.
  void SetRtoAndRpo() {
    json rto = {{"seconds", decrypt_seconds_ + extract_seconds_ + import_seconds_}, {"decrypt", decrypt_seconds_},
                {"extract", extract_seconds_}, {"database_import", import_seconds_},
                {"database_included", want_database_ && restored_.has_sql}};
    report_.Set("rto", rto);
    SetBackupAndRpo(&report_, ManifestJson(restored_.manifest), previous_created_at_, options_.history);
    report_.Set("bytes", {{"archive", report_.archive_size()}, {"restored", restored_.bytes}});
  }

  // 6. The sandbox removed with everything in it, and the report says so.
  Result<Report> Finish() {
    if (sandbox_) {
      const std::string box = sandbox_->path();
      sandbox_.reset();
      struct stat gone;
      const bool left = lstat(box.c_str(), &gone) == 0;
      report_.AddCheck({"cleanup", left ? CheckStatus::kInconclusive : CheckStatus::kPassed,
                        left ? "the sandbox could not be removed entirely" : "the sandbox and everything in it were removed",
                        json::object()});
    }
    report_.Finish();
    return std::move(report_);
  }

  // 6, cancelled: the sandbox removed as on any other way out (a database was closed by its
  // step), and no report.
  Status Cancel() {
    sandbox_.reset();
    return Status::Cancelled("cancelled by the progress callback");
  }

  // Nothing when `dir`'s file system has room for `needed` bytes and the margin; otherwise why
  // not. A full disk is the environment's failure, not the backup's (an inconclusive check), and
  // nothing but the sandbox is touched. The figures go to space_, the evidence of the check.
  std::optional<std::string> NoRoomFor(const std::string& dir, uint64_t needed, const std::string& what) {
    Result<uint64_t> available = FreeSpace(dir);
    if (!available.ok()) {
      space_ = json::object();
      return "cannot examine the sandbox folder: " + available.status().message();
    }
    const uint64_t margin = options_.space_margin;
    const uint64_t wanted = needed + margin;
    space_ = {{"available_bytes", *available}, {"estimated_bytes", needed}, {"margin_bytes", margin}};
    if (*available >= wanted) return std::nullopt;
    return "not enough free space in the sandbox to " + what + ": " + std::to_string(*available >> 20) + " MiB free, " +
           std::to_string(wanted >> 20) + " MiB needed (" + std::to_string(needed >> 20) + " MiB and a margin of " +
           std::to_string(margin >> 20) + " MiB)";
  }

  const RestoreOptions& options_;
  const bool want_database_;
  const std::vector<ChainArchive> chain_;
  Report report_;
  ProgressReporter progress_;
  std::unique_ptr<Sandbox> sandbox_;
  std::string files_;               // the restore folder in the sandbox
  json space_ = json::object();     // the last free-space figures
  double decrypt_seconds_ = 0, extract_seconds_ = 0, import_seconds_ = 0;
  bool decrypt_reported_ = false;
  Restored restored_;
  json chain_report_ = json::array();
  std::string previous_created_at_;  // of the chain's archive before the last, "" when unknown
};

}  // namespace

Result<Report> RunRestoreTest(const std::string& path, const RestoreOptions& options) {
  return RestoreRun(path, options).Run();
}

}  // namespace bjlg::verify
