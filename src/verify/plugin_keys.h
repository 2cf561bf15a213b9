// The key sets the plugin's own verification code emits (shared/design/plugin-restore-sla-
// multisite.md §A1, §A2, §A5), derived from a bjlg report so that plugin code reading them
// keeps working when bjlg does the checking:
//   self_test           A1, BJLG_Restore_Self_Test: status success|failure|skipped, message,
//                       archive, duration, started_at/completed_at (Unix), components, metrics
//   post_checks         A5, the post-backup checks: checksum, files{name: {status, message,
//                       expected_size, read_size}}, overall_status, overall_message, decryption
//   sandbox_validation  A2, restore tests only: status, message, backup_file, timings,
//                       objectives, steps[]
// An inconclusive bjlg run maps to the plugin's "skipped" (the test could not be carried out),
// never to a failure. Values bjlg does not know are null rather than invented.
#ifndef BJLG_VERIFY_PLUGIN_KEYS_H_
#define BJLG_VERIFY_PLUGIN_KEYS_H_

#include <nlohmann/json.hpp>
#include <string>

namespace bjlg::verify {

// REQUIRES: `report` is the JSON of a Report (Report::ToJson without the "plugin" key).
nlohmann::json PluginKeySets(const nlohmann::json& report);

// "45 s", "3 min 05 s", "2 h 07 min": the short form of a duration the plugin shows beside
// its *_seconds values.
std::string HumanDuration(double seconds);

}  // namespace bjlg::verify

#endif  // BJLG_VERIFY_PLUGIN_KEYS_H_
