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
[ "$(json '$d["extension_version"] !== null && $d["db_version"] === 3 ? "y" : "n"' < "$tmp/body")" = y ] || fail "status: $(cat "$tmp/body")"
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

# --- jobs: progress, cancel, a PHP time limit ------------------------------------------------
jobs_json() { rest GET "/jobs/$1" "${auth[@]}" >/dev/null; cat "$tmp/body"; }
wait_job() {  # id, PHP condition on $d -> the record in $tmp/body once it holds (20 s at most)
  for _ in $(seq 1 100); do
    [ "$(jobs_json "$1" | json "($2) ? 'y' : 'n'")" = y ] && return 0; sleep 0.2
  done
  fail "job $1: '$2' never held: $(cat "$tmp/body")"
}
code=$(rest POST /jobs "${auth[@]}" -H 'Content-Type: application/json' --data "{\"type\":\"verify\",\"archive\":\"$cli_name\"}")
[ "$code" = 201 ] || fail "POST /jobs type=verify answered $code: $(cat "$tmp/body")"
job=$(json '$d["job_id"]' < "$tmp/body")
code=$(rest GET "/jobs/$job"); [ "$code" = 401 ] || fail "anonymous GET /jobs/$job answered $code, not 401"
code=$(rest GET "/jobs/$job" "${auth[@]}"); [ "$code" = 200 ] || fail "GET /jobs/$job answered $code"
[ "$(json '$d["state"] . " " . $d["type"] . " " . $d["phase"] . " " . ($d["done"] === $d["total"] && $d["total"] > 0 ? "done=total" : "?") . " " . $d["percent"] . " " . $d["result"]["status"]' < "$tmp/body")" \
  = "done verify read done=total 100 passed" ] || fail "GET /jobs/$job: $(cat "$tmp/body")"
code=$(rest POST "/jobs/$job/cancel" "${auth[@]}"); [ "$code" = 409 ] || fail "cancelling a finished job answered $code, not 409"
code=$(rest GET "/jobs/999999" "${auth[@]}"); [ "$code" = 404 ] || fail "GET /jobs/999999 answered $code, not 404"
jobs_before=$(site_php jobs | json 'count($d)')
code=$(rest POST "/backups/backup-full-20200101-000000-nothere.zip/verify" "${auth[@]}"); [ "$code" = 404 ] || fail "unknown archive: $code"
[ "$(site_php jobs | json 'count($d)')" = "$jobs_before" ] || fail "verifying an unknown archive made a job record"
pass "POST /jobs type=verify: 201 with job $job; GET /jobs/$job: done, phase read, done = total, the summary; a finished job is not cancelled (409), an unknown one 404, anonymous 401"

site_php progress-hook hold >/dev/null
archives_before=$(ls "$backups_dir" | sort)
code=$(rest POST /jobs "${auth[@]}" -H 'Content-Type: application/json' --data '{"mode":"background"}')
[ "$code" = 202 ] || fail "POST /jobs mode=background answered $code: $(cat "$tmp/body")"
job=$(json '$d["id"]' < "$tmp/body")
[ "$(json '$d["state"]' < "$tmp/body")" = queued ] || fail "background job: $(cat "$tmp/body")"
curl -s -o /dev/null --max-time 60 "$base/wp-cron.php" &   # if spawn_cron's own request does not run it
cron_pid=$!
wait_job "$job" '$d["state"] === "running" && $d["step"] === "archive" && $d["phase"] !== null'
seen=$(json '$d["phase"] . " " . $d["done"] . "/" . $d["total"] . " " . $d["unit"]' < "$tmp/body")
code=$(rest POST "/jobs/$job/cancel" "${auth[@]}"); [ "$code" = 202 ] || fail "POST /jobs/$job/cancel answered $code: $(cat "$tmp/body")"
[ "$(json 'var_export($d["cancel_requested"], true)' < "$tmp/body")" = true ] || fail "cancel: $(cat "$tmp/body")"
wait_job "$job" 'in_array($d["state"], ["cancelled", "done", "failed"], true)'
[ "$(json '$d["state"] . " " . $d["error"]' < "$tmp/body")" = "cancelled cancelled" ] || fail "the cancelled backup: $(cat "$tmp/body")"
wait "$cron_pid"
site_php progress-hook off >/dev/null
[ "$(ls "$backups_dir" | sort)" = "$archives_before" ] || fail "a cancelled backup left files: $(ls "$backups_dir")"
site_php history >"$tmp/history.json"
[ "$(json '$d[0]["action_type"] . " " . $d[0]["status"] . " " . $d[0]["metadata"]["job_id"] . " " . (preg_match("/^Bjlg\\\\[A-Za-z]+\\\\CancelledException$/", $d[0]["metadata"]["error"]["class"]) ? "cancelled-exception" : $d[0]["metadata"]["error"]["class"])' < "$tmp/history.json")" \
  = "backup_created cancelled $job cancelled-exception" ] || fail "the cancelled backup's row: $(json 'json_encode($d[0])' < "$tmp/history.json")"
