// The channels file of `bjlg notify` and of sites that keep their channels outside WordPress:
// YAML (JSON is YAML too) with a "channels" map of name => channel and an optional incident
// "policy" (escalation, quiet hours, reminders). Every channel and the policy are checked here,
// with the file and line of what is refused, so that a typo fails before anything is sent.
#ifndef BJLG_NOTIFY_CONFIG_FILE_H_
#define BJLG_NOTIFY_CONFIG_FILE_H_

#include <string>

#include "common/status.h"
#include "notify/php_json.h"

namespace bjlg::notify {

// {"channels": {name: channel, ...}, "policy": {...}} in the file's order; "policy" only when
// the file has one (without its "channels" key: the file's channels are the policy's). Other
// top-level keys are left out, so one file may also hold destinations or a retention policy.
// InvalidArgument naming `path`, the line and the key for anything refused.
Result<OrderedJson> ParseNotifyConfigYaml(const std::string& yaml, const std::string& path);

// The same, read from `path` (a regular file of at most kMaxConfigFileBytes).
Result<OrderedJson> LoadNotifyConfigFile(const std::string& path);

}  // namespace bjlg::notify

#endif  // BJLG_NOTIFY_CONFIG_FILE_H_
