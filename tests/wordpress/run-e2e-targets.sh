#!/usr/bin/env bash
# End to end on a real site (tests/wordpress/start-site.sh), three parts:
# - One RPO/RTO target (bjlg_policy_targets, class-targets.php): migration 3 moves the old
#    bjlg_settings.rpo_target_hours into it; GET/PUT /settings/targets (401, 403, 400 with the
#    reason and key, 200), read by GET /rpo, GET /status, the policy export and import, and the
#    restore test's RTO (measured vs target).
# - Quota sampling and due notifications on WP-Cron events of their own (class-ops-schedule.php):
#    armed on init with their defaults, GET/PUT /settings/tasks, a late event measuring the
#    destinations once and recording the runs it missed (ops_missed row), cleared on
#    deactivation and on uninstall.
# - --fields of the commands that print one document (status, job ID, schedule show).
set -euo pipefail
site_test_name=run-e2e-targets
source "$(dirname "$0")/start-site.sh"
wp() { "$root/bin/bjlg" --wp="$site" --url="$base" "$@"; }
app_pw=$(site_php app-password)
rest() {  # method route [curl options...] -> body in $tmp/body, prints the status code
  local method=$1 route=$2; shift 2
  curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$@" "$base/?rest_route=/bjlg/v1$route"
}
admin() { local method=$1 route=$2; shift 2; rest "$method" "$route" -u "admin:$app_pw" -H 'Content-Type: application/json' "$@"; }
wpphp() {  # PHP code run inside the site (WordPress loaded); it echoes what the test reads
  "${php_ext[@]}" -r 'define("WP_USE_THEMES", false); $_SERVER["HTTP_HOST"] = getenv("BJLG_E2E_HOST"); require $argv[1] . "/wp-load.php"; eval($argv[2]);' "$site" "$1"
}
login() {  # cookie jar $1 for user $2 / password $3, prints the wp_rest nonce
  curl -s -o /dev/null -c "$1" -b "wordpress_test_cookie=WP%20Cookie%20check" "$base/wp-login.php" \
    --data-urlencode "log=$2" --data-urlencode "pwd=$3" --data-urlencode "testcookie=1"
  curl -s -b "$1" "$base/wp-admin/admin-ajax.php?action=rest-nonce"
}

# --- who may ------------------------------------------------------------------------------
reader_nonce=$(login "$tmp/reader.jar" reader "$reader_pw")
for route in /settings/targets /settings/tasks; do
  code=$(rest GET "$route"); [ "$code" = 401 ] || fail "anonymous GET $route answered $code, not 401"
  code=$(rest PUT "$route" -H 'Content-Type: application/json' --data '{}'); [ "$code" = 401 ] || fail "anonymous PUT $route answered $code, not 401"
  code=$(rest PUT "$route" -b "$tmp/reader.jar" -H "X-WP-Nonce: $reader_nonce" -H 'Content-Type: application/json' --data '{}')
  [ "$code" = 403 ] || fail "subscriber PUT $route answered $code, not 403"
done
pass "/settings/targets and /settings/tasks: anonymous 401, subscriber 403"

# === One RPO/RTO target ===================================================================
# A site of before migration 3: its RPO target in bjlg_settings, the schema at version 2.
wpphp 'update_option("bjlg_settings", ["verify_after_backup" => true, "rpo_target_hours" => 12.5]); update_site_option("bjlg_db_version", 2);'
curl -s -o /dev/null "$base/"   # plugins_loaded: the code is newer than the database
wpphp 'echo json_encode([get_site_option("bjlg_db_version"), get_option("bjlg_settings"), get_option("bjlg_policy_targets")]);' >"$tmp/migrated.json"
[ "$(json '$d[0] . " " . json_encode($d[1]) . " " . json_encode($d[2])' <"$tmp/migrated.json")" = '3 {"verify_after_backup":true} {"rpo_hours":13}' ] || fail "migration 3: $(cat "$tmp/migrated.json")"
code=$(admin GET /settings/targets); [ "$code" = 200 ] || fail "GET /settings/targets answered $code"
[ "$(json '$d["rpo_hours"] . " " . $d["source"]["rpo_hours"] . " " . $d["rto_minutes"] . " " . $d["source"]["rto_minutes"]' <"$tmp/body")" = "13 setting 60 default" ] \
  || fail "GET /settings/targets after the migration: $(cat "$tmp/body")"
pass "migration 3: bjlg_settings.rpo_target_hours 12.5 moved to bjlg_policy_targets.rpo_hours 13 and removed; GET /settings/targets shows it (RTO: its default, 60 min)"

