// The watcher's events are enough for an incremental: an archive built from them alone (changed
// files added, vanished paths recorded with AddDeletion, new folders scanned) holds exactly what
// an incremental built by a full scan against the previous backup holds.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "../archive/test_util.h"
#include "archive/path_rules.h"
#include "archive/reader.h"
#include "archive/writer.h"
#include "watch/watcher.h"

using namespace bjlg::archive;
using bjlg::archive::testing::TempDir;
using bjlg::archive::testing::WriteFile;
using bjlg::watch::WatchEvent;

namespace {

std::set<std::string> Entries(const std::string& zip) {
  auto r = Reader::Open(zip);
  REQUIRE(r.ok());
  std::set<std::string> n;
  for (const EntryInfo& e : (*r)->Entries()) {
    if (e.name != kManifestName && e.name != kIndexName) n.insert(e.name);
  }
  return n;
}

std::vector<std::string> Deleted(const std::string& zip) {
  auto r = Reader::Open(zip);
  REQUIRE(r.ok());
  auto d = (*r)->DeletedFiles();
  REQUIRE(d.ok());
  std::vector<std::string> v = *d;
  std::sort(v.begin(), v.end());
  return v;
}

bool IsUnderAny(const std::string& p, const std::set<std::string>& roots) {
  for (const std::string& r : roots) {
    if (r != p && IsUnder(p, r)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("An incremental from the watcher's events equals one from a full scan", "[watch][incremental]") {
  TempDir t;
  const std::string site = t / "site";
  // 5,000 files: 5 plugins, and uploads in 50 folders.
  for (int i = 0; i < 50; ++i) WriteFile(site + "/wp-content/plugins/p" + std::to_string(i % 5) + "/f" + std::to_string(i) + ".php", "v1 " + std::to_string(i));
  for (int i = 0; i < 4950; ++i) {
    WriteFile(site + "/wp-content/uploads/2025/m" + std::to_string(i % 50) + "/u" + std::to_string(i) + ".jpg", "u" + std::to_string(i));
  }
  WriteFile(site + "/wp-content/uploads/2026/a.jpg", "jpeg");
  WriteFile(site + "/wp-content/uploads/2026/gone.jpg", "bye");
  WriteFile(site + "/wp-content/themes/t/style.css", "css");
  WriteFile(t / "outside/pkg/inner/x.php", "x");
  {
    auto w = Writer::Create(t / "full.zip", WriterOptions());
    REQUIRE(w.ok());
    REQUIRE((*w)->AddDirectory(site, "").ok());
    REQUIRE((*w)->Close().ok());
  }
  auto watcher = bjlg::watch::Watcher::Create({{site, ""}}, {});
  REQUIRE(watcher.ok());

  // Edits, a burst, a move across folders, a folder renamed, one moved in, deletions.
  WriteFile(site + "/wp-content/plugins/p1/f1.php", "v2 changed");
  for (int i = 0; i < 100; ++i) WriteFile(site + "/wp-content/plugins/p2/f2.php", "burst " + std::to_string(i));
  REQUIRE(rename((site + "/wp-content/uploads/2026/a.jpg").c_str(), (site + "/wp-content/themes/t/a.jpg").c_str()) == 0);
  REQUIRE(rename((site + "/wp-content/plugins/p3").c_str(), (site + "/wp-content/plugins/p3-renamed").c_str()) == 0);
  REQUIRE(rename((t / "outside/pkg").c_str(), (site + "/wp-content/plugins/pkg").c_str()) == 0);
  REQUIRE(unlink((site + "/wp-content/uploads/2026/gone.jpg").c_str()) == 0);
  TempDir::Run("rm -rf '" + site + "/wp-content/plugins/p4'");
  WriteFile(site + "/wp-content/uploads/2026/12/new.jpg", "new");
  WriteFile(site + "/wp-content/uploads/2025/m7/u7.jpg", "rewritten");
  TempDir::Run("rm -rf '" + site + "/wp-content/uploads/2025/m9'");
  REQUIRE(rename((site + "/wp-content/uploads/2025/m8").c_str(), (site + "/wp-content/uploads/2026/m8").c_str()) == 0);

  std::set<std::string> touched;
  for (;;) {
    auto ev = (*watcher)->Wait(300);
    REQUIRE(ev.ok());
    if (ev->empty()) break;
    for (const WatchEvent& e : *ev) {
      touched.insert(e.path);
      if (e.type == "moved") touched.insert(e.from);
    }
  }

  // From the events, as `bjlg watch` does it.
  {
    WriterOptions o;
    o.since = t / "full.zip";
    auto w = Writer::Create(t / "from-events.zip", o);
    REQUIRE(w.ok());
    for (const std::string& p : touched) {
      if (IsUnderAny(p, touched)) continue;  // its folder is taken whole
      const std::string abs = site + "/" + p;
      struct stat st;
      if (lstat(abs.c_str(), &st) != 0) {
        REQUIRE((*w)->AddDeletion(p).ok());
      } else if (S_ISDIR(st.st_mode)) {
        REQUIRE((*w)->AddDirectory(abs, p).ok());
      } else {
        REQUIRE((*w)->AddFile(abs, p).ok());
      }
    }
    REQUIRE((*w)->Close().ok());
  }
  // From a full scan of the site against the same full backup.
  {
    WriterOptions o;
    o.since = t / "full.zip";
    auto w = Writer::Create(t / "from-scan.zip", o);
    REQUIRE(w.ok());
    REQUIRE((*w)->AddDirectory(site, "").ok());
    REQUIRE((*w)->Close().ok());
  }
  const std::set<std::string> events = Entries(t / "from-events.zip");
  CHECK(events == Entries(t / "from-scan.zip"));
  CHECK(Deleted(t / "from-events.zip") == Deleted(t / "from-scan.zip"));
  CHECK(events.count("wp-content/plugins/pkg/inner/x.php") == 1);
  CHECK(events.count("wp-content/plugins/p2/f2.php") == 1);
  CHECK(events.count("wp-content/plugins/p0/f0.php") == 0);
  std::vector<std::string> deleted = Deleted(t / "from-events.zip");
  CHECK(std::count(deleted.begin(), deleted.end(), "wp-content/uploads/2026/gone.jpg") == 1);
}

TEST_CASE("Writer::AddDeletion is for incrementals only and takes entry names", "[watch][incremental]") {
  TempDir t;
  WriteFile(t / "site/a.txt", "a");
  auto full = Writer::Create(t / "full.zip", WriterOptions());
  REQUIRE(full.ok());
  CHECK_FALSE((*full)->AddDeletion("a.txt").ok());
  REQUIRE((*full)->AddDirectory(t / "site", "").ok());
  REQUIRE((*full)->Close().ok());
  WriterOptions o;
  o.since = t / "full.zip";
  auto inc = Writer::Create(t / "inc.zip", o);
  REQUIRE(inc.ok());
  CHECK_FALSE((*inc)->AddDeletion("../a.txt").ok());
  REQUIRE((*inc)->AddDeletion("never-backed-up.txt").ok());  // nothing to list
  REQUIRE((*inc)->AddDeletion("a.txt").ok());
  auto s = (*inc)->Close();
  REQUIRE(s.ok());
  CHECK(s->deleted == 1);
}
