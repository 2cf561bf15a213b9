// The Reader's refusal rules, each with an archive crafted to break it (written by Python's
// zipfile in tests/archive/zipcheck.py), and the names it must keep accepting.
#include "archive/reader.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "archive/writer.h"
#include "test_util.h"

using namespace bjlg::archive;
using namespace bjlg::archive::testing;
using bjlg::Status;

namespace {

std::string Craft(const TempDir& t, const std::string& kind) {
  const std::string out = t / (kind + ".zip");
  std::string log;
  const int rc = Capture("python3 '" + SourceDir() + "/tests/archive/zipcheck.py' craft " + kind +
                         " '" + out + "'", &log);
  INFO(log);
  REQUIRE(rc == 0);
  return out;
}

std::unique_ptr<Reader> Open(const std::string& path) {
  auto r = Reader::Open(path);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return std::move(*r);
}

}  // namespace

TEST_CASE("Extraction refuses traversal, absolute names and drive letters before writing anything", "[archive][reader]") {
  TempDir t;
  for (const char* kind : {"dotdot", "absolute", "drive", "backslash", "nested-dotdot"}) {
    INFO(kind);
    auto r = Open(Craft(t, kind));
    const std::string dest = t / (std::string("out-") + kind);
    auto result = r->ExtractTo(dest, {});
    CHECK(result.status().code() == Status::Code::kCorruption);
    CHECK(result.status().message().find("unsafe entry name") == 0);
    CHECK_FALSE(Exists(dest + "/ok.txt"));  // nothing extracted, not even the good entry
    CHECK_FALSE(Exists(t / "evil.txt"));
  }
  CHECK_FALSE(Exists("/etc/evil.txt"));
}

TEST_CASE("Names with dots inside a component are extracted", "[archive][reader]") {
  TempDir t;
  auto r = Open(Craft(t, "fine-dots"));
  auto result = r->ExtractTo(t / "out", {});
  INFO(result.status().ToString());
  REQUIRE(result.ok());
  CHECK(ReadFile(t / "out/wp-content/plugins/a..b.txt") == "payload\n");
  CHECK(result->files == 2);
}

TEST_CASE("Symlink entries are refused, to extract and to read", "[archive][reader]") {
  TempDir t;
  auto r = Open(Craft(t, "symlink"));
  CHECK(r->Entries()[0].is_symlink);
  CHECK(r->ExtractTo(t / "out", {}).status().message().find("symbolic link") != std::string::npos);
  CHECK(r->OpenEntry("wp-content/uploads/link", 1 << 20).status().code() == Status::Code::kCorruption);
  CHECK_FALSE(Exists(t / "out/wp-content"));
}

TEST_CASE("Zip bombs are refused by ratio, entry size and total size", "[archive][reader]") {
  TempDir t;
  auto bomb = Open(Craft(t, "bomb"));
  ExtractOptions o;
  o.max_ratio = 100;
  CHECK(bomb->ExtractTo(t / "a", o).status().message().find("zip bomb") != std::string::npos);
  CHECK(bomb->ExtractTo(t / "b", {}).ok());  // 20 MiB of zeros: ~1000:1 is deflate's best

  auto big = Open(Craft(t, "big"));
  o = ExtractOptions();
  o.max_entry_size = 1 << 20;
  CHECK(big->ExtractTo(t / "c", o).status().message().find("over the limit") != std::string::npos);
  o = ExtractOptions();
  o.max_total_size = 5 << 20;
  CHECK(big->ExtractTo(t / "d", o).status().message().find("in total") != std::string::npos);
  o = ExtractOptions();
  o.max_entries = 1;
  CHECK(big->ExtractTo(t / "e", o).status().code() == Status::Code::kCorruption);
  CHECK_FALSE(Exists(t / "c/a.bin"));
}

TEST_CASE("A CRC mismatch or data longer than declared is corruption, and the file is removed", "[archive][reader]") {
  TempDir t;
  auto crc = Open(Craft(t, "crc"));
  auto r1 = crc->ExtractTo(t / "a", {});
  CHECK(r1.status().code() == Status::Code::kCorruption);
  CHECK(r1.status().message().find("CRC") != std::string::npos);
  CHECK_FALSE(Exists(t / "a/data.bin"));
  CHECK(crc->VerifyAll().code() == Status::Code::kCorruption);

  auto longer = Reader::Open(Craft(t, "longer"));
  if (longer.ok()) {  // libzip may already refuse it at open
    auto r2 = (*longer)->ExtractTo(t / "b", {});
    CHECK(r2.status().code() == Status::Code::kCorruption);
    CHECK_FALSE(Exists(t / "b/data.bin"));
  } else {
    CHECK(longer.status().code() == Status::Code::kCorruption);
  }
}

