// Where an S3-compatible destination's requests go and how they are signed, for every call bjlg
// makes on it (the quota's ListObjectsV2, the purge's listing and DeleteObjects): the endpoint
// (AWS's per region unless configured), virtual-host or path-style addressing, SigV4 headers and
// the optional session token.
#ifndef BJLG_QUOTA_S3_ENDPOINT_H_
#define BJLG_QUOTA_S3_ENDPOINT_H_

#include <string>
#include <utility>
#include <vector>

#include "quota/destination.h"
#include "quota/sigv4.h"
#include "remote/transfer.h"

namespace bjlg::quota {

class S3Endpoint {
 public:
  explicit S3Endpoint(const Destination& d);

  // Fills request->url and request->headers for `method` on the bucket (object_key empty) or on
  // one object, with `query` (raw names and values) and `body` (hashed into the signature).
  // `extra_headers` ("content-md5", value…) are signed and sent too.
  void Sign(remote::Request* request, const std::string& method, const std::string& object_key,
            std::vector<std::pair<std::string, std::string>> query, const std::string& body,
            const std::vector<std::pair<std::string, std::string>>& extra_headers = {}) const;

  // One page of ListObjectsV2 under the destination's prefix: `page_size` keys at most, from
  // `continuation_token` (empty: the first page). Quota's usage and purge's listing page alike.
  void SignListPage(remote::Request* request, int64_t page_size, const std::string& continuation_token) const;

  // "S3 ListObjectsV2 on bucket.host:port": where a call went, for messages.
  std::string Where(const std::string& what) const;

  // The S3 error of a non-2xx answer: the body's <Code> refines the HTTP status (NoSuchBucket is
  // not_found, SignatureDoesNotMatch and AccessDenied are auth, SlowDown is throttled).
  remote::RemoteError ErrorFor(const std::string& what, const remote::Response& response) const;

  const std::string& bucket() const { return bucket_; }
  const std::string& prefix() const { return prefix_; }

 private:
  SigV4Credentials credentials_;
  std::string session_token_, bucket_, prefix_, host_, bucket_path_, origin_;
};

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_S3_ENDPOINT_H_
