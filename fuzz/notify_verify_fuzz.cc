// Fuzz target for Bjlg\Notify\Webhook::verify (the receiving side of signed webhooks). Input:
// "<header value>\n<body>". verify() must never crash, never accept a signature it did not
// compute (a random header verifies only if it carries the right HMAC, which the fuzzer cannot
// forge), and must accept the header bjlg itself produces for the same body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "notify/payload.h"
#include "notify/webhook_verify.h"

using namespace bjlg::notify;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t nl = input.find('\n');
  const std::string header = input.substr(0, nl);
  const std::string body = nl == std::string::npos ? std::string() : input.substr(nl + 1);
  const int64_t now = 1796472000;
  const std::string secret = "fuzz-secret";
  bool ok = VerifyWebhook(body, {{"X-BJLG-Signature-256", header}}, secret, 300, now);
  if (ok) {
    // Only a header holding the true HMAC of some t within the tolerance can verify.
    const size_t v1 = header.find("v1=");
    if (v1 == std::string::npos) std::abort();
  }
  VerifyWebhook(body, {{"HTTP_X_BJLG_SIGNATURE_256", header}, {"X-BJLG-Timestamp", header}}, secret, 0, now);
  // The header bjlg produces always verifies, and never with another body.
  const std::string good = TimestampedSignature(body, secret, now - 10);
  if (!VerifyWebhook(body, {{"x-bjlg-signature-256", good}}, secret, 300, now)) std::abort();
  if (VerifyWebhook(body + "x", {{"x-bjlg-signature-256", good}}, secret, 300, now)) std::abort();
  return 0;
}
