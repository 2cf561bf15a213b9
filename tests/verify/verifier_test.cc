// The verifier on good archives and on each kind of damage: the right check fails, with a
// message that says what is wrong and where.
#include <catch2/catch.hpp>

#include <algorithm>

#include "common/time.h"
#include "verify/report_html.h"
#include "verify/verifier.h"
#include "verify_fixtures.h"

namespace bjlg::verify {
namespace {

using namespace testing;
using archive::testing::ReadFile;
using archive::testing::WriteFile;

const Check& Get(const Report& r, const std::string& name) {
  const Check* c = r.Find(name);
  INFO("check " << name << " in " << r.ToJson().dump(1));
  REQUIRE(c != nullptr);
  return *c;
}

Report Run(const std::string& path, VerifyOptions o = {}) {
  auto r = Verify(path, o);
  REQUIRE(r.ok());
  return std::move(r).value();
}

bool Contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST_CASE("a bjlg archive passes every check", "[verify]") {
  TempDir dir;
  const std::string path = BjlgArchive(dir, "good.zip", PluginDump(2500));
  Report r = Run(path);
  INFO(r.ToJson().dump(1));
  CHECK(r.status() == CheckStatus::kPassed);
  for (const char* name : {"zip_structure", "entry_names", "entry_data", "index", "manifest", "database"}) {
    CHECK(Get(r, name).status == CheckStatus::kPassed);
  }
  CHECK(r.Find("encryption") == nullptr);
  const nlohmann::json j = r.ToJson();
  CHECK(j["entries"]["checked"] == j["entries"]["total"]);
  CHECK(Get(r, "database").evidence["rows"] == 2503);
  CHECK(Get(r, "database").evidence["tables"]["wp_posts"]["rows"] == 2500);
  CHECK(Get(r, "manifest").evidence["index_checksum"] == "matches");
  CHECK(j["sha256"] == *Sha256OfFile(path));
  CHECK(j["archive"]["name"] == "good.zip");
  CHECK(j["rpo"]["age_seconds"].get<int64_t>() >= 0);
}

TEST_CASE("without the archive's SHA-256 the checks are the same, the report has no sha256", "[verify]") {
  TempDir dir;
  const std::string plain = BjlgArchive(dir, "good.zip", PluginDump(30));
  const std::string enc = Encrypt(plain, dir / "good.zip.bjlg", TestKey(1));
  const std::string legacy = EncryptBjlgenc1(plain, dir / "good.zip.enc", TestKey(1));
  for (const std::string& path : {plain, enc, legacy}) {
    INFO(path);
    VerifyOptions o;
    o.secret.emplace(TestKey(1));
    const nlohmann::json with = Run(path, o).ToJson();
    o.archive_sha256 = false;
    const nlohmann::json without = Run(path, o).ToJson();
    CHECK(with["sha256"] == *Sha256OfFile(path));
    CHECK_FALSE(without.contains("sha256"));
    CHECK(without["status"] == "passed");
    CHECK(without["checks"] == with["checks"]);
  }
}

TEST_CASE("RPO: the gap to the previous backup comes from the history file", "[verify]") {
  TempDir dir;
  const std::string path = BjlgArchive(dir, "a.zip", PluginDump(3));
  Report first = Run(path);
  const std::string created = first.ToJson()["backup"]["created_at"];
  int64_t t = 0;
  bool utc = false;
  REQUIRE(bjlg::ParseIso8601(created, &t, &utc));
  // Two earlier runs in the history: the latest one before this backup counts, not the other.
  WriteFile(dir / "h.jsonl", "{\"kind\":\"verify\",\"backup\":{\"created_at\":\"2026-01-01T00:00:00Z\"}}\n"
                             "not json\n"
                             "{\"kind\":\"verify\",\"backup\":{\"created_at\":\"2026-01-01T06:00:00+02:00\"}}\n");
  VerifyOptions o;
  o.history = dir / "h.jsonl";
  const nlohmann::json j = Run(path, o).ToJson();
  CHECK(j["rpo"]["previous_backup_created_at"] == "2026-01-01T06:00:00+02:00");
  CHECK(j["rpo"]["gap_to_previous_seconds"] == t - 1767240000);
  REQUIRE(AppendHistory(dir / "h.jsonl", j).ok());
  CHECK(PreviousBackup(dir / "h.jsonl", "2030-01-01T00:00:00Z")["created_at"] == created);
  CHECK(PreviousBackup(dir / "h.jsonl", "2026-01-01T00:00:00Z").is_null());
}

TEST_CASE("an encrypted archive is authenticated and checked in one pass", "[verify]") {
  TempDir dir;
  const std::string plain = BjlgArchive(dir, "good.zip", PluginDump(300));
  const std::string enc = Encrypt(plain, dir / "good.zip.bjlg", TestKey(1));
  VerifyOptions o;
  o.secret.emplace(TestKey(1));
  Report r = Run(enc, o);
  INFO(r.ToJson().dump(1));
  CHECK(r.status() == CheckStatus::kPassed);
  CHECK(Get(r, "encryption").status == CheckStatus::kPassed);
  CHECK(Get(r, "index").status == CheckStatus::kPassed);
  CHECK(r.ToJson()["sha256"] == *Sha256OfFile(enc));

  SECTION("without a secret: inconclusive, not failed") {
    Report n = Run(enc);
    CHECK(n.status() == CheckStatus::kInconclusive);
    CHECK(Contains(Get(n, "encryption").message, "no key or password"));
  }
  SECTION("a wrong key fails the encryption check") {
    VerifyOptions w;
    w.secret.emplace(TestKey(2));
    Report n = Run(enc, w);
    CHECK(n.status() == CheckStatus::kFailed);
    CHECK(Get(n, "encryption").status == CheckStatus::kFailed);
    CHECK(Contains(Get(n, "encryption").message, "wrong key"));
    CHECK(Get(n, "encryption").evidence["reason"] == "wrong_key");
    CHECK(n.Find("zip_structure") == nullptr);
  }
  SECTION("a flipped ciphertext byte names the chunk") {
    FlipByte(enc, 100 + 3 * (4096 + 16) + 10);
    Report n = Run(enc, o);
    CHECK(n.status() == CheckStatus::kFailed);
    CHECK(Get(n, "encryption").status == CheckStatus::kFailed);
    CHECK(Contains(Get(n, "encryption").message, "chunk 3 of"));
  }
  SECTION("a truncated encrypted archive") {
    std::string data = ReadFile(enc);
    data.resize(100 + 5 * (4096 + 16));
    WriteFile(enc, data);
    Report n = Run(enc, o);
    CHECK(Get(n, "encryption").status == CheckStatus::kFailed);
    CHECK(Contains(Get(n, "encryption").message, "truncated"));
  }
}

TEST_CASE("a BJLGENC1 archive is authenticated, then decrypted in memory and checked", "[verify]") {
  TempDir dir;
  const std::string plain = BjlgArchive(dir, "good.zip", PluginDump(300));
  const std::string enc = EncryptBjlgenc1(plain, dir / "good.zip.enc", TestKey(1));
  VerifyOptions o;
  o.secret.emplace(TestKey(1));
  Report r = Run(enc, o);
  const nlohmann::json j = r.ToJson();
  INFO(j.dump(1));
  CHECK(r.status() == CheckStatus::kPassed);
  for (const char* name : {"encryption", "zip_structure", "entry_names", "entry_data", "index", "manifest", "database"}) {
    CHECK(Get(r, name).status == CheckStatus::kPassed);
  }
  CHECK(Get(r, "encryption").evidence["format"] == "bjlgenc1");
  CHECK(Get(r, "encryption").evidence["plaintext_size"] == ReadFile(plain).size());
  CHECK(j["entries"]["checked"] == j["entries"]["total"]);
  CHECK(Get(r, "database").evidence["rows"] == 303);
  CHECK(j["sha256"] == *Sha256OfFile(enc));
  CHECK(j["bytes"]["read"] == ReadFile(enc).size());
  // The same verdicts as the plain archive: the content checks did run on the decrypted bytes.
  const nlohmann::json p = Run(plain).ToJson();
  CHECK(j["checks"][2] == p["checks"][1]);  // entry_names, after encryption and zip_structure
  CHECK(Get(r, "index").message == Get(Run(plain), "index").message);

  SECTION("with a password") {
    const std::string pw = EncryptBjlgenc1(plain, dir / "pw.zip.enc", crypto::Password("correct horse"));
    VerifyOptions po;
    po.secret.emplace(crypto::Password("correct horse"));
    Report pr = Run(pw, po);
    CHECK(pr.status() == CheckStatus::kPassed);
    CHECK(Get(pr, "encryption").evidence["mode"] == "password");
  }
  SECTION("without a secret: inconclusive") {
    CHECK(Run(enc).status() == CheckStatus::kInconclusive);
  }
  SECTION("a wrong key fails the encryption check, as for the bjlg format, and reads nothing further") {
    VerifyOptions w;
    w.secret.emplace(TestKey(2));
    Report n = Run(enc, w);
    CHECK(n.status() == CheckStatus::kFailed);
    CHECK(Get(n, "encryption").status == CheckStatus::kFailed);
    CHECK(Contains(Get(n, "encryption").message, "wrong key or password"));
    CHECK(n.Find("zip_structure") == nullptr);
    w.secret.emplace(crypto::Password("a password"));
    CHECK(Contains(Get(Run(enc, w), "encryption").message, "wrong password"));
  }
  SECTION("a flipped ciphertext byte fails the encryption check") {
    FlipByte(enc, ReadFile(enc).size() / 2);
    Report n = Run(enc, o);
    CHECK(n.status() == CheckStatus::kFailed);
    CHECK(Get(n, "encryption").status == CheckStatus::kFailed);
    CHECK(n.Find("entry_data") == nullptr);
  }
  SECTION("an archive damaged before encryption: the content checks fail, the encryption passes") {
    std::string data = ReadFile(plain);
    data.resize(data.size() - 30);
    WriteFile(dir / "cut.zip", data);
    Report n = Run(EncryptBjlgenc1(dir / "cut.zip", dir / "cut.zip.enc", TestKey(1)), o);
    CHECK(n.status() == CheckStatus::kFailed);
    CHECK(Get(n, "encryption").status == CheckStatus::kPassed);
    CHECK(Contains(Get(n, "zip_structure").message, "truncated"));
  }
}

TEST_CASE("a BJLGENC1 archive changed between its two passes is inconclusive, never passed", "[verify]") {
  TempDir dir;
  archive::testing::WriteFile(dir / "big.bin", archive::testing::RandomBytes(40 << 20, 4));
  OneFileArchive(dir, "big.zip", "big.bin");
  const std::string enc = EncryptBjlgenc1(dir / "big.zip", dir / "big.zip.enc", TestKey(1));
  const uint64_t size = ReadFile(enc).size();
  VerifyOptions o;
  o.secret.emplace(TestKey(1));
  o.progress_interval = 0;  // every step, whatever the machine's speed
  std::vector<uint64_t> seen;
  bool changed = false;
  o.progress = [&](const bjlg::Progress& p) {
    seen.push_back(p.done);
    // Past half the progress the first pass is over. In the second, bytes_done = size/2 + done/2,
    // and the reader is at most 8 MiB ahead of `done`: below size - 6 MiB, the end is unread.
    // The window is wider than the 8 MiB between two calls.
    if (!changed && p.done > size / 2 + (1 << 20) && p.done < size - (6 << 20)) {
      FlipByte(enc, size - 100);
      changed = true;
    }
    return true;
  };
  Report r = Run(enc, o);
  INFO(r.ToJson().dump(1));
  REQUIRE(changed);
  CHECK(r.status() == CheckStatus::kInconclusive);
  CHECK(Contains(Get(r, "encryption").message, "the archive changed while it was being verified"));
  CHECK(r.Find("entry_data") == nullptr);
  CHECK(std::is_sorted(seen.begin(), seen.end()));

  SECTION("progress is one monotonic \"read\" phase reaching the file size; returning false cancels") {
    FlipByte(enc, size - 100);  // back as it was
    seen.clear();
    o.progress = [&](const bjlg::Progress& p) {
      seen.push_back(p.done);
      CHECK(p.total == size);
      CHECK(p.phase == "read");
      CHECK(p.unit == "bytes");
      CHECK(p.phases == std::vector<std::string>{"read"});
      return true;
    };
    CHECK(Run(enc, o).status() == CheckStatus::kPassed);
    CHECK(seen.size() >= 4);  // a step of 4 MiB of 2 x 40 MiB, counted as 40
    CHECK(seen.back() == size);
    o.progress = [](const bjlg::Progress& p) { return p.done == 0; };  // stops at the first step
    auto c = Verify(enc, o);
    REQUIRE_FALSE(c.ok());
    CHECK(c.status().code() == Status::Code::kCancelled);
  }
}

TEST_CASE("a flipped byte in a file fails entry_data and names the entry", "[verify]") {
  TempDir dir;
  const std::string path = BjlgArchive(dir, "a.zip", PluginDump(10));
  const std::string photo = archive::testing::RandomBytes(70000, 3);  // stored (jpg)
  const size_t at = ReadFile(path).find(photo.substr(1000, 64));
  REQUIRE(at != std::string::npos);
  FlipByte(path, at + 5);
  Report r = Run(path);
  INFO(r.ToJson().dump(1));
  CHECK(r.status() == CheckStatus::kFailed);
  CHECK(Get(r, "entry_data").status == CheckStatus::kFailed);
  CHECK(Contains(Get(r, "entry_data").message, "'wp-content/uploads/2026/11/photo.jpg': CRC-32"));
  CHECK(Get(r, "zip_structure").status == CheckStatus::kPassed);
}

TEST_CASE("a missing entry fails the index check", "[verify]") {
  TempDir dir;
  const std::string path = BjlgArchive(dir, "a.zip", PluginDump(10));
  RewriteZip(dir, path, "None if name == 'wp-content/themes/t/style.css' else data");
  Report r = Run(path);
  INFO(r.ToJson().dump(1));
  CHECK(r.status() == CheckStatus::kFailed);
  CHECK(Get(r, "index").status == CheckStatus::kFailed);
  CHECK(Get(r, "index").message ==
        "'wp-content/themes/t/style.css' is listed in backup-index.json but missing from the archive");
  CHECK(Get(r, "manifest").status == CheckStatus::kFailed);  // file_count no longer matches
  CHECK(Get(r, "entry_data").status == CheckStatus::kPassed);
}

TEST_CASE("an altered index fails the index and manifest checks", "[verify]") {
  TempDir dir;
  const std::string path = BjlgArchive(dir, "a.zip", PluginDump(10));
  RewriteZip(dir, path,
             "data.replace(b'\"path\": \"wp-content/plugins/hello/readme.txt\", \"size\": 12',"
             " b'\"path\": \"wp-content/plugins/hello/readme.txt\", \"size\": 13') if name == 'backup-index.json' else data");
  Report r = Run(path);
  INFO(r.ToJson().dump(1));
  CHECK(r.status() == CheckStatus::kFailed);
  CHECK(Get(r, "index").message == "'wp-content/plugins/hello/readme.txt': size 12 bytes, backup-index.json records 13");
  CHECK(Contains(Get(r, "manifest").message, "for backup-index.json, which has"));
}

TEST_CASE("a truncated SQL dump fails the database check", "[verify]") {
  TempDir dir;
  std::string dump = PluginDump(2000);
  dump.resize(dump.size() / 2);
  const std::string path = BjlgArchive(dir, "a.zip", dump);
  Report r = Run(path);
  INFO(r.ToJson().dump(1));
  CHECK(r.status() == CheckStatus::kFailed);
  CHECK(Get(r, "database").status == CheckStatus::kFailed);
  CHECK(Contains(Get(r, "database").message, "truncated"));
  CHECK(Get(r, "index").status == CheckStatus::kPassed);  // the archive itself is intact
}

TEST_CASE("a table listed in the manifest but absent from the dump fails", "[verify]") {
  TempDir dir;
  std::string dump = PluginDump(5);
  const size_t cut = dump.find("\n-- Table: wp_posts");
  dump = dump.substr(0, cut) + "\nSET FOREIGN_KEY_CHECKS=1;\n";
  Report r = Run(BjlgArchive(dir, "a.zip", dump));
  CHECK(Get(r, "database").status == CheckStatus::kFailed);
  CHECK(Contains(Get(r, "database").message, "table `wp_posts` is listed in the manifest but not created"));
}

TEST_CASE("a truncated archive file fails the zip structure", "[verify]") {
  TempDir dir;
  const std::string path = BjlgArchive(dir, "a.zip", PluginDump(10));
  std::string data = ReadFile(path);
  data.resize(data.size() - 30);
  WriteFile(path, data);
  Report r = Run(path);
  CHECK(r.status() == CheckStatus::kFailed);
  CHECK(Contains(Get(r, "zip_structure").message, "truncated"));
  CHECK(Get(r, "index").status == CheckStatus::kSkipped);
}

TEST_CASE("the plugin's archive shape verifies as far as its content allows", "[verify]") {
  TempDir dir;
  for (bool stream : {false, true}) {
    INFO("data descriptors: " << stream);
    const std::string path = PluginArchive(dir, stream ? "s.zip" : "p.zip", PluginDump(1200), stream);
    Report r = Run(path);
    const nlohmann::json j = r.ToJson();
    INFO(j.dump(1));
    CHECK(r.status() == CheckStatus::kPassed);
    CHECK(Get(r, "index").status == CheckStatus::kSkipped);
    CHECK(Contains(Get(r, "index").message, "no backup-index.json"));
    CHECK(j["not_checked"][0]["name"] == "index");
    CHECK(Get(r, "manifest").evidence["index_checksum"] == "none recorded (plugin archive)");
    CHECK(Get(r, "database").evidence["rows"] == 1203);
    CHECK(j["rpo"]["backup_created_at"] == "2026-11-20T02:00:00+01:00");
  }
  SECTION("a flipped byte in a deflated entry with a data descriptor") {
    const std::string path = PluginArchive(dir, "d.zip", PluginDump(1200), true);
    const std::string data = ReadFile(path);
    const size_t sql = data.find("database.sql");
    FlipByte(path, sql + 12 + 2000);
    Report r = Run(path);
    INFO(r.ToJson().dump(1));
    CHECK(r.status() == CheckStatus::kFailed);
  }
}

TEST_CASE("sampling checks a deterministic subset, always the manifest, index and dump", "[verify]") {
  TempDir dir;
  const std::string path = BjlgArchive(dir, "a.zip", PluginDump(10));
  VerifyOptions o;
  o.sample = 0.01;
  Report r = Run(path, o);
  const nlohmann::json j = r.ToJson();
  CHECK(r.status() == CheckStatus::kPassed);
  CHECK(j["entries"]["checked"].get<int>() >= 3);
  CHECK(j["entries"]["checked"].get<int>() < j["entries"]["total"].get<int>());
  CHECK(Get(r, "database").status == CheckStatus::kPassed);
  CHECK(InSample("a/b.php", 0.5) == InSample("a/b.php", 0.5));
  int in = 0;
  for (int i = 0; i < 10000; ++i) in += InSample("f" + std::to_string(i), 0.1) ? 1 : 0;
  CHECK(in > 850);
  CHECK(in < 1150);
  o.sample = 0;
  CHECK(Verify(path, o).status().code() == Status::Code::kInvalidArgument);
  CHECK(Verify(path, o).status().option() == "sample");
  o.sample = 1;
  o.threads = 257;
  CHECK(Verify(path, o).status().message() == "option \"threads\" must be between 0 and 256");
}

TEST_CASE("what is not an archive, or cannot be read", "[verify]") {
  TempDir dir;
  WriteFile(dir / "notes.txt", "hello");
  Report r = Run(dir / "notes.txt");
  CHECK(r.status() == CheckStatus::kFailed);
  CHECK(Contains(Get(r, "zip_structure").message, "not a zip archive"));
  CHECK(Get(r, "zip_structure").evidence["reason"] == "unknown_format");
  // Decrypted, it is still no zip: callers tell that from a damaged zip without the wording.
  WriteFile(dir / "notes.bin", std::string(5000, 'n'));
  VerifyOptions o;
  o.secret.emplace(TestKey(1));
  Report e = Run(Encrypt(dir / "notes.bin", dir / "notes.bin.bjlg", TestKey(1)), o);
  CHECK(Get(e, "zip_structure").status == CheckStatus::kFailed);
  CHECK(Get(e, "zip_structure").evidence["reason"] == "not_a_zip");
  WriteFile(dir / "cut.zip", "PK\x03\x04" + std::string(40, '\0') + "PK\x09\x09");
  CHECK_FALSE(Get(Run(dir / "cut.zip"), "zip_structure").evidence.contains("reason"));
  CHECK(Verify(dir / "missing.zip", {}).status().code() == Status::Code::kNotFound);
  if (geteuid() != 0) {
    WriteFile(dir / "locked.zip", "PK\x03\x04");
    chmod((dir / "locked.zip").c_str(), 0);
    Report l = Run(dir / "locked.zip");
    CHECK(l.status() == CheckStatus::kInconclusive);
  }
}

TEST_CASE("cancelling from the progress callback is Status::Cancelled, with no report", "[verify][progress]") {
  TempDir dir;
  archive::testing::WriteFile(dir / "big.bin", archive::testing::RandomBytes(20 << 20, 9));
  OneFileArchive(dir, "big.zip", "big.bin");
  VerifyOptions o;
  o.progress_interval = 0;
  int calls = 0;
  o.progress = [&](const bjlg::Progress& p) {
    ++calls;
    CHECK(p.total > 0);
    return p.done == 0;  // the phase's start, then stop at the first step
  };
  auto r = Verify(dir / "big.zip", o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kCancelled);
  CHECK(calls == 2);
}

TEST_CASE("verification progress: one phase, monotonic, ending at the archive size", "[verify][progress]") {
  TempDir dir;
  archive::testing::WriteFile(dir / "big.bin", archive::testing::RandomBytes(20 << 20, 10));
  OneFileArchive(dir, "big.zip", "big.bin");
  const uint64_t size = ReadFile(dir / "big.zip").size();
  VerifyOptions o;
  o.progress_interval = 0;
  std::vector<bjlg::Progress> seen;
  o.progress = [&](const bjlg::Progress& p) {
    seen.push_back(p);
    return true;
  };
  CHECK(Run(dir / "big.zip", o).status() == CheckStatus::kPassed);
  REQUIRE(seen.size() >= 3);
  CHECK(seen.front().done == 0);
  CHECK(seen.back().done == size);
  for (size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i].phase == "read");
    CHECK(seen[i].phase_index == 0);
    CHECK(seen[i].total == size);
    if (i > 0) CHECK(seen[i].done >= seen[i - 1].done);
  }
}

}  // namespace
}  // namespace bjlg::verify

namespace bjlg::verify {
namespace {

TEST_CASE("the HTML report escapes everything and stands alone", "[verify]") {
  Report r("verify");
  r.SetArchive("/srv/www/secret/path/x<y>.zip", 10);
  r.AddCheck({"database", CheckStatus::kFailed, "table `<script>alert(1)</script>` & 'x'", {{"k", "\"v\""}}});
  r.Finish();
  const std::string html = RenderHtml(r.ToJson());
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("table `&lt;script&gt;alert(1)&lt;/script&gt;` &amp; &#39;x&#39;") != std::string::npos);
  CHECK(html.find("/srv/www") == std::string::npos);
  CHECK(html.find("x&lt;y&gt;.zip") != std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("class=\"st-failed\"") != std::string::npos);
  CHECK(r.status() == CheckStatus::kFailed);
  CHECK(Report("verify").status() == CheckStatus::kInconclusive);  // no check made: nothing proven
}

}  // namespace
}  // namespace bjlg::verify