TEST_CASE("Extraction never writes through a symlink planted in the destination", "[archive][reader]") {
  TempDir t;
  auto w = Writer::Create(t / "a.zip", {});
  REQUIRE(w.ok());
  REQUIRE((*w)->AddFromString("wp-content/uploads/x.txt", "x").ok());
  REQUIRE((*w)->Close().ok());
  std::string out;
  REQUIRE(PythonList(t / "a.zip", &out) == 0);
  mkdir((t / "dest").c_str(), 0755);
  mkdir((t / "elsewhere").c_str(), 0755);
  symlink((t / "elsewhere").c_str(), (t / "dest/wp-content").c_str());
  auto r = Open(t / "a.zip");
  CHECK(r->ExtractTo(t / "dest", {}).status().code() == Status::Code::kIOError);
  CHECK_FALSE(Exists(t / "elsewhere/uploads/x.txt"));
}

TEST_CASE("Entries list what was written; readEntry streams one of them", "[archive][reader]") {
  TempDir t;
  auto w = Writer::Create(t / "a.zip", {});
  REQUIRE(w.ok());
  const std::string text = SourceLike(300000, 3);
  REQUIRE((*w)->AddFromString("database.sql", text).ok());
  REQUIRE((*w)->Close().ok());
  std::string listed;
  REQUIRE(PythonList(t / "a.zip", &listed) == 0);
  REQUIRE(ExternalTest(t / "a.zip", &listed) == 0);
  auto r = Open(t / "a.zip");
  REQUIRE(r->Entries().size() == 3);
  const EntryInfo& e = r->Entries()[1];
  CHECK(e.name == "database.sql");
  CHECK(e.size == text.size());
  CHECK(e.method == 8);
  CHECK(e.compressed_size < text.size() / 2);
  CHECK(e.mode == 0644);
  CHECK(*r->ReadAll("database.sql", 1 << 20) == text);
  CHECK(r->ReadAll("database.sql", 1000).status().code() == Status::Code::kCorruption);
  CHECK(r->ReadAll("nope", 1000).status().code() == Status::Code::kNotFound);
  CHECK(r->VerifyAll().ok());
  auto x = r->ExtractTo(t / "x", {});
  REQUIRE(x.ok());
  CHECK(ReadFile(t / "x/database.sql") == text);
}

TEST_CASE("Opening refuses what is not a zip", "[archive][reader]") {
  TempDir t;
  WriteFile(t / "not.zip", "this is not a zip file at all, just text");
  CHECK(Reader::Open(t / "not.zip").status().code() == Status::Code::kCorruption);
  CHECK(Reader::Open(t / "missing.zip").status().code() == Status::Code::kNotFound);
}

TEST_CASE("deleted-files.json paths that leave their component are refused", "[archive][reader]") {
  TempDir t;
  auto r = Open(Craft(t, "deleted-traversal"));
  auto paths = r->DeletedFiles();
  CHECK(paths.status().code() == Status::Code::kCorruption);
  CHECK(ParseDeletedFiles(R"({"paths":["wp-content/plugins/x/y.php"]})")->size() == 1);
  CHECK(ParseDeletedFiles(R"({"deleted_paths":["wp-content/uploads/a..b.jpg"]})")->size() == 1);
  for (const char* bad : {R"({"paths":["/etc/passwd"]})", R"({"paths":["wp-content/plugins"]})",
                          R"({"paths":["wp-config.php"]})", R"({"paths":["wp-content/plugins-x/a"]})",
                          R"({"paths":["wp-content/themes/../../a"]})", R"({"paths":[3]})", "[]", "{"}) {
    INFO(bad);
    CHECK(ParseDeletedFiles(bad).status().code() == Status::Code::kCorruption);
  }
}

