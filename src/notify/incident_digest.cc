#include "notify/incident_digest.h"

#include <map>

namespace bjlg::notify {
namespace {

struct Tally {
  int64_t incidents = 0, acknowledged = 0, resolved = 0;
  double tta_sum = 0, ttr_sum = 0;

  void Add(const Incident& i) {
    incidents++;
    if (i.acknowledged_at() > 0) {
      acknowledged++;
      tta_sum += static_cast<double>(i.acknowledged_at() - i.created_at());
    }
    if (i.resolved_at() > 0) {
      resolved++;
      ttr_sum += static_cast<double>(i.resolved_at() - i.created_at());
    }
  }
  OrderedJson ToJson() const {
    OrderedJson o = OrderedJson::object();
    o["incidents"] = incidents;
    o["acknowledged"] = acknowledged;
    o["resolved"] = resolved;
    o["open"] = incidents - resolved;
    o["mtta_seconds"] = acknowledged > 0 ? OrderedJson(tta_sum / acknowledged) : OrderedJson(nullptr);
    o["mttr_seconds"] = resolved > 0 ? OrderedJson(ttr_sum / resolved) : OrderedJson(nullptr);
    return o;
  }
};

}  // namespace

OrderedJson SummarizeIncidents(const std::vector<Incident>& incidents, int64_t from, int64_t to) {
  Tally all;
  std::map<std::string, Tally> by_event, by_channel;
  for (const Incident& i : incidents) {
    if (i.created_at() < from || i.created_at() >= to) continue;
    all.Add(i);
    by_event[i.event()].Add(i);
    for (const std::string& c : i.channels_used()) by_channel[c].Add(i);
  }
  OrderedJson out = OrderedJson::object();
  out["period"] = {{"from", from}, {"to", to}};
  OrderedJson totals = all.ToJson();
  for (auto it = totals.begin(); it != totals.end(); ++it) out[it.key()] = it.value();
  out["by_event"] = OrderedJson::object();
  for (const auto& [k, t] : by_event) out["by_event"][k] = t.ToJson();
  out["by_channel"] = OrderedJson::object();
  for (const auto& [k, t] : by_channel) out["by_channel"][k] = t.ToJson();
  return out;
}

}  // namespace bjlg::notify
