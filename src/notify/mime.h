// The e-mail a notification becomes: an RFC 5322 message with a UTF-8 subject (RFC 2047
// encoded-words), several recipients, and multipart/alternative text + HTML parts. Both parts
// are base64 with CRLF line ends, so no body line can start with "." or exceed 998 bytes,
// whatever the lines hold (SMTP's dot and line-length rules never see user text).
#ifndef BJLG_NOTIFY_MIME_H_
#define BJLG_NOTIFY_MIME_H_

#include <cstdint>
#include <string>
#include <vector>

namespace bjlg::notify {

struct MimeMessage {
  std::string from;
  std::vector<std::string> to;
  std::string subject;
  std::string text;               // the plain-text part (LF or CRLF line ends)
  std::string title;              // the HTML part: a heading...
  std::vector<std::string> lines; // ...and one paragraph per line
  int64_t date = 0;               // Unix seconds, for Date:
  std::string message_id_host = "bjlg.localhost";
};

// The whole message, CRLF line ends. Message-ID and the boundary derive from a SHA-256 of the
// content and date, so the same input gives the same bytes (tests) and different messages
// different IDs.
std::string BuildMime(const MimeMessage& m);

// `text` as a header value: unchanged when printable ASCII, else RFC 2047 "=?UTF-8?B?...?="
// words of at most 75 characters, cut on character boundaries, folded with CRLF + space.
std::string EncodeHeaderWord(const std::string& text);

// RFC 5322 date: "Sat, 05 Dec 2026 12:00:00 +0000".
std::string Rfc5322Date(int64_t unix_seconds);

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_MIME_H_
