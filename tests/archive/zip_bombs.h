// Zip archives written byte by byte, for the hardening tests: what no zip writer produces on
// purpose (entries sharing or overlapping their data, sizes no compressor could honestly give),
// so that each refusal is proven on an archive that would otherwise be accepted.
#ifndef BJLG_TESTS_ARCHIVE_ZIP_BOMBS_H_
#define BJLG_TESTS_ARCHIVE_ZIP_BOMBS_H_

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace bjlg::archive::testing {

inline void Put16(std::string* s, uint32_t v) {
  s->push_back(static_cast<char>(v & 0xff));
  s->push_back(static_cast<char>((v >> 8) & 0xff));
}
inline void Put32(std::string* s, uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}

// The 32-bit little-endian field at `at` of `zip`.
inline uint32_t Le32(const std::string& s, size_t at) {
  return static_cast<uint8_t>(s[at]) | static_cast<uint8_t>(s[at + 1]) << 8 |
         static_cast<uint8_t>(s[at + 2]) << 16 | static_cast<uint32_t>(static_cast<uint8_t>(s[at + 3])) << 24;
}

inline uint32_t Crc(const std::string& data) {
  return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

// A raw deflate stream (final block included) of `data`.
inline std::string RawDeflate(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(&out[0]);
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A zip's central directory and end record, over entries the caller placed.
struct CentralRecord {
  std::string name;
  uint16_t method = 8;
  uint32_t crc = 0;
  uint32_t compressed_size = 0;
  uint32_t size = 0;
  uint32_t offset = 0;
};

inline std::string LocalHeader(const CentralRecord& e) {
  std::string h;
  Put32(&h, 0x04034b50);
  Put16(&h, 20);
  Put16(&h, 0);         // flags
  Put16(&h, e.method);
  Put32(&h, 0x00210000);  // 1980-01-01 00:00
  Put32(&h, e.crc);
  Put32(&h, e.compressed_size);
  Put32(&h, e.size);
  Put16(&h, static_cast<uint32_t>(e.name.size()));
  Put16(&h, 0);
  return h + e.name;
}

inline std::string CentralDirectory(const std::vector<CentralRecord>& entries, uint32_t at) {
  std::string cd;
  for (const CentralRecord& e : entries) {
    Put32(&cd, 0x02014b50);
    Put16(&cd, 0x0314);  // Unix, 2.0
    Put16(&cd, 20);
    Put16(&cd, 0);
    Put16(&cd, e.method);
    Put32(&cd, 0x00210000);
    Put32(&cd, e.crc);
    Put32(&cd, e.compressed_size);
    Put32(&cd, e.size);
    Put16(&cd, static_cast<uint32_t>(e.name.size()));
    Put16(&cd, 0);
    Put16(&cd, 0);
    Put16(&cd, 0);
    Put16(&cd, 0);
    Put32(&cd, 0100644u << 16);
    Put32(&cd, e.offset);
    cd += e.name;
  }
  std::string end;
  Put32(&end, 0x06054b50);
  Put16(&end, 0);
  Put16(&end, 0);
  Put16(&end, static_cast<uint32_t>(entries.size()));
  Put16(&end, static_cast<uint32_t>(entries.size()));
  Put32(&end, static_cast<uint32_t>(cd.size()));
  Put32(&end, at);
  Put16(&end, 0);
  return cd + end;
}

// The overlapping-entry bomb: `count` entries whose data all end in one deflated kernel of
// `kernel_size` zero bytes. Entry i's data is a stored deflate block quoting entry i+1's local
// header, then entry i+1's data: each entry is a valid deflate stream under any per-entry ratio,
// their local headers match the central directory, and together they inflate to about
// count * kernel_size bytes from a few kilobytes.
inline std::string OverlappingBomb(int count, size_t kernel_size) {
  const std::string kernel_out(kernel_size, '\0');
  std::string data = RawDeflate(kernel_out);  // entry i's compressed data, built from the last
  std::string plain = kernel_out;              // and what it inflates to
  std::vector<CentralRecord> entries(static_cast<size_t>(count));
  std::vector<size_t> header_sizes(entries.size());
  std::string file;
  for (int i = count - 1; i >= 0; --i) {
    CentralRecord& e = entries[static_cast<size_t>(i)];
    e.name = "bomb/" + std::to_string(i) + ".txt";
    e.crc = Crc(plain);
    e.compressed_size = static_cast<uint32_t>(data.size());
    e.size = static_cast<uint32_t>(plain.size());
    const std::string header = LocalHeader(e);
    header_sizes[static_cast<size_t>(i)] = header.size();
    if (i == 0) {
      file = header + data;
      break;
    }
    // The previous entry's data: a non-final stored block holding this header, then this data.
    std::string quote(1, '\0');
    Put16(&quote, static_cast<uint32_t>(header.size()));
    Put16(&quote, static_cast<uint32_t>(~header.size() & 0xffff));
    data = quote + header + data;
    plain = header + plain;
  }
  uint32_t at = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    entries[i].offset = at;
    at += static_cast<uint32_t>(header_sizes[i] + 5);
  }
  return file + CentralDirectory(entries, static_cast<uint32_t>(file.size()));
}

// `count` central records sharing one local header and its deflated data.
inline std::string SharedEntryBomb(int count, size_t kernel_size) {
  const std::string plain(kernel_size, '\0');
  CentralRecord e;
  e.name = "shared.txt";
  e.crc = Crc(plain);
  const std::string data = RawDeflate(plain);
  e.compressed_size = static_cast<uint32_t>(data.size());
  e.size = static_cast<uint32_t>(plain.size());
  const std::string local = LocalHeader(e) + data;
  return local + CentralDirectory(std::vector<CentralRecord>(static_cast<size_t>(count), e),
                                  static_cast<uint32_t>(local.size()));
}

// One honest-looking entry declaring `declared` bytes from `payload`'s deflated bytes.
inline std::string LyingSizeZip(const std::string& payload, uint32_t declared, uint16_t method = 8) {
  CentralRecord e;
  e.name = "big.bin";
  e.method = method;
  const std::string data = method == 8 ? RawDeflate(payload) : payload;
  e.crc = Crc(payload);
  e.compressed_size = static_cast<uint32_t>(data.size());
  e.size = declared;
  const std::string local = LocalHeader(e) + data;
  return local + CentralDirectory({e}, static_cast<uint32_t>(local.size()));
}

// A well-formed archive of `files` (name, content), deflated: the control every refusal is
// compared with.
inline std::string HonestZip(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string body;
  std::vector<CentralRecord> entries;
  for (const auto& [name, content] : files) {
    CentralRecord e;
    e.name = name;
    const std::string data = RawDeflate(content);
    e.crc = Crc(content);
    e.compressed_size = static_cast<uint32_t>(data.size());
    e.size = static_cast<uint32_t>(content.size());
    e.offset = static_cast<uint32_t>(body.size());
    body += LocalHeader(e) + data;
    entries.push_back(e);
  }
  return body + CentralDirectory(entries, static_cast<uint32_t>(body.size()));
}

}  // namespace bjlg::archive::testing

#endif  // BJLG_TESTS_ARCHIVE_ZIP_BOMBS_H_
