// Little-endian fields and the Zip64 extra field of zip records: the one decoding shared by the
// streaming verifier (src/verify/zip_stream.cc) and the archive layout check
// (src/archive/zip_layout.cc). Each reader keeps its own way of getting the bytes.
#ifndef BJLG_COMMON_ZIP_FIELDS_H_
#define BJLG_COMMON_ZIP_FIELDS_H_

#include <cstdint>
#include <initializer_list>
#include <string>

namespace bjlg::zip {

constexpr uint32_t kLocalSig = 0x04034b50;
constexpr uint32_t kCentralSig = 0x02014b50;
constexpr uint32_t kDescriptorSig = 0x08074b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr uint32_t kEndSig = 0x06054b50;

// REQUIRES: the field lies inside `s`.
inline uint16_t U16(const std::string& s, size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(s[at]) | static_cast<uint8_t>(s[at + 1]) << 8);
}
inline uint32_t U32(const std::string& s, size_t at) { return U16(s, at) | uint32_t{U16(s, at + 2)} << 16; }
inline uint64_t U64(const std::string& s, size_t at) { return U32(s, at) | uint64_t{U32(s, at + 4)} << 32; }

// Reads the Zip64 extended information field (0x0001) of `extra`: each of the values whose
// 32-bit field was 0xFFFFFFFF, in the order size, compressed size, offset (a null pointer: the
// record has no such field). False when a value that is needed is missing.
inline bool ReadZip64(const std::string& extra, uint64_t* size, uint64_t* csize, uint64_t* offset,
                      bool* present) {
  *present = false;
  size_t at = 0;
  while (at + 4 <= extra.size()) {
    const uint16_t id = U16(extra, at), len = U16(extra, at + 2);
    if (at + 4 + len > extra.size()) break;
    if (id == 0x0001) {
      *present = true;
      size_t p = at + 4;
      const size_t end = at + 4 + len;
      for (uint64_t* v : {size, csize, offset}) {
        if (v == nullptr || *v != 0xFFFFFFFFu) continue;
        if (p + 8 > end) return false;
        *v = U64(extra, p);
        p += 8;
      }
      return true;
    }
    at += 4 + len;
  }
  for (uint64_t* v : {size, csize, offset}) {
    if (v != nullptr && *v == 0xFFFFFFFFu) return false;
  }
  return true;
}

}  // namespace bjlg::zip

#endif  // BJLG_COMMON_ZIP_FIELDS_H_
