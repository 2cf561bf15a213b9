#include "quota/sigv4.h"

#include <algorithm>
#include <cctype>

#include "quota/crypto.h"

namespace bjlg::quota {
namespace {

// Header values: leading/trailing spaces trimmed, inner runs of spaces collapsed to one.
std::string TrimAll(const std::string& value) {
  std::string out;
  bool space = false;
  for (char c : value) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

SigV4Signature SignV4(const SigV4Request& request, const SigV4Credentials& credentials,
                      const std::string& amz_date) {
  SigV4Signature out;
  std::string path = request.path.empty() ? "/" : request.path;
  std::string canonical_path = UriEncode(path, true);

  std::vector<std::pair<std::string, std::string>> query;
  for (const auto& [k, v] : request.query) query.emplace_back(UriEncode(k, false), UriEncode(v, false));
  std::sort(query.begin(), query.end());
  for (const auto& [k, v] : query) {
    if (!out.canonical_query.empty()) out.canonical_query += '&';
    out.canonical_query += k + "=" + v;
  }

  // Headers with the same name are joined with ',' in the order given.
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& [k, v] : request.headers) {
    std::string name = Lower(k);
    auto it = std::find_if(headers.begin(), headers.end(), [&](const auto& h) { return h.first == name; });
    if (it != headers.end()) {
      it->second += "," + TrimAll(v);
    } else {
      headers.emplace_back(name, TrimAll(v));
    }
  }
  std::sort(headers.begin(), headers.end());
  std::string canonical_headers, signed_headers;
  for (const auto& [k, v] : headers) {
    canonical_headers += k + ":" + v + "\n";
    if (!signed_headers.empty()) signed_headers += ';';
    signed_headers += k;
  }

  out.canonical_request = request.method + "\n" + canonical_path + "\n" + out.canonical_query + "\n" +
                          canonical_headers + "\n" + signed_headers + "\n" + request.payload_sha256_hex;
  std::string date = amz_date.substr(0, 8);
  std::string scope = date + "/" + credentials.region + "/" + credentials.service + "/aws4_request";
  out.string_to_sign = "AWS4-HMAC-SHA256\n" + amz_date + "\n" + scope + "\n" + Hex(Sha256(out.canonical_request));
  std::string key = HmacSha256("AWS4" + credentials.secret_key, date);
  key = HmacSha256(key, credentials.region);
  key = HmacSha256(key, credentials.service);
  key = HmacSha256(key, "aws4_request");
  out.signature = Hex(HmacSha256(key, out.string_to_sign));
  out.authorization = "AWS4-HMAC-SHA256 Credential=" + credentials.access_key + "/" + scope +
                      ", SignedHeaders=" + signed_headers + ", Signature=" + out.signature;
  return out;
}

std::string AmzDateNow() { return FormatUtcNow("%Y%m%dT%H%M%SZ"); }

}  // namespace bjlg::quota
