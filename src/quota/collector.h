// The quota collector: every destination's usage and quota, collected concurrently.
//
// Collect() runs all destinations at once over one libcurl multi handle (the local ones in
// between), so the total time is close to the slowest destination's, not the sum. Each
// destination has its own time budget; 429 and 5xx answers are retried with exponential
// backoff, honouring Retry-After, within that budget. A destination that fails yields a
// QuotaUsage whose errors say why; the others are unaffected.
#ifndef BJLG_QUOTA_COLLECTOR_H_
#define BJLG_QUOTA_COLLECTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

#include "quota/destination.h"
#include "quota/usage.h"

namespace bjlg::quota {

struct CollectOptions {
  int64_t timeout_ms = 30000;          // per destination, all its requests and retries included
  int max_retries = 2;                 // extra attempts after a 429/5xx answer
  int64_t retry_base_ms = 500;         // first backoff; doubles on each retry
  uint64_t max_response_bytes = 16u << 20;  // any single response larger than this is refused
  bool verify_tls = true;              // certificate and host name checks
  std::string ca_bundle;               // PEM file of trusted CAs; empty = the system's
  // Loopback and private addresses may be reached (a destination's own `allow_private_network`
  // overrides it); link-local ones never. See address_policy.h.
  bool allow_private_network = false;
};

// InvalidOption naming the PHP option of a field out of range: the transfer bounds of
// remote::CheckTransferOptions. Callers check before Collect().
Status CheckCollectOptions(const CollectOptions& options);

// Collects every destination; the result has one entry per destination, in the same order.
// Never fails as a whole: per-destination failures are in each QuotaUsage's errors.
std::vector<QuotaUsage> Collect(const std::vector<Destination>& destinations,
                                const CollectOptions& options);

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_COLLECTOR_H_
