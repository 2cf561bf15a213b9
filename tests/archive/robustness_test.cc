// How the Writer behaves when the environment misbehaves: files that cannot be read, vanish or
// change while read, a full disk, a folder it may not write, strange names, huge trees,
// cancellation. Whatever happens, no half-written archive is left that looks like a backup.
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/resource.h>
#include <utime.h>

#include <catch2/catch.hpp>

#include "archive/reader.h"
#include "archive/writer.h"
#include "test_util.h"

using namespace bjlg::archive;
using namespace bjlg::archive::testing;
using bjlg::Progress;
using bjlg::Status;

namespace {

std::unique_ptr<Writer> Make(const std::string& path, WriterOptions options = {}) {
  auto w = Writer::Create(path, std::move(options));
  INFO(w.status().ToString());
  REQUIRE(w.ok());
  return std::move(*w);
}

std::vector<std::string> PythonNames(const std::string& zip) {
  std::string out;
  const int rc = PythonList(zip, &out);
  INFO(out);
  REQUIRE(rc == 0);
  std::vector<std::string> names;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) names.push_back(line.substr(0, line.find('\t')));
  std::string ext;
  const int ext_rc = ExternalTest(zip, &ext);
  INFO(ext);
  REQUIRE(ext_rc == 0);
  return names;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string ReasonFor(const Summary& s, const std::string& path_end) {
  for (const Skipped& k : s.skipped) {
    if (k.path.size() >= path_end.size() &&
        k.path.compare(k.path.size() - path_end.size(), path_end.size(), path_end) == 0) {
      return k.reason;
    }
  }
  return "";
}

// Files in `dir` (hidden ones included).
int CountEntries(const std::string& dir) {
  std::string out;
  Capture("ls -A '" + dir + "' | wc -l", &out);
  return std::stoi(out);
}

}  // namespace

TEST_CASE("Unreadable files and folders are skipped with their reason", "[archive][robust]") {
  TempDir t;
  WriteFile(t / "src/ok.txt", "fine");
  WriteFile(t / "src/secret.txt", "no");
  WriteFile(t / "src/closed/inside.txt", "no");
  chmod((t / "src/secret.txt").c_str(), 0);
  chmod((t / "src/closed").c_str(), 0);
  chmod(t.path().c_str(), 0777);
  mkdir((t / "out").c_str(), 0777);
  chmod((t / "out").c_str(), 0777);
  // Root reads everything: the writer runs as nobody when the test runs as root.
  const int rc = InChild([&] {
    auto w = Writer::Create(t / "out/a.zip", {});
    if (!w.ok()) return 10;
    if (!(*w)->AddDirectory(t / "src", "").ok()) return 11;
    auto s = (*w)->Close();
    if (!s.ok()) return 12;
    if (ReasonFor(*s, "/secret.txt").find("unreadable") != 0) return 13;
    if (ReasonFor(*s, "/closed").find("unreadable directory") != 0) return 14;
    if (s->files != 1) return 15;
    return 0;
  }, true);
  REQUIRE(rc == 0);
  auto names = PythonNames(t / "out/a.zip");
  CHECK(Has(names, "ok.txt"));
  CHECK_FALSE(Has(names, "secret.txt"));
}

TEST_CASE("A destination that cannot be written fails before any work, leaving nothing", "[archive][robust]") {
  TempDir t;
  CHECK(Writer::Create(t / "missing/a.zip", {}).status().code() == Status::Code::kNotFound);
  WriteFile(t / "file", "x");
  CHECK(Writer::Create(t / "file/a.zip", {}).status().code() != Status::Code::kOk);
  mkdir((t / "adir").c_str(), 0755);
  CHECK(Writer::Create(t / "adir", {}).status().code() == Status::Code::kInvalidArgument);
  mkdir((t / "ro").c_str(), 0555);
  chmod(t.path().c_str(), 0777);
  const int rc = InChild([&] {
    auto w = Writer::Create(t / "ro/a.zip", {});
    return w.status().code() == Status::Code::kIOError ? 0 : 1;
  }, true);
  CHECK(rc == 0);
  CHECK(CountEntries(t / "ro") == 0);
}

