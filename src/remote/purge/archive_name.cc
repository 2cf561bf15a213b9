#include "remote/purge/archive_name.h"

#include <array>
#include <vector>

#include "cron/calendar.h"

namespace bjlg::remote::purge {
namespace {

bool AllDigits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Y, m, d, H, i, s as digits; none when they are not a real date and time.
std::optional<int64_t> InstantOf(const std::array<std::string_view, 6>& parts) {
  const int year = Number(parts[0]);
  const int month = Number(parts[1]);
  const int day = Number(parts[2]);
  const int hour = Number(parts[3]);
  const int minute = Number(parts[4]);
  const int second = Number(parts[5]);
  if (year < 1970 || month < 1 || month > 12 || day < 1 ||
      day > static_cast<int>(cron::DaysInMonth(year, static_cast<unsigned>(month))) || hour > 23 || minute > 59 ||
      second > 59) {
    return std::nullopt;
  }
  const int64_t days = cron::DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * cron::kSecondsPerDay + hour * 3600 + minute * 60 + second;
}

std::vector<std::string_view> Split(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '-') {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// The instant of the six parts Y, m, d, H, i, s; none when they are not a real date and time.
std::optional<int64_t> DateOf(const std::vector<std::string_view>& p, size_t at) {
  static constexpr size_t kWidths[6] = {4, 2, 2, 2, 2, 2};
  if (p.size() < at + 6) return std::nullopt;
  for (size_t i = 0; i < 6; ++i) {
    if (!AllDigits(p[at + i], kWidths[i])) return std::nullopt;
  }
  return InstantOf({p[at], p[at + 1], p[at + 2], p[at + 3], p[at + 4], p[at + 5]});
}

// The same written "Ymd-His" (bjlg's WordPress plugin): two parts of 8 and 6 digits.
std::optional<int64_t> CompactDateOf(std::string_view ymd, std::string_view his) {
  if (!AllDigits(ymd, 8) || !AllDigits(his, 6)) return std::nullopt;
  return InstantOf({ymd.substr(0, 4), ymd.substr(4, 2), ymd.substr(6, 2), his.substr(0, 2), his.substr(2, 2), his.substr(4, 2)});
}

bool IsComponent(std::string_view s) {
  return s == "full" || s == "db" || s == "plugins" || s == "themes" || s == "uploads";
}

bool IsUniqid(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!ok) return false;
  }
  return true;
}

bool StripSuffix(std::string_view* s, std::string_view suffix) {
  if (s->size() <= suffix.size() || s->substr(s->size() - suffix.size()) != suffix) return false;
  s->remove_suffix(suffix.size());
  return true;
}

// "{components}-{date}-{uniqid}", the standard flow's tail after "backup-" or "incremental-";
// {date} is "Y-m-d-H-i-s" (the plugin's) or "Ymd-His" (bjlg's WordPress plugin).
bool ParseStandardTail(std::string_view tail, ArchiveName* out) {
  const std::vector<std::string_view> p = Split(tail);
  if (p.size() < 4 || !IsUniqid(p.back())) return false;
  size_t date_at = p.size() - 3;
  std::optional<int64_t> time = CompactDateOf(p[date_at], p[date_at + 1]);
  if (!time && p.size() >= 8) {
    date_at = p.size() - 7;
    time = DateOf(p, date_at);
  }
  if (!time || date_at == 0) return false;
  std::string components;
  for (size_t i = 0; i < date_at; ++i) {
    if (!IsComponent(p[i])) return false;
    if (!components.empty()) components += '-';
    components += p[i];
  }
  out->time = time;
  out->components = std::move(components);
  return true;
}

// "{date}" or "{date}-{N}" after "pre-restore-backup-".
bool ParsePreRestoreTail(std::string_view tail, ArchiveName* out) {
  const std::vector<std::string_view> p = Split(tail);
  if (p.size() != 6 && p.size() != 7) return false;
  if (p.size() == 7 && (p[6].empty() || p[6].size() > 9 || !AllDigits(p[6], p[6].size()))) return false;
  std::optional<int64_t> time = DateOf(p, 0);
  if (!time) return false;
  out->time = time;
  return true;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

const char* ArchiveKindName(ArchiveKind kind) {
  switch (kind) {
    case ArchiveKind::kFull: return "full";
    case ArchiveKind::kIncremental: return "incremental";
    case ArchiveKind::kStandalone: return "standalone";
    case ArchiveKind::kForeign: break;
  }
  return "foreign";
}

ArchiveName ParseArchiveName(std::string_view name) {
  const size_t slash = name.rfind('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  ArchiveName out;
  const bool encrypted = StripSuffix(&base, ".zip.enc");
  if (!encrypted && !StripSuffix(&base, ".zip")) return ArchiveName{};
  ArchiveName parsed;
  bool ok = false;
  if (StartsWith(base, "pre-restore-backup-")) {
    parsed.kind = ArchiveKind::kStandalone;
    ok = ParsePreRestoreTail(base.substr(19), &parsed);
  } else if (StartsWith(base, "backup-")) {
    parsed.kind = ArchiveKind::kFull;
    ok = ParseStandardTail(base.substr(7), &parsed);
  } else if (StartsWith(base, "incremental-")) {
    parsed.kind = ArchiveKind::kIncremental;
    ok = ParseStandardTail(base.substr(12), &parsed);
  }
  if (!ok) return out;
  parsed.encrypted = encrypted;
  return parsed;
}

}  // namespace bjlg::remote::purge
