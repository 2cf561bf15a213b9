// Time: "now" in UTC and the one ISO-8601 format bjlg writes.
//
// Every timestamp bjlg writes for people or other programs (backup manifests and indexes,
// verification reports, histories, notifications) is UTC in the form of PHP's DATE_ATOM and of
// the plugin's current_time('c'): "2026-12-04T16:56:48+00:00". Protocol formats (SigV4's
// "20261204T165648Z", HTTP dates) are the protocols' business and stay in their modules.
#ifndef BJLG_COMMON_TIME_H_
#define BJLG_COMMON_TIME_H_

#include <cstdint>
#include <string>

namespace bjlg {

// Seconds since the Unix epoch, now.
int64_t NowUnixSeconds();

// "YYYY-MM-DDTHH:MM:SS+00:00" for `seconds` since the epoch (any value gmtime_r accepts).
std::string FormatUtcIso8601(int64_t seconds);

// FormatUtcIso8601(NowUnixSeconds()).
std::string NowUtcIso8601();

// Parses "YYYY-MM-DDTHH:MM:SS" (or a space for the T), optional fractional seconds, then "Z",
// "+HH:MM"/"-HH:MM" or nothing (then UTC is assumed and *assumed_utc is set when not null).
// Stores seconds since the epoch. False when `text` is none of these.
bool ParseIso8601(const std::string& text, int64_t* seconds, bool* assumed_utc = nullptr);

}  // namespace bjlg

#endif  // BJLG_COMMON_TIME_H_
