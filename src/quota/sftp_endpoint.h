// How bjlg reaches an SFTP destination, for every call it makes there (the quota's statvfs, the
// purge's listing and rm): the sftp:// URL of a folder, and the SSH identity and host key checks
// (the SHA-256 fingerprint or a known_hosts file, unless verify_host_key is false).
#ifndef BJLG_QUOTA_SFTP_ENDPOINT_H_
#define BJLG_QUOTA_SFTP_ENDPOINT_H_

#include <string>

#include "quota/destination.h"
#include "remote/transfer.h"

namespace bjlg::quota {

// The destination's `path` (default "/"), absolute, without a trailing slash unless it is "/".
std::string SftpFolder(const Destination& d);

// Sets request->url to the folder `folder` (with its trailing slash) and the SSH fields.
void SftpAccess(const Destination& d, const std::string& folder, remote::Request* request);

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_SFTP_ENDPOINT_H_
