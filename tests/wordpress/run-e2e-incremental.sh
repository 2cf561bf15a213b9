#!/usr/bin/env bash
# End to end, incremental backups on a real site (the set-up of tests/wordpress/start-site.sh):
# no incremental without a full backup first; a full backup, a file added, an incremental that
# holds only that file (and the dump) with its base in the history; a second incremental on the
# first (the chain full, inc1); restore tests of both pass over their chains; the full backup and
# the first incremental cannot be deleted while an incremental needs them.
set -euo pipefail
site_test_name=run-e2e-incremental
source "$(dirname "$0")/start-site.sh"
wp() { "$root/bin/bjlg" --wp="$site" --url="$base" "$@"; }
backups_dir=$site/wp-content/uploads/bjlg-backups
# The content entries of an archive (not the dump, the manifest or the index files).
content() { "${php_ext[@]}" -r '$r = Bjlg\Archive\Reader::open($argv[1]); $n = array_column($r->entries(), "name"); echo implode(",", array_values(array_filter($n, fn($e) => str_starts_with($e, "wp-content/")))), "\n";' "$backups_dir/$1"; }

rc=0; wp backup --incremental 2>"$tmp/none.err" >/dev/null || rc=$?
[ $rc = 1 ] && grep -q 'no earlier good backup' "$tmp/none.err" || fail "an incremental without a full backup: exit $rc, $(cat "$tmp/none.err")"
pass "no incremental without an earlier backup (exit 1, saying so)"

wp backup --format=json >"$tmp/full.json" || fail "full backup: $(cat "$tmp/full.json")"
full=$(json '$d["archive"]' <"$tmp/full.json")
[ "$(json '$d["type"]' <"$tmp/full.json")" = full ] && case "$full" in backup-full-*) ;; *) false ;; esac || fail "the full backup: $(cat "$tmp/full.json")"
sleep 1   # the change must be newer than the full backup's scan
echo "changed after the full backup" >"$site/wp-content/uploads/2026/12/new.txt"
wp backup --incremental --format=json >"$tmp/inc1.json" || fail "incremental: $(cat "$tmp/inc1.json")"
inc1=$(json '$d["archive"]' <"$tmp/inc1.json")
case "$inc1" in incremental-full-*) ;; *) fail "incremental name $inc1" ;; esac
[ "$(json '$d["type"] . " " . $d["base"]["filename"] . " " . implode(",", $d["chain"]) . " " . ($d["unchanged"] > 0 ? "unchanged" : "none")' <"$tmp/inc1.json")" = "incremental $full $full unchanged" ] \
  || fail "the incremental's result: $(cat "$tmp/inc1.json")"
[ "$(content "$inc1")" = "wp-content/uploads/2026/12/new.txt" ] || fail "the incremental holds $(content "$inc1"), not only the change"
[ "$(content "$full" | tr ',' '\n' | grep -c 'photo.jpg')" = 1 ] || fail "the full backup lacks photo.jpg"
site_php history >"$tmp/history.json"
[ "$(json '(fn($r) => $r["metadata"]["type"] . " " . $r["metadata"]["base"]["filename"] . " " . $r["metadata"]["base"]["history_id"] . " " . var_export($r["metadata"]["metrics"]["incremental"], true))(array_values(array_filter($d, fn($r) => $r["action_type"] === "backup_created"))[0])' <"$tmp/history.json")" \
  = "incremental $full $(json '$d["history_id"]' <"$tmp/full.json") true" ] || fail "the incremental's history row: $(head -c 2000 "$tmp/history.json")"
pass "full $full, a file added, incremental $inc1 holding only wp-content/uploads/2026/12/new.txt (the rest unchanged), its history row naming its base"

