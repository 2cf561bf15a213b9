#include "remote/purge/store.h"

#include <chrono>

namespace bjlg::remote::purge {

using quota::DestinationType;

std::optional<RemoteError> PurgeRefusal(const quota::Destination& d) {
  // The folder a hosted destination is confined to. Only archive names are ever candidates, but
  // a purge is still kept out of a whole drive: the folder must be named.
  const char* key = nullptr;
  switch (d.type) {
    case DestinationType::kGdrive: key = d.Has("folder_id") ? nullptr : "folder_id"; break;
    case DestinationType::kDropbox:
    case DestinationType::kOnedrive: key = d.Has("folder") ? nullptr : "folder"; break;
    case DestinationType::kPcloud: key = d.Has("folder") || d.Has("folder_id") ? nullptr : "folder"; break;
    default: break;
  }
  if (key == nullptr) return std::nullopt;
  return RemoteError{ErrorCode::kRejected, "destination '" + d.name + "': a purge on " +
                                               quota::DestinationTypeName(d.type) + " needs the key '" + key +
                                               "' (the folder holding the backups); bjlg never purges a whole drive"};
}

std::unique_ptr<Probe> MakeListProbe(const quota::Destination& d, Listing* out) {
  switch (d.type) {
    case DestinationType::kS3: return MakeS3ListProbe(d, out);
    case DestinationType::kAzure: return MakeAzureListProbe(d, out);
    case DestinationType::kWebdav: return MakeWebdavListProbe(d, out);
    case DestinationType::kSftp: return MakeSftpListProbe(d, out);
    case DestinationType::kB2: return MakeB2ListProbe(d, out);
    case DestinationType::kGdrive: return MakeGdriveListProbe(d, out);
    case DestinationType::kDropbox: return MakeDropboxListProbe(d, out);
    case DestinationType::kOnedrive: return MakeOnedriveListProbe(d, out);
    case DestinationType::kPcloud: return MakePcloudListProbe(d, out);
    case DestinationType::kLocal: break;
  }
  return MakeLocalListProbe(d, out);
}

std::unique_ptr<Probe> MakeDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items, size_t batch_size,
                                       BeforeDelete before, AfterDelete after) {
  switch (d.type) {
    case DestinationType::kS3: return MakeS3DeleteProbe(d, std::move(items), batch_size, before, after);
    case DestinationType::kAzure: return MakeAzureDeleteProbe(d, std::move(items), before, after);
    case DestinationType::kWebdav: return MakeWebdavDeleteProbe(d, std::move(items), before, after);
    case DestinationType::kSftp: return MakeSftpDeleteProbe(d, std::move(items), before, after);
    case DestinationType::kB2: return MakeB2DeleteProbe(d, std::move(items), before, after);
    case DestinationType::kGdrive: return MakeGdriveDeleteProbe(d, std::move(items), before, after);
    case DestinationType::kDropbox: return MakeDropboxDeleteProbe(d, std::move(items), before, after);
    case DestinationType::kOnedrive: return MakeOnedriveDeleteProbe(d, std::move(items), before, after);
    case DestinationType::kPcloud: return MakePcloudDeleteProbe(d, std::move(items), before, after);
    case DestinationType::kLocal: break;
  }
  return MakeLocalDeleteProbe(d, std::move(items), before, after);
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool FinishDeletion(Deletion* item, Deletion::Outcome outcome, std::optional<RemoteError> error,
                    const AfterDelete& after) {
  item->outcome = outcome;
  item->error = std::move(error);
  item->finished_ms = NowMs();
  return !after || after(*item);
}

}  // namespace bjlg::remote::purge
