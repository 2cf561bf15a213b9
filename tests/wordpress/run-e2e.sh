#!/usr/bin/env bash
# End to end, the bjlg WordPress plugin on a real site: a throwaway MariaDB, Debian's WordPress
# copied into a temporary folder and served by `php -S` on loopback with the extension loaded,
# installed by its own installer (wp-admin/install.php over HTTP), the plugin activated; then
# backups through REST (cookie + nonce, as the admin does) and `bin/bjlg --wp`, archives opened
# and verified with Bjlg\Archive\Reader, history rows, the job lock, a missed schedule run by
# WP-Cron (wp-cron.php over HTTP), refused REST calls (401 anonymous or without nonce, 403 for a
# subscriber), the plugin without the extension, and uninstall.
set -euo pipefail
site_test_name=run-e2e
source "$(dirname "$0")/start-site.sh"
marker="bjlg-e2e-marker-$port"
site_php marker "$marker" >/dev/null

# --- REST ------------------------------------------------------------------------------
login() {  # cookie jar $1 for user $2 / password $3, prints the wp_rest nonce
  curl -s -o /dev/null -c "$1" -b "wordpress_test_cookie=WP%20Cookie%20check" "$base/wp-login.php" \
    --data-urlencode "log=$2" --data-urlencode "pwd=$3" --data-urlencode "testcookie=1"
  curl -s -b "$1" "$base/wp-admin/admin-ajax.php?action=rest-nonce"
}
rest() {  # method route [curl options...] -> body in $tmp/body, prints the status code
  local method=$1 route=$2; shift 2
  curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$@" "$base/?rest_route=/bjlg/v1$route"
}
nonce=$(login "$tmp/admin.jar" admin "$admin_pw")
[ -n "$nonce" ] && [ "$nonce" != 0 ] || fail "no REST nonce for the admin"

code=$(rest GET /status); [ "$code" = 401 ] || fail "anonymous GET /status answered $code, not 401"
code=$(rest POST /jobs); [ "$code" = 401 ] || fail "anonymous POST /jobs answered $code, not 401"
code=$(rest GET /backups -b "$tmp/admin.jar"); [ "$code" = 401 ] || fail "cookie without nonce answered $code, not 401"
reader_nonce=$(login "$tmp/reader.jar" reader "$reader_pw")
code=$(rest POST /jobs -b "$tmp/reader.jar" -H "X-WP-Nonce: $reader_nonce"); [ "$code" = 403 ] || fail "subscriber POST /jobs answered $code, not 403"
pass "REST refused: anonymous 401, cookie without nonce 401, subscriber 403"

auth=(-b "$tmp/admin.jar" -H "X-WP-Nonce: $nonce")
code=$(rest GET /status "${auth[@]}"); [ "$code" = 200 ] || fail "GET /status answered $code: $(cat "$tmp/body")"
[ "$(json '$d["extension_version"] !== null && $d["db_version"] === 1 ? "y" : "n"' < "$tmp/body")" = y ] || fail "status: $(cat "$tmp/body")"
code=$(rest POST /jobs "${auth[@]}"); [ "$code" = 201 ] || fail "POST /jobs answered $code: $(cat "$tmp/body")"
rest_archive=$(json '$d["archive"]' < "$tmp/body")
rest_history=$(json '$d["history_id"]' < "$tmp/body")
[ "$(json '$d["verification"]["status"]' < "$tmp/body")" = passed ] || fail "the backup was not verified after it was written: $(cat "$tmp/body")"
pass "REST backup $rest_archive ($(json '$d["bytes"]' < "$tmp/body") bytes, history row $rest_history), verified after it was written (verify_after_backup)"
code=$(rest GET /backups "${auth[@]}"); [ "$code" = 200 ] || fail "GET /backups answered $code"
[ "$(json '$d["backups"][0]["name"] . " " . $d["backups"][0]["history_id"]' < "$tmp/body")" = "$rest_archive $rest_history" ] \
  || fail "GET /backups does not list $rest_archive first: $(cat "$tmp/body")"
pass "GET /backups lists it with its history row"
app_pw=$(site_php app-password)
code=$(rest GET /status -u "admin:$app_pw"); [ "$code" = 200 ] || fail "GET /status with an application password answered $code"
code=$(rest GET /status -u "admin:wrong wrong wrong wrong"); [ "$code" = 401 ] || fail "a wrong application password answered $code, not 401"
pass "an application password is accepted (200), a wrong one refused (401)"

