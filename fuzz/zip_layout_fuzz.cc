// Fuzz target for the zip layout check (src/archive/zip_layout.h), over the zip structure with
// overlapping entries. Seeds (fuzz/corpus/zip_layout_fuzz/): the overlapping-entry bomb, central
// records sharing one entry, a size no compressor could give (tests/archive/zip_bombs.h), and an
// honest archive. The check must never crash, overflow or read outside the archive (ASan, UBSan),
// and its only refusals are a Corruption naming the archive and "unsafe zip layout", or naming an
// entry whose name contains a NUL byte.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "archive/zip_layout.h"

using bjlg::Result;
using bjlg::Status;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const bjlg::archive::ZipReadAt read_at = [&](uint64_t offset, uint8_t* out, size_t n) -> Result<size_t> {
    if (offset >= size) return size_t{0};
    const size_t take = n < size - offset ? n : static_cast<size_t>(size - offset);
    memcpy(out, data + offset, take);
    return take;
  };
  const Status s = bjlg::archive::CheckZipLayout(read_at, size, "fuzz.zip");
  if (!s.ok() && s.code() != Status::Code::kCorruption) std::abort();  // no I/O here to fail
  const std::string& m = s.message();
  const bool nul_name = m.rfind("fuzz.zip: entry ", 0) == 0 && m.size() > 27 &&
                        m.compare(m.size() - 27, 27, "'s name contains a NUL byte") == 0;
  if (!s.ok() && m.rfind("fuzz.zip: unsafe zip layout: ", 0) != 0 && !nul_name) std::abort();
  return 0;
}
