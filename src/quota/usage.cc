#include "quota/usage.h"

namespace bjlg::quota {

void QuotaUsage::Derive() {
  if (!free_bytes && quota_bytes && used_bytes) {
    free_bytes = *quota_bytes > *used_bytes ? *quota_bytes - *used_bytes : 0;
  }
  if (!quota_bytes && free_bytes && used_bytes) {
    quota_bytes = *used_bytes + *free_bytes;
    if (quota_source == QuotaSource::kNone) quota_source = QuotaSource::kProvider;
  }
}

const char* UsedSourceName(UsedSource s) {
  switch (s) {
    case UsedSource::kProvider: return "provider";
    case UsedSource::kListing: return "listing";
    case UsedSource::kNone: break;
  }
  return "";
}

const char* QuotaSourceName(QuotaSource s) {
  switch (s) {
    case QuotaSource::kProvider: return "provider";
    case QuotaSource::kConfigured: return "configured";
    case QuotaSource::kNone: break;
  }
  return "";
}

}  // namespace bjlg::quota
