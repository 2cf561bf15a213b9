// Bjlg\Notify\Digest: many incidents over a period, summarised: how many, how fast they were
// acknowledged (MTTA) and resolved (MTTR), overall, by event and by channel.
#ifndef BJLG_NOTIFY_INCIDENT_DIGEST_H_
#define BJLG_NOTIFY_INCIDENT_DIGEST_H_

#include <cstdint>
#include <vector>

#include "notify/incident.h"

namespace bjlg::notify {

// Incidents opened in [from, to). Means are over the incidents acknowledged (MTTA) or resolved
// (MTTR) and null when there are none. Keys: period {from, to}, incidents, acknowledged,
// resolved, open, mtta_seconds, mttr_seconds, by_event {event: {same keys}}, by_channel
// {name: {same keys}}.
OrderedJson SummarizeIncidents(const std::vector<Incident>& incidents, int64_t from, int64_t to);

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_INCIDENT_DIGEST_H_