sleep 1
echo "second change" >"$site/wp-content/uploads/2026/12/second.txt"
rm "$site/wp-content/uploads/2026/12/new.txt"
wp backup --incremental --format=json >"$tmp/inc2.json" || fail "second incremental: $(cat "$tmp/inc2.json")"
inc2=$(json '$d["archive"]' <"$tmp/inc2.json")
[ "$(json '$d["base"]["filename"] . " " . implode(",", $d["chain"]) . " " . $d["deleted"]' <"$tmp/inc2.json")" = "$inc1 $full,$inc1 1" ] || fail "the second incremental: $(cat "$tmp/inc2.json")"
[ "$(content "$inc2")" = "wp-content/uploads/2026/12/second.txt" ] || fail "the second incremental holds $(content "$inc2")"
pass "a second incremental $inc2 on $inc1 (chain $full, $inc1; new.txt deleted, second.txt added)"

# --- REST: POST /bjlg/v1/backups type incremental, a schedule entry of type incremental ---------
app_pw=$(site_php app-password)
rest() {  # method route [curl options...] -> body in $tmp/body, prints the status code
  local method=$1 route=$2; shift 2
  curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$@" "$base/?rest_route=/bjlg/v1$route"
}
code=$(rest POST /backups -H 'Content-Type: application/json' --data '{"type":"incremental"}'); [ "$code" = 401 ] || fail "anonymous POST /backups answered $code, not 401"
code=$(rest POST /backups -u "admin:$app_pw" -H 'Content-Type: application/json' --data '{"type":"differential"}'); [ "$code" = 400 ] || fail "type differential answered $code, not 400"
sleep 1
echo "third change" >"$site/wp-content/uploads/2026/12/third.txt"
code=$(rest POST /backups -u "admin:$app_pw" -H 'Content-Type: application/json' --data '{"type":"incremental"}'); [ "$code" = 201 ] || fail "POST /backups type incremental answered $code: $(cat "$tmp/body")"
inc3=$(json '$d["archive"]' <"$tmp/body")
[ "$(json '$d["type"] . " " . $d["base"]["filename"] . " " . count($d["chain"])' <"$tmp/body")" = "incremental $inc2 3" ] || fail "POST /backups incremental: $(cat "$tmp/body")"
[ "$(content "$inc3")" = "wp-content/uploads/2026/12/third.txt" ] || fail "the REST incremental holds $(content "$inc3")"
code=$(rest POST /schedules -u "admin:$app_pw" -H 'Content-Type: application/json' --data '{"name":"Hourly incremental","recurrence":"hourly","type":"incremental"}')
[ "$code" = 201 ] && [ "$(json '$d["schedule"]["type"]' <"$tmp/body")" = incremental ] || fail "an incremental schedule entry answered $code: $(cat "$tmp/body")"
code=$(rest POST /schedules -u "admin:$app_pw" -H 'Content-Type: application/json' --data '{"recurrence":"hourly","type":"differential"}')
[ "$code" = 400 ] && [ "$(json '$d["code"]' <"$tmp/body")" = bjlg_schedule_invalid ] || fail "type differential in a schedule answered $code"
pass "POST /bjlg/v1/backups type incremental: 201, $inc3 on $inc2 holding only third.txt (anonymous 401, type differential 400); a schedule entry of type incremental (differential refused)"

wp restore-test "$inc2" --format=json >"$tmp/rt2.json" || fail "restore test of $inc2: $(cat "$tmp/rt2.json")"
[ "$(json '$d["status"]' <"$tmp/rt2.json")" = passed ] || fail "restore test of $inc2: $(cat "$tmp/rt2.json")"
wp restore-test "$inc1" --format=json >"$tmp/rt1.json" || fail "restore test of $inc1: $(cat "$tmp/rt1.json")"
[ "$(json '$d["status"]' <"$tmp/rt1.json")" = passed ] || fail "restore test of $inc1: $(cat "$tmp/rt1.json")"
site_php history >"$tmp/history.json"
[ "$(json 'implode(",", array_values(array_filter($d, fn($r) => $r["action_type"] === "restore_test"))[1]["metadata"]["chain"])' <"$tmp/history.json")" = "$full,$inc1" ] \
  || fail "the restore test's row does not name its chain"
grep -q "$backups_dir" "$tmp/rt2.json" && fail "the restore test's summary shows a server path"
pass "restore tests of $inc2 (over $full, $inc1) and $inc1 (over $full) passed, the chain in the history"

