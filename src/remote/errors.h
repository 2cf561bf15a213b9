// How the engine names a failed transfer: libcurl's result codes and SMTP replies mapped onto
// the stable ErrorCode of transfer.h. Internal to src/remote/.
#ifndef BJLG_REMOTE_ERRORS_H_
#define BJLG_REMOTE_ERRORS_H_

#include <curl/curl.h>

#include <cstdint>
#include <functional>
#include <string>

#include "remote/transfer.h"

namespace bjlg::remote {

// The error for a transfer libcurl ended with `rc` (not CURLE_OK) on `host` during `what`.
// `size_limit` > 0 when the response was cut because it exceeded that many bytes; `timeout`
// builds the job's timeout error (it knows the budget).
RemoteError TransportError(CURLcode rc, const std::string& what, const std::string& host, uint64_t size_limit,
                           const std::function<RemoteError()>& timeout);

// The error for an SMTP reply `status` (4xx after the retries, or 5xx): 530/534/535 auth,
// 550/551/553 rejected recipient or sender, 4xx throttled, else rejected.
RemoteError SmtpError(const std::string& what, long status, CURLcode rc);

}  // namespace bjlg::remote

#endif  // BJLG_REMOTE_ERRORS_H_
