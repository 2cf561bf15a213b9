#include "watch/record.h"

#include <cmath>
#include <cstring>

#include "archive/path_rules.h"
#include "common/digest.h"
#include "common/parse_limits.h"

namespace bjlg::watch {

namespace {

using nlohmann::json;

bool AllOf(std::string_view s, size_t max, bool (*ok)(char)) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s) {
    if (!ok(c)) return false;
  }
  return true;
}

bool TypeChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'; }
bool KeyChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }
bool TableChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

Status CheckPath(const json& event, const char* key, bool required) {
  auto it = event.find(key);
  if (it == event.end()) {
    if (!required) return Status::OK();
    return Status::InvalidArgument(std::string("event \"") + key + "\" is required for type \"" +
                                   event["type"].get<std::string>() + "\"");
  }
  if (!it->is_string()) return Status::InvalidArgument(std::string("event \"") + key + "\" must be a string");
  const std::string& p = it->get_ref<const std::string&>();
  if (p.size() > kMaxEventPath) {
    return Status::InvalidArgument(std::string("event \"") + key + "\" must be at most 4096 bytes");
  }
  Status s = archive::CheckEntryName(p);
  if (!s.ok()) return Status::InvalidArgument(std::string("event \"") + key + "\" must be a relative path: " + s.message());
  return Status::OK();
}

std::string Check(std::string_view covered) {
  uint8_t digest[kSha256Size];
  Sha256Digest(covered.data(), covered.size(), digest);
  return HexLower(digest, 8);
}

// Parses a decimal field of at most 19 digits ending at a space; advances `pos` past the space.
bool Number(std::string_view line, size_t* pos, uint64_t* out) {
  size_t i = *pos;
  uint64_t v = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9' && i - *pos < 19) v = v * 10 + (line[i++] - '0');
  if (i == *pos || i >= line.size() || line[i] != ' ') return false;
  if (line[*pos] == '0' && i - *pos > 1) return false;  // one spelling per number
  *out = v;
  *pos = i + 1;
  return true;
}

}  // namespace

Status ValidateEvent(const json& event) {
  if (!event.is_object()) return Status::InvalidArgument("event must be an array with string keys");
  auto type_it = event.find("type");
  if (type_it == event.end()) return Status::InvalidArgument("event \"type\" is required");
  if (!type_it->is_string() || !AllOf(type_it->get_ref<const std::string&>(), 64, TypeChar)) {
    return Status::InvalidArgument("event \"type\" must be 1 to 64 characters of a-z, 0-9, _ . -");
  }
  const std::string& type = type_it->get_ref<const std::string&>();
  // A rescan without a path means the whole site.
  const bool file_event = type == "created" || type == "modified" || type == "deleted";
  Status s = CheckPath(event, "path", file_event || type == "moved");
  if (!s.ok()) return s;
  s = CheckPath(event, "from", type == "moved");
  if (!s.ok()) return s;
  for (auto it = event.begin(); it != event.end(); ++it) {
    const std::string& key = it.key();
    if (key == "type" || key == "path" || key == "from") continue;
    if (!AllOf(key, 64, KeyChar)) {
      return Status::InvalidArgument("event key \"" + key.substr(0, 64) + "\" must be 1 to 64 characters of a-z, 0-9, _");
    }
    const json& v = it.value();
    if (key == "tables") {
      if (!v.is_array()) return Status::InvalidArgument("event \"tables\" must be a list of table names");
      if (v.size() > kMaxEventTables) return Status::InvalidArgument("event \"tables\" must name at most 256 tables");
      for (const json& t : v) {
        if (!t.is_string() || !AllOf(t.get_ref<const std::string&>(), 64, TableChar)) {
          return Status::InvalidArgument("event \"tables\" must hold names of 1 to 64 characters of A-Z, a-z, 0-9, _ $");
        }
      }
      continue;
    }
    if (v.is_string()) {
      if (v.get_ref<const std::string&>().size() > kMaxEventString) {
        return Status::InvalidArgument("event \"" + key + "\" must be at most 1024 bytes");
      }
      if (!archive::IsValidUtf8(v.get_ref<const std::string&>())) {
        return Status::InvalidArgument("event \"" + key + "\" must be valid UTF-8");
      }
    } else if (!v.is_number() && !v.is_boolean() && !v.is_null()) {
      return Status::InvalidArgument("event \"" + key + "\" must be a string, a number, a bool or null");
    } else if (v.is_number_float() && !std::isfinite(v.get<double>())) {
      return Status::InvalidArgument("event \"" + key + "\" must be a finite number");
    }
  }
  return Status::OK();
}

Result<std::string> FormatRecord(uint64_t seq, int64_t at_ms, const json& event) {
  Status s = ValidateEvent(event);
  if (!s.ok()) return s;
  const std::string head = std::to_string(seq) + " " + std::to_string(at_ms) + " ";
  const std::string body = event.dump();
  const std::string line = head + Check(head + body) + " " + body + "\n";
  if (line.size() > kMaxRecordLine) {
    return Status::InvalidArgument("event is too large: a journal record is at most 65536 bytes");
  }
  return line;
}

Result<Record> ParseRecord(std::string_view line) {
  if (line.size() >= kMaxRecordLine) return Status::Corruption("journal record longer than 65536 bytes");
  Record r;
  size_t pos = 0;
  uint64_t at = 0;
  if (!Number(line, &pos, &r.seq) || r.seq == 0) return Status::Corruption("journal record without a sequence number");
  if (!Number(line, &pos, &at) || at > static_cast<uint64_t>(INT64_MAX)) {
    return Status::Corruption("journal record " + std::to_string(r.seq) + " without a time");
  }
  r.at_ms = static_cast<int64_t>(at);
  const size_t time_end = pos;
  if (line.size() < pos + 17 || line[pos + 16] != ' ') {
    return Status::Corruption("journal record " + std::to_string(r.seq) + " without a checksum");
  }
  const std::string_view check = line.substr(pos, 16);
  const std::string_view body = line.substr(pos + 17);
  std::string covered(line.substr(0, time_end));
  covered.append(body);
  if (Check(covered) != check) return Status::Corruption("journal record " + std::to_string(r.seq) + " fails its checksum");
  auto parsed = ParseUntrustedJson(body, "journal record " + std::to_string(r.seq), 4);
  if (!parsed.ok()) return parsed.status();
  Status s = ValidateEvent(*parsed);
  if (!s.ok()) return Status::Corruption("journal record " + std::to_string(r.seq) + ": " + s.message());
  r.event = std::move(*parsed);
  return r;
}

uint64_t LeadingSeq(std::string_view line) {
  size_t pos = 0;
  uint64_t seq = 0;
  return Number(line, &pos, &seq) ? seq : 0;
}

}  // namespace bjlg::watch
