#!/usr/bin/env bash
# End to end, the plugin's operations on a real site (the set-up of tests/wordpress/start-site.sh):
# several schedule entries (REST /schedules, presets, an overlap warning) run by WP-Cron after an
# hour without it (each entry's missed runs recorded, each due one backed up); GET /jobs and the
# commands jobs, quota, forecast, purge (dry run, then --yes) and notify in JSON; a failed backup
# opening an incident that the next successful backup resolves; history rows and job records
# past their retention removed by the scheduler's tick; the event triggers (a backup before a
# plugin is installed by WordPress's upgrader, content changes grouped into a queued backup).
set -euo pipefail
site_test_name=run-e2e-ops
source "$(dirname "$0")/start-site.sh"
ops() { "${php_ext[@]}" "$root/tests/wordpress/ops-site.php" "$site" "$@"; }
wp() { "$root/bin/bjlg" --wp="$site" --url="$base" "$@"; }
app_pw=$(site_php app-password)
rest() {  # method route [curl options...] -> body in $tmp/body, prints the status code
  local method=$1 route=$2; shift 2
  curl -s -o "$tmp/body" -w '%{http_code}' -u "admin:$app_pw" -X "$method" "$@" "$base/?rest_route=/bjlg/v1$route"
}
site_php timezone Europe/Paris >/dev/null
site_php verify-after-backup off >/dev/null

# --- several schedules -------------------------------------------------------------------
code=$(rest GET /schedules); [ "$code" = 200 ] || fail "GET /schedules answered $code: $(cat "$tmp/body")"
[ "$(json '$d["schedules"][0]["id"] . " " . var_export($d["schedules"][0]["enabled"], true)' <"$tmp/body")" = "bjlg_schedule_default false" ] \
  || fail "GET /schedules before any: $(cat "$tmp/body")"
expr='*/15 * * * *'
code=$(rest PUT /schedule -H 'Content-Type: application/json' --data "{\"expression\":\"$expr\"}"); [ "$code" = 200 ] || fail "PUT /schedule answered $code: $(cat "$tmp/body")"
code=$(rest POST /schedules -H 'Content-Type: application/json' --data '{"name":"Every five minutes","recurrence":"every_five_minutes"}')
[ "$code" = 201 ] || fail "POST /schedules answered $code: $(cat "$tmp/body")"
second=$(json '$d["schedule"]["id"]' <"$tmp/body")
[ "$(json '$d["schedule"]["cron"]' <"$tmp/body")" = '*/5 * * * *' ] || fail "the preset's cron: $(cat "$tmp/body")"
json 'implode(",", array_column($d["warnings"], "code"))' <"$tmp/body" | grep overlap >/dev/null || fail "no overlap warning beside */15: $(cat "$tmp/body")"
code=$(rest POST /schedules -H 'Content-Type: application/json' --data '{"name":"Weekly","recurrence":"weekly","day":"friday","time":"03:30"}')
[ "$code" = 201 ] || fail "POST /schedules (weekly) answered $code: $(cat "$tmp/body")"
third=$(json '$d["schedule"]["id"]' <"$tmp/body")
[ "$(json '$d["schedule"]["cron"] . " " . substr($d["schedule"]["next_runs"][0], 11, 8) . " " . (new DateTimeImmutable($d["schedule"]["next_runs"][0]))->format("l")' <"$tmp/body")" = "30 3 * * 5 03:30:00 Friday" ] \
  || fail "weekly friday 03:30 in Paris: $(cat "$tmp/body")"
