// The Writer as a specification: what a backup archive holds and what every independent reader
// finds in it.
#include "archive/writer.h"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "archive/reader.h"
#include "test_util.h"

using namespace bjlg::archive;
using bjlg::Sha256;
using bjlg::Sha256OfFile;
using namespace bjlg::archive::testing;
using bjlg::Status;

namespace {

struct Listed {
  std::vector<std::string> names;
  std::map<std::string, std::string> sha;   // name -> sha256
  std::map<std::string, int> method;
};

Listed ListWithPython(const std::string& zip) {
  std::string out;
  const int rc = PythonList(zip, &out);
  INFO(out);
  REQUIRE(rc == 0);
  Listed l;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string part;
    while (std::getline(ss, part, '\t')) f.push_back(part);
    REQUIRE(f.size() == 4);
    l.names.push_back(f[0]);
    l.method[f[0]] = std::stoi(f[2]);
    l.sha[f[0]] = f[3];
  }
  return l;
}

void RequireExternalOk(const std::string& zip) {
  std::string out;
  const int rc = ExternalTest(zip, &out);
  INFO(out);
  REQUIRE(rc == 0);
}

std::unique_ptr<Writer> Make(const std::string& path, WriterOptions options = {}) {
  auto w = Writer::Create(path, std::move(options));
  INFO(w.status().ToString());
  REQUIRE(w.ok());
  return std::move(*w);
}

Summary CloseOk(Writer& w) {
  auto s = w.Close();
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return *s;
}

// A stream of `data` in short reads, as a socket gives them.
struct StringSource : ByteSource {
  explicit StringSource(const std::string& d) : data(d) {}
  bjlg::Result<size_t> Read(unsigned char* buf, size_t n) override {
    n = std::min<size_t>(std::min<size_t>(n, 70000), data.size() - at);
    memcpy(buf, data.data() + at, n);
    at += n;
    return n;
  }
  const std::string& data;
  size_t at = 0;
};

std::string Sha(const std::string& data) {
  Sha256 h;
  h.Update(data.data(), data.size());
  return h.FinalHex();
}

// A small WordPress-like site.
void MakeSite(const TempDir& t) {
  WriteFile(t / "site/plugins/hello/hello.php", SourceLike(20000, 1));
  WriteFile(t / "site/plugins/hello/readme.txt", SourceLike(3000, 2));
  WriteFile(t / "site/plugins/hello/a..b.txt", "dots inside a name are fine\n");
  WriteFile(t / "site/themes/t/style.css", SourceLike(50000, 3));
  WriteFile(t / "site/uploads/2024/photo.jpg", RandomBytes(100000, 4));
  WriteFile(t / "site/uploads/2024/empty.txt", "");
  WriteFile(t / "site/uploads/cache/page.html", "cached");
  WriteFile(t / "site/plugins/hello/debug.log", "log line");
  WriteFile(t / "site/plugins/hello/node_modules/x/index.js", "module");
}

}  // namespace

TEST_CASE("A backup has the manifest first, the files under their prefix, the index last", "[archive][writer]") {
  TempDir t;
  MakeSite(t);
  mkdir((t / "out").c_str(), 0755);
  auto w = Make(t / "out/backup.zip");
  REQUIRE(w->AddFromString("database.sql", "-- dump\nSELECT 1;\n").ok());
  REQUIRE(w->AddDirectory(t / "site/plugins", "wp-content/plugins").ok());
  REQUIRE(w->AddDirectory(t / "site/themes", "wp-content/themes/").ok());
  REQUIRE(w->AddDirectory(t / "site/uploads", "wp-content/uploads").ok());
  Summary s = CloseOk(*w);

  RequireExternalOk(t / "out/backup.zip");
  Listed l = ListWithPython(t / "out/backup.zip");
  const std::vector<std::string> expected = {
      "backup-manifest.json",
      "database.sql",
      "wp-content/plugins/hello/a..b.txt",
      "wp-content/plugins/hello/hello.php",
      "wp-content/plugins/hello/readme.txt",
      "wp-content/themes/t/style.css",
      "wp-content/uploads/2024/empty.txt",
      "wp-content/uploads/2024/photo.jpg",
      "backup-index.json",
  };
  CHECK(l.names == expected);  // no directory entries, default excludes applied
  CHECK(l.method["wp-content/uploads/2024/photo.jpg"] == 0);  // stored by extension
  CHECK(l.method["wp-content/themes/t/style.css"] == 8);
  CHECK(l.sha["wp-content/themes/t/style.css"] == Sha(ReadFile(t / "site/themes/t/style.css")));

  CHECK(s.entries == 9);
  CHECK(s.files == 7);
  // The defaults left out cache/page.html (6 bytes), debug.log (8) and node_modules/x (a folder).
  CHECK(s.excluded == 3);
  CHECK(s.excluded_bytes == 14);
  CHECK(s.type == "full");
  CHECK(s.sha256 == *Sha256OfFile(t / "out/backup.zip"));
  CHECK(s.bytes_out == ReadFile(t / "out/backup.zip").size());

  auto reader = Reader::Open(t / "out/backup.zip");
  REQUIRE(reader.ok());
  auto manifest = nlohmann::json::parse(*(*reader)->ReadAll("backup-manifest.json", 1 << 20));
  const std::string index = *(*reader)->ReadAll("backup-index.json", 1 << 20);
  CHECK(manifest["file_count"] == 7);
  CHECK(manifest["checksum"] == Sha(index));
  CHECK(manifest["checksum_algorithm"] == "sha256");
  CHECK(manifest["type"] == "full");
  CHECK(manifest["contains"] == nlohmann::json({"db", "plugins", "themes", "uploads"}));
  auto parsed = ParseIndex(index);
  REQUIRE(parsed.ok());
  CHECK(parsed->size() == 7);
  CHECK(parsed->at("wp-content/plugins/hello/hello.php").sha256 == l.sha["wp-content/plugins/hello/hello.php"]);
  // Nothing but the archive is left in its folder.
  CHECK(TempDir::Run("test $(ls -A '" + t / "out" + "' | wc -l) = 1") == 0);
}