TEST_CASE("A full disk fails the archive with an I/O error and removes the partial file", "[archive][robust]") {
  TempDir t;
  WriteFile(t / "src/noise.bin", RandomBytes(3 << 20, 1));
  mkdir((t / "out").c_str(), 0755);
  const int rc = InChild([&] {
    signal(SIGXFSZ, SIG_IGN);  // writes past the limit fail with EFBIG instead of killing us
    struct rlimit lim = {1 << 20, 1 << 20};
    setrlimit(RLIMIT_FSIZE, &lim);
    auto w = Writer::Create(t / "out/a.zip", {});
    if (!w.ok()) return 10;
    Status s = (*w)->AddDirectory(t / "src", "");
    if (s.ok()) {
      auto c = (*w)->Close();
      s = c.ok() ? Status::OK() : c.status();
    }
    if (s.code() != Status::Code::kIOError) return 11;
    if (s.message().find("File too large") == std::string::npos) return 12;
    // Later calls report the same failure.
    if ((*w)->AddFromString("x", "y").code() != Status::Code::kIOError) return 13;
    return 0;
  }, false);
  CHECK(rc == 0);
  CHECK(CountEntries(t / "out") == 0);
}

TEST_CASE("A file vanishing before it is read is skipped; a file changing while read is dropped", "[archive][robust]") {
  TempDir t;
  for (int i = 0; i < 8; ++i) WriteFile(t / ("src/a" + std::to_string(i) + ".bin"), RandomBytes(600000, i));
  WriteFile(t / "src/m-growing.txt", SourceLike(2 << 20, 5));
  WriteFile(t / "src/z-vanishing.txt", "soon gone");
  WriterOptions o;
  o.threads = 1;
  o.chunk_size = 64 * 1024;
  o.progress_interval = 0;  // a report after every written piece: deterministic timing
  auto w = Make(t / "a.zip", o);
  int calls = 0;
  w->set_progress([&](const Progress& p) {
    ++calls;
    unlink((t / "src/z-vanishing.txt").c_str());
    // a7.bin is written while m-growing.txt (32 chunks) is being read.
    if (p.current == "a7.bin") {
      std::ofstream grow(t / "src/m-growing.txt", std::ios::app);
      grow << "appended while the backup reads me\n";
    }
    return true;
  });
  REQUIRE(w->AddDirectory(t / "src", "").ok());
  auto s = w->Close();
  REQUIRE(s.ok());
  CHECK(calls > 2);
  CHECK(ReasonFor(*s, "/z-vanishing.txt") == "vanished before reading");
  CHECK(ReasonFor(*s, "/m-growing.txt") == "changed while reading");
  auto names = PythonNames(t / "a.zip");
  CHECK_FALSE(Has(names, "m-growing.txt"));
  CHECK_FALSE(Has(names, "z-vanishing.txt"));
  CHECK(Has(names, "a7.bin"));
  CHECK(s->files == 8);
}

TEST_CASE("Returning false from the progress callback cancels and leaves nothing", "[archive][robust]") {
  TempDir t;
  for (int i = 0; i < 20; ++i) WriteFile(t / ("src/f" + std::to_string(i)), RandomBytes(200000, i));
  mkdir((t / "out").c_str(), 0755);
  auto w = Make(t / "out/a.zip");
  w->set_progress([](const Progress&) { return false; });
  Status s = w->AddDirectory(t / "src", "");
  CHECK(s.code() == Status::Code::kCancelled);
  CHECK(w->Close().status().code() == Status::Code::kCancelled);
  CHECK(CountEntries(t / "out") == 0);
}