# --- the job lock ------------------------------------------------------------------------
site_php lock live >/dev/null
code=$(rest POST /jobs "${auth[@]}"); [ "$code" = 409 ] || fail "POST /jobs with a live lock answered $code, not 409"
"$root/bin/bjlg" --wp="$site" --url="$base" backup >/dev/null 2>"$tmp/busy.err" && fail "bjlg --wp backup ran beside a live lock"
grep -q 'another job' "$tmp/busy.err" || fail "busy: $(cat "$tmp/busy.err")"
site_php lock expired >/dev/null
pass "a live lock refuses a second backup (REST 409, CLI exit 1); an expired one is taken over"

# --- bin/bjlg --wp -----------------------------------------------------------------------
"$root/bin/bjlg" --wp="$site" --url="$base" backup --format=json >"$tmp/cli.json" || fail "bjlg --wp backup failed"
cli_path=$(json '$d["path"]' < "$tmp/cli.json")
[ -f "$cli_path" ] || fail "bjlg --wp backup: no $cli_path"
"$root/bin/bjlg" --wp="$site" --url="$base" list --format=csv >"$tmp/list.csv"
[ "$(grep -c '^backup-full-' "$tmp/list.csv")" = 2 ] || fail "list: $(cat "$tmp/list.csv")"
"$root/bin/bjlg" --wp="$site" --url="$base" status >"$tmp/status.txt"
grep -q "last backup: .* success $(basename "$cli_path")" "$tmp/status.txt" || fail "status: $(cat "$tmp/status.txt")"
pass "bin/bjlg --wp: backup $(basename "$cli_path"), list (2 archives), status"

# --- the archives ------------------------------------------------------------------------
for archive in "$(dirname "$cli_path")/$rest_archive" "$cli_path"; do
  "${php_ext[@]}" -r '
    $r = Bjlg\Archive\Reader::open($argv[1]);
    $r->verify();
    $names = array_column($r->entries(), "name");
    $dump = stream_get_contents($r->readEntry("database.sql"));
    $manifest = json_decode(stream_get_contents($r->readEntry("backup-manifest.json")), true);
    $ok = $names[0] === "backup-manifest.json" && in_array("wp-content/uploads/bjlg-backups/index.php", $names, true) === false
        && in_array("wp-content/uploads/2026/12/photo.jpg", $names, true)
        && str_contains($dump, "-- Table: wp_posts") && str_contains($dump, "-- Table: wp_bjlg_history")
        && str_contains($dump, $argv[2]) && $manifest["db_prefix"] === "wp_" && $manifest["contains"] === ["db", "plugins", "themes", "uploads"];
    exit($ok ? 0 : 1);' "$archive" "$marker" || fail "$archive: not complete, or without the database"
done
ls "$(dirname "$cli_path")" | grep -v -E '^(backup-full-.*\.zip|index\.php|\.htaccess|web\.config)$' && fail "a temporary file was left beside the archives"
pass "both archives open and verify (Reader::verify), hold the manifest, the uploads and database.sql with the marker post"

# --- verification ------------------------------------------------------------------------
cli_name=$(basename "$cli_path")
code=$(rest POST "/backups/$rest_archive/verify"); [ "$code" = 401 ] || fail "anonymous verify answered $code, not 401"
code=$(rest POST "/backups/$rest_archive/verify" "${auth[@]}"); [ "$code" = 200 ] || fail "verify answered $code: $(cat "$tmp/body")"
[ "$(json '$d["status"] . " " . $d["archive"] . " " . var_export($d["checksum_matches_history"], true)' < "$tmp/body")" = "passed $rest_archive true" ] \
  || fail "REST verify: $(cat "$tmp/body")"
