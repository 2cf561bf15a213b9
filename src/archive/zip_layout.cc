#include "archive/zip_layout.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include "common/zip_fields.h"

namespace bjlg::archive {

namespace {

using namespace bjlg::zip;

constexpr size_t kPiece = 1u << 20;
constexpr size_t kEndRecord = 22, kMaxComment = 65535;

// One entry as the central directory places it.
struct Span {
  std::string name;
  uint64_t offset = 0;
  uint64_t compressed_size = 0;
  uint64_t size = 0;
  uint16_t method = 0;
  uint64_t data_end = 0;  // after its local header, name, extra and compressed data
};

struct Directory {
  uint64_t entries = 0, size = 0, offset = 0;
  uint64_t end = 0;  // where the (Zip64) end record starts
};

uint64_t SaturatingAdd(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }
uint64_t SaturatingMul(uint64_t a, uint64_t b) { return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b; }

class LayoutCheck {
 public:
  LayoutCheck(const ZipReadAt& read_at, uint64_t size, const std::string& what)
      : read_at_(read_at), size_(size), what_(what) {}

  Status Run() {
    bool found = false;
    Status s = FindDirectory(&found);
    if (!s.ok() || !found) return s;
    s = ReadDirectory();
    if (!s.ok()) return s;
    s = CheckOrder();
    if (!s.ok()) return s;
    return CheckDeclaredSizes();
  }

 private:
  Status Unsafe(const std::string& why) const {
    return Status::Corruption(what_ + ": unsafe zip layout: " + why);
  }

  // `n` bytes at `offset` into *out; fewer when the archive ends first.
  Status Read(uint64_t offset, size_t n, std::string* out) const {
    out->resize(n);
    size_t got = 0;
    while (got < n) {
      Result<size_t> r = read_at_(offset + got, reinterpret_cast<uint8_t*>(&(*out)[got]), n - got);
      if (!r.ok()) return r.status();
      if (*r == 0) break;
      got += *r;
    }
    out->resize(got);
    return Status::OK();
  }

  Status FindDirectory(bool* found) {
    const uint64_t tail_size = std::min<uint64_t>(size_, kEndRecord + kMaxComment);
    const uint64_t base = size_ - tail_size;
    std::string tail;
    Status s = Read(base, static_cast<size_t>(tail_size), &tail);
    if (!s.ok()) return s;
    if (tail.size() < kEndRecord) return Status::OK();
    size_t at = tail.size() - kEndRecord + 1;
    while (at-- > 0) {
      if (U32(tail, at) == kEndSig && at + kEndRecord + U16(tail, at + 20) <= tail.size()) break;
    }
    if (at == static_cast<size_t>(-1)) return Status::OK();  // libzip refuses it with its words
    *found = true;
    dir_.end = base + at;
    dir_.entries = U16(tail, at + 10);
    dir_.size = U32(tail, at + 12);
    dir_.offset = U32(tail, at + 16);
    if (dir_.entries == 0xFFFF || dir_.size == 0xFFFFFFFFu || dir_.offset == 0xFFFFFFFFu) {
      s = ReadZip64End();
      if (!s.ok()) return s;
    }
    if (dir_.offset > dir_.end || dir_.size > dir_.end - dir_.offset) {
      return Unsafe("the central directory (" + std::to_string(dir_.size) + " bytes at " +
                    std::to_string(dir_.offset) + ") runs past its end record at " + std::to_string(dir_.end));
    }
    return Status::OK();
  }

  Status ReadZip64End() {
    if (dir_.end < 20) return Status::OK();
    std::string locator, end;
    Status s = Read(dir_.end - 20, 20, &locator);
    if (!s.ok()) return s;
    if (locator.size() < 20 || U32(locator, 0) != kZip64LocatorSig) return Status::OK();
    const uint64_t at = U64(locator, 8);
    if (at > dir_.end - 20) return Unsafe("the Zip64 end record is placed after its locator");
    s = Read(at, 56, &end);
    if (!s.ok()) return s;
    if (end.size() < 56 || U32(end, 0) != kZip64EndSig) return Unsafe("no Zip64 end record where its locator says");
    dir_.entries = U64(end, 32);
    dir_.size = U64(end, 40);
    dir_.offset = U64(end, 48);
    dir_.end = at;
    return Status::OK();
  }

