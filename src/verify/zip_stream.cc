#include "verify/zip_stream.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "common/zip_fields.h"

namespace bjlg::verify {

namespace {

using namespace bjlg::zip;

constexpr size_t kOutBuffer = 256 * 1024;
// A deflated entry whose compressed bytes all arrive in one piece and whose declared size is at
// most this is inflated whole by libdeflate (2 to 3 times zlib's speed); others stream through zlib.
constexpr uint64_t kWholeEntryMax = 16u << 20;

std::string Hex32(uint32_t v) {
  char buf[9];
  snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

}  // namespace

struct ZipStream::Inflater {
  z_stream z{};
  bool ready = false;
  std::vector<uint8_t> out = std::vector<uint8_t>(kOutBuffer);
  libdeflate_decompressor* whole = nullptr;  // made on first use
  std::vector<uint8_t> whole_out;
  ~Inflater() {
    if (ready) inflateEnd(&z);
    if (whole != nullptr) libdeflate_free_decompressor(whole);
  }
  bool Reset() {
    if (!ready) {
      if (inflateInit2(&z, -15) != Z_OK) return false;
      ready = true;
      return true;
    }
    return inflateReset(&z) == Z_OK;
  }
};

ZipStream::ZipStream(ZipStreamVisitor* visitor)
    : visitor_(visitor), inflater_(std::make_unique<Inflater>()) {}
ZipStream::~ZipStream() = default;

Status ZipStream::Fail(const std::string& what) const {
  return Status::Corruption("zip structure: " + what + " (at byte " + std::to_string(header_start_) + ")");
}

Status ZipStream::Feed(const uint8_t* data, size_t size) {
  size_t i = 0;
  while (i < size) {
    if (state_ == State::kData) {
      size_t used = 0;
      Status s = FeedData(data + i, size - i, &used);
      if (!s.ok()) return s;
      i += used;
      pos_ += used;
      continue;
    }
    if (state_ == State::kDone) {
      header_start_ = pos_;
      return Fail("bytes after the end of central directory record");
    }
    const size_t take = std::min(need_ - hdr_.size(), size - i);
    hdr_.append(reinterpret_cast<const char*>(data + i), take);
    i += take;
    pos_ += take;
    if (hdr_.size() == need_) {
      Status s = ParseHeader();
      if (!s.ok()) return s;
    }
  }
  return Status::OK();
}

Status ZipStream::ParseHeader() {
  switch (state_) {
    case State::kSignature:
      return ParseSignature();
    case State::kLocal:
      return ParseLocal();
    case State::kDescriptor:
      return ParseDescriptor();
    case State::kCentral:
      return ParseCentral();
    case State::kZip64End:
      return ParseZip64End();
    case State::kEnd:
      return ParseEnd();
    case State::kZip64Locator:  // nothing in it is needed: the Zip64 end record came before
    case State::kData:
    case State::kDone:
      break;
  }
  return NextRecord();
}

Status ZipStream::NextRecord() {
  state_ = State::kSignature;
  hdr_.clear();
  need_ = 4;
  return Status::OK();
}

Status ZipStream::ParseSignature() {
  header_start_ = pos_ - 4;
  const uint32_t sig = U32(hdr_, 0);
  if (sig == kLocalSig && central_start_ == 0 && central_.empty()) {
    state_ = State::kLocal;
    need_ = 30;
  } else if (sig == kCentralSig) {
    if (central_.empty()) central_start_ = header_start_;
    state_ = State::kCentral;
    need_ = 46;
  } else if (sig == kZip64EndSig) {
    if (central_.empty() && central_start_ == 0) central_start_ = header_start_;
    state_ = State::kZip64End;
    need_ = 12;
  } else if (sig == kZip64LocatorSig) {
    state_ = State::kZip64Locator;
    need_ = 20;
  } else if (sig == kEndSig) {
    if (central_.empty() && central_start_ == 0) central_start_ = header_start_;
    state_ = State::kEnd;
    need_ = 22;
  } else if (sig == kLocalSig) {
    return Fail("a local header after the central directory");
  } else if (header_start_ == 0) {
    not_a_zip_ = true;
    return Fail("not a zip archive (no local header at the start)");
  } else {
    return Fail("unknown record signature 0x" + Hex32(sig));
  }
  return Status::OK();
}

Status ZipStream::ParseLocal() {
  if (hdr_.size() == 30) {
    need_ = 30 + U16(hdr_, 26) + U16(hdr_, 28);
    if (need_ > 30) return Status::OK();
  }
  cur_ = LocalEntry();
  cur_.offset = header_start_;
  cur_.flags = U16(hdr_, 6);
  cur_.method = U16(hdr_, 8);
  cur_.crc = U32(hdr_, 14);
  cur_.compressed_size = U32(hdr_, 18);
  cur_.size = U32(hdr_, 22);
  const size_t name_len = U16(hdr_, 26);
  cur_.name = hdr_.substr(30, name_len);
  cur_.descriptor = (cur_.flags & 0x0008) != 0;
  const std::string extra = hdr_.substr(30 + name_len);
  if (!ReadZip64(extra, &cur_.size, &cur_.compressed_size, nullptr, &cur_zip64_)) {
    return Fail("entry '" + cur_.name + "': its Zip64 extra field is missing or short");
  }
  if (cur_.flags & 0x0001) {
    return Status::NotSupported("entry '" + cur_.name + "' uses zip encryption, which bjlg does not read");
  }
  if (cur_.method != 0 && cur_.method != 8) {
    return Status::NotSupported("entry '" + cur_.name + "' uses compression method " +
                                std::to_string(cur_.method) + " (only store and deflate are read)");
  }
  if (cur_.descriptor && cur_.method == 0) {
    return Status::NotSupported("entry '" + cur_.name +
                                "' is stored with a data descriptor: its end cannot be found in a stream");
  }
  return StartData();
}

Status ZipStream::ParseDescriptor() {
  const bool has_sig = U32(hdr_, 0) == kDescriptorSig;
  const size_t want = (has_sig ? 4 : 0) + 4 + (cur_zip64_ ? 16 : 8);
  if (hdr_.size() < want) {
    need_ = want;
    return Status::OK();
  }
  size_t at = has_sig ? 4 : 0;
  cur_.crc = U32(hdr_, at);
  cur_.compressed_size = cur_zip64_ ? U64(hdr_, at + 4) : U32(hdr_, at + 4);
  cur_.size = cur_zip64_ ? U64(hdr_, at + 12) : U32(hdr_, at + 8);
  if (cur_.compressed_size != consumed_) {
    header_start_ = pos_ - hdr_.size();
    return Fail("entry '" + cur_.name + "': its data descriptor declares " +
                std::to_string(cur_.compressed_size) + " compressed bytes, the data has " +
                std::to_string(consumed_));
  }
  return EndData();
}

Status ZipStream::ParseCentral() {
  if (hdr_.size() == 46) {
    need_ = 46 + U16(hdr_, 28) + U16(hdr_, 30) + U16(hdr_, 32);
    if (need_ > 46) return Status::OK();
  }
  CentralEntry c;
  c.made_by = U16(hdr_, 4);
  c.method = U16(hdr_, 10);
  c.crc = U32(hdr_, 16);
  c.compressed_size = U32(hdr_, 20);
  c.size = U32(hdr_, 24);
  const size_t name_len = U16(hdr_, 28), extra_len = U16(hdr_, 30);
  c.external_attributes = U32(hdr_, 38);
  c.offset = U32(hdr_, 42);
  c.name = hdr_.substr(46, name_len);
  bool present = false;
  if (!ReadZip64(hdr_.substr(46 + name_len, extra_len), &c.size, &c.compressed_size, &c.offset,
                 &present)) {
    return Fail("central record of '" + c.name + "': its Zip64 extra field is missing or short");
  }
  central_.push_back(std::move(c));
  return NextRecord();
}

Status ZipStream::ParseZip64End() {
  if (hdr_.size() == 12) {
    const uint64_t rest = U64(hdr_, 4);
    if (rest < 44 || rest > (1u << 20)) return Fail("bad Zip64 end of central directory size");
    need_ = 12 + rest;
    return Status::OK();
  }
  zip64_end_ = true;
  zip64_entries_ = U64(hdr_, 32);
  zip64_cd_size_ = U64(hdr_, 40);
  zip64_cd_offset_ = U64(hdr_, 48);
  return NextRecord();
}

Status ZipStream::ParseEnd() {
  if (hdr_.size() == 22 && U16(hdr_, 20) > 0) {
    need_ = 22 + U16(hdr_, 20);
    return Status::OK();
  }
  uint64_t entries = U16(hdr_, 10), cd_size = U32(hdr_, 12), cd_offset = U32(hdr_, 16);
  if (zip64_end_) {
    if (entries == 0xFFFF) entries = zip64_entries_;
    if (cd_size == 0xFFFFFFFFu) cd_size = zip64_cd_size_;
    if (cd_offset == 0xFFFFFFFFu) cd_offset = zip64_cd_offset_;
  }
  if (entries != central_.size()) {
    return Fail("the end record declares " + std::to_string(entries) + " entries, the central directory has " +
                std::to_string(central_.size()));
  }
  if (cd_offset != central_start_) {
    return Fail("the end record places the central directory at " + std::to_string(cd_offset) +
                ", it starts at " + std::to_string(central_start_));
  }
  state_ = State::kDone;
  hdr_.clear();
  need_ = 0;
  return CheckDirectory();
}

Status ZipStream::StartData() {
  want_ = visitor_->OnEntryStart(cur_);
  result_ = EntryResult();
  remaining_ = cur_.compressed_size;
  consumed_ = 0;
  const bool inflating = cur_.method == 8 && (want_ || cur_.descriptor);
  if (inflating && !inflater_->Reset()) return Status::IOError("zlib: cannot initialise inflate");
  result_.checked = want_;
  state_ = State::kData;
  hdr_.clear();
  if (!cur_.descriptor && remaining_ == 0) return EndData();
  return Status::OK();
}

Status ZipStream::FeedData(const uint8_t* data, size_t size, size_t* used) {
  const bool known = !cur_.descriptor;
  size_t avail = known ? static_cast<size_t>(std::min<uint64_t>(size, remaining_)) : size;
  const bool inflating = cur_.method == 8 && (want_ || cur_.descriptor);
  if (!inflating || !result_.error.empty()) {
    // Stored data, a skipped entry, or an entry already found bad: pass or skip the bytes.
    if (want_ && result_.error.empty()) {
      result_.crc = libdeflate_crc32(result_.crc, data, avail);
      result_.size += avail;
      Status s = visitor_->OnData(data, avail);
      if (!s.ok()) return s;
    }
    *used = avail;
    remaining_ -= avail;
    consumed_ += avail;
    if (remaining_ == 0) return EndData();
    return Status::OK();
  }
  if (known && consumed_ == 0 && remaining_ <= avail && cur_.size <= kWholeEntryMax) {
    bool done = false;
    Status s = InflateWhole(data, static_cast<size_t>(remaining_), &done);
    if (!s.ok() || done) {
      *used = static_cast<size_t>(remaining_);
      consumed_ = remaining_;
      remaining_ = 0;
      return s.ok() ? EndData() : s;
    }
  }
  z_stream& z = inflater_->z;
  z.next_in = const_cast<Bytef*>(data);
  z.avail_in = static_cast<uInt>(std::min<size_t>(avail, 1u << 30));
  const uInt given = z.avail_in;
  int rc = Z_OK;
  // Go on while input is left, and also while the output buffer came back full: zlib may have
  // taken the last input bytes into its bit buffer with output still pending (a final match).
  bool full = false;
  while ((z.avail_in > 0 || full) && rc != Z_STREAM_END) {
    z.next_out = inflater_->out.data();
    z.avail_out = static_cast<uInt>(inflater_->out.size());
    rc = inflate(&z, Z_NO_FLUSH);
    const size_t produced = inflater_->out.size() - z.avail_out;
    if (produced > 0 && want_) {
      result_.crc = libdeflate_crc32(result_.crc, inflater_->out.data(), produced);
      Status s = visitor_->OnData(inflater_->out.data(), produced);
      if (!s.ok()) return s;
    }
    result_.size += produced;
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      if (!known) {
        header_start_ = cur_.offset;
        return Fail("entry '" + cur_.name + "': bad deflate data (" + (z.msg ? z.msg : "zlib error") +
                    "), and its end cannot be found without its size");
      }
      result_.error = std::string("bad deflate data: ") + (z.msg ? z.msg : "zlib error");
      break;
    }
    if (rc == Z_BUF_ERROR && z.avail_out != 0) break;  // needs more input
    full = z.avail_out == 0;
  }
  size_t took = result_.error.empty() ? given - z.avail_in : avail;
  *used = took;
  consumed_ += took;
  if (known) {
    remaining_ -= took;
    if (rc == Z_STREAM_END && remaining_ > 0 && result_.error.empty()) {
      result_.error = "the deflate stream ends " + std::to_string(remaining_) +
                      " bytes before the declared compressed size";
      // Skip what is left of the declared size on the next calls.
    }
    if (remaining_ == 0) {
      if (rc != Z_STREAM_END && result_.error.empty()) result_.error = "the deflate stream is incomplete";
      return EndData();
    }
    return Status::OK();
  }
  if (rc == Z_STREAM_END) {
    state_ = State::kDescriptor;
    hdr_.clear();
    need_ = 4;
  }
  return Status::OK();
}

Status ZipStream::InflateWhole(const uint8_t* data, size_t size, bool* done) {
  Inflater& in = *inflater_;
  if (in.whole == nullptr && (in.whole = libdeflate_alloc_decompressor()) == nullptr) return Status::OK();
  in.whole_out.resize(std::max<size_t>(1, static_cast<size_t>(cur_.size)));
  size_t in_used = 0, produced = 0;
  const libdeflate_result r = libdeflate_deflate_decompress_ex(in.whole, data, size, in.whole_out.data(),
                                                               static_cast<size_t>(cur_.size), &in_used, &produced);
  // Anything but an exact fit goes through zlib, which says precisely what is wrong.
  if (r != LIBDEFLATE_SUCCESS || in_used != size || produced != cur_.size) return Status::OK();
  *done = true;
  result_.crc = libdeflate_crc32(0, in.whole_out.data(), produced);
  result_.size = produced;
  for (size_t at = 0; at < produced;) {  // in the pieces zlib would give, for the same visitor calls
    const size_t n = std::min(kOutBuffer, produced - at);
    Status s = visitor_->OnData(in.whole_out.data() + at, n);
    if (!s.ok()) return s;
    at += n;
  }
  return Status::OK();
}

Status ZipStream::EndData() {
  if (result_.checked && result_.error.empty()) {
    if (result_.size != cur_.size) {
      result_.error = "size " + std::to_string(result_.size) + " bytes, the headers declare " +
                      std::to_string(cur_.size);
    } else if (result_.crc != cur_.crc) {
      result_.error = "CRC-32 " + Hex32(result_.crc) + ", the headers declare " + Hex32(cur_.crc);
    }
  }
  locals_.push_back(cur_);
  Status s = visitor_->OnEntryEnd(cur_, result_);
  state_ = State::kSignature;
  hdr_.clear();
  need_ = 4;
  return s;
}

Status ZipStream::CheckDirectory() {
  if (central_.size() != locals_.size()) {
    return Status::Corruption("zip structure: the central directory lists " + std::to_string(central_.size()) +
                              " entries, the archive holds " + std::to_string(locals_.size()));
  }
  std::unordered_map<uint64_t, const LocalEntry*> by_offset;
  for (const LocalEntry& l : locals_) by_offset[l.offset] = &l;
  for (const CentralEntry& c : central_) {
    auto it = by_offset.find(c.offset);
    if (it == by_offset.end()) {
      return Status::Corruption("zip structure: the central record of '" + c.name + "' points to byte " +
                                std::to_string(c.offset) + ", where no entry starts");
    }
    const LocalEntry& l = *it->second;
    std::string what;
    if (l.name != c.name) what = "name '" + l.name + "'";
    else if (l.method != c.method) what = "method";
    else if (l.crc != c.crc) what = "CRC-32 " + Hex32(l.crc) + " vs " + Hex32(c.crc);
    else if (l.compressed_size != c.compressed_size) what = "compressed size";
    else if (l.size != c.size) what = "size";
    if (!what.empty()) {
      return Status::Corruption("zip structure: the central record of '" + c.name +
                                "' disagrees with its local header (" + what + ")");
    }
    by_offset.erase(it);
  }
  return Status::OK();
}

Status ZipStream::Finish() {
  if (state_ == State::kDone) return Status::OK();
  header_start_ = pos_;
  if (state_ == State::kData || state_ == State::kDescriptor) {
    return Fail("truncated: the archive ends inside the data of '" + cur_.name + "'");
  }
  return Fail("truncated: the archive ends before its end of central directory record");
}

}  // namespace bjlg::verify
