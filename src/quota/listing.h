// What the XML listing collectors (S3 ListObjectsV2, Azure List Blobs) share: one page's sums,
// the checks that decide whether a page can be trusted, and the <Error><Code> of their error
// bodies.
#ifndef BJLG_QUOTA_LISTING_H_
#define BJLG_QUOTA_LISTING_H_

#include <optional>
#include <string>

#include "quota/usage.h"
#include "quota/xml_stream.h"

namespace bjlg::quota {

struct ListingPage {
  uint64_t bytes = 0;
  uint64_t objects = 0;
  bool root_seen = false;   // the document's root element was the expected one
  bool bad_size = false;    // some size was not a decimal number
  std::string next;         // continuation token or marker; empty on the last page

  // Counts one object of the size written in `text`.
  void AddObject(const std::string& text);

  // Ends the page's document and adds it to *usage (used_bytes and object_count, which the
  // probe set to 0), or says why the page cannot be trusted: malformed or truncated XML, another
  // root element (`root` names the expected one), a size that is not a number.
  std::optional<QuotaError> AddTo(QuotaUsage* usage, XmlStream& xml, bool sink_failed,
                                  const std::string& where, const char* root) const;
};

// The <Code> of an S3 or Azure error body (<Error><Code>NoSuchBucket</Code>…), or "".
std::string XmlErrorCode(const std::string& body);

}  // namespace bjlg::quota

#endif  // BJLG_QUOTA_LISTING_H_
