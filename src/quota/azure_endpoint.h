// Where an Azure Blob destination's requests go and how they are authorised, for every call
// bjlg makes on it (the quota's and the purge's List Blobs, the purge's Delete Blob): Shared Key
// (HMAC-SHA256 of the canonical request with the account key) or a SAS token in the query.
// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key
#ifndef BJLG_QUOTA_AZURE_ENDPOINT_H_
#define BJLG_QUOTA_AZURE_ENDPOINT_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "quota/destination.h"
#include "remote/transfer.h"

namespace bjlg::quota {

class AzureEndpoint {
 public:
  explicit AzureEndpoint(const Destination& d);

  // Fills request->url and request->headers for a body-less `method` on the container (blob
  // empty) or on one blob, with `query` (raw names and values). An auth error when the account
  // key is not base64.
  std::optional<remote::RemoteError> Sign(remote::Request* request, const std::string& method, const std::string& blob,
                                          std::vector<std::pair<std::string, std::string>> query) const;

  // One page of List Blobs under the destination's prefix: `page_size` blobs at most, from
  // `marker` (empty: the first page). Quota's usage and purge's listing page alike.
  std::optional<remote::RemoteError> SignListPage(remote::Request* request, int64_t page_size,
                                                  const std::string& marker) const;

  // "Azure List Blobs on host:port".
  std::string Where(const std::string& what) const;

  // The error of a non-2xx answer, refined by the body's <Code> or x-ms-error-code
  // (ContainerNotFound is not_found, Authentication* and Authorization* are auth).
  remote::RemoteError ErrorFor(const std::string& what, const remote::Response& response) const;

  const std::string& prefix() const { return prefix_; }

 private:
  std::string account_, container_, key_, sas_, prefix_, endpoint_, base_path_;
};

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_AZURE_ENDPOINT_H_
