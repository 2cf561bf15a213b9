// The few cryptographic, encoding and date primitives the request signers need, over OpenSSL.
#ifndef BJLG_QUOTA_CRYPTO_H_
#define BJLG_QUOTA_CRYPTO_H_

#include <optional>
#include <string>
#include <string_view>

namespace bjlg::quota {

// String forms of common/digest.h, the shape request signing chains them in.
std::string Sha256(std::string_view data);                        // raw 32 bytes
std::string HmacSha256(std::string_view key, std::string_view data);  // raw 32 bytes
std::string Hex(std::string_view raw);                            // lower-case
std::string Base64Encode(std::string_view raw);
// Empty optional when `text` is not valid base64.
std::optional<std::string> Base64Decode(std::string_view text);

// RFC 3986 percent-encoding: every byte but A-Z a-z 0-9 - . _ ~ (and '/' when keep_slash) is
// written %XX with upper-case hex, as SigV4 and Azure require.
std::string UriEncode(std::string_view text, bool keep_slash);

// The current UTC time in strftime `format` ("%Y%m%dT%H%M%SZ" for SigV4, RFC 1123 for Azure).
std::string FormatUtcNow(const char* format);

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_CRYPTO_H_
