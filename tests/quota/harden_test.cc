// Hardening (issue 16) of what the quota collector reads: destinations files (YAML aliases,
// nesting, special files, size) and XML answers (nesting).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "quota/destination.h"
#include "quota/xml_stream.h"

using namespace bjlg::quota;

namespace {

std::string WriteTemp(const std::string& text) {
  char tmpl[] = "/tmp/bjlg-harden-yaml-XXXXXX";
  const int fd = mkstemp(tmpl);
  REQUIRE(fd >= 0);
  close(fd);
  std::ofstream(tmpl, std::ios::binary) << text;
  return tmpl;
}

// Loads `yaml` from a file; the status message with the file's path replaced by FILE.
std::string LoadError(const std::string& yaml) {
  const std::string path = WriteTemp(yaml);
  auto r = LoadDestinationsFile(path, {});
  std::remove(path.c_str());
  if (r.ok()) return "loaded";
  std::string m = r.status().message();
  for (size_t at; (at = m.find(path)) != std::string::npos;) m.replace(at, path.size(), "FILE");
  return m;
}

}  // namespace

TEST_CASE("Destinations file: an alias inside its own anchor is refused, not followed forever", "[harden][quota]") {
  CHECK(LoadError("destinations: &loop\n  - {name: a, type: local, path: /tmp, more: *loop}\n") ==
        "FILE is nested deeper than 64 levels");
  CHECK(LoadError("destinations:\n  - &x {name: a, type: local, path: /tmp, again: *x}\n") ==
        "FILE is nested deeper than 64 levels");
}

TEST_CASE("Destinations file: nested aliases (billion laughs) are refused within the node budget", "[harden][quota]") {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    const std::string p = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + p;
    for (int k = 1; k < 10; ++k) yaml += ", " + p;
    yaml += "]\n";
  }
  yaml += "destinations:\n  - {name: a, type: local, path: /tmp, lol: *a9}\n";
  CHECK(yaml.size() < 700);
  const auto start = std::chrono::steady_clock::now();
  CHECK(LoadError(yaml) == "FILE expands to more than 20000 nodes (aliases count each time they are used)");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("Destinations file: aliases within the budget are expanded", "[harden][quota]") {
  const std::string path = WriteTemp(
      "destinations:\n  - {name: a, type: local, path: &p /tmp}\n  - {name: b, type: local, path: *p}\n");
  auto r = LoadDestinationsFile(path, {});
  std::remove(path.c_str());
  REQUIRE(r.ok());
  REQUIRE(r->size() == 2);
  CHECK((*r)[1].Text("path") == "/tmp");
}

TEST_CASE("Destinations file: a FIFO, a device or an oversized file is refused by name", "[harden][quota]") {
  char dir[] = "/tmp/bjlg-harden-fifo-XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string fifo = std::string(dir) + "/destinations.yml";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  auto r = LoadDestinationsFile(fifo, {});
  CHECK(r.status().message() == "destinations file " + fifo + " is a FIFO, not a regular file");
  unlink(fifo.c_str());
  rmdir(dir);
  CHECK(LoadDestinationsFile("/dev/zero", {}).status().message() ==
        "destinations file /dev/zero is a character device, not a regular file");
  CHECK(LoadError("destinations: []\n# " + std::string(1 << 20, 'x') + "\n") ==
        "destinations file FILE is larger than the 1 MiB limit");
}

TEST_CASE("XmlStream refuses elements nested deeper than the limit", "[harden][quota][xml]") {
  auto nested = [](int depth) {
    std::string doc;
    for (int i = 0; i < depth; ++i) doc += "<a>";
    for (int i = 0; i < depth; ++i) doc += "</a>";
    return doc;
  };
  int ends = 0;
  XmlStream ok([&](const std::string&, const std::string&) { ++ends; });
  CHECK(ok.Feed(nested(64)));
  CHECK(ok.Finish());
  CHECK(ends == 64);
  XmlStream deep([](const std::string&, const std::string&) {});
  CHECK_FALSE(deep.Feed(nested(100000)));
  CHECK(deep.error() == "XML nested deeper than 64 levels");
  CHECK_FALSE(deep.Finish());
}
