#!/usr/bin/env bash
# End to end, the old plugin's routes under backup-jlg/v1 on a real site (the set-up of
# tests/wordpress/start-site.sh): anonymous callers refused (401), a subscriber refused (403);
# POST /backups queues a backup that WP-Cron runs, GET /tasks/{id} follows it, GET /backups,
# /status and /history answer with the old keys, POST /cron/preview previews and refuses (400
# invalid_schedule_cron); requests for what bjlg does not do refused (400); on a network, GET
# /network/history for a super admin only.
set -euo pipefail
site_test_name=run-e2e-legacy
source "$(dirname "$0")/start-site.sh"
app_pw=$(site_php app-password)
legacy() {  # method route [curl options...] -> body in $tmp/body, prints the status code
  local method=$1 route=$2; shift 2
  curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$@" "$base/?rest_route=/backup-jlg/v1$route"
}
admin=(-u "admin:$app_pw")
jsonpost=(-H 'Content-Type: application/json')
keys() { json 'implode(",", array_keys('"$1"'))' <"$tmp/body"; }
site_php verify-after-backup off >/dev/null

# --- refused: anonymous 401, subscriber 403 -------------------------------------------------
curl -s -o /dev/null -c "$tmp/reader.jar" -b "wordpress_test_cookie=WP%20Cookie%20check" "$base/wp-login.php" \
  --data-urlencode "log=reader" --data-urlencode "pwd=$reader_pw" --data-urlencode "testcookie=1"
reader_nonce=$(curl -s -b "$tmp/reader.jar" "$base/wp-admin/admin-ajax.php?action=rest-nonce")
reader=(-b "$tmp/reader.jar" -H "X-WP-Nonce: $reader_nonce")
for route in "GET /status" "GET /backups" "POST /backups" "GET /history" "POST /cron/preview&expression=0%203%20*%20*%20*" "GET /tasks/bjlg_backup_1"; do
  code=$(legacy $route); [ "$code" = 401 ] || fail "anonymous $route answered $code, not 401"
  code=$(legacy $route "${reader[@]}"); [ "$code" = 403 ] || fail "a subscriber's $route answered $code, not 403"
done
pass "backup-jlg/v1 refused: anonymous 401, subscriber 403 on every route"

