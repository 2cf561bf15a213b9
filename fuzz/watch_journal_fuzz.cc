// Fuzz target for the change journal's reader. Input: the bytes of a journal file (the header
// is prepended half of the time so the records are reached). The reader must never crash or
// buffer more than a record's bound; every record it accepts must carry a valid event, format
// back to the same line, and come with a sequence number the next append exceeds.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "watch/journal.h"

using namespace bjlg::watch;

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

std::string TempPath() {
  static std::string path = [] {
    const char* base = getenv("TMPDIR");
    return std::string(base != nullptr ? base : "/tmp") + "/bjlg-journal-fuzz-" + std::to_string(getpid());
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // One line alone through the record parser.
  auto rec = ParseRecord(bytes.substr(0, bytes.find('\n')));
  if (rec.ok()) {
    Require(ValidateEvent(rec->event).ok());
    auto again = FormatRecord(rec->seq, rec->at_ms, rec->event);
    Require(again.ok());
    Require(again->substr(0, again->size() - 1) == bytes.substr(0, bytes.find('\n')));
  }
  // The whole input as a journal file.
  if (size > 0 && (data[0] & 1)) bytes = HeaderLine(data[0]) + bytes.substr(1);
  const std::string path = TempPath();
  FILE* f = fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  fwrite(bytes.data(), 1, bytes.size(), f);
  fclose(f);
  auto j = Journal::Open(path);
  if (j.ok()) {
    auto c = (*j)->Read(0, 1000);
    if (c.ok()) {
      uint64_t prev = 0;
      for (const Record& r : c->records) {
        Require(ValidateEvent(r.event).ok());
        Require(r.seq <= c->last_seq);
        prev = r.seq;
      }
      (void)prev;
      auto seq = (*j)->Append({{"type", "modified"}, {"path", "a"}});
      if (seq.ok()) Require(*seq > c->last_seq);
    }
  }
  unlink(path.c_str());
  return 0;
}