code=$(admin PUT /settings/targets --data '{"rpo_hours":0,"rto_minutes":30}')
[ "$code" = 400 ] && [ "$(json '$d["code"] . "|" . $d["data"]["key"]' <"$tmp/body")" = "bjlg_targets_refused|rpo_hours" ] \
  && grep -q "must be an integer between 1 and 8760, 0 given" "$tmp/body" || fail "rpo_hours 0 answered $code: $(cat "$tmp/body")"
code=$(admin PUT /settings/targets --data '{"rto_minutes":"soon"}')
[ "$code" = 400 ] && [ "$(json '$d["data"]["key"]' <"$tmp/body")" = rto_minutes ] || fail "a string RTO answered $code: $(cat "$tmp/body")"
code=$(admin PUT /settings/targets --data '{"rpo":1}'); [ "$code" = 400 ] && grep -q "unknown key" "$tmp/body" || fail "an unknown key answered $code: $(cat "$tmp/body")"
[ "$(wpphp 'echo json_encode(get_option("bjlg_policy_targets"));')" = '{"rpo_hours":13}' ] || fail "a refused PUT changed the targets"
code=$(admin PUT /settings/targets --data '{"rpo_hours":6,"rto_minutes":1}'); [ "$code" = 200 ] || fail "valid targets answered $code: $(cat "$tmp/body")"
[ "$(json '$d["rpo_hours"] . " " . $d["rto_minutes"] . " " . $d["source"]["rto_minutes"]' <"$tmp/body")" = "6 1 setting" ] || fail "PUT's answer: $(cat "$tmp/body")"
pass "PUT /settings/targets: rpo_hours 0, a string RTO and an unknown key refused (400, Policy's reason, the key), nothing stored; 6 h and 1 min stored"

code=$(admin GET /rpo); [ "$(json '$d["target"]["hours"] . " " . $d["target"]["seconds"] . " " . $d["target"]["source"]' <"$tmp/body")" = "6 21600 setting" ] || fail "GET /rpo's target: $(cat "$tmp/body")"
code=$(admin GET /status); [ "$(json '$d["targets"]["rpo_hours"] . " " . $d["targets"]["rto_minutes"]' <"$tmp/body")" = "6 1" ] || fail "GET /status's targets: $(cat "$tmp/body")"
wp policy export --out="$tmp/policy.yaml" >/dev/null || fail "policy export failed"
grep -q "rpo_hours: 6" "$tmp/policy.yaml" && grep -q "rto_minutes: 1" "$tmp/policy.yaml" || fail "the export's targets: $(grep -A3 targets "$tmp/policy.yaml")"
sed -i 's/rpo_hours: 6/rpo_hours: 8/; s/rto_minutes: 1\b/rto_minutes: 45/' "$tmp/policy.yaml"
wp policy import "$tmp/policy.yaml" --yes >"$tmp/import.txt" || fail "policy import failed: $(cat "$tmp/import.txt")"
code=$(admin GET /settings/targets); [ "$(json '$d["rpo_hours"] . " " . $d["rto_minutes"]' <"$tmp/body")" = "8 45" ] || fail "the targets after the import: $(cat "$tmp/body")"
code=$(admin GET /rpo); [ "$(json '$d["target"]["hours"]' <"$tmp/body")" = 8 ] || fail "GET /rpo after the import: $(cat "$tmp/body")"
pass "the one target is read by GET /rpo (6 h), GET /status, the policy export (rpo_hours: 6, rto_minutes: 1); an imported policy's targets (8 h, 45 min) are what GET /settings/targets and /rpo then read"

code=$(admin PUT /settings/targets --data '{"rpo_hours":8,"rto_minutes":1}'); [ "$code" = 200 ] || fail "PUT answered $code"
wp backup --quiet || fail "the backup failed"
archive=$(wp list --format=json | json '$d[0]["name"]')
code=$(admin POST "/backups/$archive/restore-test" --data '{"with_database":false}'); [ "$code" = 200 ] || fail "the restore test answered $code: $(cat "$tmp/body")"
cp "$tmp/body" "$tmp/rt.json"
[ "$(json '$d["status"] . " " . $d["rto"]["target_seconds"] . " " . $d["rto"]["source"] . " " . $d["rto"]["state"] . " " . ($d["rto_seconds"] <= 60 ? "within" : "over")' <"$tmp/rt.json")" = "passed 60 setting ok within" ] \
  || fail "the restore test's RTO against the target: $(cat "$tmp/rt.json")"
