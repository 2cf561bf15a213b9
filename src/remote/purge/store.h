// The two calls a purge makes on a destination, on the protocol clients quota uses
// (quota/s3_endpoint.h, quota/azure_endpoint.h, the transport of remote/transfer.h): list what
// lies under the destination's prefix, and delete archives by name.
//
// Both are Probes, so a purge runs every destination (and several lanes per destination) at once
// over one libcurl multi handle with the transport's budgets, retries and Retry-After handling.
// Supported: S3-compatible (ListObjectsV2, DeleteObjects in batches of up to 1,000), Azure Blob
// (List Blobs, Delete Blob), WebDAV (PROPFIND Depth 1, DELETE), SFTP (directory listing, rm),
// local folders (readdir, unlink), and the hosted APIs through quota's sessions (quota/session.h:
// OAuth refresh, B2 authorize): B2 native (b2_list_file_versions, b2_delete_file_version of
// every version), Google Drive (files.list, files.delete), Dropbox (list_folder, delete_v2),
// OneDrive (children of a path, DELETE item) and pCloud (listfolder, deletefile). B2, Drive,
// OneDrive and pCloud delete by provider id, so their listing gives each archive its ids; Run
// takes them from its own fresh listing, never from the plan (which holds names only). Drive, Dropbox, OneDrive and pCloud are purged only
// in the folder their destination names (PurgeRefusal): never in a whole drive.
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
  std::optional<int64_t> mtime;  // Unix seconds (the newest, when several objects share the name)
  // The provider's ids of the objects under this name, as the delete calls take them: Drive and
  // OneDrive item ids, pCloud file ids, B2 file ids of every version (a B2 archive is freed only
  // when all its versions go; Drive allows two files of one name in a folder). Empty for the
  // protocols that delete by name. `size` is then the sum over these objects.
  std::vector<std::string> ids;
};

struct Listing {
  std::vector<ListedObject> objects;
  std::vector<RemoteError> errors;  // the probe's own; the transport's are in the JobResult
};

struct Deletion {
  enum class Outcome { kPending, kDeleted, kGone, kFailed };
  std::string name;
  std::vector<std::string> ids;  // from the fresh listing (ListedObject::ids)
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

// Why a purge may not list or delete on `d`: a hosted destination without the folder key that
// confines it (gdrive folder_id, dropbox/onedrive folder, pcloud folder or folder_id), code
// rejected, naming the key. Nothing when it may.
std::optional<RemoteError> PurgeRefusal(const quota::Destination& d);

// REQUIRES: !PurgeRefusal(d). Fills *out (which outlives the probe). A listing that fails
// at any page leaves an error: its objects must not be used.
std::unique_ptr<Probe> MakeListProbe(const quota::Destination& d, Listing* out);

// REQUIRES: !PurgeRefusal(d). Deletes `items` in order, `batch_size` at a time where the
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

std::unique_ptr<Probe> MakeB2ListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakeB2DeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                         BeforeDelete before, AfterDelete after);
std::unique_ptr<Probe> MakeGdriveListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakeGdriveDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                             BeforeDelete before, AfterDelete after);
std::unique_ptr<Probe> MakeDropboxListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakeDropboxDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                              BeforeDelete before, AfterDelete after);
std::unique_ptr<Probe> MakeOnedriveListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakeOnedriveDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                               BeforeDelete before, AfterDelete after);
std::unique_ptr<Probe> MakePcloudListProbe(const quota::Destination& d, Listing* out);
std::unique_ptr<Probe> MakePcloudDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items,
                                             BeforeDelete before, AfterDelete after);

// The Unix time in milliseconds, for the deletions' timings.
int64_t NowMs();

// Gives `item` its outcome (and error), stamps its end, and tells `after`; false when `after`
// asks to stop. Every store's deletion ends through this.
bool FinishDeletion(Deletion* item, Deletion::Outcome outcome, std::optional<RemoteError> error,
                    const AfterDelete& after);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_STORE_H_
