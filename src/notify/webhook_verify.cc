#include "notify/webhook_verify.h"

#include <charconv>

#include "common/digest.h"
#include "crypto/primitives.h"  // EqualConstantTime

namespace bjlg::notify {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ParseTimestamp(std::string_view text, int64_t* out) {
  text = Trim(text);
  if (text.empty() || text.size() > 12) return false;
  for (char c : text) if (c < '0' || c > '9') return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool DecodeHex(std::string_view hex, uint8_t out[kSha256Size]) {
  if (hex.size() != 2 * kSha256Size) return false;
  for (size_t i = 0; i < kSha256Size; ++i) {
    int v = 0;
    for (int k = 0; k < 2; ++k) {
      char c = hex[2 * i + k];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + d;
    }
    out[i] = static_cast<uint8_t>(v);
  }
  return true;
}

}  // namespace

std::string NormalizeHeaderName(std::string_view name) {
  std::string out;
  for (char c : Trim(name)) out.push_back(c == '_' ? '-' : static_cast<char>(tolower(static_cast<unsigned char>(c))));
  if (out.rfind("http-", 0) == 0) out.erase(0, 5);
  return out;
}

bool VerifyWebhook(std::string_view body, const HeaderList& headers, std::string_view secret,
                   int64_t tolerance_seconds, int64_t now) {
  if (secret.empty() || tolerance_seconds < 0) return false;
  const std::string* signature = nullptr;
  const std::string* timestamp_header = nullptr;
  for (const auto& [name, value] : headers) {
    std::string n = NormalizeHeaderName(name);
    if (n == "x-bjlg-signature-256") {
      if (signature != nullptr) return false;  // two headers: ambiguous, refuse
      signature = &value;
    } else if (n == "x-bjlg-timestamp") {
      if (timestamp_header != nullptr) return false;
      timestamp_header = &value;
    }
  }
  if (signature == nullptr || signature->size() > 4096) return false;

  int64_t t = -1;
  std::vector<std::string_view> candidates;
  std::string_view rest = *signature;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) return false;
    std::string_view key = Trim(item.substr(0, eq)), value = Trim(item.substr(eq + 1));
    if (key == "t") {
      if (t >= 0 || !ParseTimestamp(value, &t)) return false;
    } else if (key == "v1") {
      candidates.push_back(value);
    }  // other schemes (v0, future v2) are ignored, as Stripe-style receivers do
  }
  if (t < 0 || candidates.empty()) return false;
  if (timestamp_header != nullptr) {
    int64_t th;
    if (!ParseTimestamp(*timestamp_header, &th) || th != t) return false;
  }
  int64_t age = now - t;
  if (age > tolerance_seconds || -age > tolerance_seconds) return false;

  std::string signed_text = std::to_string(t) + "." + std::string(body);
  uint8_t expected[kSha256Size];
  HmacSha256Digest(secret.data(), secret.size(), signed_text.data(), signed_text.size(), expected);
  bool match = false;
  for (std::string_view hex : candidates) {
    uint8_t given[kSha256Size];
    if (!DecodeHex(hex, given)) continue;
    // Every candidate is compared: the time taken does not tell which one matched.
    match |= crypto::EqualConstantTime(given, expected, kSha256Size);
  }
  return match;
}

}  // namespace bjlg::notify