TEST_CASE("Destroying an unclosed writer removes its temporary file", "[archive][robust]") {
  TempDir t;
  {
    auto w = Make(t / "a.zip");
    REQUIRE(w->AddFromString("x.txt", "x").ok());
    CHECK(CountEntries(t.path()) == 1);  // the hidden partial file, no a.zip (never closed:
                                         // there is no archive for a reader to check)
    CHECK_FALSE(Exists(t / "a.zip"));
  }
  CHECK(CountEntries(t.path()) == 0);
}

TEST_CASE("The archive never contains itself, even inside the folder it backs up", "[archive][robust]") {
  TempDir t;
  WriteFile(t / "a.txt", "a");
  WriteFile(t / "old.zip", "an older archive at the target name");
  auto w = Make(t / "old.zip");
  REQUIRE(w->AddDirectory(t.path(), "").ok());
  auto s = w->Close();
  REQUIRE(s.ok());
  auto names = PythonNames(t / "old.zip");
  CHECK(Has(names, "a.txt"));
  for (const std::string& n : names) CHECK(n.find("zip") == std::string::npos);
  CHECK(s->skipped.empty());
}

TEST_CASE("Symlinks are skipped by default and followed inside the allowed roots on request", "[archive][robust]") {
  TempDir t;
  WriteFile(t / "src/real/file.txt", "real");
  WriteFile(t / "outside/secret.txt", "secret");
  symlink((t / "src/real").c_str(), (t / "src/link-in").c_str());
  symlink((t / "outside").c_str(), (t / "src/link-out").c_str());
  symlink((t / "src").c_str(), (t / "src/real/loop").c_str());
  {
    auto w = Make(t / "a.zip");
    REQUIRE(w->AddDirectory(t / "src", "").ok());
    auto s = w->Close();
    REQUIRE(s.ok());
    CHECK(ReasonFor(*s, "/link-in") == "symbolic link");
    CHECK(ReasonFor(*s, "/link-out") == "symbolic link");
    auto names = PythonNames(t / "a.zip");
    CHECK(Has(names, "real/file.txt"));
    CHECK_FALSE(Has(names, "link-in/file.txt"));
  }
  {
    WriterOptions o;
    o.follow_symlinks = true;
    auto w = Make(t / "b.zip", o);
    REQUIRE(w->AddDirectory(t / "src", "").ok());
    auto s = w->Close();
    REQUIRE(s.ok());
    CHECK(ReasonFor(*s, "/link-out").find("outside the allowed roots") != std::string::npos);
    CHECK(ReasonFor(*s, "/real/loop") == "symbolic link loop");
    auto names = PythonNames(t / "b.zip");
    CHECK(Has(names, "link-in/file.txt"));
    CHECK(Has(names, "real/file.txt"));
    CHECK_FALSE(Has(names, "link-out/secret.txt"));
  }
}

TEST_CASE("Names that are not UTF-8 are skipped; long and non-ASCII names are kept", "[archive][robust]") {
  TempDir t;
  WriteFile(t / "src/bad\xff\xfe.txt", "latin-1 name");
  WriteFile(t / "src/caf\xc3\xa9-\xe6\x97\xa5\xe6\x9c\xac.txt", "utf-8 name");
  std::string deep = "src";
  for (int i = 0; i < 30; ++i) deep += "/" + std::string(100, static_cast<char>('a' + i % 26));
  WriteFile(t / (deep + "/leaf.txt"), "deep");
  auto w = Make(t / "a.zip");
  REQUIRE(w->AddDirectory(t / "src", "wp-content/uploads").ok());
  auto s = w->Close();
  REQUIRE(s.ok());
  CHECK(ReasonFor(*s, "/bad\xff\xfe.txt") == "name is not valid UTF-8");
  auto names = PythonNames(t / "a.zip");
  CHECK(Has(names, "wp-content/uploads/caf\xc3\xa9-\xe6\x97\xa5\xe6\x9c\xac.txt"));
  const std::string long_name = "wp-content/uploads" + deep.substr(3) + "/leaf.txt";
  CHECK(long_name.size() > 3000);
  CHECK(Has(names, long_name));
}