# --- a backup through the old POST /backups, followed by GET /tasks/{id} ---------------------
code=$(legacy POST /backups "${admin[@]}" "${jsonpost[@]}" --data '{"components":["db"]}')
[ "$code" = 400 ] && [ "$(json '$d["code"]' <"$tmp/body")" = invalid_components ] || fail "components [db] answered $code: $(cat "$tmp/body")"
code=$(legacy POST /backups "${admin[@]}" "${jsonpost[@]}" --data '{"type":"incremental"}')
[ "$code" = 400 ] && [ "$(json '$d["code"]' <"$tmp/body")" = invalid_type ] && grep -q 'no earlier good backup' "$tmp/body" || fail "type incremental without a backup answered $code: $(cat "$tmp/body")"
code=$(legacy POST /backups "${admin[@]}" "${jsonpost[@]}" --data '{"encrypt":true}')
[ "$code" = 400 ] && [ "$(json '$d["code"]' <"$tmp/body")" = invalid_encrypt ] || fail "encrypt on a site without encryption answered $code: $(cat "$tmp/body")"
code=$(legacy POST /backups "${admin[@]}" "${jsonpost[@]}" --data '{"type":"full","components":["db","plugins","themes","uploads"]}')
[ "$code" = 200 ] || fail "POST /backups answered $code: $(cat "$tmp/body")"
[ "$(keys '$d')" = "success,task_id,message,status_url,job_id" ] || fail "POST /backups keys: $(cat "$tmp/body")"
task=$(json '$d["task_id"]' <"$tmp/body")
case "$task" in bjlg_backup_[0-9]*) ;; *) fail "task id $task" ;; esac
json '$d["status_url"]' <"$tmp/body" | grep -q "backup-jlg/v1/tasks/$task" || fail "status_url: $(cat "$tmp/body")"
code=$(legacy GET "/tasks/$task" "${admin[@]}"); [ "$code" = 200 ] || fail "GET /tasks/$task answered $code"
case "$(json '$d["status"]' <"$tmp/body")" in pending|running|complete) ;; *) fail "the task before WP-Cron: $(cat "$tmp/body")" ;; esac
curl -s -o /dev/null --max-time 120 "$base/wp-cron.php"   # runs the queued job
code=$(legacy GET "/tasks/$task" "${admin[@]}"); [ "$code" = 200 ] || fail "GET /tasks/$task answered $code"
[ "$(keys '$d')" = "progress,status,status_text,components,encrypt,incremental,type,source,start_time,filename,job_id" ] || fail "task keys: $(cat "$tmp/body")"
[ "$(json '$d["status"] . " " . $d["progress"]' <"$tmp/body")" = "complete 100" ] || fail "the task after WP-Cron: $(cat "$tmp/body")"
archive=$(json '$d["filename"]' <"$tmp/body")
[ -f "$site/wp-content/uploads/bjlg-backups/$archive" ] || fail "no archive $archive"
code=$(legacy GET /tasks/nope "${admin[@]}"); [ "$code" = 400 ] || fail "GET /tasks/nope answered $code, not 400"
code=$(legacy GET /tasks/bjlg_backup_999999 "${admin[@]}"); [ "$code" = 404 ] || fail "an unknown task answered $code, not 404"
pass "POST /backups queued task $task (400 for components [db], an incremental without a base, encrypt on a site without encryption); WP-Cron ran it; GET /tasks: complete, 100, $archive (bad id 400, unknown 404)"

# --- the old listings -------------------------------------------------------------------------
code=$(legacy GET "/backups&per_page=5" "${admin[@]}" -D "$tmp/headers"); [ "$code" = 200 ] || fail "GET /backups answered $code"
[ "$(keys '$d')" = "backups,pagination" ] || fail "GET /backups keys: $(cat "$tmp/body")"
[ "$(keys '$d["backups"][0]')" = "id,filename,type,size,size_formatted,created_at,modified_at,is_encrypted,components,sha256,history_id" ] || fail "backup item keys: $(cat "$tmp/body")"
[ "$(json '$d["backups"][0]["id"] . " " . $d["backups"][0]["type"] . " " . $d["pagination"]["total"] . " " . $d["pagination"]["per_page"]' <"$tmp/body")" = "$archive full 1 5" ] \
  || fail "GET /backups: $(cat "$tmp/body")"