code=$(admin GET "/backups/$archive/restore-test"); [ "$(json '$d["rto"]["target_seconds"] . " " . $d["rto"]["state"]' <"$tmp/body")" = "60 ok" ] || fail "the stored report: $(cat "$tmp/body")"
wp restore-test "$archive" >"$tmp/rt.txt" || fail "bjlg --wp restore-test failed: $(cat "$tmp/rt.txt")"
grep -Eq "^RTO [0-9.]+ s \(target 1 min: ok\)" "$tmp/rt.txt" || fail "the command's RTO line: $(cat "$tmp/rt.txt")"
pass "a restore test reports its measured RTO against the target (rto: 60 s, setting, ok), in its stored report and in the command's 'RTO … (target 1 min: ok)'"

# === --fields of the commands that print one document ======================================
wp status --format=json --fields=targets,schedule.cron >"$tmp/status-fields.json" || fail "status --fields failed"
[ "$(json 'implode(",", array_keys($d)) . " " . implode(",", array_keys($d["schedule"])) . " " . $d["targets"]["rpo_hours"]' <"$tmp/status-fields.json")" = "targets,schedule cron 8" ] \
  || fail "status --fields: $(cat "$tmp/status-fields.json")"
wp status --format=yaml --fields=encryption.enabled >"$tmp/status-fields.yaml" || fail "status --format=yaml --fields failed"
[ "$(tr -d '\n' <"$tmp/status-fields.yaml")" = "---encryption:  enabled: false" ] || fail "status --format=yaml --fields: $(cat "$tmp/status-fields.yaml")"
job_id=$(json '$d["job_id"]' <"$tmp/rt.json")
wp job "$job_id" --format=json --fields=state,type >"$tmp/job-fields.json" || fail "job --fields failed"
[ "$(cat "$tmp/job-fields.json" | json 'json_encode($d)')" = '{"state":"done","type":"restore-test"}' ] || fail "job --fields: $(cat "$tmp/job-fields.json")"
set +e; wp status --format=json --fields=targets,nope >"$tmp/out" 2>"$tmp/err"; rc=$?; set -e
[ "$rc" = 2 ] && [ ! -s "$tmp/out" ] && grep -q "unknown field 'nope'; the fields are: plugin_version," "$tmp/err" || fail "an unknown field: exit $rc, $(cat "$tmp/out" "$tmp/err")"
set +e; wp schedule show --fields=cron >"$tmp/out" 2>"$tmp/err"; rc=$?; set -e
[ "$rc" = 2 ] && grep -q "add --format=json or --format=yaml" "$tmp/err" || fail "--fields in text: exit $rc, $(cat "$tmp/err")"
pass "--fields on one document: status (targets, schedule.cron; yaml encryption.enabled), job ID (state, type); an unknown field exit 2 listing the fields, nothing printed; --fields without json/yaml exit 2"

# === Quota sampling and due notifications on a schedule =====================================
code=$(admin GET /settings/tasks); [ "$code" = 200 ] || fail "GET /settings/tasks answered $code"
now=$(date +%s)
[ "$(json '$d["quota_sampling"]["minutes"] . " " . $d["notify_due"]["minutes"] . " " . var_export($d["quota_sampling"]["next_event"] > '"$now"' + 86400 - 1200, true) . " " . var_export($d["notify_due"]["next_event"] <= '"$now"' + 900, true)' <"$tmp/body")" = "1440 15 true true" ] \
  || fail "the events armed on init with their defaults: $(cat "$tmp/body")"
pass "armed on init with their defaults: quota sampling daily, due notifications every 15 minutes (GET /settings/tasks)"

code=$(admin PUT /settings/tasks --data '{"notify_due_minutes":3}')
[ "$code" = 400 ] && [ "$(json '$d["code"] . "|" . $d["data"]["key"]' <"$tmp/body")" = "bjlg_tasks_refused|notify_due_minutes" ] || fail "3 minutes answered $code: $(cat "$tmp/body")"
code=$(admin PUT /settings/tasks --data '{"quota_sampling_minutes":60,"notify_due_minutes":0}'); [ "$code" = 200 ] || fail "valid intervals answered $code: $(cat "$tmp/body")"
[ "$(json '$d["quota_sampling"]["minutes"] . " " . var_export($d["notify_due"]["enabled"], true) . " " . var_export($d["notify_due"]["next_event"], true)' <"$tmp/body")" = "60 false NULL" ] \
  || fail "after PUT: $(cat "$tmp/body")"
[ "$(wpphp 'echo var_export(wp_next_scheduled("bjlg_notify_due"), true);')" = false ] || fail "notify_due still has an event once off"
pass "PUT /settings/tasks: 3 minutes refused (400, key named); quota hourly and due notifications off (their event cleared)"