  // The central directory in pieces of kPiece bytes (a record is at most 46 + 3 * 65535).
  Status ReadDirectory() {
    const uint64_t end = dir_.offset + dir_.size;
    uint64_t pos = dir_.offset, piece_start = 0;
    std::string piece, rec;
    auto bytes = [&](uint64_t at, size_t n) -> Status {
      if (at < piece_start || at + n > piece_start + piece.size()) {
        piece_start = at;
        Status s = Read(at, static_cast<size_t>(std::min<uint64_t>(std::max(kPiece, n), end - at)), &piece);
        if (!s.ok()) return s;
      }
      if (at + n > piece_start + piece.size()) {
        return Unsafe("central record " + std::to_string(spans_.size()) + " is cut by the end of the directory");
      }
      rec.assign(piece, static_cast<size_t>(at - piece_start), n);
      return Status::OK();
    };
    while (pos < end) {
      Status s = bytes(pos, 46);
      if (!s.ok()) return s;
      if (U32(rec, 0) != kCentralSig) {
        return Unsafe("no central record at " + std::to_string(pos) + " inside the central directory");
      }
      const size_t name_len = U16(rec, 28), extra_len = U16(rec, 30), comment_len = U16(rec, 32);
      s = bytes(pos, 46 + name_len + extra_len + comment_len);
      if (!s.ok()) return s;
      Span e;
      e.method = U16(rec, 10);
      e.compressed_size = U32(rec, 20);
      e.size = U32(rec, 24);
      e.offset = U32(rec, 42);
      e.name = rec.substr(46, name_len);
      // libzip turns a NUL in a stored name into a space ("a\0.php" read as "a .php"): the raw
      // name is only seen here, and bjlg's rules refuse a NUL.
      if (e.name.find('\0') != std::string::npos) {
        return Status::Corruption(what_ + ": entry " + std::to_string(spans_.size()) + "'s name contains a NUL byte");
      }
      bool zip64 = false;
      if (!ReadZip64(rec.substr(46 + name_len, extra_len), &e.size, &e.compressed_size, &e.offset, &zip64)) {
        return Unsafe("entry \"" + e.name + "\": its Zip64 extra field is missing or short");
      }
      spans_.push_back(std::move(e));
      pos += 46 + name_len + extra_len + comment_len;
    }
    if (spans_.size() != dir_.entries) {
      return Unsafe("the end record declares " + std::to_string(dir_.entries) + " entries, the central directory has " +
                    std::to_string(spans_.size()));
    }
    return Status::OK();
  }

  // What the compressed bytes can honestly produce: a stored entry is its bytes, anything else at
  // most deflate's ceiling ratio.
  Status CheckDeclaredSizes() const {
    uint64_t declared = 0, possible = 0, compressed = 0;
    for (const Span& e : spans_) {
      declared = SaturatingAdd(declared, e.size);
      compressed = SaturatingAdd(compressed, e.compressed_size);
      possible = SaturatingAdd(possible, e.method == 0 ? e.compressed_size
                                                       : SaturatingAdd(SaturatingMul(e.compressed_size, kMaxDeflateRatio),
                                                                       kSmallEntrySlack));
    }
    if (compressed > dir_.offset) {
      return Unsafe("the entries declare " + std::to_string(compressed) + " compressed bytes, more than the " +
                    std::to_string(dir_.offset) + " bytes before the central directory");
    }
    if (declared > possible) {
      return Unsafe("the entries declare " + std::to_string(declared) + " bytes in total, more than their " +
                    std::to_string(compressed) + " compressed bytes can produce (zip bomb)");
    }
    return Status::OK();
  }

  // Each entry's bytes end before the next one starts, the last before the central directory.
  Status CheckOrder() {
    std::stable_sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return a.offset < b.offset; });
    std::string local;
    for (size_t i = 0; i < spans_.size(); ++i) {
      Span& e = spans_[i];
      const std::string quoted = "entry \"" + e.name + "\"";
      if (i > 0 && e.offset < spans_[i - 1].data_end) {
        const Span& prev = spans_[i - 1];
        return Unsafe(quoted + " starts at " + std::to_string(e.offset) + ", inside entry \"" + prev.name +
                      "\" (" + std::to_string(prev.offset) + " to " + std::to_string(prev.data_end) +
                      "): overlapping entries (zip bomb)");
      }
      if (e.offset >= dir_.offset) {
        return Unsafe(quoted + " starts at " + std::to_string(e.offset) + ", not before the central directory at " +
                      std::to_string(dir_.offset));
      }
      Status s = Read(e.offset, 30, &local);
      if (!s.ok()) return s;
      if (local.size() < 30 || U32(local, 0) != kLocalSig) {
        return Unsafe("no local header for " + quoted + " at " + std::to_string(e.offset));
      }
      e.data_end = SaturatingAdd(e.offset + 30 + U16(local, 26) + U16(local, 28), e.compressed_size);
      if (e.data_end > dir_.offset) {
        return Unsafe("the data of " + quoted + " (" + std::to_string(e.offset) + " to " + std::to_string(e.data_end) +
                      ") runs into the central directory at " + std::to_string(dir_.offset));
      }
    }
    return Status::OK();
  }

  const ZipReadAt& read_at_;
  const uint64_t size_;
  const std::string& what_;
  Directory dir_;
  std::vector<Span> spans_;
};

}  // namespace

Status CheckZipLayout(const ZipReadAt& read_at, uint64_t archive_size, const std::string& what) {
  return LayoutCheck(read_at, archive_size, what).Run();
}

Status CheckZipFdLayout(int fd, const std::string& path) {
  struct stat st;
  if (fstat(fd, &st) != 0) return Status::FromErrno(errno, "cannot read " + path);
  const ZipReadAt read_at = [&](uint64_t offset, uint8_t* out, size_t size) -> Result<size_t> {
    while (true) {
      const ssize_t n = pread(fd, out, size, static_cast<off_t>(offset));
      if (n >= 0) return static_cast<size_t>(n);
      if (errno != EINTR) return Status::FromErrno(errno, "cannot read " + path);
    }
  };
  return CheckZipLayout(read_at, static_cast<uint64_t>(st.st_size), path);
}

}  // namespace bjlg::archive