TEST_CASE("Exclude patterns relative to the backup leave out whole folders, and the summary says how much",
          "[archive][writer]") {
  TempDir t;
  MakeSite(t);
  mkdir((t / "out").c_str(), 0755);
  WriterOptions o;
  o.exclude = {"wp-content/uploads", "wp-content/plugins/*.txt"};
  o.default_excludes = false;
  auto w = Make(t / "out/backup.zip", o);
  REQUIRE(w->AddDirectory(t / "site/plugins", "wp-content/plugins").ok());
  REQUIRE(w->AddDirectory(t / "site/uploads", "wp-content/uploads").ok());
  Summary s = CloseOk(*w);
  const std::vector<std::string> expected = {
      "backup-manifest.json",
      "wp-content/plugins/hello/debug.log",
      "wp-content/plugins/hello/hello.php",
      "wp-content/plugins/hello/node_modules/x/index.js",
      "backup-index.json",
  };
  CHECK(ListWithPython(t / "out/backup.zip").names == expected);
  // The uploads root (a folder, once), readme.txt (3000 bytes) and a..b.txt (28 bytes).
  CHECK(s.excluded == 3);
  CHECK(s.excluded_bytes == 3028);
}

TEST_CASE("The caller's manifest keys are merged in the plugin's key order", "[archive][writer]") {
  TempDir t;
  WriterOptions o;
  o.manifest_json = R"({"version":"2.0.3","site_url":"https://example.org","custom":[1,2]})";
  auto w = Make(t / "m.zip", o);
  REQUIRE(w->AddFromString("database.sql", "x").ok());
  CloseOk(*w);
  RequireExternalOk(t / "m.zip");
  auto reader = Reader::Open(t / "m.zip");
  const std::string text = *(*reader)->ReadAll("backup-manifest.json", 1 << 20);
  auto m = nlohmann::ordered_json::parse(text);
  CHECK(m["version"] == "2.0.3");
  CHECK(m["site_url"] == "https://example.org");
  CHECK(m["contains"].dump() == R"(["db"])");
  std::vector<std::string> keys;
  for (auto it = m.begin(); it != m.end(); ++it) keys.push_back(it.key());
  CHECK(keys[0] == "version");
  CHECK(keys[3] == "type");
  CHECK(keys[4] == "contains");
  CHECK(keys[12] == "custom");

  WriterOptions bad;
  bad.manifest_json = "[1]";
  CHECK(Writer::Create(t / "n.zip", bad).status().code() == Status::Code::kInvalidArgument);
  CHECK_FALSE(Exists(t / "n.zip"));
}