"$root/bin/bjlg" --wp="$site" --url="$base" verify "$cli_name" >"$tmp/verify.txt" || fail "bjlg --wp verify failed: $(cat "$tmp/verify.txt")"
grep -q "^Verification of $cli_name passed: all [0-9]* checks passed.$" "$tmp/verify.txt" || fail "bjlg --wp verify: $(cat "$tmp/verify.txt")"
tampered=backup-full-20200101-000000-tamper.zip
backups_dir=$(dirname "$cli_path")
cp "$cli_path" "$backups_dir/$tampered"
printf 'TAMPERED' | dd of="$backups_dir/$tampered" bs=1 seek=$(( $(stat -c %s "$cli_path") / 2 )) conv=notrunc status=none
# Newest first: the copy one second after the original, whether or not the clock has turned.
touch -d "@$(( $(stat -c %Y "$cli_path") + 1 ))" "$backups_dir/$tampered"
code=$(rest POST "/backups/$tampered/verify" "${auth[@]}"); [ "$code" = 200 ] || fail "verify of the tampered copy answered $code: $(cat "$tmp/body")"
[ "$(json '$d["status"]' < "$tmp/body")" = failed ] || fail "the tampered copy passed: $(cat "$tmp/body")"
"$root/bin/bjlg" --wp="$site" --url="$base" verify "$tampered" --format=json >"$tmp/verify-bad.json" && fail "bjlg --wp verify of the tampered copy exited 0"
[ "$(json '$d["status"]' < "$tmp/verify-bad.json")" = failed ] || fail "bjlg --wp verify of the tampered copy: $(cat "$tmp/verify-bad.json")"
pass "verify: $rest_archive through REST and $cli_name through bin/bjlg --wp pass; a tampered copy fails ($(json '$d["message"]' < "$tmp/verify-bad.json"))"
code=$(rest POST "/backups/..%2F..%2F..%2Fwp-config.php/verify" "${auth[@]}"); [ "$code" = 404 ] || fail "a name with ../ answered $code, not 404"
code=$(rest POST "/backups/..%252F..%252Fwp-config.php/verify" "${auth[@]}"); [ "$code" = 400 ] || fail "a name with an encoded ../ answered $code, not 400"
[ "$(json '$d["code"]' < "$tmp/body")" = rest_invalid_param ] || fail "invalid name: $(cat "$tmp/body")"
code=$(rest POST "/backups/backup-full-20200101-000000-nothere.zip/verify" "${auth[@]}"); [ "$code" = 404 ] || fail "an unknown archive answered $code, not 404"
[ "$(json '$d["code"]' < "$tmp/body")" = bjlg_backup_not_found ] || fail "unknown archive: $(cat "$tmp/body")"
grep -q "$tmp" "$tmp/body" && fail "a REST error names a server path: $(cat "$tmp/body")"
"$root/bin/bjlg" --wp="$site" --url="$base" verify ../wp-config.php 2>"$tmp/verify-usage.err" && fail "bjlg --wp verify ../wp-config.php exited 0"
pass "verify refuses ../ (404 no route, 400 encoded), an unknown archive (404 bjlg_backup_not_found) and a path on the command line"
site_php history >"$tmp/history.json"
verified=$(json 'implode(",", array_map(fn($r) => $r["metadata"]["source"] . ":" . $r["status"] . ":" . $r["metadata"]["backup"]["filename"], array_values(array_filter($d, fn($r) => $r["action_type"] === "backup_verified"))))' < "$tmp/history.json")
expected="cli:failure:$tampered,rest:failure:$tampered,cli:success:$cli_name,rest:success:$rest_archive,cli-after-backup:success:$cli_name,rest-after-backup:success:$rest_archive"
[ "$verified" = "$expected" ] || fail "backup_verified rows: $verified, not $expected"
json '$d[0]["details"]' < "$tmp/history.json" | grep -q "^Verification of $tampered failed: [a-z_]*: ." || fail "failure row: $(json '$d[0]["details"]' < "$tmp/history.json")"
code=$(rest GET /backups "${auth[@]}"); [ "$code" = 200 ] || fail "GET /backups answered $code"
[ "$(json 'implode(",", array_map(fn($b) => $b["name"] . ":" . ($b["verification"]["status"] ?? "-") . ":" . (strtotime($b["verification"]["verified_at"] ?? "") > time() - 600 ? "now" : "?"), $d["backups"]))' < "$tmp/body")" \
  = "$tampered:failed:now,$cli_name:passed:now,$rest_archive:passed:now" ] || fail "GET /backups verifications: $(cat "$tmp/body")"
pass "history: backup_verified rows (after each backup, REST, CLI; failure for the tampered copy); GET /backups shows each archive's last verification"

