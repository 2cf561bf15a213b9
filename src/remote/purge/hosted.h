// The listing probe of the hosted providers (B2 native, Google Drive, Dropbox, OneDrive,
// pCloud): the provider's session first (quota/session.h: OAuth refresh, B2 authorize, the same
// code quota runs), then JSON pages until the provider says there are no more. Each provider's
// file (b2_store.cc, gdrive_store.cc, …) only says which call makes a page and how to read it.
//
// Objects are merged by name: a name is one archive, whatever number of objects carry it (B2
// keeps versions; Drive allows two files of one name in a folder), so deleting the archive
// deletes them all and frees what they take.
#ifndef BJLG_REMOTE_PURGE_HOSTED_H_
#define BJLG_REMOTE_PURGE_HOSTED_H_

#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "quota/session.h"
#include "remote/purge/store.h"

namespace bjlg::remote::purge {

class HostedListProbe : public Probe {
 public:
  // `what` names the listing call in messages ("Dropbox list_folder").
  HostedListProbe(std::unique_ptr<quota::Session> session, Listing* out, const char* what);

  bool Next(Request* r) final;
  std::optional<RemoteError> OnResponse(Response& response) final;

 protected:
  // The next page's request (url, method, headers, body); the session's credentials and
  // "Accept: application/json" are added after.
  virtual void PageRequest(const std::string& base, Request* r) = 0;
  // Reads a 2xx answer that is a JSON object: Add() for each object, Finish() on the last page.
  // An error stops the listing (nothing of it is used).
  virtual std::optional<RemoteError> ReadPage(const nlohmann::json& answer) = 0;
  // Explains a non-2xx answer; the default maps the status (HttpError).
  virtual RemoteError PageError(const Response& response);

  // Adds an object; one already listed under `name` gets `id` appended, its size added and the
  // newer of the two times.
  void Add(const std::string& name, uint64_t size, std::optional<int64_t> mtime, const std::string& id);
  void Finish() { finished_ = true; }
  // "Dropbox list_folder on api.dropboxapi.com", for messages.
  std::string where() const;
  quota::Session& session() { return *session_; }

 private:
  std::unique_ptr<quota::Session> session_;
  Listing* out_;
  const char* what_;
  std::map<std::string, size_t> index_;  // name -> position in out_->objects
  bool ready_ = false, in_session_ = false, finished_ = false;
};

// An RFC 3339 time ("2026-12-01T03:00:00.000Z", as Drive, Dropbox and Graph send them) in Unix
// seconds; empty when absent or not such a time.
std::optional<int64_t> JsonTime(const nlohmann::json& object, const char* key);

// The JSON error answer's `where: HTTP 409 (path_lookup/not_found/..)`-style detail: the first
// of error_summary (Dropbox), error.code (Graph), error.message (Drive), cut to 120 bytes.
RemoteError HostedHttpError(const std::string& where, const Response& response);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_HOSTED_H_