code=$(rest POST /schedules -H 'Content-Type: application/json' --data '{"name":"Too often","cron":"* * * * *"}')
[ "$code" = 400 ] && [ "$(json '$d["code"]' <"$tmp/body")" = bjlg_cron_refused ] || fail "* * * * * answered $code: $(cat "$tmp/body")"
code=$(rest POST /schedules -H 'Content-Type: application/json' --data '{"recurrence":"monthly","day_of_month":30}')
[ "$code" = 400 ] && [ "$(json '$d["code"]' <"$tmp/body")" = bjlg_schedule_invalid ] || fail "day_of_month 30 answered $code: $(cat "$tmp/body")"
code=$(rest PATCH "/schedules/$third" -H 'Content-Type: application/json' --data '{"enabled":false}')
[ "$code" = 200 ] && [ "$(json 'var_export($d["schedule"]["enabled"], true) . " " . var_export($d["schedule"]["next_event"], true)' <"$tmp/body")" = "false NULL" ] \
  || fail "pausing the weekly entry answered $code: $(cat "$tmp/body")"
code=$(rest DELETE "/schedules/$third"); [ "$code" = 200 ] || fail "DELETE answered $code"
code=$(rest GET "/schedules/$third"); [ "$code" = 404 ] || fail "a deleted entry answered $code, not 404"
code=$(rest GET /schedules -u "admin:wrong wrong"); [ "$code" = 401 ] || fail "a wrong password listed the schedules ($code)"
wp schedule list --format=json >"$tmp/entries.json" || fail "schedule list"
[ "$(json 'implode(" ", array_column($d["schedules"], "cron"))' <"$tmp/entries.json")" = '*/15 * * * * */5 * * * *' ] \
  || fail "schedule list: $(cat "$tmp/entries.json")"
pass "schedules: the default entry by PUT /schedule, a preset entry (every_five_minutes, overlap warning), a weekly one (Friday 03:30 Paris) paused then deleted (404 after); * * * * * and day 30 refused (400)"

ops age-entries 3600 >/dev/null      # no page requested for an hour
curl -s -o /dev/null --max-time 120 "$base/wp-cron.php"   # both entries' events are due
site_php history >"$tmp/history.json"
missed() { json 'implode(",", array_map(fn($r) => $r["metadata"]["missed"], array_values(array_filter($d, fn($r) => $r["action_type"] === "schedule_missed" && $r["metadata"]["schedule_id"] === "'"$1"'"))))' <"$tmp/history.json"; }
m1=$(missed bjlg_schedule_default); m2=$(missed "$second")
case "$m1" in 3|4) ;; *) fail "missed runs of the */15 entry: '$m1'" ;; esac
case "$m2" in 11|12) ;; *) fail "missed runs of the */5 entry: '$m2'" ;; esac
[ "$(json 'implode(" ", array_map(fn($r) => $r["metadata"]["schedule_id"] === "bjlg_schedule_default" ? "default" : "second", array_values(array_filter($d, fn($r) => $r["action_type"] === "scheduled_backup"))))' <"$tmp/history.json" | tr ' ' '\n' | sort | tr '\n' ' ')" = "default second " ] \
  || fail "each entry's due run was not backed up once: $(grep -c scheduled_backup "$tmp/history.json")"
[ "$(json 'count(array_filter($d, fn($r) => $r["action_type"] === "backup_created" && $r["metadata"]["source"] === "schedule" && $r["status"] === "success"))' <"$tmp/history.json")" = 2 ] \
  || fail "two scheduled backups expected"
code=$(rest GET /schedules)
[ "$(json 'implode(" ", array_map(fn($e) => $e["missed_total"] . ($e["next_event"] > time() ? "+armed" : "-"), $d["schedules"]))' <"$tmp/body")" = "$m1+armed $m2+armed" ] \
  || fail "the entries after the tick: $(cat "$tmp/body")"
pass "an hour without WP-Cron, two entries: $m1 and $m2 missed runs recorded per entry (schedule_missed with its schedule_id), each due run backed up, both re-armed"

