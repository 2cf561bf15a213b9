// The verdicts of the retention engine in words, in English or French, and as JSON (the shape
// Bjlg\Remote\Retention::evaluate() returns and Purge::plan() embeds, docs/purge.md).
#ifndef BJLG_REMOTE_PURGE_RETENTION_WORDS_H_
#define BJLG_REMOTE_PURGE_RETENTION_WORDS_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "remote/purge/retention.h"

namespace bjlg::remote::purge {

enum class Lang { kEn, kFr };

// "en" or "fr"; InvalidArgument otherwise ('option "lang" must be "en" or "fr"').
Result<Lang> LangFromName(const std::string& name);

// One sentence saying why `v` is kept, deleted or left alone ("newest of its day 2026-12-04,
// one of the last 7 days"; several reasons joined by "; ").
std::string ReasonText(const Verdict& v, const Policy& policy, Lang lang);

// {keep: [...], delete: [...], foreign: [...], bytes_freed, counts: {keep, delete, foreign}},
// each entry {name, size, time, time_source, kind, chain, rule, rules, reason}.
nlohmann::json RetentionToJson(const RetentionResult& result, const Policy& policy, Lang lang);

// The archives of a JSON list of objects with `name` (string, required), `size` (integer >= 0),
// `mtime` (integer Unix seconds or an ISO 8601 string), `verified` (bool); other keys are
// ignored, so a listing can be passed as it is. InvalidArgument naming the archive's index and
// the field ('archive 3: field "size" must be an integer >= 0, "x" given').
Result<std::vector<Archive>> ArchivesFromJson(const nlohmann::json& list);

}  // namespace bjlg::remote::purge

#endif  // BJLG_REMOTE_PURGE_RETENTION_WORDS_H_
