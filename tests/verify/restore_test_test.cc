// RestoreTest: files compared with the index, a chain applied in order, a real MariaDB import
// (tagged [mariadb]: run by make test-verify-integration), environment failures inconclusive,
// and the sandbox always removed.
#include <dirent.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "verify/restore_test.h"
#include "verify_fixtures.h"

namespace bjlg::verify {
namespace {

using namespace testing;

const Check& Get(const Report& r, const std::string& name) {
  const Check* c = r.Find(name);
  INFO("check " << name << " in " << r.ToJson().dump(1));
  REQUIRE(c != nullptr);
  return *c;
}

int SandboxesIn(const std::string& dir) {
  int n = 0;
  DIR* d = opendir(dir.c_str());
  while (dirent* e = readdir(d)) n += strncmp(e->d_name, "bjlg-restore-", 13) == 0 ? 1 : 0;
  closedir(d);
  return n;
}

Report Run(const std::string& path, const RestoreOptions& o) {
  auto r = RunRestoreTest(path, o);
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_CASE("restore test without database: files against the index, sandbox removed", "[verify][restore]") {
  TempDir dir;
  const std::string zip = BjlgArchive(dir, "a.zip", PluginDump(20));
  archive::testing::MakeDirs(dir / "boxes");
  RestoreOptions o;
  o.sandbox_parent = dir / "boxes";
  Report r = Run(zip, o);
  INFO(r.ToJson().dump(1));
  CHECK(r.status() == CheckStatus::kPassed);
  CHECK(Get(r, "files").status == CheckStatus::kPassed);
  CHECK(Get(r, "database").status == CheckStatus::kSkipped);
  CHECK(Get(r, "cleanup").status == CheckStatus::kPassed);
  CHECK(SandboxesIn(dir / "boxes") == 0);
  CHECK(r.ToJson()["rto"]["seconds"].get<double>() >= 0);

  SECTION("an encrypted archive needs its key; with it, it restores") {
    const std::string enc = Encrypt(zip, dir / "a.zip.bjlg", TestKey(5));
    CHECK(Run(enc, o).status() == CheckStatus::kInconclusive);
    RestoreOptions k = o;
    k.secret.emplace(TestKey(5));
    Report e = Run(enc, k);
    CHECK(e.status() == CheckStatus::kPassed);
    CHECK(Get(e, "decrypt").status == CheckStatus::kPassed);
    RestoreOptions w = o;
    w.secret.emplace(TestKey(6));
    Report bad = Run(enc, w);
    CHECK(bad.status() == CheckStatus::kFailed);
    CHECK(Get(bad, "decrypt").message.find("wrong key") != std::string::npos);
    CHECK(SandboxesIn(dir / "boxes") == 0);
  }
  SECTION("a BJLGENC1 archive (the plugin's) is decrypted into the sandbox and restored") {
    const std::string enc = EncryptBjlgenc1(zip, dir / "a.zip.enc", TestKey(5));
    RestoreOptions k = o;
    k.secret.emplace(TestKey(5));
    Report e = Run(enc, k);
    INFO(e.ToJson().dump(1));
    CHECK(e.status() == CheckStatus::kPassed);
    CHECK(Get(e, "decrypt").status == CheckStatus::kPassed);
    CHECK(Get(e, "files").status == CheckStatus::kPassed);
    CHECK(Run(enc, o).status() == CheckStatus::kInconclusive);  // no key
    RestoreOptions w = o;
    w.secret.emplace(TestKey(6));
    Report bad = Run(enc, w);  // no key id in this format: reported as the verifier does
    CHECK(bad.status() == CheckStatus::kFailed);
    CHECK(Get(bad, "decrypt").message.find("wrong key or password") != std::string::npos);
    FlipByte(enc, archive::testing::ReadFile(enc).size() - 40);
    CHECK(Get(Run(enc, k), "decrypt").status == CheckStatus::kFailed);
    CHECK(SandboxesIn(dir / "boxes") == 0);
  }
  SECTION("a traversal entry is refused by the reader's rules") {
    RewriteZip(dir, zip, "data");
    const std::string py = "import zipfile\nz = zipfile.ZipFile('" + zip + "', 'a')\nz.writestr('../evil.php', 'x')\n";
    archive::testing::WriteFile(dir / "evil.py", py);
    REQUIRE(TempDir::Run("python3 '" + (dir / "evil.py") + "' 2>/dev/null") == 0);
    Report e = Run(zip, o);
    CHECK(e.status() == CheckStatus::kFailed);
    CHECK(Get(e, "extract").message.find("../evil.php") != std::string::npos);
    CHECK(SandboxesIn(dir / "boxes") == 0);
  }
  SECTION("no room for a sandbox is inconclusive") {
    RestoreOptions n = o;
    n.sandbox_parent = dir / "does-not-exist";
    Report e = Run(zip, n);
    CHECK(e.status() == CheckStatus::kInconclusive);
    CHECK(Get(e, "sandbox").status == CheckStatus::kInconclusive);
  }
  SECTION("a stale sandbox of a dead process is removed") {
    archive::testing::WriteFile(dir / "boxes/bjlg-restore-old123/owner.pid", "999999999\n");
    Run(zip, o);
    CHECK(SandboxesIn(dir / "boxes") == 0);
  }
}

// The rule of common/progress.h over one run's records: each record's phase is the one at its
// phase_index in the declared list, the list never changes, phases move forward, and done never
// decreases within a phase nor passes a known total.
void CheckRecords(const std::vector<Progress>& seen, const std::vector<std::string>& declared) {
  REQUIRE_FALSE(seen.empty());
  for (size_t i = 0; i < seen.size(); ++i) {
    const Progress& p = seen[i];
    INFO("record " << i << ": " << p.phase << " " << p.done << "/" << p.total << " " << p.current);
    CHECK(p.phases == declared);
    REQUIRE(p.phase_index < declared.size());
    CHECK(declared[p.phase_index] == p.phase);
    CHECK(p.done <= p.total);
    if (i == 0) continue;
    CHECK(p.phase_index >= seen[i - 1].phase_index);
    if (p.phase_index == seen[i - 1].phase_index) CHECK(p.done >= seen[i - 1].done);
  }
}

// The phase positions reported, each once, in order.
std::vector<size_t> Positions(const std::vector<Progress>& seen) {
  std::vector<size_t> out;
  for (const Progress& p : seen) {
    if (out.empty() || out.back() != p.phase_index) out.push_back(p.phase_index);
  }
  return out;
}

TEST_CASE("restore test options are checked before anything is made, naming the option", "[verify][restore]") {
  TempDir dir;
  const std::string zip = BjlgArchive(dir, "a.zip", PluginDump(2));
  archive::testing::MakeDirs(dir / "boxes");
  auto options = [&dir] {
    RestoreOptions o;
    o.sandbox_parent = dir / "boxes";
    return o;
  };
  RestoreOptions threads = options();
  threads.threads = 300;
  CHECK(RunRestoreTest(zip, threads).status().option() == "threads");
  RestoreOptions dsn = options();
  dsn.dsn = "pgsql:host=x";
  CHECK(RunRestoreTest(zip, dsn).status().message() == "option \"dsn\" must start with \"mysql:\"");
  RestoreOptions chain = options();
  chain.chain = {zip, ""};
  const Status refused = RunRestoreTest(zip, chain).status();
  CHECK(refused.option() == "chain");
  CHECK(refused.item() == std::optional<size_t>(1));
  CHECK(SandboxesIn(dir / "boxes") == 0);
}

TEST_CASE("restore test progress: the one record, its phases declared up front and reported in order", "[verify][restore][progress]") {
  TempDir dir;
  const std::string zip = BjlgArchive(dir, "a.zip", PluginDump(20));
  const std::string enc = Encrypt(zip, dir / "a.zip.bjlg", TestKey(5));
  archive::testing::MakeDirs(dir / "boxes");
  RestoreOptions o;
  o.sandbox_parent = dir / "boxes";
  o.secret.emplace(TestKey(5));
  o.progress_interval = 0;
  std::vector<Progress> seen;
  o.progress = [&](const Progress& p) {
    seen.push_back(p);
    return true;
  };
  Report r = Run(enc, o);
  CHECK(r.status() == CheckStatus::kPassed);
  CheckRecords(seen, {"decrypt", "extract", "files"});
  CHECK(Positions(seen) == std::vector<size_t>{0, 1, 2});
  CHECK(seen.front().phase == "decrypt");
  CHECK(seen.front().unit == "bytes");
  CHECK(seen.front().current == "a.zip.bjlg");  // each archive's phases begin with its name
  for (const Progress& p : seen) {
    if (p.phase == "extract") CHECK(p.unit == "bytes");
    if (p.phase == "files") CHECK(p.unit == "files");
  }
  auto first_extract = std::find_if(seen.begin(), seen.end(), [](const Progress& p) { return p.phase == "extract"; });
  CHECK(first_extract->current == "a.zip.bjlg");
  CHECK(seen.back().phase == "files");
  CHECK(seen.back().done == seen.back().total);

  SECTION("with a database asked for, \"database\" is declared last (skipped: the archive has no dump)") {
    const std::string plain = OneFileArchive(dir, "plain.zip", "a.zip");  // any file: no database.sql
    RestoreOptions d = o;
    d.secret.reset();
    d.dsn = "mysql:unix_socket=" + (dir / "no.sock");
    seen.clear();
    Report n = Run(plain, d);
    CHECK(Get(n, "database").status == CheckStatus::kSkipped);
    CheckRecords(seen, {"extract", "files", "database"});
  }
}

TEST_CASE("restore test cancelled in any phase: Cancelled, the sandbox removed, no report and no history written", "[verify][restore][progress]") {
  TempDir dir;
  const std::string zip = BjlgArchive(dir, "a.zip", PluginDump(20));
  const std::string enc = Encrypt(zip, dir / "a.zip.bjlg", TestKey(5));
  archive::testing::MakeDirs(dir / "boxes");
  const std::string history = dir / "history.jsonl";
  archive::testing::WriteFile(history, "{\"kind\":\"restore-test\",\"status\":\"passed\"}\n");
  RestoreOptions o;
  o.sandbox_parent = dir / "boxes";
  o.secret.emplace(TestKey(5));
  o.history = history;
  o.progress_interval = 0;
  SECTION("at the first and at the last report of each phase") {
    for (const char* phase : {"decrypt", "extract", "files"}) {
      for (bool at_end : {false, true}) {
        INFO("cancelled in " << phase << (at_end ? " at its last report" : " at its first report"));
        int cancels = 0, late = 0;  // late: records after the cancellation (there must be none)
        o.progress = [&](const Progress& p) {
          if (cancels > 0) ++late;
          if (p.phase == phase && (at_end ? p.done == p.total : p.done == 0)) ++cancels;
          return cancels == 0;
        };
        Result<Report> c = RunRestoreTest(enc, o);
        CHECK(c.status().code() == Status::Code::kCancelled);
        CHECK(c.status().message() == "cancelled by the progress callback");
        CHECK(cancels == 1);
        CHECK(late == 0);
        CHECK(SandboxesIn(dir / "boxes") == 0);
        CHECK(archive::testing::ReadFile(history) == "{\"kind\":\"restore-test\",\"status\":\"passed\"}\n");
      }
    }
  }
  SECTION("cancelled while extracting a large entry: the part written goes with the sandbox") {
    archive::testing::WriteFile(dir / "big.bin", archive::testing::RandomBytes(20 << 20, 8));
    OneFileArchive(dir, "big.zip", "big.bin");
    RestoreOptions b;
    b.sandbox_parent = dir / "boxes";
    b.progress_interval = 0;
    uint64_t seen = 0;
    b.progress = [&](const Progress& p) {
      seen = std::max(seen, p.done);
      return !(p.phase == "extract" && p.done > (8u << 20));
    };
    CHECK(RunRestoreTest(dir / "big.zip", b).status().code() == Status::Code::kCancelled);
    CHECK(seen < (20u << 20));
    CHECK(SandboxesIn(dir / "boxes") == 0);
  }
  SECTION("a negative progress_interval is the caller's error") {
    o.progress_interval = -1;
    Result<Report> bad = RunRestoreTest(enc, o);
    CHECK(bad.status().code() == Status::Code::kInvalidArgument);
    CHECK(bad.status().message().find("progress_interval") != std::string::npos);
  }
}

TEST_CASE("restore test free space: too little is inconclusive, the archive untouched", "[verify][restore]") {
  TempDir dir;
  archive::testing::MakeDirs(dir / "boxes");
  // 96 MiB of zeros (a sparse file: no disk used) deflate to about 100 KiB.
  REQUIRE(TempDir::Run("truncate -s 96M '" + (dir / "zeros.bin") + "'") == 0);
  const std::string zip = OneFileArchive(dir, "z.zip", "zeros.bin");
  const std::string before = *Sha256OfFile(zip);
  const uint64_t size = archive::testing::ReadFile(zip).size();
  REQUIRE(size < (1u << 20));
  struct statvfs vfs;
  REQUIRE(statvfs((dir / "boxes").c_str(), &vfs) == 0);
  const uint64_t free_now = static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize;
  REQUIRE(free_now > (256u << 20));

  RestoreOptions o;
  o.sandbox_parent = dir / "boxes";
  SECTION("before the sandbox is made: the archives do not fit") {
    o.space_margin = free_now;  // the archive's size on top of everything free
    Report r = Run(zip, o);
    INFO(r.ToJson().dump(1));
    CHECK(r.status() == CheckStatus::kInconclusive);
    CHECK(Get(r, "sandbox").status == CheckStatus::kInconclusive);
    CHECK(Get(r, "sandbox").message.find("not enough free space in the sandbox") == 0);
    CHECK(Get(r, "sandbox").evidence["margin_bytes"] == free_now);
    CHECK(r.Find("cleanup") == nullptr);  // no sandbox was made
  }
  SECTION("before extracting: the entries' uncompressed size does not fit") {
    // Room for the archive (under 1 MiB) with 32 MiB to spare for other writers on this disk,
    // not for its 96 MiB of content.
    o.space_margin = free_now - (32u << 20);
    Report r = Run(zip, o);
    INFO(r.ToJson().dump(1));
    CHECK(r.status() == CheckStatus::kInconclusive);
    CHECK(Get(r, "sandbox").status == CheckStatus::kPassed);
    CHECK(Get(r, "extract").status == CheckStatus::kInconclusive);
    CHECK(Get(r, "extract").message.find("not enough free space in the sandbox to extract z.zip") == 0);
    CHECK(Get(r, "extract").evidence["estimated_bytes"].get<uint64_t>() >= 96u << 20);  // and the manifest, the index
    CHECK(Get(r, "cleanup").status == CheckStatus::kPassed);
  }
  SECTION("with the default margin it restores") {
    CHECK(Run(zip, o).status() == CheckStatus::kPassed);
  }
  CHECK(*Sha256OfFile(zip) == before);  // nothing deleted or modified
  CHECK(SandboxesIn(dir / "boxes") == 0);
}

TEST_CASE("a chain: full then incremental, restored in order with deletions", "[verify][restore]") {
  TempDir dir;
  const std::string full = BjlgArchive(dir, "full.zip", PluginDump(5));
  // Change one file, delete one, add one; then an incremental since the full backup.
  archive::testing::WriteFile(dir / "site/plugins/hello/hello.php", "changed\n");
  REQUIRE(unlink((dir / "site/plugins/hello/readme.txt").c_str()) == 0);
  archive::testing::WriteFile(dir / "site/themes/t/new.css", "body{}\n");
  archive::WriterOptions o;
  o.threads = 1;
  o.since = full;
  auto w = archive::Writer::Create(dir / "inc.zip", o);
  REQUIRE(w.ok());
  REQUIRE((*w)->AddFromString("database.sql", PluginDump(7)).ok());
  REQUIRE((*w)->AddDirectory(dir / "site/plugins", "wp-content/plugins").ok());
  REQUIRE((*w)->AddDirectory(dir / "site/themes", "wp-content/themes").ok());
  REQUIRE((*w)->AddDirectory(dir / "site/uploads", "wp-content/uploads").ok());
  REQUIRE((*w)->Close().ok());

  RestoreOptions ro;
  ro.sandbox_parent = dir.path();
  ro.chain = {full};
  Report r = Run(dir / "inc.zip", ro);
  INFO(r.ToJson().dump(1));
  CHECK(r.status() == CheckStatus::kPassed);
  CHECK(Get(r, "extract").evidence["deleted_by_incrementals"] == 1);
  CHECK(r.ToJson()["chain"].size() == 2);
  CHECK(r.ToJson()["rpo"].contains("gap_to_previous_seconds"));

  SECTION("a chain of encrypted archives declares decrypt and extract for each, in order") {
    RestoreOptions e = ro;
    e.chain = {Encrypt(full, dir / "full.zip.bjlg", TestKey(3))};
    e.secret.emplace(TestKey(3));
    e.progress_interval = 0;
    std::vector<Progress> seen;
    e.progress = [&](const Progress& p) {
      seen.push_back(p);
      return true;
    };
    CHECK(Run(Encrypt(dir / "inc.zip", dir / "inc.zip.bjlg", TestKey(3)), e).status() == CheckStatus::kPassed);
    CheckRecords(seen, {"decrypt", "extract", "decrypt", "extract", "files"});
    CHECK(Positions(seen) == std::vector<size_t>{0, 1, 2, 3, 4});
    std::vector<std::string> begun_on;  // `current` of each phase's first record
    for (size_t i = 0; i < seen.size(); ++i) {
      if (i == 0 || seen[i].phase_index != seen[i - 1].phase_index) begun_on.push_back(seen[i].current);
    }
    CHECK(begun_on == std::vector<std::string>{"full.zip.bjlg", "full.zip.bjlg", "inc.zip.bjlg", "inc.zip.bjlg", ""});
  }
  SECTION("the incremental alone lacks the unchanged files") {
    RestoreOptions alone_options;
    alone_options.sandbox_parent = dir.path();
    Report alone = Run(dir / "inc.zip", alone_options);
    CHECK(alone.status() == CheckStatus::kFailed);
    CHECK(Get(alone, "files").message.find("is in backup-index.json but was not restored") != std::string::npos);
  }
}

TEST_CASE("a real MariaDB restore of a few thousand rows", "[.][mariadb]") {
  TempDir dir;
  const std::string zip = BjlgArchive(dir, "db.zip", PluginDump(4000));
  RestoreOptions o;
  o.sandbox_parent = dir.path();
  o.with_database = true;
  Report r = Run(zip, o);
  const nlohmann::json j = r.ToJson();
  INFO(j.dump(1));
  CHECK(r.status() == CheckStatus::kPassed);
  CHECK(Get(r, "database_import").status == CheckStatus::kPassed);
  CHECK(Get(r, "database_tables").evidence["row_counts"]["wp_posts"] == 4000);
  CHECK(Get(r, "database_tables").evidence["row_counts"]["wp_options"] == 3);
  CHECK(j["rto"]["database_import"].get<double>() > 0);
  CHECK(SandboxesIn(dir.path()) == 0);

  SECTION("a dump the server refuses fails the import") {
    std::string dump = PluginDump(50);
    dump.insert(dump.find("INSERT INTO `wp_posts`"), "INSERT INTO `wp_posts` (`ID`, `nope`) VALUES ('1', 'x');\n");
    Report bad = Run(BjlgArchive(dir, "bad.zip", dump), o);
    CHECK(bad.status() == CheckStatus::kFailed);
    CHECK(Get(bad, "database_import").message.find("Unknown column 'nope'") != std::string::npos);
    CHECK(SandboxesIn(dir.path()) == 0);
  }
  SECTION("progress reports the database steps; false at any of them cancels, the server stopped") {
    RestoreOptions p = o;
    p.progress_interval = 0;
    std::vector<uint64_t> steps;
    p.progress = [&](const Progress& at) {
      if (at.phase == "database") steps.push_back(at.done);
      return true;
    };
    CHECK(Run(zip, p).status() == CheckStatus::kPassed);
    CHECK(steps == std::vector<uint64_t>{0, 1, 2});
    for (uint64_t step : {0, 1, 2}) {
      INFO("cancelled at database step " << step);
      p.progress = [step](const Progress& at) { return !(at.phase == "database" && at.done == step); };
      CHECK(RunRestoreTest(zip, p).status().code() == Status::Code::kCancelled);
      CHECK(SandboxesIn(dir.path()) == 0);
    }
  }
  SECTION("a DSN that does not connect is inconclusive") {
    RestoreOptions d = o;
    d.dsn = "mysql:unix_socket=" + (dir / "no.sock") + ";user=root";
    Report n = Run(zip, d);
    CHECK(n.status() == CheckStatus::kInconclusive);
    CHECK(Get(n, "database_import").status == CheckStatus::kInconclusive);
  }
}

}  // namespace
}  // namespace bjlg::verify
