// Fuzzes the purge's untrusted inputs: a retention policy file (YAML with anchors and aliases,
// converted within the expansion budget) and a listing handed to the retention engine (archive
// names parsed for their kind, date and chain). Every input must end in a policy or a refusal,
// and every listing in verdicts that keep what a kept incremental needs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "remote/purge/policy.h"
#include "remote/purge/retention.h"

using namespace bjlg::remote::purge;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  bjlg::Result<Policy> policy = ParsePolicyYaml(text, "fuzz.yaml");
  // The same bytes as a listing: one name per line, under a fixed policy (or the parsed one).
  std::vector<Archive> archives;
  std::set<std::string> seen;
  size_t start = 0;
  while (start <= text.size() && archives.size() < 512) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    Archive a;
    a.name = text.substr(start, end - start);
    a.size = a.name.size();
    a.verified = a.name.size() % 3 == 0;
    if (!a.name.empty() && seen.insert(a.name).second) archives.push_back(std::move(a));
    start = end + 1;
  }
  Policy p;
  if (policy.ok() && policy->timezone.empty()) {
    p = *policy;
  } else {
    p.keep_last = 2;
    p.keep_weekly = 2;
    p.min_keep = 3;
  }
  bjlg::Result<RetentionResult> r = Evaluate(archives, p, bjlg::cron::TimeZone(), 1767225600);
  if (!r.ok()) std::abort();  // names are unique: evaluation cannot fail
  // Chain integrity: a kept incremental's full is kept.
  std::set<std::string> kept;
  for (const Verdict& v : r->keep) kept.insert(v.name);
  for (const Verdict& v : r->keep) {
    if (v.kind == ArchiveKind::kIncremental && !v.base.empty() && kept.count(v.base) == 0) std::abort();
  }
  if (r->keep.size() + r->remove.size() + r->foreign.size() != archives.size()) std::abort();
  return 0;
}
