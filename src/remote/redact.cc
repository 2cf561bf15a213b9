#include "remote/redact.h"

#include <cctype>
#include <cstring>

namespace bjlg::remote {

namespace {

constexpr char kRedacted[] = "[redacted]";

// Field names whose value is a credential. Longer names first where one contains another.
constexpr const char* kSecretFields[] = {"proxy-authorization", "authorization", "x-amz-security-token",
                                         "x-amz-credential", "x-amz-signature", "signature", "access_token",
                                         "refresh_token", "id_token", "client_secret", "password", "sig"};

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

bool MatchesAt(const std::string& text, size_t at, const char* word) {
  const size_t n = strlen(word);
  if (at + n > text.size()) return false;
  for (size_t i = 0; i < n; ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  return true;
}

// Where the value after a field name starting at `at` (of length `len`) begins, or npos when
// what follows is not a separator: optional letters ("SignatureProvided"; not after "sig", which
// would take "SignedHeaders" for a secret), optional quotes and
// spaces, then ':' '=' or '>', then optional quotes and spaces.
size_t ValueStart(const std::string& text, size_t at, size_t len, char* close) {
  size_t p = at + len;
  while (len > 3 && p < text.size() && std::isalpha(static_cast<unsigned char>(text[p]))) ++p;
  while (p < text.size() && (text[p] == '"' || text[p] == '\'' || text[p] == ' ')) ++p;
  if (p >= text.size() || (text[p] != ':' && text[p] != '=' && text[p] != '>')) return std::string::npos;
  if (text[p] == '>' && (at == 0 || text[at - 1] != '<')) return std::string::npos;  // a closing tag
  *close = text[p] == '>' ? '<' : '\0';
  ++p;
  while (p < text.size() && text[p] == ' ') ++p;
  if (p < text.size() && (text[p] == '"' || text[p] == '\'')) *close = text[p++];
  return p;
}

// The end of a value starting at `p`: the closing quote or tag when there is one; for an
// Authorization header the end of the line (its value holds spaces and commas); else the first
// character that ends a token in a query string, a header list or a JSON document.
size_t ValueEnd(const std::string& text, size_t p, char close, bool whole_line) {
  while (p < text.size()) {
    const char c = text[p];
    if (close != '\0') {
      if (c == close || c == '\n' || c == '\r') break;
    } else if (whole_line) {
      if (c == '\n' || c == '\r' || c == '"' || c == '<') break;
    } else if (std::isspace(static_cast<unsigned char>(c)) || std::strchr("&,;\"'<>)}]", c) != nullptr) {
      break;
    }
    ++p;
  }
  return p;
}

}  // namespace

std::string RedactCredentials(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const bool boundary = i == 0 || !IsNameChar(text[i - 1]) || text[i - 1] == '-';
    bool replaced = false;
    if (boundary && MatchesAt(text, i, "bearer ")) {
      size_t p = i + 7;
      while (p < text.size() && text[p] == ' ') ++p;
      const size_t end = ValueEnd(text, p, '\0', false);
      if (end > p) {
        out.append(text, i, p - i).append(kRedacted);
        i = end;
        replaced = true;
      }
    }
    for (const char* field : kSecretFields) {
      if (replaced || !boundary || !MatchesAt(text, i, field)) continue;
      char close = '\0';
      const size_t start = ValueStart(text, i, strlen(field), &close);
      if (start == std::string::npos) continue;
      const bool whole_line = strstr(field, "authorization") != nullptr;
      const size_t end = ValueEnd(text, start, close, whole_line);
      out.append(text, i, start - i).append(kRedacted);
      i = end;
      replaced = true;
    }
    if (!replaced) out.push_back(text[i++]);
  }
  return out;
}

std::string RedactSecrets(const std::string& text, const std::vector<std::string>& secrets) {
  std::string out = RedactCredentials(text);
  for (const std::string& secret : secrets) {
    if (secret.size() < 4) continue;
    for (size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at)) {
      out.replace(at, secret.size(), kRedacted);
    }
  }
  return out;
}

}  // namespace bjlg::remote
