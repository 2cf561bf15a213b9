// ZipStream on its own: the verdict on a good archive must not depend on how its bytes are cut
// into pieces (the verifier feeds 8 MiB blocks or batches of decrypted chunks).
#include <zlib.h>

#include <catch2/catch.hpp>

#include "verify/zip_stream.h"

namespace bjlg::verify {
namespace {

class Verdicts : public ZipStreamVisitor {
 public:
  bool OnEntryStart(const LocalEntry&) override { return true; }
  Status OnData(const uint8_t*, size_t size) override {
    bytes += size;
    return Status::OK();
  }
  Status OnEntryEnd(const LocalEntry& e, const EntryResult& r) override {
    if (!r.error.empty()) errors += e.name + ": " + r.error + "\n";
    return Status::OK();
  }
  uint64_t bytes = 0;
  std::string errors;
};

void Put(std::string& out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

// A one-entry zip holding `deflated` (raw deflate of `size` bytes with CRC `crc`).
std::string OneEntryZip(const std::string& name, const std::string& deflated, uint32_t crc, uint64_t size) {
  std::string z;
  auto header = [&](bool central) {
    Put(z, central ? 0x02014b50 : 0x04034b50, 4);
    if (central) Put(z, 20, 2);
    Put(z, 20, 2), Put(z, 0, 2), Put(z, 8, 2), Put(z, 0, 4), Put(z, crc, 4);
    Put(z, deflated.size(), 4), Put(z, size, 4), Put(z, name.size(), 2), Put(z, 0, 2);
    if (central) Put(z, 0, 2), Put(z, 0, 2), Put(z, 0, 2), Put(z, 0, 4), Put(z, 0, 4);
    z += name;
  };
  header(false);
  z += deflated;
  const size_t cd = z.size();
  header(true);
  Put(z, 0x06054b50, 4), Put(z, 0, 4), Put(z, 1, 2), Put(z, 1, 2);
  Put(z, z.size() - cd - 12, 4), Put(z, cd, 4), Put(z, 0, 2);
  return z;
}

// Status, bytes given to the visitor and entry errors, feeding `zip` in pieces of `piece` bytes.
std::string Verdict(const std::string& zip, size_t piece) {
  Verdicts v;
  ZipStream stream(&v);
  Status s;
  for (size_t i = 0; i < zip.size() && s.ok(); i += piece) {
    s = stream.Feed(reinterpret_cast<const uint8_t*>(zip.data()) + i, std::min(piece, zip.size() - i));
  }
  if (s.ok()) s = stream.Finish();
  return s.ToString() + "|" + std::to_string(v.bytes) + "|" + v.errors;
}

TEST_CASE("an entry whose last output is pending after its last input byte inflates completely", "[verify][zip]") {
  // As the archive writer deflates a large file in parallel chunks: 1 MiB ended by a sync flush,
  // then the last 4 bytes deflated on their own with the first chunk as preset dictionary, which
  // makes the final block a single match. Given in one piece, zlib takes every
  // compressed byte while filling its fourth 256 KiB output buffer exactly: the match's 4 bytes
  // are still to come with no input left, and the reader must ask for them (it used to call the
  // stream incomplete: a good backup "failed").
  const char* words[] = {"function ", "return ", "$value", " = ", "array(", ");\n", "if (", ") {\n", "}\n", "wp_"};
  uint32_t x = 7;  // a fixed LCG: the byte layout below depends on the exact text
  std::string text;
  while (text.size() < (1u << 20)) {
    x = (x * 1103515245u + 12345u) & 0x7fffffffu;
    text += words[(x >> 16) % 10];
  }
  text.resize(1u << 20);
  text += text.substr(text.size() - 9, 4);  // a match whose bits reach the stream's last byte
  std::string deflated(text.size() + 4096, '\0');
  size_t at = 0;
  for (int part = 0; part < 2; ++part) {
    z_stream d{};
    REQUIRE(deflateInit2(&d, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    Bytef* in = reinterpret_cast<Bytef*>(&text[0]);
    if (part == 1) REQUIRE(deflateSetDictionary(&d, in + (1u << 20) - 32768, 32768) == Z_OK);
    d.next_in = in + (part == 0 ? 0 : 1u << 20);
    d.avail_in = part == 0 ? 1u << 20 : 4;
    d.next_out = reinterpret_cast<Bytef*>(&deflated[at]);
    d.avail_out = static_cast<uInt>(deflated.size() - at);
    REQUIRE(deflate(&d, part == 0 ? Z_SYNC_FLUSH : Z_FINISH) == (part == 0 ? Z_OK : Z_STREAM_END));
    at += d.total_out;
    deflateEnd(&d);
  }
  deflated.resize(at);
  const uint32_t crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(text.data()), text.size()));
  const std::string zip = OneEntryZip("wp-content/plugins/big.php", deflated, crc, text.size());

  for (size_t piece : {zip.size(), size_t{1} << 20, size_t{4096}, size_t{7}}) {
    INFO("piece " << piece);
    CHECK(Verdict(zip, piece) == "OK|" + std::to_string(text.size()) + "|");
  }

  SECTION("damaged deflate data: the same verdict whole (libdeflate, then zlib) as in pieces (zlib)") {
    std::string bad = zip;
    bad[30 + 26 + deflated.size() / 2] ^= 0x20;
    const std::string whole = Verdict(bad, bad.size());
    CHECK(whole.find("wp-content/plugins/big.php: ") != std::string::npos);
    CHECK(Verdict(bad, 4096) == whole);
    CHECK(Verdict(bad, 7) == whole);
  }
}

}  // namespace
}  // namespace bjlg::verify
