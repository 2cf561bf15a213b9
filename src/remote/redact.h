// RedactCredentials: the one filter every remote error message (quota, purge, notify) goes through before it leaves the
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
#ifndef BJLG_REMOTE_REDACT_H_
#define BJLG_REMOTE_REDACT_H_

#include <string>
#include <vector>

namespace bjlg::remote {

std::string RedactCredentials(const std::string& text);

// RedactCredentials(), then every occurrence of each of `secrets` (of 4 bytes or more: a
// shorter value would blank ordinary words) replaced by "[redacted]".
std::string RedactSecrets(const std::string& text, const std::vector<std::string>& secrets);

}  // namespace bjlg::remote

#endif  // BJLG_REMOTE_REDACT_H_
