// RedactCredentials: the one filter every quota error message goes through before it leaves the
// engine (beside the removal of the destination's own secrets), for text bjlg does not control:
// a server's error body or a URL it echoed. A provider that echoes the request's Authorization
// header, a pre-signed URL or an OAuth answer would otherwise put a signature or a token in a
// message, a log or a PHP exception.
//
// Replaced by "[redacted]", whatever the case of the name:
//  - the value of an Authorization (or Proxy-Authorization) header or field, to the end of the
//    line or the quoted string: "Authorization: AWS4-HMAC-SHA256 Credential=…, Signature=…";
//  - the token after "Bearer ";
//  - the value of a field or query parameter named Signature (X-Amz-Signature,
//    SignatureProvided), sig (Azure SAS), access_token, refresh_token, id_token, client_secret,
//    X-Amz-Security-Token, X-Amz-Credential, password, written `name=value`, `name: value`,
//    `"name":"value"` or `<Name>value</Name>`.
#ifndef BJLG_QUOTA_REDACT_H_
#define BJLG_QUOTA_REDACT_H_

#include <string>

namespace bjlg::quota {

std::string RedactCredentials(const std::string& text);

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_REDACT_H_