# --- jobs ----------------------------------------------------------------------------------
code=$(rest GET "/jobs&type=backup&state=done&limit=2"); [ "$code" = 200 ] || fail "GET /jobs answered $code: $(cat "$tmp/body")"
[ "$(json '$d["count"] . " " . implode(",", array_unique(array_column($d["jobs"], "state")))' <"$tmp/body")" = "2 done" ] || fail "GET /jobs: $(cat "$tmp/body")"
code=$(rest GET "/jobs&state=finished"); [ "$code" = 400 ] || fail "an unknown state answered $code, not 400"
wp jobs --format=json --fields=id,type,state --type=backup >"$tmp/jobs.json" || fail "jobs"
[ "$(json 'count($d) . " " . implode(",", array_keys($d[0]))' <"$tmp/jobs.json")" = "2 id,type,state" ] || fail "jobs --format=json: $(cat "$tmp/jobs.json")"
wp jobs --state=nope 2>"$tmp/jobs.err" && fail "jobs --state=nope was accepted"
[ "$(wp jobs --state=nope 2>/dev/null; echo $?)" = 2 ] || fail "jobs --state=nope: not a usage error"
pass "GET /jobs (type, state, limit filters; an unknown state 400) and jobs --format=json --fields (usage error exit 2)"

# --- quota, forecast, purge, notify ---------------------------------------------------------
"${php_ext[@]}" "$root/tests/wordpress/admin-site.php" "$site" storage "$tmp/destination" >/dev/null || fail "no destination"
# Two channels (a webhook to this site, a Slack hook on a closed port) and two test incidents.
"${php_ext[@]}" "$root/tests/wordpress/admin-site.php" "$site" incidents "$base/?bjlg-e2e-receiver=1" >/dev/null || fail "no channels"
wp quota --format=json >"$tmp/quota.json" || fail "quota: $(cat "$tmp/quota.json")"
[ "$(json '$d[0]["name"] . " " . ($d[0]["used_bytes"] > 0 ? "measured" : "no") . " " . $d[0]["errors"]' <"$tmp/quota.json")" = "local-disk measured " ] || fail "quota: $(cat "$tmp/quota.json")"
grep -q "$tmp/destination" "$tmp/quota.json" && fail "quota shows the destination's path"
wp forecast --format=json >"$tmp/forecast.json" || fail "forecast"
[ "$(json '$d[0]["destination"] . " " . $d[0]["risk_level"] . " " . ($d[0]["days_to_threshold"] > 5 && $d[0]["days_to_threshold"] < 15 ? "~10d" : $d[0]["days_to_threshold"]) . " " . ($d[0]["threshold_at_low"] <= $d[0]["threshold_at_high"] ? "interval" : "no")' <"$tmp/forecast.json")" = "local-disk warning ~10d interval" ] \
  || fail "forecast: $(cat "$tmp/forecast.json")"
ops incidents >"$tmp/incidents.json"
[ "$(json 'count(array_filter($d, fn($i) => $i["event"] === "storage_at_risk" && $i["status"] === "pending"))' <"$tmp/incidents.json")" = 1 ] || fail "quota opened no storage_at_risk incident"
wp purge --format=json >"$tmp/plan.json" || fail "purge (plan)"
[ "$(json 'implode(",", array_count_values(array_column($d, "action")))' <"$tmp/plan.json")" = "4,2" ] || fail "purge plan: $(cat "$tmp/plan.json")"
[ "$(ls "$tmp/destination" | grep -c '^backup-full')" = 6 ] || fail "the dry run deleted something"
wp purge --yes --format=json >"$tmp/purged.json" || fail "purge --yes: $(cat "$tmp/purged.json")"
[ "$(json 'implode(",", array_map(fn($r) => $r["action"], $d))' <"$tmp/purged.json")" = "deleted,deleted,deleted,deleted,keep,keep" ] || fail "purge --yes: $(cat "$tmp/purged.json")"
[ "$(ls "$tmp/destination" | grep -c '^backup-full')" = 2 ] || fail "purge --yes left $(ls "$tmp/destination")"
wp notify test site-webhook --format=json >"$tmp/notify.json" || fail "notify test: $(cat "$tmp/notify.json")"
[ "$(json '$d[0]["channel"] . " " . $d[0]["status"] . " " . $d[0]["http_code"] . " " . count($d)' <"$tmp/notify.json")" = "site-webhook sent 200 1" ] || fail "notify test: $(cat "$tmp/notify.json")"
grep -q e2e-secret "$tmp/notify.json" && fail "notify shows a channel's secret"
wp notify test closed-port --format=json >"$tmp/notify-closed.json" && fail "a failed test message exited 0"
[ "$(json '$d[0]["status"] . " " . $d[0]["error_code"]' <"$tmp/notify-closed.json")" = "failed unreachable" ] || fail "notify test closed-port: $(cat "$tmp/notify-closed.json")"
[ "$(wp notify test nope >/dev/null 2>&1; echo $?)" = 2 ] || fail "an unknown channel is not a usage error"
wp notify due --format=json >"$tmp/due.json" || true   # a reminder to the closed port fails (exit 1)
json 'is_array($d) ? "list" : "no"' <"$tmp/due.json" | grep list >/dev/null || fail "notify due: $(cat "$tmp/due.json")"
pass "quota (measured, no path, a storage_at_risk incident), forecast (warning, ~10 days, its interval), purge (plan 4 delete/2 keep, nothing deleted; --yes deleted 4), notify test (sent 200; closed port failed, exit 1; unknown channel exit 2), notify due"

