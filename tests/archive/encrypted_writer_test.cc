// The Writer's `encrypt` option as a specification: what lands at the archive's path, what it
// decrypts to, where the plaintext lives meanwhile, and that every way of failing leaves
// neither the target, nor the plaintext, nor its private folder.
#include <dirent.h>
#include <pwd.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <utime.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

#include "archive/reader.h"
#include "archive/writer.h"
#include "crypto/cipher.h"
#include "test_util.h"

using namespace bjlg::archive;
using namespace bjlg::archive::testing;
using bjlg::Sha256;
using bjlg::Progress;
using bjlg::Status;
namespace crypto = bjlg::crypto;

namespace {

crypto::Key TestKey() {
  uint8_t bytes[crypto::Key::kSize];
  for (size_t i = 0; i < sizeof bytes; ++i) bytes[i] = static_cast<uint8_t>(i * 7 + 1);
  return *crypto::Key::FromBytes(bytes, sizeof bytes);
}

std::shared_ptr<const crypto::Secret> KeySecret() {
  return std::make_shared<const crypto::Secret>(TestKey());
}

std::shared_ptr<const crypto::Secret> PasswordSecret(const std::string& password) {
  return std::make_shared<const crypto::Secret>(crypto::Password(password));
}

// Encryption options cheap enough for tests: the smallest scrypt cost a reader accepts.
WriterOptions Encrypted(std::shared_ptr<const crypto::Secret> secret) {
  WriterOptions o;
  o.threads = 2;
  o.encrypt = std::move(secret);
  o.encryption.scrypt_log_n = 14;
  return o;
}

std::unique_ptr<Writer> Make(const std::string& path, WriterOptions options) {
  auto w = Writer::Create(path, std::move(options));
  INFO(w.status().ToString());
  REQUIRE(w.ok());
  return std::move(*w);
}

// Names in `dir`, hidden ones included, sorted.
std::vector<std::string> List(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (struct dirent* e = readdir(d)) {
      const std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

uint32_t ModeOf(const std::string& path) {
  struct stat st;
  REQUIRE(lstat(path.c_str(), &st) == 0);
  return st.st_mode;
}

std::string Sha(const std::string& data) {
  Sha256 h;
  h.Update(data.data(), data.size());
  return h.FinalHex();
}

// name -> SHA-256 of every entry, read by Python's zipfile (an independent reader).
std::map<std::string, std::string> PythonEntries(const std::string& zip) {
  std::string out;
  const int rc = PythonList(zip, &out);
  INFO(out);
  REQUIRE(rc == 0);
  std::map<std::string, std::string> entries;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    const size_t name_end = line.find('\t');
    entries[line.substr(0, name_end)] = line.substr(line.rfind('\t') + 1);
  }
  return entries;
}

void MakeSite(const TempDir& t) {
  WriteFile(t / "site/plugins/hello/hello.php", SourceLike(40000, 1));
  WriteFile(t / "site/uploads/photo.jpg", RandomBytes(300000, 2));
  WriteFile(t / "site/uploads/empty.txt", "");
}

void MakeOld(const std::string& path) {
  struct utimbuf old = {time(nullptr) - 3600, time(nullptr) - 3600};
  utime(path.c_str(), &old);
}

}  // namespace

TEST_CASE("An encrypted archive decrypts to the zip the summary describes, with the site's files", "[archive][encrypt]") {
  TempDir t;
  MakeSite(t);
  mkdir((t / "out").c_str(), 0755);
  auto w = Make(t / "out/site.zip.enc", Encrypted(KeySecret()));
  REQUIRE(w->AddDirectory(t / "site", "wp-content").ok());
  REQUIRE(w->AddFromString("database.sql", "-- dump\n").ok());
  auto s = w->Close();
  INFO(s.status().ToString());
  REQUIRE(s.ok());

  // Only the encrypted archive is left in the folder, private like any backup.
  CHECK(List(t / "out") == std::vector<std::string>{"site.zip.enc"});
  CHECK((ModeOf(t / "out/site.zip.enc") & 0777) == 0600);
  const std::string sealed = ReadFile(t / "out/site.zip.enc");
  CHECK(sealed.compare(0, 8, "BJLGAEAD") == 0);

  // sha256 and bytes_out describe the file at the path; the zip has its own hash.
  CHECK(s->sha256 == Sha(sealed));
  CHECK(s->bytes_out == sealed.size());
  REQUIRE(s->encryption.has_value());
  CHECK(s->encryption->format == "bjlg");
  CHECK(s->encryption->mode == "key");
  CHECK(s->encryption->kdf == "none");
  CHECK(s->encryption->key_fingerprint == TestKey().Fingerprint());
  CHECK(s->encryption->encrypted_size == sealed.size());
  CHECK(s->encryption->chunk_size == 1u << 20);

  auto plain = crypto::DecryptFile(t / "out/site.zip.enc", t / "plain.zip", crypto::Secret(TestKey()), {});
  INFO(plain.status().ToString());
  REQUIRE(plain.ok());
  const std::string zip = ReadFile(t / "plain.zip");
  CHECK(s->plaintext_sha256 == Sha(zip));
  CHECK(*plain->plaintext_size == zip.size());
  auto entries = PythonEntries(t / "plain.zip");
  CHECK(entries.size() == 6);
  CHECK(entries["wp-content/plugins/hello/hello.php"] == Sha(ReadFile(t / "site/plugins/hello/hello.php")));
  CHECK(entries["wp-content/uploads/photo.jpg"] == Sha(ReadFile(t / "site/uploads/photo.jpg")));
  CHECK(entries["wp-content/uploads/empty.txt"] == Sha(""));
  CHECK(entries["database.sql"] == Sha("-- dump\n"));
  CHECK(entries.count("backup-manifest.json") == 1);
  CHECK(entries.count("backup-index.json") == 1);
  std::string ext;
  CHECK(ExternalTest(t / "plain.zip", &ext) == 0);
  auto reader = Reader::Open(t / "plain.zip");
  REQUIRE(reader.ok());
  CHECK((*reader)->Entries().size() == s->entries);
}

TEST_CASE("The plugin's BJLGENC1 format and passwords: decrypt with the password, refuse another", "[archive][encrypt]") {
  TempDir t;
  MakeSite(t);
  const bool legacy = GENERATE(true, false);
  WriterOptions o = Encrypted(PasswordSecret("correct horse"));
  o.encryption.format = legacy ? crypto::Format::kBjlgenc1 : crypto::Format::kBjlg;
  o.encryption.chunk_size = 4096;
  auto w = Make(t / "a.enc", o);
  REQUIRE(w->AddDirectory(t / "site", "wp-content").ok());
  auto s = w->Close();
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  REQUIRE(s->encryption.has_value());
  CHECK(s->encryption->format == (legacy ? "bjlgenc1" : "bjlg"));
  CHECK(s->encryption->mode == "password");
  CHECK(s->encryption->kdf == (legacy ? "pbkdf2-sha256" : "scrypt"));
  CHECK(ReadFile(t / "a.enc").compare(0, 8, legacy ? "BJLGENC1" : "BJLGAEAD") == 0);
  if (!legacy) CHECK(s->encryption->chunk_size == 4096);

  auto wrong = crypto::DecryptFile(t / "a.enc", t / "wrong.zip", crypto::Secret(crypto::Password("wrong horse")), {});
  CHECK_FALSE(wrong.ok());
  CHECK(wrong.status().code() == (legacy ? Status::Code::kCorruption : Status::Code::kUnauthenticated));
  CHECK_FALSE(Exists(t / "wrong.zip"));

  auto plain = crypto::DecryptFile(t / "a.enc", t / "plain.zip", crypto::Secret(crypto::Password("correct horse")), {});
  INFO(plain.status().ToString());
  REQUIRE(plain.ok());
  CHECK(Sha(ReadFile(t / "plain.zip")) == s->plaintext_sha256);
  CHECK(PythonEntries(t / "plain.zip").size() == 5);
  CHECK(List(t.path()) == std::vector<std::string>{"a.enc", "plain.zip", "site"});
}

TEST_CASE("An encrypted archive with nothing added holds the manifest and the index", "[archive][encrypt]") {
  TempDir t;
  auto w = Make(t / "empty.enc", Encrypted(KeySecret()));
  auto s = w->Close();
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  CHECK(s->files == 0);
  REQUIRE(crypto::DecryptFile(t / "empty.enc", t / "plain.zip", crypto::Secret(TestKey()), {}).ok());
  auto entries = PythonEntries(t / "plain.zip");
  CHECK(entries.size() == 2);
}

TEST_CASE("The plaintext exists only in a private 0700 folder beside the target while it is written", "[archive][encrypt]") {
  TempDir t;
  MakeSite(t);
  for (int i = 0; i < 8; ++i) WriteFile(t / ("site/media/" + std::to_string(i)), RandomBytes(100000, i));
  mkdir((t / "out").c_str(), 0755);
  WriterOptions o = Encrypted(KeySecret());
  o.progress_interval = 0;  // a report after every written job
  o.chunk_size = 64 * 1024;
  auto w = Make(t / "out/a.enc", o);
  int checked = 0;
  std::vector<std::string> phases;
  size_t last_index = 0;
  uint64_t last_done = 0;
  bool one_bar = true;  // declared phases, indexes forward, bytes never back within a phase
  w->set_progress([&](const Progress& p) {
    const bool new_phase = phases.empty() || phases.back() != p.phase;
    if (new_phase) phases.push_back(p.phase);
    one_bar &= p.phases == std::vector<std::string>{"archive", "encrypt", "authenticate"} &&
               p.unit == "bytes" && p.phase_index >= last_index && p.phases[p.phase_index] == p.phase &&
               (new_phase || p.done >= last_done) && p.done <= p.total;
    last_index = p.phase_index;
    last_done = p.done;
    const auto names = List(t / "out");
    REQUIRE(names.size() == 1);  // nothing beside the private folder: no partial, no target
    const std::string dir = t / ("out/" + names[0]);
    CHECK(StartsWith(names[0], ".bjlg-"));
    CHECK(names[0].size() == 12);
    CHECK(S_ISDIR(ModeOf(dir)));
    CHECK((ModeOf(dir) & 0777) == 0700);
    const auto inside = List(dir);
    const auto plaintext = std::find_if(inside.begin(), inside.end(),
                                        [](const std::string& n) { return StartsWith(n, ".bjlg-partial-"); });
    REQUIRE(plaintext != inside.end());  // the plaintext, still private
    CHECK((ModeOf(dir + "/" + *plaintext) & 0777) == 0600);
    // While entries are written the plaintext is alone; then the encrypted file joins it there.
    if (p.phase == "archive") CHECK(inside.size() == 1);
    ++checked;
    return true;
  });
  REQUIRE(w->AddDirectory(t / "site", "wp-content").ok());
  REQUIRE(w->Close().ok());
  CHECK(checked > 2);
  CHECK(one_bar);
  CHECK(phases == std::vector<std::string>{"archive", "encrypt", "authenticate"});
  CHECK(List(t / "out") == std::vector<std::string>{"a.enc"});
}

TEST_CASE("Cancelling while the archive is encrypted or authenticated leaves nothing", "[archive][encrypt]") {
  for (const char* stop_in : {"encrypt", "authenticate"}) {
    INFO(stop_in);
    TempDir t;
    MakeSite(t);
    mkdir((t / "out").c_str(), 0755);
    WriterOptions o = Encrypted(KeySecret());
    auto w = Make(t / "out/a.enc", o);
    w->set_progress([stop_in](const Progress& p) { return p.phase != stop_in; });
    REQUIRE(w->AddDirectory(t / "site", "wp-content").ok());
    CHECK(w->Close().status().code() == Status::Code::kCancelled);
    CHECK(List(t / "out").empty());
  }
}

TEST_CASE("Cancelling an encrypted archive from the progress callback leaves nothing", "[archive][encrypt]") {
  TempDir t;
  MakeSite(t);
  mkdir((t / "out").c_str(), 0755);
  WriterOptions o = Encrypted(KeySecret());
  o.progress_interval = 0;
  auto w = Make(t / "out/a.enc", o);
  w->set_progress([](const Progress& p) { return p.done == 0; });  // once some bytes are written
  CHECK(w->AddDirectory(t / "site", "wp-content").code() == Status::Code::kCancelled);
  CHECK(List(t / "out").empty());
  CHECK(w->Close().status().code() == Status::Code::kCancelled);
  CHECK(List(t / "out").empty());
}

TEST_CASE("Destroying an unclosed encrypted writer removes the plaintext and its folder", "[archive][encrypt]") {
  TempDir t;
  {
    auto w = Make(t / "a.enc", Encrypted(KeySecret()));
    REQUIRE(w->AddFromString("x.txt", "secret site data").ok());
    CHECK(List(t.path()).size() == 1);
  }
  CHECK(List(t.path()).empty());
  auto w = Make(t / "a.enc", Encrypted(KeySecret()));
  REQUIRE(w->AddFromString("x.txt", "x").ok());
  w->Abort();
  CHECK(List(t.path()).empty());
}

TEST_CASE("A disk filling up while the archive is encrypted fails with an I/O error and leaves nothing", "[archive][encrypt]") {
  TempDir t;
  WriteFile(t / "src/noise.bin", RandomBytes(600000, 1));
  mkdir((t / "out").c_str(), 0755);
  const int rc = InChild([&] {
    signal(SIGXFSZ, SIG_IGN);  // writes past the limit fail with EFBIG instead of killing us
    // The zip (600 KB, stored) fits; its encryption in 16-byte chunks (a 16-byte tag each: 1.2
    // MB) does not.
    struct rlimit lim = {1 << 20, 1 << 20};
    setrlimit(RLIMIT_FSIZE, &lim);
    WriterOptions o = Encrypted(KeySecret());
    o.level = 0;
    o.encryption.chunk_size = 16;
    auto w = Writer::Create(t / "out/a.enc", o);
    if (!w.ok()) return 10;
    if (!(*w)->AddDirectory(t / "src", "").ok()) return 11;
    auto c = (*w)->Close();
    if (c.ok()) return 12;
    if (c.status().code() != Status::Code::kIOError) return 13;
    if (c.status().message().find("encrypting the archive") == std::string::npos) return 14;
    if (c.status().message().find("File too large") == std::string::npos) return 15;
    return 0;
  }, false);
  CHECK(rc == 0);
  CHECK(List(t / "out").empty());
}

TEST_CASE("A target folder that turns read-only fails the publication; no plaintext stays behind", "[archive][encrypt]") {
  TempDir t;
  WriteFile(t / "src/a.txt", SourceLike(10000, 1));
  mkdir((t / "out").c_str(), 0755);
  chmod(t.path().c_str(), 0755);
  if (geteuid() == 0) {  // root ignores permissions: the writer runs as nobody, owner of out/
    struct passwd* nobody = getpwnam("nobody");
    REQUIRE(nobody != nullptr);
    REQUIRE(chown((t / "out").c_str(), nobody->pw_uid, nobody->pw_gid) == 0);
  }
  const int rc = InChild([&] {
    auto w = Writer::Create(t / "out/a.enc", Encrypted(KeySecret()));
    if (!w.ok()) return 10;
    if (!(*w)->AddDirectory(t / "src", "").ok()) return 11;
    chmod((t / "out").c_str(), 0555);  // the final rename into it is now refused
    auto c = (*w)->Close();
    if (c.ok()) return 12;
    if (c.status().code() != Status::Code::kIOError) return 13;
    return 0;
  }, true);
  CHECK(rc == 0);
  chmod((t / "out").c_str(), 0755);
  // The private folder could not be removed from a read-only folder, but it was emptied.
  const auto names = List(t / "out");
  REQUIRE(names.size() == 1);
  CHECK(StartsWith(names[0], ".bjlg-"));
  CHECK(List(t / ("out/" + names[0])).empty());
  // Once stale, the next writer there removes it.
  MakeOld(t / ("out/" + names[0]));
  auto next = Make(t / "out/b.zip", {});
  next->Abort();
  CHECK(List(t / "out").empty());
}

TEST_CASE("A killed encrypted writer's private folder is swept once stale, never a live one's", "[archive][encrypt]") {
  TempDir t;
  WriteFile(t / "src/a.bin", RandomBytes(1 << 20, 3));
  mkdir((t / "out").c_str(), 0755);
  const int rc = KillWhileWriting(t / "out/backup.zip.enc", Encrypted(KeySecret()), t / "src");
  CHECK(rc == 128 + SIGKILL);
  auto names = List(t / "out");
  REQUIRE(names.size() == 1);
  const std::string dead = t / ("out/" + names[0]);
  CHECK((ModeOf(dead) & 0777) == 0700);
  const auto inside = List(dead);
  REQUIRE(inside.size() == 1);
  const std::string partial = dead + "/" + inside[0];

  // A private folder of Bjlg\Crypto (no archive partial in it): never the sweep's business.
  mkdir((t / "out/.bjlg-Crypto").c_str(), 0700);
  WriteFile(t / "out/.bjlg-Crypto/site.zip.part", "someone's decryption");
  MakeOld(t / "out/.bjlg-Crypto/site.zip.part");

  // A live encrypted writer, with an old partial file that it still locks.
  auto live = Make(t / "out/live.enc", Encrypted(KeySecret()));
  REQUIRE(live->AddFromString("x.txt", "x").ok());
  std::string live_dir;
  for (const std::string& n : List(t / "out")) {
    if (StartsWith(n, ".bjlg-") && t / ("out/" + n) != dead && n != ".bjlg-Crypto") live_dir = t / ("out/" + n);
  }
  REQUIRE(!live_dir.empty());
  MakeOld(live_dir + "/" + List(live_dir)[0]);

  // Recent: it may belong to a live writer elsewhere, kept.
  Make(t / "out/other.zip", {})->Abort();
  CHECK(Exists(partial));
  // Older than a minute and unlocked: removed with its folder.
  MakeOld(partial);
  Make(t / "out/other.zip", {})->Abort();
  CHECK_FALSE(Exists(dead));
  CHECK(Exists(live_dir));
  CHECK(Exists(t / "out/.bjlg-Crypto/site.zip.part"));
  auto s = live->Close();
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  CHECK(List(t / "out") == std::vector<std::string>{".bjlg-Crypto", "live.enc"});
}

TEST_CASE("Bad encryption options are refused before any file is created", "[archive][encrypt]") {
  TempDir t;
  WriterOptions o = Encrypted(KeySecret());
  o.encryption.chunk_size = 8;
  auto w = Writer::Create(t / "a.enc", o);
  CHECK(w.status().code() == Status::Code::kInvalidArgument);
  CHECK(w.status().message() == "encryption: chunk size must be between 16 bytes and 64 MiB");
  o = Encrypted(PasswordSecret("pw"));
  o.encryption.password_kdf = crypto::KdfId::kPbkdf2Sha256;
  o.encryption.pbkdf2_iterations = 1000;
  CHECK(Writer::Create(t / "a.enc", o).status().code() == Status::Code::kInvalidArgument);
  CHECK(List(t.path()).empty());
}

TEST_CASE("An incremental cannot start from an encrypted archive: its index is not readable", "[archive][encrypt]") {
  TempDir t;
  auto first = Make(t / "full.enc", Encrypted(KeySecret()));
  REQUIRE(first->AddFromString("a.txt", "a").ok());
  REQUIRE(first->Close().ok());
  WriterOptions o = Encrypted(KeySecret());
  o.since = t / "full.enc";
  auto w = Writer::Create(t / "inc.enc", o);
  CHECK(w.status().code() == Status::Code::kInvalidArgument);
  CHECK(w.status().message().find("is an encrypted archive; pass the backup-index.json") != std::string::npos);
  CHECK(List(t.path()) == std::vector<std::string>{"full.enc"});
}
