// Fuzz target for the importer's reader: the Splitter, and the statement reading the importer
// does on each statement (TargetOf, RewriteNames, OneLine), plus the connection parsers. Input:
// a dump. Checks: no crash or leak; the statements do not depend on how the input is chunked
// (whole vs pieces of 1..64 bytes chosen by the first byte); no statement is empty, starts with
// a space or exceeds the limit; renaming nothing changes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "database/connection.h"
#include "database/splitter.h"
#include "database/sql_text.h"

using namespace bjlg::database;

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

constexpr size_t kMax = 1 << 16;

// The statements (and the final status) of `data` fed in pieces of `chunk` bytes.
std::vector<std::string> Split(const std::string& data, size_t chunk, std::string* end) {
  Splitter s(kMax);
  std::vector<std::string> out;
  auto drain = [&] {
    for (;;) {
      Statement st;
      bjlg::Result<bool> got = s.Next(&st);
      if (!got.ok()) {
        *end = got.status().ToString();
        return false;
      }
      if (!*got) return true;
      Require(!st.sql.empty() && !isspace(static_cast<unsigned char>(st.sql[0])));
      Require(st.sql.size() <= kMax);
      Require(st.line >= 1);
      out.push_back(st.sql);
    }
  };
  for (size_t at = 0; at < data.size(); at += chunk) {
    s.Feed(std::string_view(data).substr(at, chunk));
    if (!drain()) return out;
  }
  s.Finish();
  drain();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t chunk = size > 0 ? 1 + data[0] % 64 : 1;
  std::string end_whole, end_chunked;
  const std::vector<std::string> whole = Split(input, input.size() + 1, &end_whole);
  const std::vector<std::string> pieces = Split(input, chunk, &end_chunked);
  // A too-large statement may be noticed at different points; otherwise the cut is the same.
  if (end_whole.find("larger than") == std::string::npos && end_chunked.find("larger than") == std::string::npos) {
    Require(whole == pieces);
    Require(end_whole == end_chunked);
  }
  for (const std::string& sql : whole) {
    const StatementTarget t = TargetOf(sql);
    Require(t.object.empty() || !t.kind.empty());
    Require(RewriteNames(sql, [](const std::string& n, bool* r) {
              *r = false;
              return n;
            }) == sql);
    const std::string one = OneLine(sql);
    Require(one.find('\n') == std::string::npos || sql.find('`') != std::string::npos);
    (void)WithoutDefiner(sql);
  }
  Connection c;
  (void)ParseDsn(input, &c);
  Connection w;
  (void)ParseWpConfig(input, &w);
  (void)ApplyDbHost(input.substr(0, 300), &w);
  return 0;
}
