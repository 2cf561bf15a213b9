// SigV4 differential test: 300 random requests (paths and query strings with reserved, UTF-8
// and space characters, headers with runs of spaces, varied regions and secrets) signed by bjlg
// and by botocore (tests/quota/servers/sigv4_oracle.py), which must agree on every signature.
// Run by tests/quota/run-integration.sh, which sets BJLG_IT_SIGV4_ORACLE.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <unistd.h>

#include "quota/crypto.h"
#include "quota/sigv4.h"

using namespace bjlg::quota;
using json = nlohmann::json;

namespace {

std::string RandomText(std::mt19937& rng, size_t max_len) {
  static const std::vector<std::string> pieces = {"a", "Z", "0", "-", "_", ".", "~", " ", "+", "=", "&", "/", "%",
                                                  "?", "#", ":", "@", "!", "*", "'", "(", ",", ";",
                                                  "\xC3\xA9", "\xE1\x88\xB4", "key", "backup"};
  std::uniform_int_distribution<size_t> len(1, max_len), pick(0, pieces.size() - 1);
  std::string out;
  for (size_t n = len(rng); n > 0; --n) out += pieces[pick(rng)];
  return out;
}

}  // namespace

TEST_CASE("SigV4 agrees with botocore's signer on random requests", "[.integration]") {
  const char* oracle = std::getenv("BJLG_IT_SIGV4_ORACLE");
  if (oracle == nullptr) FAIL("BJLG_IT_SIGV4_ORACLE is not set: run tests/quota/run-integration.sh");
  std::mt19937 rng(20150830);
  std::string input = "/tmp/bjlg-sigv4-" + std::to_string(getpid()) + ".jsonl";
  std::vector<std::string> ours;
  {
    std::ofstream out(input);
    const char* regions[] = {"us-east-1", "eu-west-3", "auto"};
    for (int i = 0; i < 300; ++i) {
      SigV4Request r;
      r.method = i % 3 == 0 ? "POST" : "GET";
      r.path = "/" + RandomText(rng, 6) + "/" + RandomText(rng, 8);
      std::uniform_int_distribution<int> count(0, 4);
      for (int q = count(rng); q > 0; --q) {
        std::string key = RandomText(rng, 3) + std::to_string(q);  // unique names
        r.query.emplace_back(key, i % 5 == 0 ? "" : RandomText(rng, 6));
      }
      std::string date = "20" + std::to_string(10 + i % 15) + "0" + std::to_string(1 + i % 9) + "1" +
                         std::to_string(i % 10) + "T0" + std::to_string(i % 10) + "2233Z";
      r.headers = {{"host", "bucket" + std::to_string(i) + ".s3.example.com:8443"},
                   {"x-amz-date", date},
                   {"x-amz-content-sha256", Hex(Sha256(std::to_string(i)))},
                   {"x-amz-meta-note", "  two   spaces  " + std::to_string(i)}};
      r.payload_sha256_hex = Hex(Sha256(std::to_string(i)));
      SigV4Credentials c{"AKID" + std::to_string(i), "secret/" + RandomText(rng, 10), regions[i % 3], "s3"};
      ours.push_back(SignV4(r, c, date).signature);
      json headers = json::array();
      for (auto& [k, v] : r.headers) headers.push_back({k, v});
      json query = json::array();
      for (auto& [k, v] : r.query) query.push_back({k, v});
      out << json{{"method", r.method}, {"path", r.path}, {"query", query}, {"headers", headers},
                  {"amz_date", date}, {"access_key", c.access_key}, {"secret_key", c.secret_key},
                  {"region", c.region}, {"service", c.service}}.dump()
          << "\n";
    }
  }
  std::string command = std::string("/usr/bin/python3 ") + oracle + " < " + input;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::vector<std::string> theirs;
  char line[256];
  while (fgets(line, sizeof line, pipe) != nullptr) {
    std::string s(line);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    theirs.push_back(s);
  }
  CHECK(pclose(pipe) == 0);
  std::remove(input.c_str());
  REQUIRE(theirs.size() == ours.size());
  int disagreements = 0;
  for (size_t i = 0; i < ours.size(); ++i) disagreements += ours[i] != theirs[i] ? 1 : 0;
  CHECK(disagreements == 0);
}
