#include "common/parse_limits.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/bjlg-limits-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::string cmd = "rm -rf '" + path + "'";
    (void)std::system(cmd.c_str());
  }
  std::string Write(const std::string& name, const std::string& data) const {
    const std::string p = path + "/" + name;
    std::ofstream(p, std::ios::binary) << data;
    return p;
  }
};

std::string Nested(int depth, char open, char close) {
  return std::string(static_cast<size_t>(depth), open) + std::string(static_cast<size_t>(depth), close);
}

}  // namespace

TEST_CASE("ReadSmallFile returns a regular file's content", "[harden]") {
  TempDir dir;
  const std::string p = dir.Write("key", "secret\n");
  bjlg::Result<std::string> data = bjlg::ReadSmallFile(p, 64, "key file");
  REQUIRE(data.ok());
  CHECK(*data == "secret\n");
  CHECK(bjlg::ReadSmallFile(dir.Write("empty", ""), 64, "key file").value().empty());
}

TEST_CASE("ReadSmallFile refuses a file over its cap, naming the input and the limit", "[harden]") {
  TempDir dir;
  const std::string p = dir.Write("config", std::string(2048, 'x'));
  CHECK(bjlg::ReadSmallFile(p, 2048, "config file").ok());
  bjlg::Result<std::string> data = bjlg::ReadSmallFile(p, 1024, "config file");
  REQUIRE_FALSE(data.ok());
  CHECK(data.status().code() == bjlg::Status::Code::kInvalidArgument);
  CHECK(data.status().message() == "config file " + p + " is larger than the 1 KiB limit");
}

TEST_CASE("A FIFO is refused at once instead of blocking open()", "[harden]") {
  TempDir dir;
  const std::string fifo = dir.path + "/fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const auto start = std::chrono::steady_clock::now();
  bjlg::Result<std::string> data = bjlg::ReadSmallFile(fifo, 64, "key file");
  REQUIRE_FALSE(data.ok());
  CHECK(data.status().code() == bjlg::Status::Code::kIOError);
  CHECK(data.status().message() == "key file " + fifo + " is a FIFO, not a regular file");
  bjlg::Result<int> fd = bjlg::OpenRegularFile(fifo, "archive");
  REQUIRE_FALSE(fd.ok());
  CHECK(fd.status().message() == "archive " + fifo + " is a FIFO, not a regular file");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("Devices, sockets and folders are refused before any read", "[harden]") {
  TempDir dir;
  CHECK(bjlg::ReadSmallFile("/dev/zero", 64, "index").status().message() ==
        "index /dev/zero is a character device, not a regular file");
  CHECK(bjlg::OpenRegularFile(dir.path, "archive").status().message() ==
        "archive " + dir.path + " is a folder, not a regular file");
  const std::string sock = dir.path + "/sock";
  const int s = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  sock.copy(addr.sun_path, sizeof addr.sun_path - 1);
  REQUIRE(bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  // open() of a socket fails with ENXIO before fstat(): refused either way, and named.
  bjlg::Result<int> fd = bjlg::OpenRegularFile(sock, "config file");
  close(s);
  REQUIRE_FALSE(fd.ok());
  CHECK(fd.status().message().find("config file " + sock) != std::string::npos);
}

TEST_CASE("OpenRegularFile returns a blocking descriptor; a missing file is NotFound", "[harden]") {
  TempDir dir;
  bjlg::Result<int> fd = bjlg::OpenRegularFile(dir.Write("a", "abc"), "archive");
  REQUIRE(fd.ok());
  char buf[4];
  CHECK(read(*fd, buf, sizeof buf) == 3);
  close(*fd);
  bjlg::Result<int> missing = bjlg::OpenRegularFile(dir.path + "/nope", "archive");
  CHECK(missing.status().code() == bjlg::Status::Code::kNotFound);
  CHECK(missing.status().message().find("cannot open archive " + dir.path + "/nope") == 0);
}

TEST_CASE("CheckJsonDepth refuses nesting past the limit, arrays and objects alike", "[harden]") {
  CHECK(bjlg::CheckJsonDepth(Nested(64, '[', ']'), 64, "manifest").ok());
  bjlg::Status deep = bjlg::CheckJsonDepth(Nested(65, '[', ']'), 64, "manifest");
  CHECK(deep.code() == bjlg::Status::Code::kCorruption);
  CHECK(deep.message() == "manifest is nested deeper than 64 levels");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  CHECK_FALSE(bjlg::CheckJsonDepth(objects, 64, "index").ok());
  // Siblings do not add up: depth is nesting, not count.
  std::string wide = "[";
  for (int i = 0; i < 1000; ++i) wide += "[[]],";
  wide += "[]]";
  CHECK(bjlg::CheckJsonDepth(wide, 3, "index").ok());
}

TEST_CASE("CheckJsonDepth ignores brackets inside strings, escaped quotes included", "[harden]") {
  CHECK(bjlg::CheckJsonDepth(R"({"name": "[[[[[[[[{{{{{{"})", 1, "manifest").ok());
  CHECK(bjlg::CheckJsonDepth(R"(["a\"[[[[[[", "\\"])", 1, "manifest").ok());
  CHECK_FALSE(bjlg::CheckJsonDepth(R"(["\\", [[]]])", 2, "manifest").ok());
}

TEST_CASE("ExpansionBudget stops a conversion at its node count and depth", "[harden]") {
  bjlg::ExpansionBudget nodes("destinations.yml", 3, 10);
  CHECK(nodes.Enter(0).ok());
  CHECK(nodes.Enter(1).ok());
  CHECK(nodes.Enter(1).ok());
  bjlg::Status over = nodes.Enter(1);
  CHECK(over.code() == bjlg::Status::Code::kCorruption);
  CHECK(over.message() == "destinations.yml expands to more than 3 nodes (aliases count each time they are used)");
  bjlg::ExpansionBudget depth("destinations.yml", 100, 2);
  CHECK(depth.Enter(2).ok());
  CHECK(depth.Enter(3).message() == "destinations.yml is nested deeper than 2 levels");
}

TEST_CASE("ParseUntrustedJson parses within the limit and names the input otherwise", "[harden]") {
  bjlg::Result<nlohmann::json> doc = bjlg::ParseUntrustedJson(R"({"a": [1, {"b": 2}]})", "index");
  REQUIRE(doc.ok());
  CHECK((*doc)["a"][1]["b"] == 2);
  bjlg::Result<nlohmann::json> deep = bjlg::ParseUntrustedJson(Nested(100000, '[', ']'), "backup-manifest.json");
  CHECK(deep.status().message() == "backup-manifest.json is nested deeper than 64 levels");
  bjlg::Result<nlohmann::json> bad = bjlg::ParseUntrustedJson("{\"a\":", "index");
  CHECK(bad.status().code() == bjlg::Status::Code::kCorruption);
  CHECK(bad.status().message() == "index is not valid JSON");
}

TEST_CASE("Thread counts are bounded the same way for every operation", "[common][limits]") {
  CHECK(bjlg::CheckThreadCount(0).ok());
  CHECK(bjlg::CheckThreadCount(bjlg::kMaxThreads).ok());
  const bjlg::Status negative = bjlg::CheckThreadCount(-1);
  CHECK(negative.option() == "threads");
  CHECK(negative.message() == "option \"threads\" must be between 0 and 256");
  CHECK(bjlg::CheckThreadCount(bjlg::kMaxThreads + 1, "encrypt_threads").option() == "encrypt_threads");
}