code=$(rest GET /status "${auth[@]}"); [ "$(json 'var_export($d["running"], true)' < "$tmp/body")" = NULL ] || fail "the cancelled backup kept the lock: $(cat "$tmp/body")"
pass "a background backup's progress read while it ran ($seen), cancelled: the writer's CancelledException, job and history row 'cancelled', no file left, the lock given back"

queued=$(site_php queued-job "$cli_name" | json '$d["id"]')
code=$(rest POST "/jobs/$queued/cancel" "${auth[@]}"); [ "$code" = 202 ] || fail "cancelling a queued job answered $code"
[ "$(json '$d["state"]' < "$tmp/body")" = cancelled ] || fail "a queued job is not cancelled at once: $(cat "$tmp/body")"
queued=$(site_php queued-job "$cli_name" | json '$d["id"]')
"$root/bin/bjlg" --wp="$site" --url="$base" cancel "$queued" >"$tmp/cancel.txt" || fail "bjlg --wp cancel $queued failed: $(cat "$tmp/cancel.txt")"
grep -q "^job $queued verify cancelled: step verify, - 0/0$" "$tmp/cancel.txt" || fail "bjlg --wp cancel: $(cat "$tmp/cancel.txt")"
"$root/bin/bjlg" --wp="$site" --url="$base" cancel "$queued" 2>"$tmp/cancel.err" && fail "cancelling an ended job exited 0"
grep -q "job $queued has already ended (cancelled)" "$tmp/cancel.err" || fail "cancel again: $(cat "$tmp/cancel.err")"
[ "$("$root/bin/bjlg" --wp="$site" --url="$base" job "$job" --format=json | json '$d["state"] . " " . $d["type"]')" = "cancelled backup" ] || fail "bjlg --wp job $job"
pass "a queued job is cancelled at once (REST 202, and bin/bjlg --wp cancel ID; again: exit 1); bin/bjlg --wp job ID shows a job"

site_php progress-hook burn >/dev/null
"${php_ext[@]}" -d max_execution_time=2 -d disable_functions=set_time_limit "$root/bin/bjlg" --wp="$site" --url="$base" verify "$cli_name" >"$tmp/limit.out" 2>"$tmp/limit.err" \
  && fail "the verification ran past a 2 s time limit: $(cat "$tmp/limit.out")"
grep -q 'Maximum execution time of 2 seconds exceeded' "$tmp/limit.err" || fail "no time limit hit: $(cat "$tmp/limit.err")"
site_php progress-hook off >/dev/null
site_php jobs >"$tmp/jobs.json"
job=$(json '$d[0]["id"]' < "$tmp/jobs.json")
[ "$(json '$d[0]["type"] . " " . $d[0]["state"] . " " . $d[0]["attempts"] . " " . $d[0]["error"]' < "$tmp/jobs.json")" = "verify interrupted 1 Maximum execution time of 2 seconds exceeded" ] \
  || fail "the job killed by the time limit: $(json 'json_encode($d[0])' < "$tmp/jobs.json")"
