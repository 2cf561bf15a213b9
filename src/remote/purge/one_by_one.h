// The delete probe of the protocols that delete one object per request (Azure Delete Blob,
// WebDAV DELETE, B2 b2_delete_file_version, Drive files.delete, Dropbox delete_v2, OneDrive
// DELETE item, pCloud deletefile): items in order, one request per provider id of the item (one
// request when it has none), any refusal failing that item only.
//
// The hosted providers first run their session (quota/session.h: OAuth refresh, B2 authorize),
// once per lane, before the first delete; a session refused ends the lane (its items stay
// pending and Run reports them failed with the session's error).
#ifndef BJLG_REMOTE_PURGE_ONE_BY_ONE_H_
#define BJLG_REMOTE_PURGE_ONE_BY_ONE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "quota/session.h"
#include "remote/purge/store.h"

namespace bjlg::remote::purge {

// Fills the request that deletes `name` (the provider id `id` of one of its objects, or empty
// for the protocols that delete by name), or says why it cannot be made (the item fails).
using BuildDelete =
    std::function<std::optional<RemoteError>(const std::string& name, const std::string& id, Request* request)>;

// What one answer means: kDeleted, kGone (already gone) or kFailed with its error.
struct DeleteVerdict {
  Deletion::Outcome outcome = Deletion::Outcome::kFailed;
  std::optional<RemoteError> error;
};
using JudgeDelete = std::function<DeleteVerdict(const Response& response)>;

// The HTTP reading: 2xx deleted, 404 and 410 already gone, anything else error(response).
JudgeDelete JudgeByStatus(std::function<RemoteError(const Response&)> error);

// An item with several ids is kDeleted when one of its requests deleted and none failed, kGone
// when every one answered gone, else kFailed with the first refusal.
std::unique_ptr<Probe> MakeOneByOneDeleteProbe(std::vector<Deletion*> items, BuildDelete build, JudgeDelete judge,
                                               BeforeDelete before, AfterDelete after,
                                               std::shared_ptr<quota::Session> session = nullptr);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_ONE_BY_ONE_H_