dest=$tmp/destination; mkdir -p "$dest"; head -c 200000 /dev/urandom >"$dest/backup-full-20260101-000000-0000000000001.zip"
code=$(admin PUT /settings/destinations --data "{\"destinations\":[{\"name\":\"disk\",\"type\":\"local\",\"path\":\"$dest\",\"quota_bytes\":100000000}]}")
[ "$code" = 200 ] || fail "the destination answered $code: $(cat "$tmp/body")"
# WP-Cron did not run for 3 h 10 min: the sampling due then is late by three intervals.
wpphp '$s = get_option("bjlg_ops_state"); $due = time() - 3 * 3600 - 600; $s["quota_sampling"]["next_due"] = $due; update_option("bjlg_ops_state", $s, false);
  wp_clear_scheduled_hook("bjlg_quota_sampling"); wp_schedule_single_event($due, "bjlg_quota_sampling");'
curl -s -o /dev/null --max-time 120 "$base/wp-cron.php"
code=$(admin GET /settings/tasks); cp "$tmp/body" "$tmp/tasks.json"
now=$(date +%s)
[ "$(json '(fn($t) => $t["last_result"]["status"] . " " . $t["last_result"]["destinations"] . " " . $t["missed_total"] . " " . $t["last_missed"]["missed"] . " " . var_export(abs($t["next_event"] - ('"$now"' + 3000)) < 120, true))($d["quota_sampling"])' <"$tmp/tasks.json")" = "ok 1 3 3 true" ] \
  || fail "the late sampling: $(cat "$tmp/tasks.json")"
wp forecast --format=json >"$tmp/forecast.json" || true
[ "$(json '$d[0]["destination"] . " " . $d[0]["samples"]' <"$tmp/forecast.json")" = "disk 1" ] || fail "the sample in the usage history: $(cat "$tmp/forecast.json")"
wpphp 'global $wpdb; echo $wpdb->get_var("SELECT metadata FROM {$wpdb->base_prefix}bjlg_history WHERE action_type = \"ops_missed\" ORDER BY id DESC LIMIT 1");' >"$tmp/missed.json"
[ "$(json '$d["task"] . " " . $d["missed"]' <"$tmp/missed.json")" = "quota_sampling 3" ] || fail "the ops_missed row: $(cat "$tmp/missed.json")"
pass "a sampling event 3 h 10 min late measured the destination once (a sample in the usage history, forecast sees it), recorded 3 missed runs (ops_missed row, missed_total) and armed the next at the next hour boundary of its schedule"

code=$(admin PUT /settings/tasks --data '{"notify_due_minutes":5}'); [ "$code" = 200 ] || fail "notify_due on answered $code"
[ "$(wpphp 'echo var_export(wp_next_scheduled("bjlg_notify_due") !== false && wp_next_scheduled("bjlg_quota_sampling") !== false, true);')" = true ] || fail "both events armed"
wpphp 'require_once ABSPATH . "wp-admin/includes/plugin.php"; deactivate_plugins("bjlg/bjlg.php"); echo json_encode([wp_next_scheduled("bjlg_quota_sampling"), wp_next_scheduled("bjlg_notify_due")]);' >"$tmp/deactivated.json"
[ "$(cat "$tmp/deactivated.json")" = '[false,false]' ] || fail "deactivation left: $(cat "$tmp/deactivated.json")"
wpphp 'require_once ABSPATH . "wp-admin/includes/plugin.php"; activate_plugin("bjlg/bjlg.php");'
curl -s -o /dev/null "$base/"   # init re-arms them
wpphp 'echo json_encode([wp_next_scheduled("bjlg_quota_sampling") !== false, wp_next_scheduled("bjlg_notify_due") !== false]);' >"$tmp/rearmed.json"
[ "$(cat "$tmp/rearmed.json")" = '[true,true]' ] || fail "init did not re-arm: $(cat "$tmp/rearmed.json")"
wpphp 'Bjlg\WordPress\Uninstaller::uninstall(); echo json_encode([wp_next_scheduled("bjlg_quota_sampling"), wp_next_scheduled("bjlg_notify_due"), get_option("bjlg_ops_state", null)]);' >"$tmp/uninstalled.json"
[ "$(cat "$tmp/uninstalled.json")" = '[false,false,null]' ] || fail "uninstall left: $(cat "$tmp/uninstalled.json")"
pass "deactivation clears both events, init re-arms them after reactivation, uninstall clears them and their state"
echo "run-e2e-targets: all checks passed"