[ "$(site_php job-event "$job" | json '$d["scheduled"] > 0 ? "armed" : "no"')" = armed ] || fail "no WP-Cron event resumes job $job"
curl -s -o /dev/null --max-time 60 "$base/wp-cron.php"
wait_job "$job" '$d["state"] !== "interrupted" && $d["state"] !== "running"'
[ "$(json '$d["state"] . " " . $d["attempts"] . " " . $d["result"]["status"]' < "$tmp/body")" = "done 2 passed" ] || fail "job $job after the next tick: $(cat "$tmp/body")"
pass "a verification killed by a 2 s PHP time limit: job interrupted (its shutdown function), resumed by the next WP-Cron tick and passed (attempt 2)"

"$root/bin/bjlg" --wp="$site" --url="$base" verify "$cli_name" --progress=bar >/dev/null 2>"$tmp/bar.err" || fail "verify --progress=bar: $(cat "$tmp/bar.err")"
grep -q '\[########################\] 100% read' "$tmp/bar.err" || fail "no progress bar: $(cat -v "$tmp/bar.err")"
"$root/bin/bjlg" --wp="$site" --url="$base" backup --progress=json >/dev/null 2>"$tmp/progress.jsonl" || fail "backup --progress=json failed"
grep -q '"event":"progress","phase":' "$tmp/progress.jsonl" || fail "backup --progress=json: $(head -3 "$tmp/progress.jsonl")"
"$root/bin/bjlg" --wp="$site" --url="$base" verify "$cli_name" >/dev/null 2>"$tmp/nobar.err"
[ ! -s "$tmp/nobar.err" ] || fail "a progress bar when stderr is not a terminal: $(cat -v "$tmp/nobar.err")"
pass "bin/bjlg --wp verify and backup: a progress bar (--progress=bar, auto on a terminal), JSON records, nothing when stderr is a file"

# --- restore tests -------------------------------------------------------------------------
code=$(rest GET "/backups/$cli_name/restore-test" "${auth[@]}"); [ "$code" = 404 ] || fail "the report of an untested archive answered $code, not 404"
[ "$(json '$d["code"]' < "$tmp/body")" = bjlg_restore_test_not_found ] || fail "untested: $(cat "$tmp/body")"
code=$(rest POST "/backups/$rest_archive/restore-test"); [ "$code" = 401 ] || fail "anonymous restore test answered $code, not 401"
code=$(rest POST "/backups/$rest_archive/restore-test" "${auth[@]}"); [ "$code" = 200 ] || fail "restore test answered $code: $(cat "$tmp/body")"
[ "$(json '$d["status"] . " " . var_export($d["with_database"], true) . " " . implode(",", array_map(fn($c) => $c["name"] . ":" . $c["status"], array_filter($d["checks"], fn($c) => str_starts_with($c["name"], "database")))) . " " . ($d["rto_seconds"] > 0 ? "rto" : "?")' < "$tmp/body")" \
  = "passed true database_import:passed,database_tables:passed rto" ] || fail "REST restore test: $(cat "$tmp/body")"
