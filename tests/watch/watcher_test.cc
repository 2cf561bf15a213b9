// The watcher on real temporary trees: bursts, moves across folders, a folder moved in from
// outside, deletions, excluded folders, a lost-events overflow, and the scan mode.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "../archive/test_util.h"
#include "watch/watcher.h"

using bjlg::archive::testing::TempDir;
using bjlg::archive::testing::WriteFile;
using namespace bjlg::watch;

namespace {

std::unique_ptr<Watcher> Start(const TempDir& t, bool scan = false) {
  WatcherOptions o;
  o.scan = scan;
  auto w = Watcher::Create({{t / "site", ""}}, o);
  INFO(w.status().ToString());
  REQUIRE(w.ok());
  return std::move(*w);
}

// Collects events until `quiet_ms` pass without any.
std::vector<WatchEvent> Drain(Watcher& w, int quiet_ms = 200) {
  std::vector<WatchEvent> all;
  for (;;) {
    auto got = w.Wait(quiet_ms);
    REQUIRE(got.ok());
    if (got->empty()) return all;
    for (auto& e : *got) all.push_back(std::move(e));
  }
}

std::set<std::string> Of(const std::vector<WatchEvent>& events, const std::string& type) {
  std::set<std::string> s;
  for (const auto& e : events) {
    if (e.type == type) s.insert(e.type == "moved" ? e.from + " -> " + e.path : e.path);
  }
  return s;
}

}  // namespace

TEST_CASE("Watcher reports a burst of writes once per file", "[watch][watcher]") {
  TempDir t;
  WriteFile(t / "site/wp-content/uploads/keep.txt", "x");
  auto w = Start(t);
  CHECK(std::string(w->mode()) == "inotify");
  for (int i = 0; i < 200; ++i) WriteFile(t / ("site/wp-content/uploads/f" + std::to_string(i % 20) + ".txt"), std::to_string(i));
  auto ev = Drain(*w);
  CHECK(Of(ev, "created").size() == 20);
  std::set<std::string> touched = Of(ev, "modified");
  CHECK(touched.count("wp-content/uploads/f7.txt") == 1);
  CHECK(touched.count("wp-content/uploads/keep.txt") == 0);
}

TEST_CASE("Watcher follows moves across folders and new folders", "[watch][watcher]") {
  TempDir t;
  WriteFile(t / "site/wp-content/plugins/a/one.php", "1");
  mkdir((t / "site/wp-content/themes").c_str(), 0755);
  auto w = Start(t);
  REQUIRE(rename((t / "site/wp-content/plugins/a/one.php").c_str(), (t / "site/wp-content/themes/one.php").c_str()) == 0);
  auto ev = Drain(*w);
  CHECK(Of(ev, "moved").count("wp-content/plugins/a -> wp-content/themes") == 0);
  CHECK(Of(ev, "moved").count("wp-content/plugins/a/one.php -> wp-content/themes/one.php") == 1);

  // A folder renamed keeps being watched under its new name.
  REQUIRE(rename((t / "site/wp-content/plugins/a").c_str(), (t / "site/wp-content/plugins/b").c_str()) == 0);
  ev = Drain(*w);
  CHECK(Of(ev, "moved").count("wp-content/plugins/a -> wp-content/plugins/b") == 1);
  WriteFile(t / "site/wp-content/plugins/b/two.php", "2");
  ev = Drain(*w);
  CHECK(Of(ev, "created").count("wp-content/plugins/b/two.php") == 1);

  // A folder created with content at once (mkdir -p then files): its files are reported.
  TempDir::Run("mkdir -p '" + t.path() + "/site/wp-content/uploads/2026/12' && echo hi > '" + t.path() +
               "/site/wp-content/uploads/2026/12/a.jpg'");
  ev = Drain(*w);
  CHECK(Of(ev, "created").count("wp-content/uploads/2026/12/a.jpg") == 1);
}

