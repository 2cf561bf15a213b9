// The two calls a purge makes on a destination, on the protocol clients quota uses
// (quota/s3_endpoint.h, quota/azure_endpoint.h, the transport of remote/transfer.h): list what
// lies under the destination's prefix, and delete archives by name.
//
// Both are Probes, so a purge runs every destination (and several lanes per destination) at once
// over one libcurl multi handle with the transport's budgets, retries and Retry-After handling.
// Supported: S3-compatible (ListObjectsV2, DeleteObjects in batches of up to 1,000), Azure Blob
// (List Blobs, Delete Blob), WebDAV (PROPFIND Depth 1, DELETE), SFTP (directory listing, rm)
// and local folders (readdir, unlink). The hosted APIs (B2 native, Drive, Dropbox, OneDrive,
// pCloud) are refused by name when a purge is planned (docs/purge.md).
#ifndef BJLG_REMOTE_PURGE_STORE_H_
#define BJLG_REMOTE_PURGE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "quota/destination.h"
#include "remote/transfer.h"

namespace bjlg::remote::purge {

// A listing holding more objects than this is refused rather than held.
constexpr size_t kMaxListedObjects = 1000000;

struct ListedObject {
  std::string name;  // the object key, blob name or file name, as delete takes it back
  uint64_t size = 0;
  std::optional<int64_t> mtime;  // Unix seconds
};

struct Listing {
  std::vector<ListedObject> objects;
  std::vector<RemoteError> errors;  // the probe's own; the transport's are in the JobResult
};

struct Deletion {
  enum class Outcome { kPending, kDeleted, kGone, kFailed };
  std::string name;
  Outcome outcome = Outcome::kPending;
  std::optional<RemoteError> error;  // kFailed: why
  int attempts = 0;                  // requests sent for it, retries included
  int64_t started_ms = 0, finished_ms = 0;
};

// Called before a request deletes `items` (the journal's intent); returning false stops the
// probe before that request is sent (the items stay kPending).
using BeforeDelete = std::function<bool(const std::vector<Deletion*>& items)>;
// Called as each item gets its outcome; returning false stops the probe (the purge is cancelled:
// the items not yet sent stay kPending).
using AfterDelete = std::function<bool(Deletion& item)>;

// True when a purge can list and delete on destinations of this type.
bool PurgeSupported(quota::DestinationType type);

// REQUIRES: PurgeSupported(d.type). Fills *out (which outlives the probe). A listing that fails
// at any page leaves an error: its objects must not be used.
std::unique_ptr<Probe> MakeListProbe(const quota::Destination& d, Listing* out);

// REQUIRES: PurgeSupported(d.type). Deletes `items` in order, `batch_size` at a time where the
// protocol deletes in batches (S3), else one by one. A name already gone counts as done (kGone).
std::unique_ptr<Probe> MakeDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items, size_t batch_size,
                                       BeforeDelete before, AfterDelete after);

// The per-protocol factories.
std::unique_ptr<Probe> MakeS3ListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakeS3DeleteProbe(const quota::Destination& d, std::vector<Deletion*> items, size_t batch_size,
                                         BeforeDelete before, AfterDelete after);
std::unique_ptr<Probe> MakeAzureListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakeAzureDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                            BeforeDelete before, AfterDelete after);
std::unique_ptr<Probe> MakeWebdavListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakeWebdavDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                             BeforeDelete before, AfterDelete after);
std::unique_ptr<Probe> MakeSftpListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakeSftpDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                           BeforeDelete before, AfterDelete after);
std::unique_ptr<Probe> MakeLocalListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakeLocalDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                            BeforeDelete before, AfterDelete after);

// The Unix time in milliseconds, for the deletions' timings.
int64_t NowMs();

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_STORE_H_
