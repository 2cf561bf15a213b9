// Incremental backups: a scan against the previous backup-index.json takes only what changed,
// lists deletions in deleted-files.json, and carries the rest in its own index so the chain
// continues.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <utime.h>

#include "archive/reader.h"
#include "archive/writer.h"
#include "test_util.h"

using namespace bjlg::archive;
using namespace bjlg::archive::testing;

namespace {

Summary Backup(const TempDir& t, const std::string& out, const std::string& since) {
  WriterOptions o;
  o.since = since;
  auto w = Writer::Create(out, o);
  INFO(w.status().ToString());
  REQUIRE(w.ok());
  REQUIRE((*w)->AddFromString("database.sql", "-- dump\n").ok());
  REQUIRE((*w)->AddDirectory(t / "site/plugins", "wp-content/plugins").ok());
  auto s = (*w)->Close();
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return *s;
}

std::vector<std::string> Names(const std::string& zip) {
  auto r = Reader::Open(zip);
  REQUIRE(r.ok());
  std::vector<std::string> n;
  for (const EntryInfo& e : (*r)->Entries()) n.push_back(e.name);
  return n;
}

}  // namespace

TEST_CASE("An incremental takes changed and new files, lists deletions, and chains", "[archive][incremental]") {
  TempDir t;
  WriteFile(t / "site/plugins/a/keep.php", "keep");
  WriteFile(t / "site/plugins/a/edit.php", "before");
  WriteFile(t / "site/plugins/a/touch.php", "same bytes");
  WriteFile(t / "site/plugins/b/gone.php", "bye");
  Summary full = Backup(t, t / "full.zip", "");
  CHECK(full.type == "full");

  WriteFile(t / "site/plugins/a/edit.php", "after!");  // size changes
  WriteFile(t / "site/plugins/a/new.php", "new");
  unlink((t / "site/plugins/b/gone.php").c_str());
  struct utimbuf times = {1000000000, 1000000000};
  utime((t / "site/plugins/a/touch.php").c_str(), &times);  // mtime only: hashed, unchanged

  Summary inc = Backup(t, t / "inc1.zip", t / "full.zip");
  CHECK(inc.type == "incremental");
  CHECK(inc.unchanged == 2);
  CHECK(inc.deleted == 1);
  CHECK(Names(t / "inc1.zip") ==
        std::vector<std::string>{"backup-manifest.json", "database.sql", "wp-content/plugins/a/edit.php",
                                 "wp-content/plugins/a/new.php", "deleted-files.json", "backup-index.json"});
  std::string out;
  REQUIRE(PythonList(t / "inc1.zip", &out) == 0);
  auto r = Reader::Open(t / "inc1.zip");
  auto deleted = (*r)->DeletedFiles();
  REQUIRE(deleted.ok());
  CHECK(*deleted == std::vector<std::string>{"wp-content/plugins/b/gone.php"});
  auto manifest = nlohmann::json::parse(*(*r)->ReadAll("backup-manifest.json", 1 << 20));
  CHECK(manifest["type"] == "incremental");
  CHECK(manifest["file_count"] == 3);
  auto index = ParseIndex(*(*r)->ReadAll("backup-index.json", 1 << 20));
  REQUIRE(index.ok());
  CHECK(index->size() == 5);  // database.sql, edit, new, keep, touch
  CHECK_FALSE(index->at("wp-content/plugins/a/keep.php").in_archive);
  CHECK(index->at("wp-content/plugins/a/new.php").in_archive);

  // The next incremental, against the previous one's index alone, sees no change.
  REQUIRE(TempDir::Run("cd '" + t.path() + "' && unzip -qo inc1.zip backup-index.json") == 0);
  Summary inc2 = Backup(t, t / "inc2.zip", t / "backup-index.json");
  CHECK(inc2.unchanged == 4);
  CHECK(inc2.deleted == 0);
  CHECK(Names(t / "inc2.zip") == std::vector<std::string>{"backup-manifest.json", "database.sql", "backup-index.json"});
}

TEST_CASE("A previous index that is not one is refused", "[archive][incremental]") {
  TempDir t;
  WriteFile(t / "bad.json", R"({"format":"bjlg-backup-index","entries":[{"path":"../x","size":1,"mtime":1}]})");
  WriterOptions o;
  o.since = t / "bad.json";
  CHECK(Writer::Create(t / "a.zip", o).status().code() == bjlg::Status::Code::kCorruption);
  WriteFile(t / "other.json", "{}");
  o.since = t / "other.json";
  CHECK(Writer::Create(t / "a.zip", o).status().code() == bjlg::Status::Code::kCorruption);
  o.since = t / "missing.json";
  CHECK(Writer::Create(t / "a.zip", o).status().code() == bjlg::Status::Code::kNotFound);
}