TEST_CASE("100,000 small and empty files make a Zip64 archive every reader opens", "[archive][robust][many]") {
  TempDir t;
  // Created by a shell loop in one process: much faster than 100,000 ofstreams.
  REQUIRE(TempDir::Run("cd '" + t.path() + "' && mkdir src && cd src && "
                       "for d in $(seq 0 99); do mkdir d$d; done && "
                       "python3 -c \"import os\n"
                       "for i in range(100000):\n"
                       "    open(f'd{i % 100}/f{i}.txt', 'w').write('' if i % 10 == 0 else f'file {i}\\n')\"") == 0);
  auto w = Make(t / "many.zip");
  REQUIRE(w->AddDirectory(t / "src", "wp-content/uploads").ok());
  auto s = w->Close();
  REQUIRE(s.ok());
  CHECK(s->files == 100000);
  CHECK(s->entries == 100002);
  std::string out;
  CHECK(Capture("python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
                "assert len(z.infolist())==100002; assert z.testzip() is None; print('ok')\" '" +
                t / "many.zip" + "'", &out) == 0);
  INFO(out);
  CHECK(Capture("unzip -tqq '" + t / "many.zip" + "'", &out) == 0);
}

TEST_CASE("A writer killed by a signal leaves only a hidden partial file, swept by the next one", "[archive][robust]") {
  TempDir t;
  WriteFile(t / "src/a.bin", RandomBytes(1 << 20, 3));
  mkdir((t / "out").c_str(), 0755);
  const int rc = KillWhileWriting(t / "out/backup-full.zip", {}, t / "src");
  CHECK(rc == 128 + SIGKILL);
  std::string listing;
  Capture("ls -A '" + t / "out" + "'", &listing);
  INFO(listing);
  CHECK(listing.rfind(".bjlg-partial-", 0) == 0);    // hidden, and nothing named like a backup
  CHECK(listing.find(".zip") == std::string::npos);
  const std::string partial = t / ("out/" + listing.substr(0, listing.find('\n')));

  // A recent partial may belong to a live writer elsewhere: kept.
  auto w1 = Writer::Create(t / "out/other.zip", {});
  REQUIRE(w1.ok());
  (*w1)->Abort();
  CHECK(Exists(partial));
  // One older than a minute whose lock is free is swept by the next writer.
  struct utimbuf old = {time(nullptr) - 3600, time(nullptr) - 3600};
  utime(partial.c_str(), &old);
  auto w2 = Writer::Create(t / "out/other.zip", {});
  REQUIRE(w2.ok());
  CHECK_FALSE(Exists(partial));
  (*w2)->Abort();
  CHECK(CountEntries(t / "out") == 0);
}

TEST_CASE("The sweep never removes the partial file of a writer that is still alive", "[archive][robust]") {
  TempDir t;
  auto live = Writer::Create(t / "a.zip", {});
  REQUIRE(live.ok());
  REQUIRE((*live)->AddFromString("x.txt", "x").ok());
  std::string listing;
  Capture("ls -A '" + t.path() + "'", &listing);
  const std::string partial = t / listing.substr(0, listing.find('\n'));
  struct utimbuf old = {time(nullptr) - 3600, time(nullptr) - 3600};
  utime(partial.c_str(), &old);  // old, but locked by its live owner
  auto other = Writer::Create(t / "b.zip", {});
  REQUIRE(other.ok());
  CHECK(Exists(partial));
  REQUIRE((*live)->Close().ok());
  REQUIRE((*other)->Close().ok());
  CHECK(PythonNames(t / "a.zip") == std::vector<std::string>{"backup-manifest.json", "x.txt", "backup-index.json"});
}
