// Collect(): every destination's probe as one job of the shared transport (remote/transfer.h),
// then what is particular to quotas: a configured quota wins over the provider's, the
// derivations of QuotaUsage::Derive(), and no partial figure left beside an error.
#include <ctime>

#include "quota/collector.h"
#include "quota/probe.h"
#include "remote/redact.h"

namespace bjlg::quota {
namespace {

remote::TransferOptions TransferOptionsOf(const CollectOptions& options) {
  remote::TransferOptions t;
  t.timeout_ms = options.timeout_ms;
  t.max_retries = options.max_retries;
  t.retry_base_ms = options.retry_base_ms;
  t.max_response_bytes = options.max_response_bytes;
  t.verify_tls = options.verify_tls;
  t.ca_bundle = options.ca_bundle;
  t.allow_private_network = options.allow_private_network;
  t.user_agent = "bjlg-quota/0.1";
  return t;
}

void Conclude(const Destination& destination, const remote::JobResult& job, QuotaUsage* usage) {
  // The probes' own errors (a local statvfs, a bad key) go through the same redaction as the
  // transport's.
  for (QuotaError& e : usage->errors) e.message = remote::RedactSecrets(e.message, destination.Secrets());
  usage->errors.insert(usage->errors.end(), job.errors.begin(), job.errors.end());
  usage->latency_ms = job.latency_ms();
  usage->collected_at = static_cast<int64_t>(std::time(nullptr));
  std::optional<int64_t> configured = destination.Number("quota_bytes");
  if (configured && usage->ok()) {
    usage->quota_bytes = static_cast<uint64_t>(*configured);
    usage->quota_source = QuotaSource::kConfigured;
    usage->free_bytes.reset();
  }
  if (usage->ok()) {
    usage->Derive();
    return;
  }
  usage->used_bytes.reset();
  usage->quota_bytes.reset();
  usage->free_bytes.reset();
  usage->object_count.reset();
  usage->source = UsedSource::kNone;
  usage->quota_source = QuotaSource::kNone;
}

}  // namespace

Status CheckCollectOptions(const CollectOptions& options) {
  return remote::CheckTransferOptions(TransferOptionsOf(options));
}

std::vector<QuotaUsage> Collect(const std::vector<Destination>& destinations, const CollectOptions& options) {
  std::vector<QuotaUsage> results(destinations.size());
  std::vector<remote::Job> jobs(destinations.size());
  for (size_t i = 0; i < destinations.size(); ++i) {
    const Destination& d = destinations[i];
    results[i].name = d.name;
    results[i].type = DestinationTypeName(d.type);
    remote::Job& job = jobs[i];
    job.label = "destination #" + std::to_string(i) + " (" + d.name + ")";
    job.probe = MakeProbe(d, &results[i]);
    if (std::optional<int64_t> budget = d.Number("timeout_ms")) job.budget_ms = *budget;
    if (d.flags.count("allow_private_network")) job.allow_private_network = d.Flag("allow_private_network", false);
    job.secrets = d.Secrets();
  }
  std::vector<remote::JobResult> done = remote::RunJobs(jobs, TransferOptionsOf(options));
  jobs.clear();  // the probes write into results: gone before results are read
  for (size_t i = 0; i < destinations.size(); ++i) Conclude(destinations[i], done[i], &results[i]);
  return results;
}

}  // namespace bjlg::quota