# --- incidents of failed backups ------------------------------------------------------------
ops fail-backups on >/dev/null
wp backup 2>"$tmp/failed.err" && fail "a backup into an impossible folder succeeded"
ops incidents >"$tmp/incidents.json"
[ "$(json 'implode(" ", array_map(fn($i) => $i["status"] . ":" . $i["severity"], array_values(array_filter($d, fn($i) => $i["event"] === "backup_failed" && $i["title"] === "Backups are failing"))))' <"$tmp/incidents.json")" = "pending:critical" ] \
  || fail "a failed backup opened no incident: $(cat "$tmp/incidents.json")"
grep -q 'cannot create the backups folder wp-content/uploads/blocker' "$tmp/incidents.json" || fail "the incident lacks its evidence: $(cat "$tmp/incidents.json")"
grep -q "$site" "$tmp/incidents.json" && fail "the incident shows a server path"
wp backup 2>/dev/null && fail "the second failing backup succeeded"
[ "$(ops incidents | json 'count(array_filter($d, fn($i) => $i["title"] === "Backups are failing"))')" = 1 ] || fail "a second failure opened a second incident"
ops fail-backups off >/dev/null
wp backup >/dev/null || fail "the backup after the failures failed"
ops incidents >"$tmp/incidents.json"
[ "$(json 'implode(" ", array_map(fn($i) => $i["status"], array_values(array_filter($d, fn($i) => $i["title"] === "Backups are failing"))))' <"$tmp/incidents.json")" = resolved ] \
  || fail "the next success did not resolve it: $(cat "$tmp/incidents.json")"
json 'implode("\n", array_column(array_values(array_filter($d, fn($i) => $i["title"] === "Backups are failing"))[0]["steps"], "summary"))' <"$tmp/incidents.json" | grep 'Resolved automatically: the next backup succeeded (backup-full-' >/dev/null \
  || fail "the timeline does not say it was resolved automatically: $(cat "$tmp/incidents.json")"
name=$(wp list --format=json | json '$d[0]["name"]')
cp "$site/wp-content/uploads/bjlg-backups/$name" "$site/wp-content/uploads/bjlg-backups/backup-full-20200101-000000-bad001.zip"
bad="$site/wp-content/uploads/bjlg-backups/backup-full-20200101-000000-bad001.zip"
printf 'TAMPERED' | dd of="$bad" bs=1 seek=$(( $(stat -c %s "$bad") / 2 )) conv=notrunc status=none
wp verify backup-full-20200101-000000-bad001.zip >/dev/null 2>&1 && fail "a tampered archive passed"
[ "$(ops incidents | json 'implode(" ", array_map(fn($i) => $i["status"], array_values(array_filter($d, fn($i) => $i["event"] === "verification_failed"))))')" = pending ] || fail "a failed verification opened no incident"
wp verify "$name" >/dev/null || fail "verify $name"
ops incidents >"$tmp/incidents.json"
[ "$(json 'implode(" ", array_map(fn($i) => $i["status"], array_values(array_filter($d, fn($i) => $i["event"] === "verification_failed"))))' <"$tmp/incidents.json")" = resolved ] || fail "a passed verification did not resolve it"
pass "failed backups open one critical incident (backup_failed, with the error, no server path), the next backup resolves it (the timeline says so); a failed verification opens one, the next passed verification resolves it"

