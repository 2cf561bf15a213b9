#include "quota/probe.h"

namespace bjlg::quota {

std::unique_ptr<Probe> MakeProbe(const Destination& d, QuotaUsage* usage) {
  switch (d.type) {
    case DestinationType::kS3: return MakeS3Probe(d, usage);
    case DestinationType::kAzure: return MakeAzureProbe(d, usage);
    case DestinationType::kB2: return MakeB2Probe(d, usage);
    case DestinationType::kGdrive: return MakeGdriveProbe(d, usage);
    case DestinationType::kDropbox: return MakeDropboxProbe(d, usage);
    case DestinationType::kOnedrive: return MakeOnedriveProbe(d, usage);
    case DestinationType::kPcloud: return MakePcloudProbe(d, usage);
    case DestinationType::kWebdav: return MakeWebdavProbe(d, usage);
    case DestinationType::kSftp: return MakeSftpProbe(d, usage);
    case DestinationType::kLocal: return MakeLocalProbe(d, usage);
  }
  return nullptr;
}

std::string TrimSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace bjlg::quota
