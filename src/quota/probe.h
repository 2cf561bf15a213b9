// The collectors: one Probe (remote/transfer.h) per destination type, each a small state machine
// (list a page, read the next token, ask for the next page) run by the shared transport.
#ifndef BJLG_QUOTA_PROBE_H_
#define BJLG_QUOTA_PROBE_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quota/destination.h"
#include "quota/usage.h"
#include "remote/transfer.h"

namespace bjlg::quota {

using remote::Probe;
using remote::Request;
using remote::Response;

// The probe for `destination`'s type, writing into *usage (which outlives it).
std::unique_ptr<Probe> MakeProbe(const Destination& destination, QuotaUsage* usage);

// One factory per collector file.
std::unique_ptr<Probe> MakeS3Probe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeAzureProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeB2Probe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeGdriveProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeDropboxProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeOnedriveProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakePcloudProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeWebdavProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeSftpProbe(const Destination& d, QuotaUsage* usage);
std::unique_ptr<Probe> MakeLocalProbe(const Destination& d, QuotaUsage* usage);

// Helpers shared by the collectors.

using remote::HostOf;
using remote::HttpError;
using remote::ParseUint;
using remote::ProtocolError;
// Removes trailing slashes.
std::string TrimSlash(std::string url);

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_PROBE_H_