# --- schedule preview --------------------------------------------------------------------
site_php timezone Europe/Paris >/dev/null
code=$(rest GET "/schedule/preview&expression=30%202%20*%20*%20*&count=3"); [ "$code" = 401 ] || fail "anonymous preview answered $code, not 401"
code=$(rest GET "/schedule/preview&expression=30%202%20*%20*%20*&count=3" "${auth[@]}"); [ "$code" = 200 ] || fail "preview answered $code: $(cat "$tmp/body")"
[ "$(json '$d["timezone"] . " " . count($d["next_runs"]) . " " . count(preg_grep("/^\\d{4}-\\d\\d-\\d\\dT02:30:00\\+0[12]:00$/", $d["next_runs"])) . " " . ($d["description"]["fr"] !== $d["description"]["en"] ? "en+fr" : "?") . " " . var_export($d["accepted"], true)' < "$tmp/body")" \
  = "Europe/Paris 3 3 en+fr true" ] || fail "preview: $(cat "$tmp/body")"
code=$(rest GET "/schedule/preview&expression=0%200%2030%202%20*" "${auth[@]}"); [ "$code" = 400 ] || fail "preview of 0 0 30 2 * answered $code, not 400"
[ "$(json '$d["code"] . " " . (str_contains($d["message"], "never fires") ? "reason" : "?")' < "$tmp/body")" = "bjlg_cron_never_fires reason" ] || fail "0 0 30 2 *: $(cat "$tmp/body")"
code=$(rest GET "/schedule/preview&expression=0%200%2061%20*%20*" "${auth[@]}"); [ "$code" = 400 ] || fail "preview of 0 0 61 * * answered $code, not 400"
[ "$(json '$d["code"] . " " . $d["data"]["field"]' < "$tmp/body")" = "bjlg_cron_invalid day-of-month" ] || fail "0 0 61 * *: $(cat "$tmp/body")"
for count in 0 51; do
  code=$(rest GET "/schedule/preview&expression=%40daily&count=$count" "${auth[@]}"); [ "$code" = 400 ] || fail "preview with count=$count answered $code, not 400"
done
site_php timezone UTC >/dev/null   # the missed-run counts below assume no DST change
pass "schedule preview: 30 2 * * * in Europe/Paris (3 runs at 02:30+01:00, en and fr); 0 0 30 2 * refused (400, never fires), 0 0 61 * * (400, day-of-month), count 0 and 51 (400)"

# --- saving a schedule (PUT /schedule, the admin's assistant) ------------------------------
put_schedule() { rest PUT /schedule "$@" -H 'Content-Type: application/json' --data "{\"expression\":\"$expr\"}"; }
expr='30 2 * * *'; code=$(put_schedule); [ "$code" = 401 ] || fail "anonymous PUT /schedule answered $code, not 401"
expr='0 0 30 2 *'; code=$(put_schedule "${auth[@]}"); [ "$code" = 400 ] || fail "PUT /schedule of $expr answered $code, not 400"
[ "$(json '$d["code"] . " " . (str_contains($d["message"], "never fires") ? "reason" : "?")' < "$tmp/body")" = "bjlg_cron_never_fires reason" ] || fail "save $expr: $(cat "$tmp/body")"
expr='* * * * *'; code=$(put_schedule "${auth[@]}"); [ "$code" = 400 ] || fail "PUT /schedule of $expr answered $code, not 400"
[ "$(json '$d["code"] . " " . $d["data"]["guardrail"] . " " . ($d["data"]["reason"] === $d["message"] && $d["message"] !== "" ? "reason" : "?")' < "$tmp/body")" = "bjlg_cron_refused too_frequent reason" ] \
  || fail "save $expr: $(cat "$tmp/body")"
site_php schedule >"$tmp/schedule-before.json"
grep -q '"recurrence": "disabled"' "$tmp/schedule-before.json" || fail "a refused expression was saved: $(cat "$tmp/schedule-before.json")"
expr='30 2 * * *'; code=$(put_schedule "${auth[@]}"); [ "$code" = 200 ] || fail "PUT /schedule of $expr answered $code: $(cat "$tmp/body")"
[ "$(json '$d["schedule"]["cron"] . " " . var_export($d["schedule"]["enabled"], true) . " " . count($d["schedule"]["next_runs"])' < "$tmp/body")" = "30 2 * * * true 5" ] \
  || fail "save $expr: $(cat "$tmp/body")"