TEST_CASE("Watcher: a folder moved in from outside is created with its files; moved out is deleted", "[watch][watcher]") {
  TempDir t;
  mkdir((t / "site").c_str(), 0755);
  WriteFile(t / "outside/pkg/inner/x.php", "x");
  WriteFile(t / "outside/pkg/y.php", "y");
  auto w = Start(t);
  REQUIRE(rename((t / "outside/pkg").c_str(), (t / "site/pkg").c_str()) == 0);
  auto ev = Drain(*w);
  std::set<std::string> created = Of(ev, "created");
  CHECK(created.count("pkg/inner/x.php") == 1);
  CHECK(created.count("pkg/y.php") == 1);
  WriteFile(t / "site/pkg/inner/z.php", "z");  // its subfolders are watched
  ev = Drain(*w);
  CHECK(Of(ev, "created").count("pkg/inner/z.php") == 1);
  REQUIRE(rename((t / "site/pkg").c_str(), (t / "outside/back").c_str()) == 0);
  ev = Drain(*w);
  CHECK(Of(ev, "deleted").count("pkg") == 1);
  WriteFile(t / "outside/back/inner/after.php", "a");  // no longer ours
  ev = Drain(*w);
  CHECK(ev.empty());
}

TEST_CASE("Watcher reports deletions and skips excluded folders", "[watch][watcher]") {
  TempDir t;
  WriteFile(t / "site/wp-content/uploads/a.txt", "a");
  WriteFile(t / "site/wp-content/cache/page.html", "c");
  auto w = Start(t);
  unlink((t / "site/wp-content/uploads/a.txt").c_str());
  WriteFile(t / "site/wp-content/cache/page2.html", "c");
  WriteFile(t / "site/wp-content/cache/page.html", "changed");
  auto ev = Drain(*w);
  CHECK(Of(ev, "deleted") == std::set<std::string>{"wp-content/uploads/a.txt"});
  for (const auto& e : ev) CHECK(e.path.find("cache") == std::string::npos);
}

TEST_CASE("Watcher turns lost events into a rescan, never a silent loss", "[watch][watcher]") {
  TempDir t;
  WriteFile(t / "site/a.txt", "a");
  auto w = Start(t);
  // The kernel's overflow event as the read loop would hand it over.
  w->Handle(-1, IN_Q_OVERFLOW, 0, "");
  // A folder created while events were lost is watched after the rescan.
  TempDir::Run("mkdir -p '" + t.path() + "/site/lost'");
  w->Handle(-1, IN_Q_OVERFLOW, 0, "");
  auto ev = Drain(*w);
  REQUIRE(Of(ev, "rescan").count("") == 1);
  bool reasoned = false;
  for (const auto& e : ev) reasoned |= e.type == "rescan" && e.reason.find("IN_Q_OVERFLOW") != std::string::npos;
  CHECK(reasoned);
  WriteFile(t / "site/lost/new.txt", "n");
  ev = Drain(*w);
  CHECK(Of(ev, "created").count("lost/new.txt") == 1);
}

TEST_CASE("Watcher overflow provoked for real by not reading", "[watch][watcher][slow]") {
  TempDir t;
  mkdir((t / "site").c_str(), 0755);
  std::ifstream q("/proc/sys/fs/inotify/max_queued_events");
  long max_queued = 0;
  q >> max_queued;
  if (max_queued <= 0 || max_queued > 40000) {
    WARN("max_queued_events is " << max_queued << ": overflow not provoked for real");
    return;
  }
  auto w = Start(t);
  // Each create+modify+close is 3 events: enough files to overflow the queue without reading.
  TempDir::Run("cd '" + t.path() + "/site' && for i in $(seq 1 " + std::to_string(max_queued / 2 + 100) +
               "); do echo $i > f$i; done");
  auto ev = Drain(*w);
  CHECK(Of(ev, "rescan").count("") == 1);
}

