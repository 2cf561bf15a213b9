// Continuing the plugin's incremental chain from its .incremental-manifest.json (v2.1).
#include "archive/plugin_manifest.h"

#include <catch2/catch.hpp>
#include <utime.h>

#include "archive/reader.h"
#include "archive/writer.h"
#include "test_util.h"

using namespace bjlg::archive;
using namespace bjlg::archive::testing;

namespace {

std::string Md5Cli(const std::string& path) {
  std::string out;
  REQUIRE(Capture("md5sum '" + path + "' | cut -c1-32", &out) == 0);
  return out.substr(0, 32);
}

}  // namespace

TEST_CASE("The plugin's file hash: MD5 of small files, of three samples and size.mtime otherwise", "[archive][plugin]") {
  TempDir t;
  WriteFile(t / "small.txt", "hello plugin");
  CHECK(*PluginFileHash(t / "small.txt") == Md5Cli(t / "small.txt"));
  const uint64_t size = (3 << 20) + 12345;
  WriteFile(t / "big.bin", RandomBytes(size, 9));
  struct utimbuf times = {1700000000, 1700000000};
  utime((t / "big.bin").c_str(), &times);
  // The same sample, built with dd, hashed by md5sum.
  REQUIRE(TempDir::Run("cd '" + t.path() + "' && { head -c 1048576 big.bin; "
                       "tail -c +$(( " + std::to_string(size / 2) + " + 1 )) big.bin | head -c 1048576; "
                       "tail -c 1048576 big.bin; printf '%s' " + std::to_string(size) + "1700000000; } > sample") == 0);
  CHECK(*PluginFileHash(t / "big.bin") == Md5Cli(t / "sample"));
  CHECK(PluginFileHash(t / "missing").status().code() == bjlg::Status::Code::kIOError);
}

TEST_CASE("The plugin's manifest is validated like the plugin does", "[archive][plugin]") {
  const std::string ok = R"({"full_backup":{"file":"backup-full-x.zip"},"incremental_backups":[{}],
    "synthetic_full":[],"file_hashes":{"wp-content/plugins/a.php":"x","/abs/outside.php":"y"},
    "database_checksums":{},"last_scan":1700000000,"remote_purge_queue":[],"deleted_files":[],"version":"2.1"})";
  auto m = ParsePluginManifest(ok);
  REQUIRE(m.ok());
  CHECK(m->file_hashes.size() == 1);
  CHECK(m->ignored_keys == 1);
  CHECK(m->last_scan == 1700000000);
  CHECK(m->full_backup_file == "backup-full-x.zip");
  CHECK(m->incremental_count == 1);
  CHECK(ParsePluginManifest(R"({"full_backup":null,"incremental_backups":[],"synthetic_full":[],"file_hashes":[],
    "database_checksums":[],"remote_purge_queue":[],"deleted_files":[],"last_scan":null,"version":"2.1"})").ok());
  // last_scan is optional (found by fuzzing: reading it when absent was undefined behaviour).
  auto no_scan = ParsePluginManifest(R"({"full_backup":null,"incremental_backups":[],"synthetic_full":[],
    "file_hashes":{},"database_checksums":{},"remote_purge_queue":[],"deleted_files":[],"version":"2.1"})");
  REQUIRE(no_scan.ok());
  CHECK(no_scan->last_scan == 0);
  CHECK_FALSE(ParsePluginManifest(R"({"file_hashes":{},"version":"2.1"})").ok());
  CHECK_FALSE(ParsePluginManifest("not json").ok());
  CHECK(LooksLikePluginManifest(ok));
}

TEST_CASE("A bjlg incremental continues the plugin's chain from its manifest", "[archive][plugin]") {
  TempDir t;
  WriteFile(t / "plugins/a/same.php", "same");
  WriteFile(t / "plugins/a/edited.php", "edited since");
  WriteFile(t / "plugins/a/touched.php", "recent mtime");
  struct utimbuf old_times = {1600000000, 1600000000};
  utime((t / "plugins/a/same.php").c_str(), &old_times);
  utime((t / "plugins/a/edited.php").c_str(), &old_times);
  const std::string manifest = std::string(R"({"full_backup":{"file":"f.zip"},"incremental_backups":[],"synthetic_full":[],
    "file_hashes":{"wp-content/plugins/a/same.php":")") + Md5Cli(t / "plugins/a/same.php") +
    R"(","wp-content/plugins/a/edited.php":"00000000000000000000000000000000",
       "wp-content/plugins/a/touched.php":")" + Md5Cli(t / "plugins/a/touched.php") +
    R"(","wp-content/plugins/b/removed.php":"11111111111111111111111111111111"},
    "database_checksums":{},"last_scan":1650000000,"remote_purge_queue":[],"deleted_files":[],"version":"2.1"})";
  WriteFile(t / ".incremental-manifest.json", manifest);
  WriterOptions o;
  o.since = t / ".incremental-manifest.json";
  auto w = Writer::Create(t / "inc.zip", o);
  REQUIRE(w.ok());
  REQUIRE((*w)->AddDirectory(t / "plugins", "wp-content/plugins").ok());
  auto s = (*w)->Close();
  REQUIRE(s.ok());
  CHECK(s->type == "incremental");
  CHECK(s->unchanged == 1);  // same.php: old mtime, same MD5
  CHECK(s->files == 2);      // edited.php (hash differs), touched.php (modified after last scan)
  CHECK(s->deleted == 1);
  auto r = Reader::Open(t / "inc.zip");
  REQUIRE(r.ok());
  CHECK(*(*r)->DeletedFiles() == std::vector<std::string>{"wp-content/plugins/b/removed.php"});
  auto index = ParseIndex(*(*r)->ReadAll("backup-index.json", 1 << 20));
  REQUIRE(index.ok());
  CHECK(index->size() == 3);
  CHECK(index->at("wp-content/plugins/a/same.php").sha256.size() == 64);
  std::string out;
  CHECK(PythonList(t / "inc.zip", &out) == 0);
}