rc=0; wp delete "$full" --yes 2>"$tmp/delete.err" >/dev/null || rc=$?
[ $rc = 1 ] && [ -f "$backups_dir/$full" ] && grep -q "$inc1" "$tmp/delete.err" || fail "deleting the full backup an incremental needs: exit $rc, $(cat "$tmp/delete.err")"
rc=0; wp delete "$inc1" --yes 2>/dev/null >/dev/null || rc=$?
[ $rc = 1 ] && [ -f "$backups_dir/$inc1" ] || fail "deleting $inc1, which $inc2 needs: exit $rc"
wp delete "$inc3" --yes >/dev/null || fail "deleting the last incremental"
wp delete "$inc2" --yes >/dev/null || fail "deleting $inc2 once nothing needs it"
wp delete "$inc1" --yes >/dev/null || fail "deleting $inc1 once nothing needs it"
pass "the full backup and $inc1 kept while an incremental needs them (exit 1, naming it); deleted newest first"

# --- schedule add | edit | delete (the REST /schedules logic from the command line) ------------
wp schedule add --name="Nightly incremental" --recurrence=daily --time=03:30 --type=incremental --format=json >"$tmp/added.json" || fail "schedule add: $(cat "$tmp/added.json")"
added=$(json '$d["schedule"]["id"]' <"$tmp/added.json")
[ "$(json '$d["schedule"]["name"] . "|" . $d["schedule"]["cron"] . "|" . $d["schedule"]["type"] . "|" . var_export($d["schedule"]["enabled"], true)' <"$tmp/added.json")" = "Nightly incremental|30 3 * * *|incremental|true" ] \
  || fail "schedule add: $(cat "$tmp/added.json")"
wp schedule edit "$added" --enabled=false --type=full --format=json >"$tmp/edited.json" || fail "schedule edit: $(cat "$tmp/edited.json")"
[ "$(json '$d["schedule"]["type"] . " " . var_export($d["schedule"]["enabled"], true) . " " . var_export($d["schedule"]["next_event"], true)' <"$tmp/edited.json")" = "full false NULL" ] || fail "schedule edit: $(cat "$tmp/edited.json")"
rc=0; wp schedule add --cron="* * * * *" 2>"$tmp/refused.err" >/dev/null || rc=$?
[ $rc = 1 ] && [ -s "$tmp/refused.err" ] || fail "schedule add * * * * *: exit $rc, $(cat "$tmp/refused.err")"
wp schedule list --format=json | json 'implode("|", array_column($d["schedules"], "cron"))' | grep -qF '* * * * *' && fail "* * * * * was saved"
echo "  (refused: $(head -n1 "$tmp/refused.err"))"
rc=0; wp schedule add --recurrence=monthly --day-of-month=30 2>"$tmp/day.err" >/dev/null || rc=$?
[ $rc = 1 ] && grep -q day_of_month "$tmp/day.err" || fail "schedule add day 30: exit $rc, $(cat "$tmp/day.err")"
rc=0; wp schedule add --name=x 2>/dev/null >/dev/null || rc=$?; [ $rc = 2 ] || fail "schedule add without a recurrence: exit $rc, not 2"
rc=0; wp schedule edit "$added" 2>/dev/null >/dev/null || rc=$?; [ $rc = 2 ] || fail "schedule edit without a change: exit $rc, not 2"
wp schedule delete "$added" >"$tmp/deleted.txt" || fail "schedule delete"
grep -q "^deleted schedule entry $added$" "$tmp/deleted.txt" || fail "schedule delete: $(cat "$tmp/deleted.txt")"
rc=0; wp schedule delete "$added" 2>/dev/null || rc=$?; [ $rc = 1 ] || fail "deleting it again: exit $rc, not 1"
[ "$(wp schedule list --format=json | json 'implode(",", array_column($d["schedules"], "id"))' | grep -c "$added")" = 0 ] || fail "the deleted entry is still listed"
pass "schedule add (daily 03:30, incremental), edit (paused, full), delete (again: exit 1); * * * * * and day 30 refused (exit 1), no recurrence or no change a usage error (exit 2)"
echo "run-e2e-incremental: all passed"