grep -q "$tmp" "$tmp/body" && fail "the restore test's answer names a server path: $(cat "$tmp/body")"
rt_history=$(json '$d["history_id"]' < "$tmp/body")
code=$(rest GET "/backups/$rest_archive/restore-test" "${auth[@]}"); [ "$code" = 200 ] || fail "the report answered $code"
[ "$(json '$d["history_id"] . " " . $d["status"]' < "$tmp/body")" = "$rt_history passed" ] || fail "report: $(cat "$tmp/body")"
"$root/bin/bjlg" --wp="$site" --url="$base" restore-test "$cli_name" >"$tmp/rt.txt" || fail "bjlg --wp restore-test failed: $(cat "$tmp/rt.txt")"
grep -q "^Restore test of $cli_name passed: all [0-9]* checks passed.$" "$tmp/rt.txt" || fail "bjlg --wp restore-test: $(cat "$tmp/rt.txt")"
grep -q '^RTO [0-9.]* s (target [0-9]* min: \(ok\|late\)), RPO ' "$tmp/rt.txt" || fail "no RTO/RPO: $(cat "$tmp/rt.txt")"
"$root/bin/bjlg" --wp="$site" --url="$base" restore-test "$tampered" --format=json >"$tmp/rt-bad.json" && fail "the tampered copy's restore test exited 0"
[ "$(json '$d["status"]' < "$tmp/rt-bad.json")" = failed ] || fail "the tampered copy's restore test: $(cat "$tmp/rt-bad.json")"
code=$(rest POST "/backups/backup-full-20200101-000000-nothere.zip/restore-test" "${auth[@]}"); [ "$code" = 404 ] || fail "an unknown archive's restore test answered $code"
code=$(rest POST "/backups/..%252Fwp-config.php/restore-test" "${auth[@]}"); [ "$code" = 400 ] || fail "an encoded ../ answered $code, not 400"
code=$(rest POST "/backups/$cli_name/restore-test" "${auth[@]}" -H 'Content-Type: application/json' --data '{"mode":"background"}')
[ "$code" = 202 ] || fail "a background restore test answered $code: $(cat "$tmp/body")"
job=$(json '$d["id"]' < "$tmp/body")
curl -s -o /dev/null --max-time 120 "$base/wp-cron.php"
wait_job "$job" 'in_array($d["state"], ["done", "failed", "cancelled"], true)'
[ "$(json '$d["type"] . " " . $d["state"] . " " . $d["result"]["status"]' < "$tmp/body")" = "restore-test done passed" ] || fail "background restore test: $(cat "$tmp/body")"
site_php history >"$tmp/history.json"
rows=$(json 'implode(",", array_map(fn($r) => $r["metadata"]["source"] . ":" . $r["status"] . ":" . $r["metadata"]["backup"]["filename"], array_values(array_filter($d, fn($r) => $r["action_type"] === "restore_test"))))' < "$tmp/history.json")
[ "$rows" = "rest-background:success:$cli_name,cli:failure:$tampered,cli:success:$cli_name,rest:success:$rest_archive" ] || fail "restore_test rows: $rows"
pass "restore tests: $rest_archive through REST (database imported into a throwaway MariaDB, RTO measured) and its report route, $cli_name through bin/bjlg --wp and in the background (job), the tampered copy failed (exit 1); unknown 404, encoded ../ 400, anonymous 401; restore_test rows"

# --- encrypted backups ------------------------------------------------------------------------
"$root/bin/bjlg" --wp="$site" --url="$base" encryption enable >"$tmp/enc.txt" || fail "encryption enable: $(cat "$tmp/enc.txt")"
key_file="$backups_dir/site-key.php"
[ "$(stat -c %a "$key_file")" = 600 ] || fail "the key file is mode $(stat -c %a "$key_file"), not 600"
site_key=$(tail -n 1 "$key_file")
fingerprint=$("${php_ext[@]}" -r 'echo Bjlg\Crypto\Key::fromString($argv[1])->fingerprint();' "$site_key")
grep -q "^encryption: on, site key $fingerprint (file, mode 0600)$" "$tmp/enc.txt" || fail "encryption enable: $(cat "$tmp/enc.txt")"
[ "$(curl -s "$base/wp-content/uploads/bjlg-backups/site-key.php" | wc -c)" = 0 ] || fail "the key file shows something over HTTP"
code=$(rest POST /jobs "${auth[@]}"); [ "$code" = 201 ] || fail "encrypted backup answered $code: $(cat "$tmp/body")"
enc_archive=$(json '$d["archive"]' < "$tmp/body")
case "$enc_archive" in backup-full-*.zip.enc) ;; *) fail "the encrypted backup is named $enc_archive" ;; esac
[ "$(json '$d["verification"]["status"] . " " . var_export($d["encrypted"], true) . " " . $d["key_fingerprint"]' < "$tmp/body")" = "passed true $fingerprint" ] \
  || fail "the encrypted backup: $(cat "$tmp/body")"
