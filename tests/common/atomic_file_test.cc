#include "common/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/bjlg-atomic-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::string cmd = "rm -rf '" + path + "'";
    (void)std::system(cmd.c_str());
  }
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    DIR* d = opendir(path.c_str());
    while (struct dirent* e = readdir(d)) {
      const std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(n);
    }
    closedir(d);
    return names;
  }
};

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("An atomic file appears whole under its name only at Commit", "[common][atomic_file]") {
  TempDir dir;
  const std::string target = dir.path + "/report.json";
  {
    std::ofstream(target) << "old";
  }
  auto f = bjlg::AtomicFile::Create(target, 0640);
  REQUIRE(f.ok());
  REQUIRE((*f)->Append("new ").ok());
  REQUIRE((*f)->Append(std::string("content")).ok());
  CHECK(Read(target) == "old");
  CHECK((*f)->temp_path().find("/.bjlg-partial-") != std::string::npos);
  REQUIRE((*f)->Commit().ok());
  CHECK(Read(target) == "new content");
  struct stat st;
  REQUIRE(stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  CHECK(dir.Names() == std::vector<std::string>{"report.json"});
}

TEST_CASE("An atomic file not committed leaves nothing behind", "[common][atomic_file]") {
  TempDir dir;
  {
    auto f = bjlg::AtomicFile::Create(dir.path + "/x.html");
    REQUIRE(f.ok());
    REQUIRE((*f)->Append("partial").ok());
    CHECK(dir.Names().size() == 1);
  }
  CHECK(dir.Names().empty());
}

TEST_CASE("WriteFileAtomically writes privately by default", "[common][atomic_file]") {
  TempDir dir;
  const std::string target = dir.path + "/secret.cnf";
  REQUIRE(bjlg::WriteFileAtomically(target, "user=root\n").ok());
  CHECK(Read(target) == "user=root\n");
  struct stat st;
  REQUIRE(stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("Atomic file failures name their kind", "[common][atomic_file]") {
  TempDir dir;
  auto missing = bjlg::AtomicFile::Create(dir.path + "/no/such/folder/x");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == bjlg::Status::Code::kNotFound);
  CHECK(missing.status().error_code() == "not_found");

  auto folder = bjlg::AtomicFile::Create(dir.path);
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.status().code() == bjlg::Status::Code::kInvalidArgument);

  if (geteuid() != 0) {  // root writes anywhere
    const std::string locked = dir.path + "/locked";
    REQUIRE(mkdir(locked.c_str(), 0500) == 0);
    auto denied = bjlg::AtomicFile::Create(locked + "/x");
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.status().code() == bjlg::Status::Code::kPermissionDenied);
    CHECK(denied.status().error_code() == "permission_denied");
  }
}

TEST_CASE("CreateAt writes beside an entry of an open folder and renames it only at Commit", "[common][atomic_file][harden]") {
  TempDir dir;
  {
    std::ofstream(dir.path + "/a.txt") << "old";
  }
  const int dfd = open(dir.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(dfd >= 0);
  {
    auto f = bjlg::AtomicFile::CreateAt(dfd, "a.txt", "a.txt", 0644, /*replace=*/true, /*sync=*/false);
    REQUIRE(f.ok());
    REQUIRE((*f)->Append("new").ok());
    CHECK(Read(dir.path + "/a.txt") == "old");
    CHECK(dir.Names().size() == 2);
    REQUIRE((*f)->Commit().ok());
  }
  CHECK(Read(dir.path + "/a.txt") == "new");
  CHECK(dir.Names() == std::vector<std::string>{"a.txt"});

  SECTION("without replace an existing entry is refused and kept") {
    auto f = bjlg::AtomicFile::CreateAt(dfd, "a.txt", "a.txt", 0644, /*replace=*/false);
    REQUIRE(f.ok());
    REQUIRE((*f)->Append("other").ok());
    const bjlg::Status s = (*f)->Commit();
    CHECK(s.code() == bjlg::Status::Code::kIOError);
    CHECK(Read(dir.path + "/a.txt") == "new");
    CHECK(dir.Names() == std::vector<std::string>{"a.txt"});
  }
  SECTION("discarded: nothing is left") {
    {
      auto f = bjlg::AtomicFile::CreateAt(dfd, "b.txt", "b.txt", 0644);
      REQUIRE(f.ok());
      REQUIRE((*f)->Append("x").ok());
    }
    CHECK(dir.Names() == std::vector<std::string>{"a.txt"});
  }
  SECTION("a name with a slash is not a leaf") {
    CHECK(bjlg::AtomicFile::CreateAt(dfd, "x/y", "x/y", 0644).status().code() == bjlg::Status::Code::kInvalidArgument);
  }
  close(dfd);
}
