#include "archive/zip_container.h"

#include <time.h>

namespace bjlg::archive {

namespace {

constexpr uint32_t kMax32 = 0xFFFFFFFFu;

class Bytes {
 public:
  void U16(uint16_t v) { b_.push_back(v & 0xFF); b_.push_back(v >> 8); }
  void U32(uint32_t v) { for (int i = 0; i < 4; ++i) b_.push_back((v >> (8 * i)) & 0xFF); }
  void U64(uint64_t v) { for (int i = 0; i < 8; ++i) b_.push_back((v >> (8 * i)) & 0xFF); }
  void U8(uint8_t v) { b_.push_back(v); }
  void Str(const std::string& s) { b_.insert(b_.end(), s.begin(), s.end()); }
  void Raw(const std::vector<unsigned char>& v) { b_.insert(b_.end(), v.begin(), v.end()); }
  const std::vector<unsigned char>& data() const { return b_; }
  size_t size() const { return b_.size(); }

 private:
  std::vector<unsigned char> b_;
};

bool IsAscii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

uint16_t Flags(const ZipEntryRecord& e) { return IsAscii(e.name) ? 0 : (1u << 11); }

bool FitsInt32(int64_t t) { return t >= 0 && t <= 0x7FFFFFFF; }

void TimestampExtra(Bytes* b, int64_t mtime) {
  if (!FitsInt32(mtime)) return;
  b->U16(0x5455);
  b->U16(5);
  b->U8(1);  // flags: modification time present
  b->U32(static_cast<uint32_t>(mtime));
}

bool NeedsZip64Central(const ZipEntryRecord& e) {
  return e.size >= kMax32 || e.compressed_size >= kMax32 || e.local_offset >= kMax32;
}

uint16_t VersionNeeded(const ZipEntryRecord& e) {
  return (e.zip64_local || NeedsZip64Central(e)) ? 45 : 20;
}

}  // namespace

void DosDateTime(int64_t unix_time, uint16_t* date, uint16_t* time_out) {
  time_t t = static_cast<time_t>(unix_time);
  struct tm tm;
  if (localtime_r(&t, &tm) == nullptr || tm.tm_year < 80) {
    *date = (0 << 9) | (1 << 5) | 1;
    *time_out = 0;
    return;
  }
  if (tm.tm_year > 207) tm.tm_year = 207;
  *date = static_cast<uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
  *time_out = static_cast<uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
}

Status ZipContainer::WriteLocalHeader(const ZipEntryRecord& e, bool known) {
  uint16_t date, tim;
  DosDateTime(e.mtime, &date, &tim);
  Bytes b;
  b.U32(0x04034b50);
  b.U16(VersionNeeded(e));
  b.U16(Flags(e));
  b.U16(e.method);
  b.U16(tim);
  b.U16(date);
  b.U32(known ? e.crc : 0);
  if (e.zip64_local) {
    b.U32(kMax32);
    b.U32(kMax32);
  } else {
    b.U32(known ? static_cast<uint32_t>(e.compressed_size) : 0);
    b.U32(known ? static_cast<uint32_t>(e.size) : 0);
  }
  b.U16(static_cast<uint16_t>(e.name.size()));
  Bytes extra;
  if (e.zip64_local) {
    extra.U16(0x0001);
    extra.U16(16);
    extra.U64(known ? e.size : 0);
    extra.U64(known ? e.compressed_size : 0);
  }
  TimestampExtra(&extra, e.mtime);
  b.U16(static_cast<uint16_t>(extra.size()));
  b.Str(e.name);
  Status s = out_->Write(b.data().data(), b.size());
  if (!s.ok()) return s;
  return out_->Write(extra.data().data(), extra.size());
}

Status ZipContainer::BeginEntry(const ZipEntryRecord& entry, bool known, bool reserve_zip64) {
  current_ = entry;
  current_.local_offset = out_->Tell();
  current_.zip64_local =
      reserve_zip64 || (known && (entry.size >= kMax32 || entry.compressed_size >= kMax32));
  Status s = WriteLocalHeader(current_, known);
  if (!s.ok()) return s;
  open_ = true;
  data_start_ = out_->Tell();
  return Status::OK();
}

Status ZipContainer::WriteData(const void* data, size_t size) { return out_->Write(data, size); }

Status ZipContainer::EndEntry(uint32_t crc, uint64_t size, uint64_t compressed_size) {
  open_ = false;
  current_.crc = crc;
  current_.size = size;
  current_.compressed_size = compressed_size;
  if (!current_.zip64_local && (size >= kMax32 || compressed_size >= kMax32)) {
    return Status::NotSupported("entry " + current_.name + " grew past 4 GiB while written");
  }
  // Patch version needed (an offset past 4 GiB needs Zip64 in the central record) and the
  // crc and sizes, or the Zip64 extra field that holds them.
  Bytes v;
  v.U16(VersionNeeded(current_));
  Status s = out_->PatchAt(current_.local_offset + 4, v.data().data(), 2);
  if (!s.ok()) return s;
  Bytes sizes;
  sizes.U32(crc);
  if (!current_.zip64_local) {
    sizes.U32(static_cast<uint32_t>(compressed_size));
    sizes.U32(static_cast<uint32_t>(size));
  }
  s = out_->PatchAt(current_.local_offset + 14, sizes.data().data(), sizes.size());
  if (!s.ok()) return s;
  if (current_.zip64_local) {
    Bytes z;
    z.U64(size);
    z.U64(compressed_size);
    s = out_->PatchAt(current_.local_offset + 30 + current_.name.size() + 4, z.data().data(), z.size());
    if (!s.ok()) return s;
  }
  entries_.push_back(std::move(current_));
  current_ = ZipEntryRecord();
  return Status::OK();
}

Status ZipContainer::DropEntry() {
  open_ = false;
  const uint64_t at = current_.local_offset;
  current_ = ZipEntryRecord();
  return out_->TruncateTo(at);
}

Status ZipContainer::RewriteStored(size_t index, const std::string& data, uint32_t crc) {
  ZipEntryRecord& e = entries_.at(index);
  if (e.method != kMethodStore || e.size != data.size()) {
    return Status::InvalidArgument("rewrite of " + e.name + " changes its size");
  }
  e.crc = crc;
  Bytes c;
  c.U32(crc);
  Status s = out_->PatchAt(e.local_offset + 14, c.data().data(), 4);
  if (!s.ok()) return s;
  const uint64_t extra = (e.zip64_local ? 20 : 0) + (FitsInt32(e.mtime) ? 9 : 0);
  return out_->PatchAt(e.local_offset + 30 + e.name.size() + extra, data.data(), data.size());
}

Status ZipContainer::Finish() {
  const uint64_t cd_offset = out_->Tell();
  for (const ZipEntryRecord& e : entries_) {
    uint16_t date, tim;
    DosDateTime(e.mtime, &date, &tim);
    Bytes extra;
    if (NeedsZip64Central(e)) {
      Bytes z;
      if (e.size >= kMax32) z.U64(e.size);
      if (e.compressed_size >= kMax32) z.U64(e.compressed_size);
      if (e.local_offset >= kMax32) z.U64(e.local_offset);
      extra.U16(0x0001);
      extra.U16(static_cast<uint16_t>(z.size()));
      extra.Raw(z.data());
    }
    TimestampExtra(&extra, e.mtime);
    Bytes b;
    b.U32(0x02014b50);
    b.U16((3 << 8) | 63);  // made by Unix, spec 6.3
    b.U16(VersionNeeded(e));
    b.U16(Flags(e));
    b.U16(e.method);
    b.U16(tim);
    b.U16(date);
    b.U32(e.crc);
    b.U32(e.compressed_size >= kMax32 ? kMax32 : static_cast<uint32_t>(e.compressed_size));
    b.U32(e.size >= kMax32 ? kMax32 : static_cast<uint32_t>(e.size));
    b.U16(static_cast<uint16_t>(e.name.size()));
    b.U16(static_cast<uint16_t>(extra.size()));
    b.U16(0);  // comment
    b.U16(0);  // disk
    b.U16(0);  // internal attributes
    b.U32((0100000u | (e.mode & 07777)) << 16);
    b.U32(e.local_offset >= kMax32 ? kMax32 : static_cast<uint32_t>(e.local_offset));
    b.Str(e.name);
    Status s = out_->Write(b.data().data(), b.size());
    if (s.ok()) s = out_->Write(extra.data().data(), extra.size());
    if (!s.ok()) return s;
  }
  const uint64_t cd_end = out_->Tell();
  const uint64_t cd_size = cd_end - cd_offset;
  const uint64_t count = entries_.size();
  Bytes end;
  if (count >= 0xFFFF || cd_size >= kMax32 || cd_offset >= kMax32) {
    end.U32(0x06064b50);
    end.U64(44);
    end.U16((3 << 8) | 63);
    end.U16(45);
    end.U32(0);
    end.U32(0);
    end.U64(count);
    end.U64(count);
    end.U64(cd_size);
    end.U64(cd_offset);
    end.U32(0x07064b50);
    end.U32(0);
    end.U64(cd_end);
    end.U32(1);
  }
  end.U32(0x06054b50);
  end.U16(0);
  end.U16(0);
  end.U16(count >= 0xFFFF ? 0xFFFF : static_cast<uint16_t>(count));
  end.U16(count >= 0xFFFF ? 0xFFFF : static_cast<uint16_t>(count));
  end.U32(cd_size >= kMax32 ? kMax32 : static_cast<uint32_t>(cd_size));
  end.U32(cd_offset >= kMax32 ? kMax32 : static_cast<uint32_t>(cd_offset));
  end.U16(0);
  return out_->Write(end.data().data(), end.size());
}

}  // namespace bjlg::archive