cp "$tmp/body" "$tmp/enc-backup.json"
"${php_ext[@]}" -r 'try { Bjlg\Archive\Reader::open($argv[1]); exit(1); } catch (Bjlg\WrongKeyException $e) { }
    $r = Bjlg\Archive\Reader::open($argv[1], ["key" => Bjlg\Crypto\Key::fromString($argv[2])]); $r->verify();
    exit($r->encryption() === "bjlg" && in_array("database.sql", array_column($r->entries(), "name"), true) ? 0 : 1);' "$backups_dir/$enc_archive" "$site_key" \
  || fail "$enc_archive opens without the key, or not with it"
code=$(rest GET /backups "${auth[@]}")
[ "$(json '$d["backups"][0]["name"] . " " . $d["backups"][0]["verification"]["status"]' < "$tmp/body")" = "$enc_archive passed" ] || fail "GET /backups: $(cat "$tmp/body")"
"$root/bin/bjlg" --wp="$site" --url="$base" list --format=csv | grep -q "^$enc_archive," || fail "list does not show $enc_archive"
code=$(rest POST "/backups/$enc_archive/restore-test" "${auth[@]}" -H 'Content-Type: application/json' --data '{"with_database":false}')
[ "$code" = 200 ] || fail "restore test of the encrypted archive answered $code: $(cat "$tmp/body")"
[ "$(json '$d["status"] . " " . implode(",", array_column(array_filter($d["checks"], fn($c) => $c["name"] === "decrypt"), "status"))' < "$tmp/body")" = "passed passed" ] \
  || fail "restore test of $enc_archive: $(cat "$tmp/body")"
mv "$key_file" "$tmp/site-key.php"
( umask 077; { echo '<?php exit; ?>'; "${php_ext[@]}" -r 'echo Bjlg\Crypto\Key::generate()->toString(), "\n";'; } >"$key_file" )
code=$(rest POST "/backups/$enc_archive/verify" "${auth[@]}"); [ "$code" = 200 ] || fail "verify with another key answered $code: $(cat "$tmp/body")"
[ "$(json '$d["status"] . " " . var_export($d["wrong_key"], true) . " " . $d["message"]' < "$tmp/body")" = "failed true encryption: wrong key: the file was encrypted with key $fingerprint: the secret given does not open this archive" ] \
  || fail "verify with another key: $(cat "$tmp/body")"
"$root/bin/bjlg" --wp="$site" --url="$base" verify "$enc_archive" >/dev/null 2>"$tmp/wrong.err" && fail "bjlg --wp verify with another key exited 0"
mv "$tmp/site-key.php" "$key_file"
code=$(rest POST "/backups/$enc_archive/verify" "${auth[@]}"); [ "$code" = 200 ] || fail "verify with the key back answered $code"
[ "$(json '$d["status"]' < "$tmp/body")" = passed ] || fail "verify with the key back: $(cat "$tmp/body")"
code=$(rest GET /status "${auth[@]}")
[ "$(json '$d["encryption"]["enabled"] ? $d["encryption"]["fingerprint"] . " " . $d["encryption"]["file_mode"] : "off"' < "$tmp/body")" = "$fingerprint 0600" ] || fail "status: $(cat "$tmp/body")"
site_php history >"$tmp/history.json"
for f in "$tmp/body" "$tmp/enc-backup.json" "$tmp/history.json" "$tmp/server.log" "$tmp/wrong.err" "$tmp/enc.txt"; do
  grep -qF "$site_key" "$f" && fail "the site key is in $(basename "$f")"
done
"$root/bin/bjlg" --wp="$site" --url="$base" encryption disable >/dev/null || fail "encryption disable"
pass "encryption: the site key in a 0600 file (nothing over HTTP), $enc_archive written encrypted and verified with it, listed, restore-tested (decrypt passed); another key refused (the verification fails naming the archive's key, REST and CLI exit 1); the key in no answer, history row or log"

