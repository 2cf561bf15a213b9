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
#include <memory>

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

}  // namespace

Result<Report> RunRestoreTest(const std::string& path, const RestoreOptions& options) {
  std::vector<std::string> archives = options.chain;
  archives.push_back(path);
  for (const std::string& a : archives) {
    if (access(a.c_str(), F_OK) != 0) return Status::NotFound("no archive at " + a);
  }
  if (!options.dsn.empty() && options.dsn.rfind("mysql:", 0) != 0) {
    return Status::InvalidArgument("the DSN must start with \"mysql:\"");
  }
  Report report("restore-test");
  struct stat st;
  report.SetArchive(path, stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0);
  // Every way out after the sandbox exists removes it and says so in the report.
  std::unique_ptr<Sandbox> sandbox;
  auto finish = [&]() -> Result<Report> {
    if (sandbox) {
      const std::string box = sandbox->path();
      sandbox.reset();
      struct stat gone;
      const bool left = lstat(box.c_str(), &gone) == 0;
      report.AddCheck({"cleanup", left ? CheckStatus::kInconclusive : CheckStatus::kPassed,
                       left ? "the sandbox could not be removed entirely" : "the sandbox and everything in it were removed",
                       json::object()});
    }
    report.Finish();
    return report;
  };
  // The decrypt check is added once every archive of a chain is decrypted, or before the check
  // that stops the test early.
  double decrypt_seconds = 0;
  bool decrypt_reported = false;
  auto report_decrypted = [&] {
    if (decrypt_seconds == 0 || decrypt_reported) return;
    decrypt_reported = true;
    report.AddCheck({"decrypt", CheckStatus::kPassed, "authenticated and decrypted into the sandbox", json::object()});
    report.AddDuration("decrypt", decrypt_seconds);
  };
  auto cancelled = [&](const char* check) -> Result<Report> {
    if (std::string(check) != "decrypt") report_decrypted();
    report.AddCheck({check, CheckStatus::kInconclusive, "cancelled by the progress callback", json::object()});
    return finish();
  };
  // The caller's callable at each phase's start and end (`force`) and about every 8 MiB or 100
  // steps within it.
  std::string last_phase;
  uint64_t next_done = 0, steps = 0;
  auto progress = [&](const char* phase, uint64_t done, uint64_t total, const std::string& current, bool force) {
    if (!options.progress) return true;
    if (phase != last_phase) force = true;
    if (!force && done < next_done && ++steps < 100) return true;
    last_phase = phase;
    next_done = done + (8u << 20);
    steps = 0;
    return options.progress(RestoreProgress{phase, done, total, current});
  };

  // 1. Sandbox, after a free-space check.
  const std::string parent = options.sandbox_parent.empty() ? DefaultParent() : options.sandbox_parent;
  RemoveStaleSandboxes(parent);
  // Enough room for `what` (`needed` bytes plus the margin) in the sandbox's file system, or an
  // inconclusive check named `check`: a full disk is the environment's failure, not the backup's,
  // and nothing but the sandbox is touched.
  json space = json::object();
  auto room_for = [&](const std::string& dir, const char* check, uint64_t needed, const std::string& what) {
    Result<uint64_t> available = FreeSpace(dir);
    if (!available.ok()) {
      report.AddCheck({check, CheckStatus::kInconclusive, "cannot examine the sandbox folder: " + available.status().message(),
                       json::object()});
      return false;
    }
    const uint64_t wanted = needed + options.space_margin;
    space = {{"available_bytes", *available}, {"estimated_bytes", needed}, {"margin_bytes", options.space_margin}};
    if (*available >= wanted) return true;
    if (std::string(check) == "extract") report_decrypted();
    report.AddCheck({check, CheckStatus::kInconclusive,
                     "not enough free space in the sandbox to " + what + ": " + std::to_string(*available >> 20) +
                         " MiB free, " + std::to_string(wanted >> 20) + " MiB needed (" + std::to_string(needed >> 20) +
                         " MiB and a margin of " + std::to_string(options.space_margin >> 20) + " MiB)",
                     space});
    return false;
  };
  uint64_t archive_bytes = 0;  // at least this much: the decrypted copy, or the extracted files
  for (const std::string& a : archives) {
    if (stat(a.c_str(), &st) == 0) archive_bytes += static_cast<uint64_t>(st.st_size);
  }
  if (!room_for(parent, "sandbox", archive_bytes, "hold the archives' content")) return finish();
  Result<std::unique_ptr<Sandbox>> created = Sandbox::Create(parent);
  if (!created.ok()) {
    report.AddCheck({"sandbox", CheckStatus::kInconclusive, created.status().message(), json::object()});
    return finish();
  }
  sandbox = std::move(*created);
  const std::string box = sandbox->path();
  const std::string files = box + "/files";
  if (mkdir(files.c_str(), 0700) != 0) {
    report.AddCheck({"sandbox", CheckStatus::kInconclusive, "cannot create the restore folder", json::object()});
    return finish();
  }
  report.AddCheck({"sandbox", CheckStatus::kPassed, "a private (0700) sandbox with enough free space", space});

  // 2-3. Decrypt when needed, extract each archive of the chain in order.
  double extract_seconds = 0;
  Restored restored;
  json chain = json::array();
  bool have_previous = false;
  std::string previous_created_at;
  for (size_t i = 0; i < archives.size(); ++i) {
    const std::string& a = archives[i];
    const std::string label = archives.size() > 1 ? " (archive " + std::to_string(i + 1) + " of the chain)" : "";
    const std::string base = a.substr(a.rfind('/') + 1);
    std::string zip = a;
    Result<crypto::FileReport> info = crypto::InspectFile(a);
    if (info.ok()) {
      if (!options.secret) {
        report.AddCheck({"decrypt", CheckStatus::kInconclusive, "the archive is encrypted and no key or password was given" + label,
                         json::object()});
        return finish();
      }
      if (!room_for(box, "decrypt", info->encrypted_size, "decrypt " + base)) return finish();
      const Clock::time_point t = Clock::now();
      zip = box + "/archive-" + std::to_string(i) + ".zip";
      crypto::DecryptOptions d;
      d.threads = options.threads;
      if (!progress("decrypt", 0, info->encrypted_size, base, true)) return cancelled("decrypt");
      d.progress = [&](const bjlg::Progress& p) { return progress("decrypt", p.done, p.total, base, false); };
      Result<crypto::FileReport> r = crypto::DecryptFile(a, zip, *options.secret, d);
      decrypt_seconds += Since(t);
      if (r.status().code() == Status::Code::kCancelled) return cancelled("decrypt");
      if (!r.ok()) {
        const bool env = r.status().code() == Status::Code::kIOError;
        report.AddCheck({"decrypt", env ? CheckStatus::kInconclusive : CheckStatus::kFailed,
                         r.status().message() + label, json::object()});
        return finish();
      }
      if (!progress("decrypt", info->encrypted_size, info->encrypted_size, base, true)) return cancelled("decrypt");
    }
    const Clock::time_point t = Clock::now();
    Result<std::unique_ptr<archive::Reader>> reader = archive::Reader::Open(zip);
    Status s = reader.ok() ? Status::OK() : reader.status();
    archive::ExtractOptions eo;
    uint64_t to_extract = 0;
    if (s.ok()) {
      for (const archive::EntryInfo& e : (*reader)->Entries()) to_extract += e.size;
      if (!room_for(box, "extract", to_extract, "extract " + base + " (its entries' uncompressed size)")) return finish();
      if (!progress("extract", 0, to_extract, base, true)) return cancelled("extract");
      eo.progress_interval = 0;
      eo.progress = [&](const bjlg::Progress& p) { return progress("extract", p.done, to_extract, p.current, false); };
      s = (*reader)->CheckExtractable(eo);
    }
    std::vector<std::string> deleted;
    if (s.ok()) {
      Result<std::vector<std::string>> del = (*reader)->DeletedFiles();
      if (del.ok()) deleted = *del;
      else s = del.status();
    }
    Result<archive::ExtractReport> er = s.ok() ? (*reader)->ExtractTo(files, eo) : Result<archive::ExtractReport>(s);
    extract_seconds += Since(t);
    if (er.status().code() == Status::Code::kCancelled) return cancelled("extract");
    if (!er.ok()) {
      report_decrypted();
      const bool env = er.status().code() == Status::Code::kIOError;
      report.AddCheck({"extract", env ? CheckStatus::kInconclusive : CheckStatus::kFailed,
                       "extraction " + std::string(env ? "could not be carried out: " : "refused: ") + er.status().message() + label,
                       json::object()});
      return finish();
    }
    if (!progress("extract", to_extract, to_extract, base, true)) return cancelled("extract");
    for (const std::string& p : deleted) {
      if (unlink((files + "/" + p).c_str()) == 0) ++restored.deleted;
    }
    // What this archive says about itself.
    Result<std::string> manifest = (*reader)->ReadAll(archive::kManifestName, 16 << 20);
    restored.manifest = manifest.ok() ? *manifest : "";
    Result<std::string> index = (*reader)->ReadAll(archive::kIndexName, 1ull << 30);
    if (index.ok()) {
      restored.index = *index;
      restored.has_index = true;
    }
    bool sql = false;
    for (const archive::EntryInfo& e : (*reader)->Entries()) sql = sql || e.name == "database.sql";
    restored.has_sql = restored.has_sql || sql;
    json m = ManifestJson(restored.manifest);
    const std::string created_at = m.is_object() && m.value("created_at", json("")).is_string() ? m.value("created_at", "") : "";
    chain.push_back({{"archive", a.substr(a.rfind('/') + 1)}, {"type", m.is_object() ? m.value("type", json("")) : json("")},
                     {"created_at", created_at}, {"files", er->files}, {"deleted", deleted.size()}});
    restored.files += er->files;
    restored.bytes += er->bytes;
    if (zip != a) unlink(zip.c_str());  // the decrypted copy is no longer needed
    if (i + 1 < archives.size() && !created_at.empty()) {
      previous_created_at = created_at;
      have_previous = true;
    }
  }
  report_decrypted();
  report.AddDuration("extract", extract_seconds);
  report.AddCheck({"extract", CheckStatus::kPassed,
                   std::to_string(restored.files) + " files extracted under the reader's safety rules" +
                       (archives.size() > 1 ? " from a chain of " + std::to_string(archives.size()) + " archives" : ""),
                   {{"files", restored.files}, {"bytes", restored.bytes}, {"deleted_by_incrementals", restored.deleted}}});
  if (archives.size() > 1) report.Set("chain", chain);

  // 4. Files against the index.
  const Clock::time_point compare_start = Clock::now();
  if (!restored.has_index) {
    report.AddCheck({"files", CheckStatus::kSkipped,
                     "no backup-index.json: the restored files were checked against their CRC-32 only, while extracting",
                     json::object()});
  } else {
    Result<archive::Index> index = archive::ParseIndex(restored.index);
    if (!index.ok()) {
      report.AddCheck({"files", CheckStatus::kFailed, "backup-index.json is not a valid index: " + index.status().message(),
                       json::object()});
    } else {
      std::vector<std::string> problems;
      uint64_t compared = 0;
      for (const auto& [p, e] : *index) {
        if (!progress("files", compared, index->size(), p, compared == 0)) return cancelled("files");
        const std::string f = files + "/" + p;
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
      if (!progress("files", compared, index->size(), "", true)) return cancelled("files");
      std::sort(problems.begin(), problems.end());
      json ev = {{"indexed", index->size()}, {"compared", compared}};
      if (problems.empty()) {
        report.AddCheck({"files", CheckStatus::kPassed,
                         std::to_string(compared) + " restored files match backup-index.json (SHA-256 and size)", ev});
      } else {
        ev["problems"] = json::array();
        for (size_t i = 0; i < problems.size() && i < 20; ++i) ev["problems"].push_back(problems[i]);
        report.AddCheck({"files", CheckStatus::kFailed,
                         problems[0] + (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more)" : ""),
                         ev});
      }
    }
  }
  report.AddDuration("compare_files", Since(compare_start));

  // 5. Database.
  double import_seconds = 0;
  const bool want_db = options.with_database || !options.dsn.empty();
  const std::string dump = files + "/database.sql";
  if (!want_db) {
    report.AddCheck({"database", CheckStatus::kSkipped, "not asked for (with_database or dsn)", json::object()});
  } else if (!restored.has_sql) {
    report.AddCheck({"database", CheckStatus::kSkipped, "no database.sql in the archive", json::object()});
  } else {
    // What the dump creates and inserts: the expectation.
    SqlCheck sql;
    {
      std::ifstream in(dump, std::ios::binary);
      std::vector<char> buf(1 << 20);
      while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        sql.Feed(buf.data(), static_cast<size_t>(in.gcount()));
      }
      sql.Finish();
    }
    if (!progress("database", 0, 2, "", true)) return cancelled("database_import");
    const Clock::time_point start = Clock::now();
    mkdir((box + "/db").c_str(), 0700);
    Result<std::unique_ptr<RestoreDatabase>> db =
        options.dsn.empty() ? RestoreDatabase::StartThrowaway(box + "/db", options.server_timeout)
                            : RestoreDatabase::Connect(options.dsn, box + "/db");
    report.AddDuration("database_start", Since(start));
    if (!db.ok()) {
      report.AddCheck({"database_import", CheckStatus::kInconclusive, "the database for the test is not available: " + db.status().message(), json::object()});
    } else if (!progress("database", 1, 2, "database.sql", true)) {
      (*db)->Close();
      return cancelled("database_import");
    } else {
      const Clock::time_point t = Clock::now();
      std::string error;
      Result<int> rc = (*db)->Import(dump, &error);
      import_seconds = Since(t);
      if (!progress("database", 2, 2, "database.sql", true)) {
        (*db)->Close();
        return cancelled("database_import");
      }
      report.AddDuration("database_import", import_seconds);
      json server = {{"server", (*db)->version()}, {"throwaway", (*db)->throwaway()}};
      if (!rc.ok()) {
        report.AddCheck({"database_import", CheckStatus::kInconclusive, "the import could not be run: " + rc.status().message(), server});
      } else if (*rc != 0) {
        report.AddCheck({"database_import", CheckStatus::kFailed, "the server refused database.sql: " + error, server});
      } else {
        report.AddCheck({"database_import", CheckStatus::kPassed, "database.sql imported into " +
                         std::string((*db)->throwaway() ? "a throwaway MariaDB " : "a fresh database of the given server ") +
                         (*db)->version(), server});
        Result<std::map<std::string, uint64_t>> rows = (*db)->TableRows();
        if (!rows.ok()) {
          report.AddCheck({"database_tables", CheckStatus::kInconclusive, "cannot count the rows: " + rows.status().message(),
                           json::object()});
        } else {
          std::vector<std::string> problems;
          json counted = json::object();
          uint64_t total = 0;
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
          json m = ManifestJson(restored.manifest);
          if (m.is_object() && m.contains("tables") && m["tables"].is_array()) {
            for (const auto& t : m["tables"]) {
              if (t.is_string() && rows->count(t.get<std::string>()) == 0) {
                problems.push_back("table `" + t.get<std::string>() + "` is listed in the manifest but absent after the import");
              }
            }
          }
          for (const auto& [name, n] : *rows) {
            counted[name] = n;
            total += n;
          }
          json ev = {{"tables", rows->size()}, {"rows", total}};
          if (rows->size() <= 200) ev["row_counts"] = counted;
          if (problems.empty()) {
            report.AddCheck({"database_tables", CheckStatus::kPassed,
                             std::to_string(rows->size()) + " tables and " + std::to_string(total) +
                                 " rows, exactly what the dump creates and inserts", ev});
          } else {
            ev["problems"] = problems;
            report.AddCheck({"database_tables", CheckStatus::kFailed, problems[0], ev});
          }
        }
      }
      Status closed = (*db)->Close();
      if (!closed.ok()) report.AddWarning(closed.message());
    }
  }

  // RTO and RPO.
  json rto = {{"seconds", decrypt_seconds + extract_seconds + import_seconds}, {"decrypt", decrypt_seconds},
              {"extract", extract_seconds}, {"database_import", import_seconds},
              {"database_included", want_db && restored.has_sql}};
  report.Set("rto", rto);
  SetBackupAndRpo(&report, ManifestJson(restored.manifest), have_previous ? previous_created_at : "",
                  options.history);
  report.Set("bytes", {{"archive", report.archive_size()}, {"restored", restored.bytes}});
  // 6. finish() removes the sandbox and says so in the report.
  return finish();
}

}  // namespace bjlg::verify