# --- retention of history rows and job records ------------------------------------------------
ops old-records >"$tmp/old.json"
refs=$(json '"h" . $d["h_old"] . ",h" . $d["h_live"] . ",h" . $d["h_recent"] . ",j" . $d["j_old"] . ",j" . $d["j_recent"] . ",j" . $d["j_interrupted"]' <"$tmp/old.json")
[ "$(ops records "$refs" | json 'implode(",", array_map(fn($v) => $v ? 1 : 0, $d))')" = "1,1,1,1,1,1" ] || fail "the old records were not written"
wp schedule run >/dev/null 2>&1 || true    # the scheduler's tick (nothing due: the runs were just made)
[ "$(ops records "$refs" | json 'implode(",", array_map(fn($v) => $v ? 1 : 0, $d))')" = "0,1,1,0,1,1" ] \
  || fail "retention: $(ops records "$refs")"
pass "the scheduler's tick removed a 400-day history row and a 100-day finished job, kept an old row naming a live archive, recent ones and an interrupted job"

# --- event triggers --------------------------------------------------------------------------
ops triggers '{"version":2,"triggers":{"before_update":{"enabled":true},"database":{"enabled":true,"cooldown":0,"batch_window":3600,"max_batch":3}}}' >/dev/null
before=$(site_php history | json 'count(array_filter($d, fn($r) => $r["action_type"] === "backup_created" && $r["metadata"]["source"] === "event-before-update" && $r["status"] === "success"))')
ops install-plugin >"$tmp/install.json" || fail "the upgrader did not install the plugin: $(cat "$tmp/install.json")"
site_php history >"$tmp/history.json"
[ "$(json 'count(array_filter($d, fn($r) => $r["action_type"] === "backup_created" && $r["metadata"]["source"] === "event-before-update" && $r["status"] === "success"))' <"$tmp/history.json")" = $((before + 1)) ] \
  || fail "no backup before the plugin was installed"
grep -q 'a backup before updating' "$tmp/history.json" || fail "no event_trigger row for before_update"
ops posts 2 >/dev/null
[ "$(wp jobs --format=json --type=backup | json 'count(array_filter($d, fn($j) => $j["source"] === "event-database"))')" = 0 ] || fail "two changes (max_batch 3) queued a backup"
ops posts 1 >/dev/null
wp jobs --format=json --type=backup >"$tmp/queued.json"
[ "$(json 'count(array_filter($d, fn($j) => $j["source"] === "event-database"))' <"$tmp/queued.json")" = 1 ] || fail "the third change queued no backup: $(cat "$tmp/queued.json")"
queued=$(json 'array_values(array_filter($d, fn($j) => $j["source"] === "event-database"))[0]["id"]' <"$tmp/queued.json")
site_php history | grep 'Trigger database: 3 change(s) grouped; backup job '"$queued"' queued.' >/dev/null || fail "no event_trigger row for job $queued"
for _ in 1 2 3 4 5 6 7 8 9 10; do   # WP-Cron (spawn_cron may have started it already)
  curl -s -o /dev/null --max-time 120 "$base/wp-cron.php"
  [ "$(wp job "$queued" --format=json | json '$d["state"]')" = done ] && break
  sleep 1
done
[ "$(wp job "$queued" --format=json | json '$d["state"]')" = done ] || fail "WP-Cron did not run the queued backup: $(wp job "$queued" --format=json)"
pass "triggers: a backup before WordPress's upgrader installed a plugin (upgrader_pre_install); two content changes grouped, the third (max_batch 3) queued a backup that WP-Cron ran"