# --- the commands' conventions: --format=yaml, --fields, --quiet, --yes ----------------------
wpc() { "$root/bin/bjlg" --wp="$site" --url="$base" "$@"; }
wpc list --format=yaml --fields=name,encrypted >"$tmp/list.yaml" || fail "list --format=yaml failed"
[ "$(head -n 1 "$tmp/list.yaml")" = --- ] && grep -q "^  name: \"$enc_archive\"$" "$tmp/list.yaml" && grep -q '^  encrypted: true$' "$tmp/list.yaml" \
  && ! grep -q 'path\|bytes' "$tmp/list.yaml" || fail "list --format=yaml --fields=name,encrypted: $(cat "$tmp/list.yaml")"
rc=0; wpc list --fields=name,size >/dev/null 2>"$tmp/fields.err" || rc=$?; [ $rc = 2 ] || fail "list --fields=name,size did not exit 2"
grep -q "unknown field 'size'; the fields are: name, bytes, modified, verified, encrypted, path" "$tmp/fields.err" || fail "--fields: $(cat "$tmp/fields.err")"
wpc status --format=yaml >"$tmp/status.yaml"; grep -q '^plugin_version: "' "$tmp/status.yaml" || fail "status --format=yaml: $(head "$tmp/status.yaml")"
wpc status --quiet >"$tmp/quiet.out" 2>&1 || fail "status --quiet failed: $(cat "$tmp/quiet.out")"
[ ! -s "$tmp/quiet.out" ] || fail "status --quiet printed something: $(cat "$tmp/quiet.out")"
wpc verify "$cli_name" --quiet >"$tmp/quiet.out" 2>&1 || fail "verify --quiet failed: $(cat "$tmp/quiet.out")"
[ ! -s "$tmp/quiet.out" ] || fail "verify --quiet printed something: $(cat "$tmp/quiet.out")"
[ "$(wpc verify "$cli_name" --quiet --format=json | json '$d["status"]')" = passed ] || fail "verify --quiet --format=json printed no result"
rc=0; wpc delete "$tampered" >/dev/null 2>"$tmp/delete.err" || rc=$?; [ $rc = 2 ] || fail "delete without --yes did not exit 2"
grep -q 'add --yes to confirm' "$tmp/delete.err" && [ -f "$backups_dir/$tampered" ] || fail "delete without --yes: $(cat "$tmp/delete.err")"
wpc delete "$tampered" --yes >"$tmp/delete.out" || fail "delete --yes failed"
[ ! -e "$backups_dir/$tampered" ] && grep -q "^deleted $tampered$" "$tmp/delete.out" || fail "delete --yes: $(cat "$tmp/delete.out")"
[ "$(site_php history | json '$d[0]["action_type"] . " " . $d[0]["metadata"]["backup"]["filename"]')" = "backup_deleted $tampered" ] || fail "no backup_deleted row"
pass "bin/bjlg --wp: list --format=yaml --fields=name,encrypted, an unknown field refused (exit 2, the fields listed), status --format=yaml, --quiet (nothing but asked-for JSON), delete refused without --yes (exit 2, kept) and done with it (a backup_deleted row)"

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

