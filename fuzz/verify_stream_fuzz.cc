// Fuzzes the verifier's two streaming parsers with arbitrary bytes cut into arbitrary pieces:
// ZipStream (headers, Zip64 fields, data descriptors, central directory) and SqlCheck. Contracts:
// no crash or sanitizer report; the same input gives the same verdict whatever the piece sizes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "verify/sql_check.h"
#include "verify/zip_stream.h"

namespace {

class Sink : public bjlg::verify::ZipStreamVisitor {
 public:
  bool OnEntryStart(const bjlg::verify::LocalEntry&) override { return true; }
  bjlg::Status OnData(const uint8_t*, size_t size) override {
    bytes += size;
    return bjlg::Status::OK();
  }
  bjlg::Status OnEntryEnd(const bjlg::verify::LocalEntry&, const bjlg::verify::EntryResult& r) override {
    verdict += r.error.empty() ? "." : "x";
    return bjlg::Status::OK();
  }
  uint64_t bytes = 0;
  std::string verdict;
};

std::string ZipVerdict(const uint8_t* data, size_t size, size_t piece) {
  Sink sink;
  bjlg::verify::ZipStream zip(&sink);
  bjlg::Status s;
  for (size_t i = 0; i < size && s.ok(); i += piece) s = zip.Feed(data + i, std::min(piece, size - i));
  if (s.ok()) s = zip.Finish();
  return sink.verdict + "|" + std::to_string(sink.bytes) + "|" + s.ToString();
}

std::string SqlVerdict(const uint8_t* data, size_t size, size_t piece) {
  bjlg::verify::SqlCheck sql;
  for (size_t i = 0; i < size; i += piece) sql.Feed(reinterpret_cast<const char*>(data) + i, std::min(piece, size - i));
  sql.Finish();
  const auto& s = sql.summary();
  std::string v = std::to_string(s.statements) + "/" + std::to_string(s.error_count) + "/" + (s.complete ? "c" : "i");
  for (const auto& [name, t] : s.tables) v += "," + name + ":" + std::to_string(t.rows) + (t.created ? "+" : "-");
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = 1 + data[0] % 13;
  if (ZipVerdict(data + 1, size - 1, size) != ZipVerdict(data + 1, size - 1, piece)) __builtin_trap();
  if (SqlVerdict(data + 1, size - 1, size) != SqlVerdict(data + 1, size - 1, piece)) __builtin_trap();
  return 0;
}
