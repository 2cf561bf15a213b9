// One record of the change journal (src/watch/journal.h), as a line of text:
//
//   <seq> <at_ms> <check> <event JSON>\n
//
// seq: decimal, > 0; at_ms: Unix milliseconds when appended; check: the first 8 bytes of the
// SHA-256 of "<seq> <at_ms> <event JSON>" in lower-case hex (16 characters); the event JSON
// is one compact object. A line is at most kMaxRecordLine bytes, newline included, so a
// reader never buffers more than that and a writer never produces more.
//
// Events (what append() accepts, what changes() returns):
//   {"type": "created"|"modified"|"deleted", "path": "wp-content/uploads/a.jpg"}
//   {"type": "moved", "from": "…", "path": "…"}
//   {"type": "rescan", "path": "…", "reason": "…"}   (events under `path` were lost; no path: all)
//   {"type": "<site event>", "tables": ["wp_posts", …], …}  (post_saved, option_updated, …)
// `type`: 1 to 64 of [a-z0-9_.-]; `path`/`from`: relative, no NUL, no `..` component, at
// most 4,096 bytes; `tables`: up to 256 names of 1 to 64 of [A-Za-z0-9_$]; any other key
// (1 to 64 of [a-z0-9_]) holds a string (at most 1,024 bytes), a number, a bool or null.
#ifndef BJLG_WATCH_RECORD_H_
#define BJLG_WATCH_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::watch {

constexpr size_t kMaxRecordLine = 64 << 10;
constexpr size_t kMaxEventPath = 4096;
constexpr size_t kMaxEventTables = 256;
constexpr size_t kMaxEventString = 1024;

struct Record {
  uint64_t seq = 0;
  int64_t at_ms = 0;
  nlohmann::json event;  // a validated event object
};

// OK when `event` is an event as described above; InvalidArgument naming the key and the rule
// otherwise ("event \"path\" must …").
Status ValidateEvent(const nlohmann::json& event);

// The line (newline included) of a record. InvalidArgument when the event is invalid or the
// line would exceed kMaxRecordLine.
Result<std::string> FormatRecord(uint64_t seq, int64_t at_ms, const nlohmann::json& event);

// Parses one line (without its newline). Corruption naming what is wrong: framing, checksum,
// JSON, or an event that does not validate. Safe on any bytes.
Result<Record> ParseRecord(std::string_view line);

// The sequence number a line starts with, even when the rest is damaged (0 when none): a
// damaged last record may have been seen by a reader, so its number is not reused.
uint64_t LeadingSeq(std::string_view line);

}  // namespace bjlg::watch

#endif  // BJLG_WATCH_RECORD_H_
