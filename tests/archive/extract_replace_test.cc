// Replacing files from an archive (issue 16, class 4): every extracted file is written beside
// its target and renamed over it only after its size and CRC were checked, so restoring a
// damaged backup over a live site never destroys the live copy of a damaged file.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "archive/reader.h"
#include "common/atomic_file.h"
#include "tests/archive/test_util.h"
#include "tests/archive/zip_bombs.h"

namespace bjlg::archive {
namespace {

using testing::ReadFile;
using testing::Le32;
using testing::TempDir;
using testing::WriteFile;

// An archive of one entry "a.txt" whose recorded CRC-32 does not match its data.
std::string DamagedZip(const std::string& content) {
  std::string zip = testing::HonestZip({{"a.txt", content}});
  const size_t cd = Le32(zip, zip.size() - 6);
  for (size_t at : {size_t{14}, cd + 16}) zip[at] = static_cast<char>(zip[at] ^ 0x5a);
  return zip;
}

Result<ExtractReport> Extract(const std::string& zip_path, const std::string& dest, bool overwrite = true) {
  auto reader = Reader::Open(zip_path);
  if (!reader.ok()) return reader.status();
  ExtractOptions o;
  o.overwrite = overwrite;
  return (*reader)->ExtractTo(dest, o);
}

// Names in `dir` starting with the temporary prefix.
bool HasLeftovers(const std::string& dir) {
  return TempDir::Run("ls -A '" + dir + "' | grep -q '^" + std::string(AtomicFile::kTempPrefix) + "'") == 0;
}

TEST_CASE("A damaged entry leaves the existing file it would have replaced untouched", "[harden][archive]") {
  TempDir dir;
  WriteFile(dir / "damaged.zip", DamagedZip(std::string(200000, 'n')));
  WriteFile(dir / "site/a.txt", "the live copy");
  auto r = Extract(dir / "damaged.zip", dir / "site");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kCorruption);
  CHECK_THAT(r.status().message(), Catch::Contains("CRC"));
  CHECK(ReadFile(dir / "site/a.txt") == "the live copy");
  CHECK_FALSE(HasLeftovers(dir / "site"));
}

TEST_CASE("A damaged entry with no existing file leaves nothing behind", "[harden][archive]") {
  TempDir dir;
  WriteFile(dir / "damaged.zip", DamagedZip("some content"));
  REQUIRE_FALSE(Extract(dir / "damaged.zip", dir / "site").ok());
  CHECK_FALSE(testing::Exists(dir / "site/a.txt"));
  CHECK_FALSE(HasLeftovers(dir / "site"));
}

TEST_CASE("A good entry replaces the existing file whole", "[harden][archive]") {
  TempDir dir;
  WriteFile(dir / "good.zip", testing::HonestZip({{"a.txt", "new content"}}));
  WriteFile(dir / "site/a.txt", "old content, longer than the new one");
  REQUIRE(Extract(dir / "good.zip", dir / "site").ok());
  CHECK(ReadFile(dir / "site/a.txt") == "new content");
  CHECK_FALSE(HasLeftovers(dir / "site"));
}

TEST_CASE("A hard-linked target is replaced, its other name keeps its content", "[harden][archive]") {
  TempDir dir;
  WriteFile(dir / "good.zip", testing::HonestZip({{"a.txt", "from the archive"}}));
  WriteFile(dir / "elsewhere/keep.txt", "another file's content");
  testing::MakeDirs(dir / "site");
  REQUIRE(link((dir / "elsewhere/keep.txt").c_str(), (dir / "site/a.txt").c_str()) == 0);
  REQUIRE(Extract(dir / "good.zip", dir / "site").ok());
  CHECK(ReadFile(dir / "site/a.txt") == "from the archive");
  CHECK(ReadFile(dir / "elsewhere/keep.txt") == "another file's content");
  struct stat st;
  REQUIRE(stat((dir / "elsewhere/keep.txt").c_str(), &st) == 0);
  CHECK(st.st_nlink == 1);
}

TEST_CASE("A symbolic link at the target is replaced, never written through", "[harden][archive]") {
  TempDir dir;
  WriteFile(dir / "good.zip", testing::HonestZip({{"a.txt", "from the archive"}}));
  WriteFile(dir / "outside/secret.txt", "not to be overwritten");
  testing::MakeDirs(dir / "site");
  REQUIRE(symlink((dir / "outside/secret.txt").c_str(), (dir / "site/a.txt").c_str()) == 0);
  REQUIRE(Extract(dir / "good.zip", dir / "site").ok());
  struct stat st;
  REQUIRE(lstat((dir / "site/a.txt").c_str(), &st) == 0);
  CHECK(S_ISREG(st.st_mode));
  CHECK(ReadFile(dir / "site/a.txt") == "from the archive");
  CHECK(ReadFile(dir / "outside/secret.txt") == "not to be overwritten");
}

TEST_CASE("Without overwrite an existing file is refused and kept", "[harden][archive]") {
  TempDir dir;
  WriteFile(dir / "good.zip", testing::HonestZip({{"a.txt", "from the archive"}}));
  WriteFile(dir / "site/a.txt", "kept");
  auto r = Extract(dir / "good.zip", dir / "site", false);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kIOError);
  CHECK_THAT(r.status().message(), Catch::Contains("a.txt") && Catch::Contains("exists"));
  CHECK(ReadFile(dir / "site/a.txt") == "kept");
  CHECK_FALSE(HasLeftovers(dir / "site"));
}

TEST_CASE("Cancelling in the middle of an entry keeps the existing file", "[harden][archive]") {
  TempDir dir;
  WriteFile(dir / "big.zip", testing::HonestZip({{"a.txt", testing::RandomBytes(3u << 20, 7)}}));
  WriteFile(dir / "site/a.txt", "the live copy");
  auto reader = Reader::Open(dir / "big.zip");
  REQUIRE(reader.ok());
  ExtractOptions o;
  o.progress_interval = 0;
  o.progress = [](const Progress& p) { return p.done < (1u << 20); };
  auto r = (*reader)->ExtractTo(dir / "site", o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kCancelled);
  CHECK(ReadFile(dir / "site/a.txt") == "the live copy");
  CHECK_FALSE(HasLeftovers(dir / "site"));
}

}  // namespace
}  // namespace bjlg::archive
