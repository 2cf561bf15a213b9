#include "remote/purge/hosted.h"

#include "common/time.h"
#include "quota/json_probe.h"

namespace bjlg::remote::purge {

using nlohmann::json;

HostedListProbe::HostedListProbe(std::unique_ptr<quota::Session> session, Listing* out, const char* what)
    : session_(std::move(session)), out_(out), what_(what) {}

std::string HostedListProbe::where() const { return std::string(what_) + " on " + HostOf(session_->base()); }

bool HostedListProbe::Next(Request* r) {
  if (!ready_) {
    in_session_ = session_->Next(r);
    if (in_session_) return true;
    ready_ = true;
  }
  if (finished_) return false;
  r->what = what_;
  PageRequest(session_->base(), r);
  session_->Authorize(r);
  r->headers.push_back("Accept: application/json");
  return true;
}

std::optional<RemoteError> HostedListProbe::OnResponse(Response& response) {
  if (in_session_) {
    in_session_ = false;
    return session_->OnResponse(response);
  }
  if (response.status < 200 || response.status >= 300) return PageError(response);
  json answer = quota::ParseJson(response.body);
  if (!answer.is_object()) return ProtocolError(where(), "the answer is not a JSON object");
  if (std::optional<RemoteError> e = ReadPage(answer)) return e;
  if (out_->objects.size() > kMaxListedObjects) {
    return ProtocolError(where(), "more than " + std::to_string(kMaxListedObjects) + " objects in the folder");
  }
  return std::nullopt;
}

RemoteError HostedListProbe::PageError(const Response& response) { return HostedHttpError(where(), response); }

void HostedListProbe::Add(const std::string& name, uint64_t size, std::optional<int64_t> mtime,
                          const std::string& id) {
  auto [it, fresh] = index_.emplace(name, out_->objects.size());
  if (fresh) {
    ListedObject o;
    o.name = name;
    o.size = size;
    o.mtime = mtime;
    if (!id.empty()) o.ids.push_back(id);
    out_->objects.push_back(std::move(o));
    return;
  }
  ListedObject& o = out_->objects[it->second];
  o.size += size;
  if (mtime && (!o.mtime || *mtime > *o.mtime)) o.mtime = mtime;
  if (!id.empty()) o.ids.push_back(id);
}

std::optional<int64_t> JsonTime(const json& object, const char* key) {
  std::string text = quota::JsonText(object, key);
  int64_t seconds = 0;
  if (text.empty() || !ParseIso8601(text, &seconds)) return std::nullopt;
  return seconds;
}

RemoteError HostedHttpError(const std::string& where, const Response& response) {
  json answer = quota::ParseJson(response.body);
  std::string detail = quota::JsonText(answer, "error_summary");  // Dropbox
  if (detail.empty() && answer.is_object() && answer.contains("error")) {
    const json& error = answer["error"];
    detail = quota::JsonText(error, "code");                     // Graph: "itemNotFound"
    if (detail.empty()) detail = quota::JsonText(error, "message");  // Drive
  }
  return HttpError(where, response, detail.substr(0, 120));
}

}  // namespace bjlg::remote::purge
