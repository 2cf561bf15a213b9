#include "archive/path_rules.h"

namespace bjlg::archive {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    int len;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

// A name as messages quote it: a NUL shown as \0, since a message is a C string further on
// (PHP's exception message would end at the NUL, before the reason).
static std::string Printable(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '\0') out += "\\0";
    else out += c;
  }
  return out;
}

static bool HasDriveLetter(std::string_view name) {
  return name.size() >= 2 && name[1] == ':' &&
         ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'));
}

Status CheckEntryName(std::string_view name) {
  auto bad = [&](const char* why) {
    return Status::InvalidArgument("invalid entry name \"" + Printable(name) + "\": " + why);
  };
  if (name.empty()) return bad("empty");
  if (name.size() > 65535) return bad("longer than 65,535 bytes");
  if (name.find('\0') != std::string_view::npos) return bad("contains a NUL byte");
  if (name.find('\\') != std::string_view::npos) return bad("contains a backslash");
  if (!IsValidUtf8(name)) return bad("not valid UTF-8");
  if (name.front() == '/') return bad("absolute");
  if (HasDriveLetter(name)) return bad("starts with a drive letter");
  size_t start = 0;
  while (true) {
    const size_t slash = name.find('/', start);
    const std::string_view part =
        name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty()) return bad("empty path component");
    if (part == "." || part == "..") return bad("`.` or `..` path component");
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return Status::OK();
}

Result<std::string> SafeExtractName(std::string_view stored) {
  std::string name(stored);
  for (char& c : name) {
    if (c == '\\') c = '/';
  }
  auto bad = [&](const char* why) {
    return Status::Corruption("unsafe entry name \"" + Printable(stored) + "\": " + why);
  };
  if (name.find('\0') != std::string::npos) return bad("contains a NUL byte");
  while (name.size() >= 2 && name[0] == '.' && name[1] == '/') name.erase(0, 2);
  if (name.empty()) return bad("empty");
  if (name.front() == '/') return bad("absolute");
  if (HasDriveLetter(name)) return bad("drive letter");
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    if (slash == std::string::npos) slash = name.size();
    if (std::string_view(name).substr(start, slash - start) == "..") return bad("`..` component");
    start = slash + 1;
  }
  return name;
}

bool IsUnder(std::string_view path, std::string_view prefix) {
  while (!prefix.empty() && prefix.back() == '/') prefix.remove_suffix(1);
  if (prefix.empty()) return true;
  if (path.size() < prefix.size() || path.substr(0, prefix.size()) != prefix) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '/';
}

}  // namespace bjlg::archive
