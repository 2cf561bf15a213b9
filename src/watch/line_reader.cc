#include "watch/line_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "watch/record.h"

namespace bjlg::watch {

namespace {
constexpr size_t kChunk = 64 << 10;
}

Status LineReader::Fill() {
  if (start_ > 0) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  const size_t old = buffer_.size();
  const size_t want = static_cast<size_t>(std::min<uint64_t>(kChunk, to_ - read_to_));
  buffer_.resize(old + want);
  size_t got = 0;
  while (got < want) {
    const ssize_t n = pread(fd_, buffer_.data() + old + got, want - got, static_cast<off_t>(read_to_ + got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IOError(std::string("reading the journal: ") + strerror(errno));
    if (n == 0) break;  // shrank under us: treat what we have as the end
    got += static_cast<size_t>(n);
  }
  buffer_.resize(old + got);
  read_to_ += got;
  if (got < want) to_ = read_to_;
  return Status::OK();
}

Result<bool> LineReader::Next(Line* line) {
  if (!started_) {
    started_ = true;
    read_to_ = pos_;
  }
  bool overlong = false;
  uint64_t line_start = pos_;
  for (;;) {
    const size_t nl = buffer_.find('\n', start_);
    if (nl != std::string::npos) {
      const size_t len = nl - start_;
      line->offset = line_start;
      line->end = pos_ + len + 1;
      line->complete = true;
      line->overlong = overlong || len >= kMaxRecordLine;
      line->text = line->overlong ? std::string_view() : std::string_view(buffer_).substr(start_, len);
      start_ = nl + 1;
      pos_ = line->end;
      return true;
    }
    if (buffer_.size() - start_ >= kMaxRecordLine) {
      // No newline within the limit: drop what is buffered and keep looking for the newline.
      overlong = true;
      pos_ += buffer_.size() - start_;
      start_ = buffer_.size();
    }
    if (read_to_ >= to_) {
      if (start_ >= buffer_.size() && !overlong) return false;
      line->offset = line_start;
      line->end = to_;
      line->complete = false;
      line->overlong = overlong;
      line->text = overlong ? std::string_view() : std::string_view(buffer_).substr(start_);
      pos_ = to_;
      start_ = buffer_.size();
      return true;
    }
    Status s = Fill();
    if (!s.ok()) return s;
  }
}

}  // namespace bjlg::watch