[ "$(json '$d["backups"][0]["size"]' <"$tmp/body")" = "$(stat -c %s "$site/wp-content/uploads/bjlg-backups/$archive")" ] || fail "the size is not the file's"
grep -qi '^X-Total-Count: 1' "$tmp/headers" || fail "no X-Total-Count header"
code=$(legacy GET "/backups/$archive" "${admin[@]}"); [ "$code" = 200 ] && [ "$(json '$d["id"] . " " . $d["type"]' <"$tmp/body")" = "$archive full" ] || fail "GET /backups/$archive answered $code: $(cat "$tmp/body")"
code=$(legacy GET "/backups/backup-full-20200101-000000-nonexx.zip" "${admin[@]}"); [ "$code" = 404 ] || fail "an unknown archive answered $code, not 404"
code=$(legacy GET "/backups/$archive"); [ "$code" = 401 ] || fail "anonymous GET /backups/{id} answered $code, not 401"
cp "$site/wp-content/uploads/bjlg-backups/$archive" "$site/wp-content/uploads/bjlg-backups/backup-full-20200101-000000-copyaa.zip"
code=$(legacy DELETE "/backups/backup-full-20200101-000000-copyaa.zip" "${reader[@]}"); [ "$code" = 403 ] || fail "a subscriber's DELETE answered $code, not 403"
code=$(legacy DELETE "/backups/backup-full-20200101-000000-copyaa.zip" "${admin[@]}"); [ "$code" = 200 ] && [ "$(keys '$d')" = "success,message" ] || fail "DELETE /backups/{id} answered $code: $(cat "$tmp/body")"
[ ! -e "$site/wp-content/uploads/bjlg-backups/backup-full-20200101-000000-copyaa.zip" ] || fail "DELETE left the archive"
code=$(legacy DELETE "/backups/backup-full-20200101-000000-copyaa.zip" "${admin[@]}"); [ "$code" = 404 ] || fail "deleting it again answered $code, not 404"
code=$(legacy GET "/backups&type=incremental" "${admin[@]}"); [ "$(json '$d["pagination"]["total"]' <"$tmp/body")" = 0 ] || fail "type=incremental: $(cat "$tmp/body")"
code=$(legacy GET "/backups&per_page=101" "${admin[@]}"); [ "$code" = 400 ] || fail "per_page=101 answered $code, not 400"
code=$(legacy GET /status "${admin[@]}"); [ "$code" = 200 ] || fail "GET /status answered $code"
[ "$(keys '$d')" = "plugin_version,wordpress_version,php_version,backup_directory,backup_directory_writable,total_backups,total_size,disk_free_space,disk_space_error,memory_limit,max_execution_time,active_tasks" ] \
  || fail "GET /status keys: $(cat "$tmp/body")"
[ "$(json '$d["total_backups"] . " " . var_export($d["backup_directory_writable"], true) . " " . $d["active_tasks"] . " " . ($d["disk_free_space"] > 0 ? "free" : "no")' <"$tmp/body")" = "1 true 0 free" ] \
  || fail "GET /status: $(cat "$tmp/body")"
code=$(legacy GET "/history&limit=5&action=backup_created&status=success" "${admin[@]}"); [ "$code" = 200 ] || fail "GET /history answered $code"
[ "$(keys '$d') $(keys '$d["entries"][0]')" = "entries,total id,blog_id,timestamp,action_type,status,details,metadata,user_id,ip_address,user_name" ] || fail "GET /history keys: $(cat "$tmp/body")"
[ "$(json '$d["total"] . " " . $d["entries"][0]["metadata"]["backup"]["filename"]' <"$tmp/body")" = "1 $archive" ] || fail "GET /history: $(cat "$tmp/body")"
code=$(legacy GET "/history&status=warning" "${admin[@]}"); [ "$code" = 400 ] || fail "status=warning answered $code, not 400 (the old enum)"
pass "GET /backups ($archive, the old item keys, pagination, X-Total-Count; per_page 101 refused), GET /backups/{id} (unknown 404, anonymous 401), DELETE /backups/{id} (subscriber 403, then 404 once deleted), GET /status and GET /history (filters; the old status enum) with the old keys"

# --- cron preview ---------------------------------------------------------------------------------
code=$(legacy POST /cron/preview "${admin[@]}" "${jsonpost[@]}" --data '{"expression":"*/15 * * * *"}'); [ "$code" = 200 ] || fail "POST /cron/preview answered $code: $(cat "$tmp/body")"
[ "$(keys '$d')" = "expression,next_runs,warnings,errors,severity,message,interval,timezone,impact" ] || fail "preview keys: $(cat "$tmp/body")"
[ "$(json 'count($d["next_runs"]) . " " . implode(",", array_keys($d["next_runs"][0])) . " " . $d["interval"]["min"] . " " . $d["impact"]["history_samples"] . " " . $d["impact"]["risk"]["level"]' <"$tmp/body")" = "5 timestamp,formatted,relative,iso 900 1 high" ] \
  || fail "preview of */15: $(cat "$tmp/body")"
