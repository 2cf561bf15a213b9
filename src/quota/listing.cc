#include "quota/listing.h"

#include "quota/probe.h"

namespace bjlg::quota {

void ListingPage::AddObject(const std::string& text) {
  std::optional<uint64_t> size = ParseUint(text);
  if (!size) bad_size = true;
  bytes += size.value_or(0);
  objects++;
}

std::optional<QuotaError> ListingPage::AddTo(QuotaUsage* usage, XmlStream& xml, bool sink_failed,
                                             const std::string& where, const char* root) const {
  if (sink_failed || !xml.Finish()) return ProtocolError(where, xml.error());
  if (!root_seen) return ProtocolError(where, std::string("the answer is not a ") + root);
  if (bad_size) return ProtocolError(where, "an object size is not a number");
  *usage->used_bytes += bytes;
  *usage->object_count += objects;
  return std::nullopt;
}

std::string XmlErrorCode(const std::string& body) {
  std::string code;
  XmlStream parse([&](const std::string& path, const std::string& text) {
    if (path == "Error/Code") code = text;
  });
  parse.Feed(body);
  parse.Finish();
  return code;
}

}  // namespace bjlg::quota
