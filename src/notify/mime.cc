#include "notify/mime.h"

#include <ctime>

#include "common/digest.h"
#include "common/xml_escape.h"
#include "quota/crypto.h"  // Base64Encode: the one base64 encoder

namespace bjlg::notify {
namespace {

bool PlainAscii(const std::string& s) {
  for (unsigned char c : s) if (c < 0x20 || c > 0x7e) return false;
  return s.find("=?") == std::string::npos;
}

// Base64 of `data` in lines of 76 characters, each ended by CRLF.
std::string Base64Lines(const std::string& data) {
  std::string b64 = quota::Base64Encode(data);
  std::string out;
  for (size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
  return out;
}

std::string Crlf(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\r\n";
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string Html(const MimeMessage& m) {
  std::string h = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + XmlEscape(m.title) +
                  "</title></head>\n<body>\n<h1>" + XmlEscape(m.title) + "</h1>\n";
  for (const std::string& l : m.lines) h += "<p>" + XmlEscape(l) + "</p>\n";
  return h + "</body></html>\n";
}

}  // namespace

std::string Rfc5322Date(int64_t unix_seconds) {
  time_t t = static_cast<time_t>(unix_seconds);
  struct tm tm;
  gmtime_r(&t, &tm);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday, kMonths[tm.tm_mon],
           tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string EncodeHeaderWord(const std::string& text) {
  if (PlainAscii(text) && text.size() <= 900) return text;
  // 75 - len("=?UTF-8?B?") - len("?=") = 63 base64 characters: 45 bytes of text at most.
  constexpr size_t kMaxBytes = 45;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = std::min(text.size(), i + kMaxBytes);
    while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (end == i) end = std::min(text.size(), i + kMaxBytes);  // not UTF-8: cut anywhere
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + quota::Base64Encode(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string BuildMime(const MimeMessage& m) {
  std::string text = Crlf(m.text);
  if (text.empty() || text.substr(text.size() - 2) != "\r\n") text += "\r\n";
  std::string html = Crlf(Html(m));
  std::string to;
  for (size_t i = 0; i < m.to.size(); ++i) to += (i ? ", " : "") + m.to[i];

  std::string seed = std::to_string(m.date) + "\n" + to + "\n" + m.subject + "\n" + text;
  uint8_t digest[kSha256Size];
  Sha256Digest(seed.data(), seed.size(), digest);
  std::string id = HexLower(digest, 12);
  // "=_" never occurs in base64, so the boundary cannot appear in a part.
  std::string boundary = "=_bjlg_" + HexLower(digest + 12, 12);

  std::string out;
  out += "Date: " + Rfc5322Date(m.date) + "\r\n";
  out += "From: " + m.from + "\r\n";
  out += "To: " + to + "\r\n";
  out += "Subject: " + EncodeHeaderWord(m.subject) + "\r\n";
  out += "Message-ID: <" + id + "." + std::to_string(m.date) + "@" + m.message_id_host + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
  out += "X-Mailer: bjlg\r\n";
  out += "\r\n";
  out += "This is a multi-part message in MIME format.\r\n";
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += Base64Lines(text);
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/html; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += Base64Lines(html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace bjlg::notify
