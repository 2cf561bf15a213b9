#include "sla/history.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

#include "common/parse_limits.h"
#include "common/time.h"

namespace bjlg::sla {

namespace {

using nlohmann::json;

Status LineError(const std::string& name, size_t line, const std::string& what) {
  return Status::Corruption(name + ": line " + std::to_string(line) + ": " + what);
}

// An optional count of bytes or objects: absent/null, or an integer >= 0.
Status ReadCount(const json& j, const char* field, const std::string& name, size_t line, std::optional<int64_t>* out) {
  const auto it = j.find(field);
  if (it == j.end() || it->is_null()) return Status::OK();
  if (it->is_number_unsigned() || (it->is_number_integer() && it->get<int64_t>() >= 0)) {
    const auto v = it->get<uint64_t>();
    if (v > static_cast<uint64_t>(INT64_MAX)) return LineError(name, line, std::string("field \"") + field + "\" is larger than 2^63 - 1");
    *out = static_cast<int64_t>(v);
    return Status::OK();
  }
  return LineError(name, line, std::string("field \"") + field + "\" must be null or an integer >= 0");
}

Status ReadSample(const json& j, const std::string& name, size_t line, HistorySample* s) {
  s->line = line;
  const json& dest = j["destination"];
  if (!dest.is_string() || dest.get<std::string>().empty()) return LineError(name, line, "field \"destination\" must be a non-empty string");
  s->destination = dest.get<std::string>();
  const auto at = j.find("at");
  if (at == j.end()) return LineError(name, line, "field \"at\" is missing");
  if (at->is_number_integer()) {
    s->at = at->get<int64_t>();
  } else if (!at->is_string() || !ParseIso8601(at->get<std::string>(), &s->at)) {
    return LineError(name, line, "field \"at\" must be an ISO 8601 time or Unix seconds");
  }
  for (auto [field, out] : {std::pair{"used_bytes", &s->used_bytes}, {"quota_bytes", &s->quota_bytes}, {"object_count", &s->object_count}}) {
    Status st = ReadCount(j, field, name, line, out);
    if (!st.ok()) return st;
  }
  const auto errors = j.find("errors");
  if (errors != j.end() && !errors->is_null()) {
    if (!errors->is_array()) return LineError(name, line, "field \"errors\" must be a list of strings");
    for (const json& e : *errors) {
      if (!e.is_string()) return LineError(name, line, "field \"errors\" must be a list of strings");
      s->errors.push_back(e.get<std::string>());
    }
  }
  return Status::OK();
}

}  // namespace

Result<History> ReadHistory(std::istream& in, const std::string& name) {
  History h;
  std::string text;
  size_t line = 0, records = 0, nonblank = 0;
  while (true) {
    text.clear();
    bool newline = false;
    char c;
    while (in.get(c)) {
      if (c == '\n') {
        newline = true;
        break;
      }
      if (text.size() >= kMaxHistoryLine) return LineError(name, line + 1, "longer than " + std::to_string(kMaxHistoryLine) + " bytes");
      text.push_back(c);
    }
    if (!newline && text.empty()) break;
    ++line;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++nonblank;
    // A line nested too deep to parse safely is skipped like any line that is not a record.
    json j;
    if (CheckJsonDepth(text, kMaxNestingDepth, name).ok()) j = json::parse(text, nullptr, false);
    if (!j.is_object()) {
      if (!newline) {
        h.torn_last_line = true;
      } else {
        h.skipped_lines.push_back(line);
      }
      continue;
    }
    ++records;
    if (j.contains("destination")) {
      HistorySample s;
      Status st = ReadSample(j, name, line, &s);
      if (!st.ok()) return st;
      h.samples.push_back(std::move(s));
    } else if (j.contains("kind")) {
      h.runs.push_back(std::move(j));
    } else {
      ++h.unknown_lines;
    }
  }
  if (in.bad()) return Status::IOError(name + ": read error");
  if (records == 0 && nonblank > (h.torn_last_line ? 1u : 0u)) {
    return Status::Corruption(name + ": not a history: no line is a JSON object (line 1 is not)");
  }
  return h;
}

Result<History> ReadHistoryFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "cannot open the history file " + path);
  struct stat st;
  const bool is_dir = fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
  close(fd);
  if (is_dir) return Status::IOError("cannot read the history file " + path + ": it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open the history file " + path);
  return ReadHistory(in, path);
}

nlohmann::json HistoryToJson(const History& h) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); };
  json samples = json::array();
  for (const HistorySample& s : h.samples) {
    samples.push_back({{"destination", s.destination}, {"at", s.at}, {"used_bytes", opt(s.used_bytes)},
                       {"quota_bytes", opt(s.quota_bytes)}, {"object_count", opt(s.object_count)},
                       {"errors", s.errors}, {"line", s.line}});
  }
  return {{"samples", samples}, {"runs", h.runs}, {"skipped_lines", h.skipped_lines},
          {"unknown_lines", h.unknown_lines}, {"torn_last_line", h.torn_last_line}};
}

std::string SampleLine(const HistorySample& s) {
  // Keys in the documented order, for people reading the file.
  using ordered = nlohmann::ordered_json;
  auto opt = [](const std::optional<int64_t>& v) { return v ? ordered(*v) : ordered(nullptr); };
  ordered j = {{"destination", s.destination}, {"at", FormatUtcIso8601(s.at)}, {"used_bytes", opt(s.used_bytes)},
            {"quota_bytes", opt(s.quota_bytes)}, {"object_count", opt(s.object_count)}, {"errors", s.errors}};
  return j.dump(-1, ' ', false, ordered::error_handler_t::replace) + "\n";
}

Status AppendSamples(const std::string& path, const std::vector<HistorySample>& samples) {
  std::string text;
  for (size_t i = 0; i < samples.size(); ++i) {
    const HistorySample& s = samples[i];
    if (s.destination.empty()) return Status::InvalidArgument("sample " + std::to_string(i) + ": field \"destination\" must not be empty").AtItem(i);
    for (auto [field, v] : {std::pair{"used_bytes", s.used_bytes}, {"quota_bytes", s.quota_bytes}, {"object_count", s.object_count}}) {
      if (v && *v < 0) return Status::InvalidArgument("sample " + std::to_string(i) + ": field \"" + field + "\" must be >= 0").AtItem(i);
    }
    text += SampleLine(s);
  }
  if (text.empty()) return Status::OK();
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return Status::FromErrno(errno, "cannot open the history file " + path);
  struct stat st;
  if (fstat(fd, &st) == 0 && st.st_size > 0) {
    char last = '\n';
    if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n') text.insert(0, "\n");
  }
  // One write: with O_APPEND the kernel places the whole buffer at the end at once, so lines of
  // concurrent writers never interleave.
  const ssize_t n = write(fd, text.data(), text.size());
  const int write_errno = errno;
  const bool synced = n == static_cast<ssize_t>(text.size()) && fsync(fd) == 0;
  const int sync_errno = errno;
  close(fd);
  if (n != static_cast<ssize_t>(text.size())) {
    return Status::FromErrno(n < 0 ? write_errno : ENOSPC, "cannot append to the history file " + path);
  }
  if (!synced) return Status::FromErrno(sync_errno, "cannot sync the history file " + path);
  return Status::OK();
}

}  // namespace bjlg::sla