TEST_CASE("Large files and streams go through in chunks and come out identical", "[archive][writer]") {
  TempDir t;
  const std::string text = SourceLike(5 << 20, 7);
  const std::string noise = RandomBytes(3 << 20, 8);
  WriteFile(t / "src/big.sql", text);
  WriteFile(t / "src/noise.bin", noise);
  WriterOptions o;
  o.chunk_size = 256 * 1024;
  o.threads = 2;
  auto w = Make(t / "big.zip", o);
  REQUIRE(w->AddFile(t / "src/big.sql", "big.sql").ok());
  REQUIRE(w->AddFile(t / "src/noise.bin", "noise.bin").ok());
  StringSource src(text);
  REQUIRE(w->AddFromSource("database.sql", src).ok());
  Summary s = CloseOk(*w);
  RequireExternalOk(t / "big.zip");
  Listed l = ListWithPython(t / "big.zip");
  CHECK(l.sha["big.sql"] == Sha(text));
  CHECK(l.sha["database.sql"] == Sha(text));
  CHECK(l.sha["noise.bin"] == Sha(noise));
  CHECK(l.method["big.sql"] == 8);
  CHECK(l.method["noise.bin"] == 0);  // the probe saw it would not shrink
  CHECK(s.bytes_in == text.size() * 2 + noise.size());
  CHECK(s.bytes_out < text.size() / 2 + noise.size() + 100000);
}

TEST_CASE("A stream can have its own deflate level, beside the archive's", "[archive][writer]") {
  TempDir t;
  const std::string text = SourceLike(3 << 20, 11);
  WriterOptions o;
  o.level = 6;
  o.chunk_size = 256 * 1024;
  o.threads = 2;
  auto w = Make(t / "levels.zip", o);
  StringSource fast(text), best(text), archive(text), stored(text), refused(text);
  REQUIRE(w->AddFromSource("fast.sql", fast, 1).ok());
  REQUIRE(w->AddFromSource("best.sql", best, 9).ok());
  REQUIRE(w->AddFromSource("archive.sql", archive).ok());
  REQUIRE(w->AddFromSource("stored.sql", stored, 0).ok());
  bjlg::Status s = w->AddFromSource("refused.sql", refused, 10);
  CHECK(s.code() == bjlg::Status::Code::kInvalidArgument);
  CHECK(s.message() == "level must be between 0 and 9");
  CHECK(!w->closed());  // a refused level harms nothing
  CloseOk(*w);
  RequireExternalOk(t / "levels.zip");

  Listed l = ListWithPython(t / "levels.zip");
  for (const char* name : {"fast.sql", "best.sql", "archive.sql", "stored.sql"}) {
    INFO(name);
    CHECK(l.sha[name] == Sha(text));
  }
  CHECK(l.method["stored.sql"] == 0);
  CHECK(l.sha.count("refused.sql") == 0);
  auto r = Reader::Open(t / "levels.zip");
  REQUIRE(r.ok());
  std::map<std::string, uint64_t> packed;
  for (const EntryInfo& e : (*r)->Entries()) packed[e.name] = e.compressed_size;
  CHECK(packed["fast.sql"] > packed["archive.sql"]);
  CHECK(packed["archive.sql"] >= packed["best.sql"]);
  CHECK(packed["stored.sql"] == text.size());
}

TEST_CASE("Entry order and compressed bytes do not depend on the thread count", "[archive][writer]") {
  TempDir t;
  for (int i = 0; i < 60; ++i) WriteFile(t / ("src/f" + std::to_string(i) + ".php"), SourceLike(1000 + i * 997, i));
  WriteFile(t / "src/large.txt", SourceLike(3 << 20, 99));
  std::vector<std::vector<ZipEntryRecord>> runs;
  for (int threads : {1, 2, 5}) {
    WriterOptions o;
    o.threads = threads;
    o.chunk_size = 128 * 1024;
    auto w = Make(t / ("t" + std::to_string(threads) + ".zip"), o);
    REQUIRE(w->AddDirectory(t / "src", "").ok());
    CloseOk(*w);
    RequireExternalOk(t / ("t" + std::to_string(threads) + ".zip"));
    auto r = Reader::Open(t / ("t" + std::to_string(threads) + ".zip"));
    REQUIRE(r.ok());
    std::vector<ZipEntryRecord> recs;
    for (const EntryInfo& e : (*r)->Entries()) {
      if (e.name == "backup-manifest.json" || e.name == "backup-index.json") continue;
      ZipEntryRecord z;
      z.name = e.name;
      z.crc = e.crc;
      z.compressed_size = e.compressed_size;
      recs.push_back(z);
    }
    runs.push_back(recs);
  }
  REQUIRE(runs[0].size() == 61);
  for (size_t k = 1; k < runs.size(); ++k) {
    for (size_t i = 0; i < runs[0].size(); ++i) {
      CHECK(runs[k][i].name == runs[0][i].name);
      CHECK(runs[k][i].crc == runs[0][i].crc);
      CHECK(runs[k][i].compressed_size == runs[0][i].compressed_size);
    }
  }
}

