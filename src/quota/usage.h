// QuotaUsage: what bjlg measured for one destination, and the error model of the quota collector.
//
// Every destination yields exactly one QuotaUsage, failed or not: a failure of one destination
// never hides the others. Errors carry a stable code (what the user should do differs per code)
// and a message meant for people and logs; messages never contain a credential, a signature or
// a full pre-signed URL (only the host of an endpoint is ever named).
#ifndef BJLG_QUOTA_USAGE_H_
#define BJLG_QUOTA_USAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "remote/transfer.h"

namespace bjlg::quota {

// The error model is the shared transport's (remote/transfer.h), under the names quota used first.
using ErrorCode = remote::ErrorCode;
using QuotaError = remote::RemoteError;
using remote::ErrorCodeName;

// Where used_bytes came from.
enum class UsedSource { kNone, kProvider, kListing };
// Where quota_bytes came from.
enum class QuotaSource { kNone, kProvider, kConfigured };

struct QuotaUsage {
  std::string name;                       // the destination's name
  std::string type;                       // "s3", "azure", …
  std::optional<uint64_t> used_bytes;
  std::optional<uint64_t> quota_bytes;    // empty when unknown or unlimited
  std::optional<uint64_t> free_bytes;
  std::optional<uint64_t> object_count;   // listing collectors only
  UsedSource source = UsedSource::kNone;
  QuotaSource quota_source = QuotaSource::kNone;
  int64_t latency_ms = 0;                 // wall time spent on this destination
  int64_t collected_at = 0;               // Unix time (seconds) when collection finished
  std::vector<QuotaError> errors;

  bool ok() const { return errors.empty(); }

  // The derivations every collector shares (plugin rule A.3): free = max(0, quota - used) when
  // free is unknown; quota = used + free when quota is unknown but free is known.
  void Derive();
};

const char* UsedSourceName(UsedSource s);    // "provider", "listing" or "" for kNone
const char* QuotaSourceName(QuotaSource s);  // "provider", "configured" or "" for kNone

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_USAGE_H_
