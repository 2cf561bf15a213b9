// The SLA history file: whole-line appends, a torn last line ignored, runs kept beside samples,
// and what is refused (with the line and the field named).
#include "sla/history.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "verify/report.h"

using namespace bjlg::sla;

namespace {

bjlg::Result<History> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadHistory(in, "h.jsonl");
}

std::string TempDir() {
  char tmpl[] = "/tmp/bjlg-sla-history-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  return tmpl;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

HistorySample Sample(const std::string& dest, int64_t at, int64_t used) {
  HistorySample s;
  s.destination = dest;
  s.at = at;
  s.used_bytes = used;
  s.quota_bytes = 1000;
  s.object_count = 3;
  return s;
}

}  // namespace

TEST_CASE("a sample line round-trips through append and read", "[sla]") {
  const std::string dir = TempDir();
  const std::string path = dir + "/quota.jsonl";
  HistorySample failed;
  failed.destination = "nas";
  failed.at = 1764921600;
  failed.errors = {"timeout after 30000 ms"};
  REQUIRE(AppendSamples(path, {Sample("offsite", 1764921600, 500), failed}).ok());
  REQUIRE(AppendSamples(path, {Sample("offsite", 1765008000, 600)}).ok());
  const std::string text = Slurp(path);
  CHECK(text.substr(0, text.find('\n') + 1) ==
        "{\"destination\":\"offsite\",\"at\":\"2025-12-05T08:00:00+00:00\",\"used_bytes\":500,\"quota_bytes\":1000,"
        "\"object_count\":3,\"errors\":[]}\n");
  struct stat st;
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto h = ReadHistoryFile(path);
  REQUIRE(h.ok());
  REQUIRE(h->samples.size() == 3);
  CHECK(h->samples[0].destination == "offsite");
  CHECK(h->samples[0].at == 1764921600);
  CHECK(*h->samples[0].used_bytes == 500);
  CHECK(*h->samples[0].object_count == 3);
  CHECK(h->samples[1].destination == "nas");
  CHECK_FALSE(h->samples[1].used_bytes);
  CHECK(h->samples[1].errors == std::vector<std::string>{"timeout after 30000 ms"});
  CHECK(h->samples[2].line == 3);
  CHECK_FALSE(h->torn_last_line);
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("a torn last line is ignored, and the next append does not glue onto it", "[sla]") {
  const std::string dir = TempDir();
  const std::string path = dir + "/quota.jsonl";
  REQUIRE(AppendSamples(path, {Sample("a", 100, 1)}).ok());
  {
    std::ofstream out(path, std::ios::app);
    out << "{\"destination\":\"a\",\"at\":\"2025-12";  // a writer killed mid-line
  }
  auto torn = ReadHistoryFile(path);
  REQUIRE(torn.ok());
  CHECK(torn->samples.size() == 1);
  CHECK(torn->torn_last_line);
  REQUIRE(AppendSamples(path, {Sample("a", 200, 2)}).ok());
  auto h = ReadHistoryFile(path);
  REQUIRE(h.ok());
  REQUIRE(h->samples.size() == 2);
  CHECK(*h->samples[1].used_bytes == 2);
  CHECK(h->skipped_lines == std::vector<size_t>{2});  // the torn line, now closed, in the middle
  CHECK_FALSE(h->torn_last_line);
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("verify and restore-test lines are runs; unknown objects are counted", "[sla]") {
  auto h = Read(
      "{\"kind\":\"restore_test\",\"status\":\"passed\",\"archive\":\"b.zip\",\"rto\":{\"seconds\":42}}\n"
      "{\"destination\":\"a\",\"at\":1700000000,\"used_bytes\":5}\n"
      "{\"something\":\"else\"}\n"
      "\n");
  REQUIRE(h.ok());
  REQUIRE(h->runs.size() == 1);
  CHECK(h->runs[0]["rto"]["seconds"] == 42);
  CHECK(h->samples.size() == 1);
  CHECK(h->unknown_lines == 1);
}

TEST_CASE("a line nested 100,000 deep is skipped, not parsed, and the lines around it are read", "[sla][harden]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  auto h = Read("{\"destination\":\"a\",\"at\":1700000000,\"used_bytes\":5}\n" +
                ("{\"destination\":" + deep + "}\n") +
                "{\"destination\":\"a\",\"at\":1700086400,\"used_bytes\":7}\n");
  REQUIRE(h.ok());
  CHECK(h->samples.size() == 2);
  CHECK(h->skipped_lines == std::vector<size_t>{2});
}

TEST_CASE("bad sample fields are refused naming the line and the field", "[sla]") {
  auto message = [](const std::string& text) {
    auto h = Read(text);
    REQUIRE_FALSE(h.ok());
    CHECK(h.status().code() == bjlg::Status::Code::kCorruption);
    return h.status().message();
  };
  CHECK(message("{\"destination\":\"a\",\"at\":1,\"used_bytes\":1}\n{\"destination\":\"a\",\"at\":2,\"used_bytes\":-5}\n") ==
        "h.jsonl: line 2: field \"used_bytes\" must be null or an integer >= 0");
  CHECK(message("{\"destination\":\"a\",\"at\":\"yesterday\"}\n") ==
        "h.jsonl: line 1: field \"at\" must be an ISO 8601 time or Unix seconds");
  CHECK(message("{\"destination\":\"\",\"at\":1}\n") == "h.jsonl: line 1: field \"destination\" must be a non-empty string");
  CHECK(message("{\"destination\":\"a\",\"at\":1,\"errors\":\"x\"}\n") == "h.jsonl: line 1: field \"errors\" must be a list of strings");
  CHECK(message("PK\x03\x04 this is a zip\nand more\n") == "h.jsonl: not a history: no line is a JSON object (line 1 is not)");
  CHECK(message(std::string(kMaxHistoryLine + 10, 'x')) == "h.jsonl: line 1: longer than 1048576 bytes");
}

TEST_CASE("an empty history and a missing file", "[sla]") {
  auto empty = Read("");
  REQUIRE(empty.ok());
  CHECK(empty->samples.empty());
  auto only_torn = Read("{\"destination\":");
  REQUIRE(only_torn.ok());
  CHECK(only_torn->torn_last_line);
  auto missing = ReadHistoryFile("/nonexistent/quota.jsonl");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().error_code() == "not_found");
  CHECK(AppendSamples("/nonexistent/quota.jsonl", {Sample("a", 1, 1)}).error_code() == "not_found");
  CHECK(AppendSamples("/tmp/x.jsonl", {Sample("", 1, 1)}).message() == "sample 0: field \"destination\" must not be empty");
}

TEST_CASE("the verify history that restore tests write is read as runs beside the samples", "[sla]") {
  const std::string dir = TempDir();
  const std::string path = dir + "/history.jsonl";
  bjlg::verify::Report report("restore-test");
  REQUIRE(bjlg::verify::AppendHistory(path, report.ToJson()).ok());
  REQUIRE(AppendSamples(path, {Sample("offsite", 1764921600, 500)}).ok());
  auto h = ReadHistoryFile(path);
  REQUIRE(h.ok());
  REQUIRE(h->runs.size() == 1);
  CHECK(h->runs[0]["kind"] == "restore-test");
  REQUIRE(h->samples.size() == 1);
  CHECK(h->samples[0].line == 2);
  std::system(("rm -rf " + dir).c_str());
}