TEST_CASE("Bad names, duplicates and reserved names are refused without harming the archive", "[archive][writer]") {
  TempDir t;
  auto w = Make(t / "n.zip");
  for (const char* bad : {"", "/abs", "../up", "a/../b", "a//b", "dir/", "C:/x", "a\\b"}) {
    CHECK(w->AddFromString(bad, "x").code() == Status::Code::kInvalidArgument);
  }
  CHECK(w->AddFromString("backup-manifest.json", "x").code() == Status::Code::kInvalidArgument);
  CHECK(w->AddFromString("backup-index.json", "x").code() == Status::Code::kInvalidArgument);
  CHECK(w->AddFromString("ok.txt", "x").ok());
  CHECK(w->AddFromString("ok.txt", "y").code() == Status::Code::kInvalidArgument);
  CHECK(w->AddFile(t / "missing", "m").code() == Status::Code::kNotFound);
  CHECK(w->AddDirectory(t / "missing", "").code() == Status::Code::kNotFound);
  Summary s = CloseOk(*w);
  CHECK(s.files == 1);
  RequireExternalOk(t / "n.zip");
  CHECK(w->AddFromString("late.txt", "x").code() == Status::Code::kInvalidArgument);
}

TEST_CASE("Options out of range are refused before any file is created", "[archive][writer]") {
  TempDir t;
  WriterOptions o;
  o.level = 10;
  CHECK(Writer::Create(t / "a.zip", o).status().code() == Status::Code::kInvalidArgument);
  o = WriterOptions();
  o.threads = -1;
  CHECK(Writer::Create(t / "a.zip", o).status().code() == Status::Code::kInvalidArgument);
  CHECK(TempDir::Run("test -z \"$(ls -A '" + t.path() + "')\"") == 0);
}

TEST_CASE("Level 0 stores everything and the store list is honoured at any level", "[archive][writer]") {
  TempDir t;
  WriteFile(t / "src/a.txt", SourceLike(10000, 1));
  WriteFile(t / "src/b.WOFF2", SourceLike(10000, 2));
  WriterOptions o;
  o.level = 0;
  auto w = Make(t / "s.zip", o);
  REQUIRE(w->AddDirectory(t / "src", "").ok());
  CloseOk(*w);
  Listed l = ListWithPython(t / "s.zip");
  CHECK(l.method["a.txt"] == 0);
  auto w2 = Make(t / "d.zip");
  REQUIRE(w2->AddDirectory(t / "src", "").ok());
  CloseOk(*w2);
  Listed l2 = ListWithPython(t / "d.zip");
  CHECK(l2.method["a.txt"] == 8);
  CHECK(l2.method["b.WOFF2"] == 0);
}

namespace {

// Gives `good` bytes in short reads, then fails: a stream that breaks in the middle.
struct BreakingSource : ByteSource {
  explicit BreakingSource(size_t good) : good(good) {}
  bjlg::Result<size_t> Read(unsigned char* buf, size_t n) override {
    if (at >= good) return Status::IOError("the stream broke");
    n = std::min(n, good - at);
    memset(buf, 'x', n);
    at += n;
    return n;
  }
  size_t good;
  size_t at = 0;
};

}  // namespace

TEST_CASE("The index's SHA-256s are those of the content on every thread count, after an abandoned entry too",
          "[archive][writer]") {
  TempDir t;
  for (int i = 0; i < 30; ++i) WriteFile(t / ("src/f" + std::to_string(i) + ".php"), SourceLike(500 + i * 1500, i));
  WriteFile(t / "src/large.txt", SourceLike(700 * 1024, 7));
  const std::string after = SourceLike(300 * 1024, 8);
  for (int threads : {1, 2, 4}) {
    INFO("threads " << threads);
    WriterOptions o;
    o.threads = threads;
    o.chunk_size = 128 * 1024;
    const std::string zip = t / ("h" + std::to_string(threads) + ".zip");
    auto w = Make(zip, o);
    REQUIRE(w->AddDirectory(t / "src", "src").ok());
    BreakingSource broken(400 * 1024);  // hashed over three chunks, then given up
    CHECK(w->AddFromSource("broken.bin", broken).code() == Status::Code::kIOError);
    REQUIRE(w->AddFromString("after.txt", after).ok());
    CloseOk(*w);
    auto reader = Reader::Open(zip);
    REQUIRE(reader.ok());
    auto index = ParseIndex(*(*reader)->ReadAll("backup-index.json", 1 << 20));
    REQUIRE(index.ok());
    REQUIRE(index->size() == 32);
    CHECK(index->count("broken.bin") == 0);
    CHECK(index->at("after.txt").sha256 == Sha(after));
    for (const auto& [name, entry] : *index) {
      INFO(name);
      CHECK(entry.sha256 == Sha(*(*reader)->ReadAll(name, 1 << 20)));
    }
  }
}