TEST_CASE("Watcher scan mode finds creations, changes and deletions", "[watch][watcher]") {
  TempDir t;
  WriteFile(t / "site/a.txt", "a");
  WriteFile(t / "site/b.txt", "b");
  auto w = Start(t, true);
  CHECK(std::string(w->mode()) == "scan");
  CHECK_FALSE(w->warning().empty());
  WriteFile(t / "site/a.txt", "changed size");
  unlink((t / "site/b.txt").c_str());
  WriteFile(t / "site/d/c.txt", "c");
  auto ev = w->Wait(10);
  REQUIRE(ev.ok());
  CHECK(Of(*ev, "modified") == std::set<std::string>{"a.txt"});
  CHECK(Of(*ev, "deleted") == std::set<std::string>{"b.txt"});
  CHECK(Of(*ev, "created") == std::set<std::string>{"d/c.txt"});
  ev = w->Wait(10);
  CHECK(ev->empty());
}

TEST_CASE("Watcher scan mode with hash sees content changed with size and mtime kept", "[watch][watcher]") {
  for (bool hash : {false, true}) {
    TempDir t;
    WriteFile(t / "site/a.txt", "before");
    WatcherOptions o;
    o.scan = true;
    o.hash = hash;
    auto w = Watcher::Create({{t / "site", ""}}, o);
    REQUIRE(w.ok());
    struct stat st;
    REQUIRE(stat((t / "site/a.txt").c_str(), &st) == 0);
    WriteFile(t / "site/a.txt", "after!");  // same size, same inode
    const timespec times[2] = {st.st_atim, st.st_mtim};
    REQUIRE(utimensat(AT_FDCWD, (t / "site/a.txt").c_str(), times, 0) == 0);  // as a sync keeping times would
    auto ev = (*w)->Wait(10);
    REQUIRE(ev.ok());
    INFO("hash " << hash);
    CHECK(Of(*ev, "modified") == (hash ? std::set<std::string>{"a.txt"} : std::set<std::string>{}));
    ev = (*w)->Wait(10);
    CHECK(ev->empty());
  }
}

TEST_CASE("Watcher refuses bad roots and timeouts", "[watch][watcher]") {
  TempDir t;
  CHECK_FALSE(Watcher::Create({}, {}).ok());
  CHECK_FALSE(Watcher::Create({{"relative", ""}}, {}).ok());
  CHECK_FALSE(Watcher::Create({{t / "missing", ""}}, {}).ok());
  WriteFile(t / "file", "x");
  CHECK_FALSE(Watcher::Create({{t / "file", ""}}, {}).ok());
  CHECK_FALSE(Watcher::Create({{t.path(), "../x"}}, {}).ok());
  auto w = Watcher::Create({{t.path(), ""}}, {});
  REQUIRE(w.ok());
  CHECK_FALSE((*w)->Wait(-1).ok());
}

TEST_CASE("Watcher: the watch limit reached becomes a rescan, a warning and scan mode", "[watch][watcher]") {
  TempDir t;
  for (int i = 0; i < 5; ++i) WriteFile(t / ("site/d" + std::to_string(i) + "/f.txt"), "x");
  WatcherOptions o;
  o.max_watches = 8;
  auto w = Watcher::Create({{t / "site", ""}}, o);
  REQUIRE(w.ok());
  CHECK(std::string((*w)->mode()) == "inotify");
  // Folders appear until the budget is used up: the watcher says so and keeps working by scans.
  for (int i = 5; i < 12; ++i) WriteFile(t / ("site/d" + std::to_string(i) + "/f.txt"), "x");
  auto ev = (*w)->Wait(200);
  REQUIRE(ev.ok());
  CHECK(std::string((*w)->mode()) == "scan");
  CHECK_THAT((*w)->warning(), Catch::Contains("max_watches = 8"));
  CHECK(Of(*ev, "rescan").count("") == 1);
  WriteFile(t / "site/d11/g.txt", "after the switch");
  unlink((t / "site/d0/f.txt").c_str());
  auto later = (*w)->Wait(10);
  REQUIRE(later.ok());
  CHECK(Of(*later, "created").count("d11/g.txt") == 1);
  CHECK(Of(*later, "deleted").count("d0/f.txt") == 1);
}