# --- multisite: the site becomes a network of three -------------------------------------------
single_archives=$(find "$site/wp-content/uploads/bjlg-backups" -maxdepth 1 -name 'backup-full-*' | wc -l)
site_php make-network "127.0.0.1:$port" >"$tmp/network.json" || fail "make-network: $(cat "$tmp/network.json")"
network_defines="define('MULTISITE', true); define('SUBDOMAIN_INSTALL', false); define('DOMAIN_CURRENT_SITE', '127.0.0.1:$port'); define('PATH_CURRENT_SITE', '/'); define('SITE_ID_CURRENT_SITE', 1); define('BLOG_ID_CURRENT_SITE', 1);"
sed -i "s|^if (!defined('ABSPATH'))|$network_defines\n&|" "$site/wp-config.php"
site_php add-sites "$reader_pw" >"$tmp/sites.json" || fail "add-sites: $(cat "$tmp/sites.json")"
[ "$(json 'implode(",", $d["sites"]) . " " . var_export($d["network_active"], true)' < "$tmp/sites.json")" = "2,3 true" ] || fail "sites: $(cat "$tmp/sites.json")"
super=(-u "admin:$(json '$d["super_password"]' < "$tmp/sites.json")")
siteadmin=(-u "siteadmin:$(json '$d["site_admin_password"]' < "$tmp/sites.json")")
nrest() {  # site path (/ or /site2/), method, route, curl options -> body in $tmp/body, prints the code
  local path=$1 method=$2 route=$3; shift 3
  curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$@" "$base$path?rest_route=/bjlg/v1$route"
}
code=$(nrest /site2/ GET /status "${super[@]}"); [ "$(json '$d["blog_id"]' < "$tmp/body")" = 2 ] || fail "/site2/ is not site 2 ($code): $(cat "$tmp/body")"
code=$(nrest /site2/ POST /jobs "${siteadmin[@]}"); [ "$code" = 201 ] || fail "site 2's administrator: POST /jobs on site 2 answered $code: $(cat "$tmp/body")"
site2_archive=$(json '$d["archive"]' < "$tmp/body")
site2_job=$(json '$d["job_id"]' < "$tmp/body")
code=$(nrest /site2/ GET "/jobs/$site2_job" "${super[@]}"); [ "$code" = 200 ] || fail "site 2's job on site 2 answered $code"
code=$(nrest /site3/ GET "/jobs/$site2_job" "${super[@]}"); [ "$code" = 404 ] || fail "site 2's job read on site 3 answered $code, not 404"
code=$(nrest /site2/ GET /status "${siteadmin[@]}"); [ "$code" = 200 ] || fail "GET /site2/ status answered $code"
[ "$(json '$d["blog_id"] . " " . $d["backups"]["latest"]' < "$tmp/body")" = "2 $site2_archive" ] || fail "site 2's status: $(cat "$tmp/body")"
code=$(nrest /site3/ GET /status "${siteadmin[@]}"); [ "$code" = 403 ] || fail "site 2's administrator on site 3 answered $code, not 403"
code=$(nrest / GET /network/status "${siteadmin[@]}"); [ "$code" = 403 ] || fail "a site administrator's GET /network/status answered $code, not 403"
code=$(nrest / GET /network/status); [ "$code" = 401 ] || fail "anonymous GET /network/status answered $code, not 401"
code=$(nrest / GET /network/status "${super[@]}"); [ "$code" = 200 ] || fail "the super admin's GET /network/status answered $code: $(cat "$tmp/body")"
[ "$(json 'implode(",", array_map(fn($s) => $s["blog_id"] . ":" . $s["status"]["blog_id"] . ":" . $s["status"]["backups"]["count"], $d["sites"])) . " " . $d["totals"]["sites"] . " " . implode(",", $d["totals"]["never_backed_up"])' < "$tmp/body")" \
  = "1:1:$single_archives,2:2:1,3:3:0 3 3" ] || fail "GET /network/status: $(cat "$tmp/body")"   # the single site's archives moved to bjlg-backups/site-1/
code=$(nrest /site3/ GET /status "${super[@]}"); [ "$code" = 200 ] || fail "the super admin on site 3 answered $code"
pass "a network of three sites: site 2's administrator backs up site 2 (blog_id 2) but is refused site 3 (403) and the network route (403), anonymous 401; GET /network/status aggregates the three sites for the super admin; a job is read on its own site only (404 on site 3)"

# --- without the extension, then uninstall -----------------------------------------------
php -d sendmail_path=/bin/true "$root/tests/wordpress/site.php" "$site" no-extension >"$tmp/noext.json" || fail "without the extension: $(cat "$tmp/noext.json")"
pass "without the extension the plugin only shows its admin notice"
site_php uninstall >"$tmp/uninstall.json" || fail "uninstall left: $(cat "$tmp/uninstall.json")"
pass "uninstall removed the table, the options and the WP-Cron event"
echo "run-e2e: all WordPress end-to-end checks passed"
