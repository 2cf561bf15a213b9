// Checking a signed webhook on the receiving side (Bjlg\Notify\Webhook::verify).
//
// Only the timestamped scheme is accepted: X-BJLG-Signature-256 "t=<unix>,v1=<hex>" where hex
// is HMAC-SHA256(secret, "<unix>.<body>"), with |now - t| <= tolerance. The plugin's legacy
// X-BJLG-Signature (HMAC of the body alone) is still *sent* for existing receivers, but is not
// accepted here: a captured request would verify forever (replay), which is the flaw the new
// scheme exists to close (design §B.9). X-BJLG-Timestamp, when present, must equal t.
#ifndef BJLG_NOTIFY_WEBHOOK_VERIFY_H_
#define BJLG_NOTIFY_WEBHOOK_VERIFY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bjlg::notify {

// One received header; names in any case, also as $_SERVER spells them ("HTTP_X_BJLG_...").
using HeaderList = std::vector<std::pair<std::string, std::string>>;

// True when one v1 signature of the header matches (compared in constant time) and the
// timestamp is within `tolerance_seconds` of `now` (either side). Never throws; any malformed
// header is simply false. Several v1= values are allowed (secret rotation).
bool VerifyWebhook(std::string_view body, const HeaderList& headers, std::string_view secret,
                   int64_t tolerance_seconds, int64_t now);

// "x-bjlg-signature-256" for "HTTP_X_BJLG_SIGNATURE_256", "X-Bjlg-Signature-256", ...
std::string NormalizeHeaderName(std::string_view name);

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_WEBHOOK_VERIFY_H_