[ "$(json '$d["next_runs"][1]["timestamp"] - $d["next_runs"][0]["timestamp"]' <"$tmp/body")" = 900 ] || fail "runs not 15 minutes apart"
code=$(legacy POST /cron/preview "${admin[@]}" "${jsonpost[@]}" --data '{"expression":"* * * * *"}')
[ "$code" = 400 ] && [ "$(json '$d["code"] . " " . count($d["data"]["details"])' <"$tmp/body")" = "invalid_schedule_cron 1" ] || fail "* * * * * answered $code: $(cat "$tmp/body")"
code=$(legacy POST /cron/preview "${admin[@]}" "${jsonpost[@]}" --data '{"expression":"61 * * * *"}')
[ "$code" = 400 ] && [ "$(json '$d["code"]' <"$tmp/body")" = invalid_schedule_cron ] || fail "61 * * * * answered $code: $(cat "$tmp/body")"
pass "POST /cron/preview: */15 with 5 runs 900 s apart, the old next_runs keys and impact (1 sample); * * * * * and 61 * * * * refused (400 invalid_schedule_cron)"

code=$(legacy GET /network/history "${admin[@]}"); [ "$code" = 404 ] || fail "GET /network/history on a single site answered $code, not 404"

# --- multisite: GET /network/history ------------------------------------------------------------
site_php make-network "127.0.0.1:$port" >"$tmp/network.json" || fail "make-network: $(cat "$tmp/network.json")"
network_defines="define('MULTISITE', true); define('SUBDOMAIN_INSTALL', false); define('DOMAIN_CURRENT_SITE', '127.0.0.1:$port'); define('PATH_CURRENT_SITE', '/'); define('SITE_ID_CURRENT_SITE', 1); define('BLOG_ID_CURRENT_SITE', 1);"
sed -i "s|^if (!defined('ABSPATH'))|$network_defines\n&|" "$site/wp-config.php"
site_php add-sites "$reader_pw" >"$tmp/sites.json" || fail "add-sites: $(cat "$tmp/sites.json")"
super=(-u "admin:$(json '$d["super_password"]' <"$tmp/sites.json")")
siteadmin=(-u "siteadmin:$(json '$d["site_admin_password"]' <"$tmp/sites.json")")
"$root/bin/bjlg" --wp="$site" --url="$base/site2/" backup >/dev/null || fail "site 2's backup"
code=$(legacy GET "/network/history&period=day" "${super[@]}"); [ "$code" = 200 ] || fail "GET /network/history answered $code: $(cat "$tmp/body")"
[ "$(keys '$d') $(keys '$d["totals"]') $(keys '$d["sites"][0]')" = "totals,sites total_actions,successful,failed blog_id,total_actions,successful,failed,last_activity,last_entry" ] \
  || fail "GET /network/history keys: $(cat "$tmp/body")"
[ "$(json 'implode(",", array_column($d["sites"], "blog_id")) . " " . $d["sites"][1]["last_entry"]["action_type"] . " " . $d["sites"][0]["total_actions"]' <"$tmp/body")" = "2,1 backup_deleted 2" ] || fail "GET /network/history: $(cat "$tmp/body")"
code=$(legacy GET "/network/history&blog_id=1" "${super[@]}"); [ "$(json 'implode(",", array_column($d["sites"], "blog_id"))' <"$tmp/body")" = 1 ] || fail "blog_id=1: $(cat "$tmp/body")"
code=$(legacy GET /network/history "${siteadmin[@]}"); [ "$code" = 403 ] || fail "a site administrator's GET /network/history answered $code, not 403"
code=$(legacy GET /network/history); [ "$code" = 401 ] || fail "anonymous GET /network/history answered $code, not 401"
pass "multisite: GET /network/history (sites 2 then 1, site 2 its backup and verification, the old summary keys, blog_id filter) for a super admin; a site administrator 403, anonymous 401 (404 on a single site)"
echo "run-e2e-legacy: all passed"
