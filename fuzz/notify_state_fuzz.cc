// Fuzz target for Incident::FromArray, the loader of the incident state the caller keeps (a
// queue row, the CLI's state file): any JSON must load or be refused cleanly, and a state that
// loads must survive every operation and round-trip through ToArray() unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "common/parse_limits.h"
#include "notify/incident.h"

using namespace bjlg::notify;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (!bjlg::CheckJsonDepth(text, bjlg::kMaxNestingDepth, "state").ok()) return 0;
  OrderedJson state = OrderedJson::parse(text, nullptr, false);
  if (state.is_discarded()) return 0;
  bjlg::Result<Incident> incident = Incident::FromArray(state);
  if (!incident.ok()) return 0;
  OrderedJson saved = incident.value().ToArray();
  bjlg::Result<Incident> again = Incident::FromArray(saved);
  if (!again.ok() || again.value().ToArray() != saved) std::abort();
  Incident& i = incident.value();
  const int64_t t = i.created_at();
  i.Due(t);
  i.Due(t + 86400);
  i.AddAction("a", "o", t + 10, "open", t + 1);
  i.Due(t + 2 * 86400);
  (void)i.Acknowledge("x", "", t + 5);
  (void)i.Resolve("x", "s", OrderedJson::array({"done"}), t + 6);
  for (const char* f : {"html", "markdown", "json", "text"}) {
    if (!i.Report(f, "fr").ok()) std::abort();
  }
  if (!Incident::FromArray(i.ToArray()).ok()) std::abort();
  return 0;
}