pass "PUT /schedule: 0 0 30 2 * refused (400, never fires), * * * * * refused (400, too_frequent), neither saved; 30 2 * * * saved and armed; anonymous 401"

# --- history -----------------------------------------------------------------------------
site_php history >"$tmp/history.json"
rows=$(json 'implode(",", array_map(fn($r) => $r["metadata"]["source"] . ":" . $r["status"] . ":" . $r["metadata"]["backup"]["filename"], array_values(array_filter($d, fn($r) => $r["action_type"] === "backup_created"))))' < "$tmp/history.json")
[ "$rows" = "cli:success:$(basename "$cli_path"),rest:success:$rest_archive" ] || fail "history rows: $rows"
pass "history rows: backup_created success from cli and rest, with their archives and checksums"

code=$(rest POST /jobs "${auth[@]}" -H 'Content-Type: application/json' --data '{"mode":"background"}')
[ "$code" = 202 ] || fail "POST /jobs mode=background answered $code: $(cat "$tmp/body")"
curl -s -o /dev/null --max-time 60 "$base/wp-cron.php"   # if spawn_cron's own request has not run it yet
for _ in $(seq 1 50); do site_php history >"$tmp/history.json"; grep -q '"source": "rest-background"' "$tmp/history.json" && break; sleep 0.2; done
grep -q '"source": "rest-background"' "$tmp/history.json" || fail "the background backup did not run from WP-Cron"
pass "POST /jobs mode=background: 202, then run by WP-Cron (bjlg_run_backup_task)"

# --- schedule and missed runs ------------------------------------------------------------
"$root/bin/bjlg" --wp="$site" --url="$base" schedule set '*/5 * * * *' >"$tmp/schedule.txt" || fail "schedule set: $(cat "$tmp/schedule.txt")"
grep -q 'next runs: ' "$tmp/schedule.txt" || fail "schedule set: $(cat "$tmp/schedule.txt")"
"$root/bin/bjlg" --wp="$site" --url="$base" schedule set '* * * * *' 2>"$tmp/refused.err" && fail "a schedule every minute was accepted"
grep -q 'too_frequent' "$tmp/refused.err" || fail "refused schedule: $(cat "$tmp/refused.err")"
site_php age-schedule 3600 >/dev/null     # no page requested for an hour
site_php verify-after-backup off >/dev/null
curl -s -o /dev/null --max-time 60 "$base/wp-cron.php"   # runs the due backup in this request
site_php history >"$tmp/history.json"
grep -q '"source": "schedule-after-backup"' "$tmp/history.json" && fail "the scheduled backup was verified with verify_after_backup off"
missed=$(json 'implode(",", array_map(fn($r) => $r["metadata"]["missed"] . "/" . $r["metadata"]["reason"], array_values(array_filter($d, fn($r) => $r["action_type"] === "schedule_missed"))))' < "$tmp/history.json")
case "$missed" in 11/not_triggered|12/not_triggered) ;; *) fail "missed runs recorded: '$missed'" ;; esac
[ "$(json 'count(array_filter($d, fn($r) => $r["action_type"] === "backup_created" && $r["metadata"]["source"] === "schedule" && $r["status"] === "success"))' < "$tmp/history.json")" = 1 ] \
  || fail "WP-Cron did not run the due backup"
"$root/bin/bjlg" --wp="$site" --url="$base" status --format=json >"$tmp/status.json"
[ "$(json '$d["schedule"]["missed_total"] . " " . ($d["schedule"]["next_event"] > time() ? "armed" : "not armed")' < "$tmp/status.json")" = "${missed%%/*} armed" ] \
  || fail "status after the missed runs: $(cat "$tmp/status.json")"
pass "an hour without WP-Cron: ${missed%%/*} missed runs recorded (schedule_missed), the due one run from wp-cron.php (not verified: verify_after_backup off), the next armed"

# --- without the extension, then uninstall -----------------------------------------------
php -d sendmail_path=/bin/true "$root/tests/wordpress/site.php" "$site" no-extension >"$tmp/noext.json" || fail "without the extension: $(cat "$tmp/noext.json")"
pass "without the extension the plugin only shows its admin notice"
site_php uninstall >"$tmp/uninstall.json" || fail "uninstall left: $(cat "$tmp/uninstall.json")"
pass "uninstall removed the table, the options and the WP-Cron event"
echo "run-e2e: all WordPress end-to-end checks passed"