namespace {

// Three entries (1 MiB + 3 MiB + a small one) written stored, so that the bytes written grow by
// the reader's 1 MiB buffer.
std::string ThreeEntries(const TempDir& t) {
  WriterOptions wo;
  wo.level = 0;
  wo.threads = 1;
  auto w = Writer::Create(t / "three.zip", wo);
  REQUIRE(w.ok());
  REQUIRE((*w)->AddFromString("wp-content/uploads/a.bin", RandomBytes(1u << 20, 1)).ok());
  REQUIRE((*w)->AddFromString("wp-content/uploads/b.bin", RandomBytes(3u << 20, 2)).ok());
  REQUIRE((*w)->AddFromString("wp-content/c.txt", "small\n").ok());
  REQUIRE((*w)->Close().ok());
  return t / "three.zip";
}

// Names under `dir` (recursively) that are regular files.
int FilesUnder(const std::string& dir) {
  std::string out;
  Capture("find '" + dir + "' -type f | wc -l", &out);
  return std::stoi(out);
}

}  // namespace

TEST_CASE("Extraction reports the one progress record: phase extract, bytes, the entry's name", "[archive][reader][progress]") {
  TempDir t;
  auto r = Open(ThreeEntries(t));
  uint64_t declared = 0;
  for (const EntryInfo& e : r->Entries()) declared += e.size;
  std::vector<bjlg::Progress> seen;
  ExtractOptions o;
  o.progress_interval = 0;
  o.progress = [&](const bjlg::Progress& p) {
    seen.push_back(p);
    return true;
  };
  auto report = r->ExtractTo(t / "out", o);
  REQUIRE(report.ok());
  REQUIRE(seen.size() >= 6);
  for (size_t i = 0; i < seen.size(); ++i) {
    INFO("report " << i);
    CHECK(seen[i].phase == "extract");
    CHECK(seen[i].unit == "bytes");
    CHECK(seen[i].total == declared);
    CHECK(seen[i].phases == std::vector<std::string>{"extract"});
    CHECK(seen[i].done <= seen[i].total);
    if (i > 0) CHECK(seen[i].done >= seen[i - 1].done);
  }
  CHECK(seen.front().done == 0);
  CHECK(seen.back().done == declared);
  CHECK(report->bytes == declared);
  bool named_b = false;
  for (const bjlg::Progress& p : seen) named_b = named_b || p.current == "wp-content/uploads/b.bin";
  CHECK(named_b);

  SECTION("with the default interval, the first and last reports are still made") {
    std::vector<bjlg::Progress> few;
    ExtractOptions d;
    d.progress = [&](const bjlg::Progress& p) {
      few.push_back(p);
      return true;
    };
    REQUIRE(r->ExtractTo(t / "out2", d).ok());
    REQUIRE(few.size() >= 2);
    CHECK(few.front().done == 0);
    CHECK(few.back().done == declared);
  }
}

TEST_CASE("Cancelling an extraction: Cancelled, the entry being written removed, the earlier ones kept", "[archive][reader][progress]") {
  TempDir t;
  auto r = Open(ThreeEntries(t));
  ExtractOptions o;
  o.progress_interval = 0;
  SECTION("at the start: nothing is written") {
    o.progress = [](const bjlg::Progress&) { return false; };
    auto c = r->ExtractTo(t / "out", o);
    CHECK(c.status().code() == Status::Code::kCancelled);
    CHECK(FilesUnder(t / "out") == 0);
  }
  SECTION("in the middle of the second entry: the first stays, no part of the second") {
    o.progress = [](const bjlg::Progress& p) { return p.done < (2u << 20); };
    auto c = r->ExtractTo(t / "out", o);
    CHECK(c.status().code() == Status::Code::kCancelled);
    CHECK(Exists(t / "out/wp-content/uploads/a.bin"));
    CHECK_FALSE(Exists(t / "out/wp-content/uploads/b.bin"));
    CHECK(FilesUnder(t / "out/wp-content/uploads") == 1);  // no temporary left either
    CHECK(FilesUnder(t / "out") == FilesUnder(t / "out/wp-content/uploads") + 1);  // and the manifest, written first
  }
  SECTION("a negative or NaN interval is refused, naming the option") {
    o.progress_interval = -1;
    CHECK(o.Validate().code() == Status::Code::kInvalidArgument);
    CHECK(o.Validate().message() == "option \"progress_interval\" must be a non-negative number of seconds");
    o.progress_interval = std::nan("");
    CHECK(o.Validate().code() == Status::Code::kInvalidArgument);
  }
}
