// Hardening (issue 16) of the verification history: a FIFO never blocks, a line nested too deep
// or far too long is skipped like any damaged line.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

#include "verify/report.h"

using namespace bjlg::verify;

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/bjlg-harden-history-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~TempDir() { (void)std::system(("rm -rf '" + path + "'").c_str()); }
};

}  // namespace

TEST_CASE("A FIFO as the history file is no history, and cannot be appended to", "[harden][verify]") {
  TempDir dir;
  const std::string fifo = dir.path + "/history.jsonl";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(PreviousBackup(fifo, "2030-01-01T00:00:00Z").is_null());
  bjlg::Status s = AppendHistory(fifo, nlohmann::json::object());
  CHECK(s.code() == bjlg::Status::Code::kIOError);
}

TEST_CASE("History lines nested too deep or too long are skipped", "[harden][verify]") {
  TempDir dir;
  const std::string path = dir.path + "/history.jsonl";
  {
    std::ofstream out(path);
    out << std::string(100000, '[') << "\n"
        << "{\"backup\":{\"created_at\":\"2026-01-01T00:00:00Z\"},\"pad\":\"" << std::string(2 << 20, 'x') << "\"}\n"
        << "{\"backup\":{\"created_at\":\"2025-06-01T00:00:00Z\"}}\n";
  }
  const nlohmann::json best = PreviousBackup(path, "2030-01-01T00:00:00Z");
  REQUIRE(best.is_object());
  CHECK(best["created_at"] == "2025-06-01T00:00:00Z");
}
