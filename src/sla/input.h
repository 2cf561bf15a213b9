// Reading the records callers hand to the SLA computations (purge events, backup runs): each
// field read through one function that names the record and the field when it is wrong, so that
// bad input is always "events[3].queued_at must be ..." and never a silent zero.
#ifndef BJLG_SLA_INPUT_H_
#define BJLG_SLA_INPUT_H_

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace bjlg::sla {

// The latest instant accepted anywhere: 9999-12-31T23:59:59Z. Later values are refused, so that
// no computation can produce a date in year 292 billion.
constexpr int64_t kMaxUnixTime = 253402300799;

// A Unix time: an integer (or integral float) in [0, kMaxUnixTime] or an ISO 8601 string.
// Null or absent gives nullopt. `what` names the field in the InvalidArgument message.
Result<std::optional<int64_t>> ReadTime(const nlohmann::json& record, const char* key, const std::string& what);

// A finite number >= 0. Null or absent gives nullopt.
Result<std::optional<double>> ReadNonNegative(const nlohmann::json& record, const char* key,
                                              const std::string& what);

// A string, or an integer written in decimal (site and destination ids are often numbers).
// Null or absent gives "".
Result<std::string> ReadName(const nlohmann::json& record, const char* key, const std::string& what);

}  // namespace bjlg::sla

// Reads a field through one of the functions above: assigns its value, or returns its status.
#define BJLG_SLA_ASSIGN(lhs, expr)      \
  do {                                  \
    auto r_ = (expr);                   \
    if (!r_.ok()) return r_.status();   \
    lhs = std::move(r_.value());        \
  } while (0)

#endif  // BJLG_SLA_INPUT_H_
