// The delete probe of the protocols that delete one object per request (Azure Delete Blob,
// WebDAV DELETE): items in order, each one request, a 404 counted as already gone, any other
// refusal failing that item only.
#ifndef BJLG_REMOTE_PURGE_ONE_BY_ONE_H_
#define BJLG_REMOTE_PURGE_ONE_BY_ONE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "remote/purge/store.h"

namespace bjlg::remote::purge {

// Fills the request that deletes `name`, or says why it cannot be made (the item fails).
using BuildDelete = std::function<std::optional<RemoteError>(const std::string& name, Request* request)>;
// The error of a refused (non-2xx, non-404) answer.
using DeleteError = std::function<RemoteError(const Response& response)>;

std::unique_ptr<Probe> MakeOneByOneDeleteProbe(std::vector<Deletion*> items, BuildDelete build, DeleteError error,
                                               BeforeDelete before, AfterDelete after);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_ONE_BY_ONE_H_
