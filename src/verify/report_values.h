// Values of a verification report as people read them: sizes in KiB/MiB/GiB, durations rounded,
// times in the reader's zone with their offset, yes/no, lists and nested objects as key/value
// lists, secrets hidden and server paths cut to their last name. For report_html.cc.
#ifndef BJLG_VERIFY_REPORT_VALUES_H_
#define BJLG_VERIFY_REPORT_VALUES_H_

#include <string>

#include <nlohmann/json.hpp>

#include "common/html_page.h"
#include "sla/report_text.h"

namespace bjlg::verify {

// object[key], or null when `object` is not an object or has no such key.
const nlohmann::json& Field(const nlohmann::json& object, const char* key);
// A string as is, anything else as its JSON text ("" for null).
std::string Str(const nlohmann::json& v);

// `text` with every absolute path ("/srv/www/site/x.zip") replaced by its last name ("x.zip"):
// messages may quote a system error that names a server path.
std::string HidePaths(const std::string& text);

// The text of value `v` found under `key` in the object `parent` ("" at the top): its unit is
// told by its name (…bytes, size → KiB; …seconds, the phases of durations and rto → a duration;
// …_at → a local time with its offset).
std::string ValueText(const std::string& key, const std::string& parent, const nlohmann::json& v,
                      const sla::ReportText& text);

// The object `o` (found under `parent`) as a <dl>: labels in the report's language, values as
// ValueText, nested objects as nested lists, long lists cut after kListedValues items.
void KeyValues(const std::string& parent, const nlohmann::json& o, const sla::ReportText& text, Html* html);

constexpr size_t kListedValues = 20;

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_REPORT_VALUES_H_
