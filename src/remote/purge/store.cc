#include "remote/purge/store.h"

#include <chrono>

namespace bjlg::remote::purge {

using quota::DestinationType;

bool PurgeSupported(DestinationType type) {
  return type == DestinationType::kS3 || type == DestinationType::kAzure || type == DestinationType::kWebdav ||
         type == DestinationType::kSftp || type == DestinationType::kLocal;
}

std::unique_ptr<Probe> MakeListProbe(const quota::Destination& d, Listing* out) {
  switch (d.type) {
    case DestinationType::kS3: return MakeS3ListProbe(d, out);
    case DestinationType::kAzure: return MakeAzureListProbe(d, out);
    case DestinationType::kWebdav: return MakeWebdavListProbe(d, out);
    case DestinationType::kSftp: return MakeSftpListProbe(d, out);
    default: return MakeLocalListProbe(d, out);
  }
}

std::unique_ptr<Probe> MakeDeleteProbe(const quota::Destination& d, std::vector<Deletion*> items, size_t batch_size,
                                       BeforeDelete before, AfterDelete after) {
  switch (d.type) {
    case DestinationType::kS3: return MakeS3DeleteProbe(d, std::move(items), batch_size, before, after);
    case DestinationType::kAzure: return MakeAzureDeleteProbe(d, std::move(items), before, after);
    case DestinationType::kWebdav: return MakeWebdavDeleteProbe(d, std::move(items), before, after);
    case DestinationType::kSftp: return MakeSftpDeleteProbe(d, std::move(items), before, after);
    default: return MakeLocalDeleteProbe(d, std::move(items), before, after);
  }
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace bjlg::remote::purge
