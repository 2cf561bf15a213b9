#!/usr/bin/env bash
# End to end, the site's policy as YAML (docs/policy.md) on a real WordPress (start-site.sh): a
# schedule and a destination holding a secret set the way a user sets them, then `bin/bjlg --wp
# policy export` (the secret only as a reference), the file edited, `policy import --dry-run`
# (what changes, nothing written), `policy import --yes` (the site now runs the imported
# schedule: its WP-Cron event is at the new time, the secret kept), an inlined secret refused
# with its line (CLI and REST), and GET/POST /bjlg/v1/policy with their permissions.
set -euo pipefail
site_test_name=run-e2e-policy
source "$(dirname "$0")/start-site.sh"
bjlg() { "$root/bin/bjlg" --wp="$site" --url="$base" "$@"; }
# PHP inside the site, for what the test sets up or inspects directly.
wp_eval() {
  "${php_ext[@]}" -r '$_SERVER["HTTP_HOST"] = getenv("BJLG_E2E_HOST"); $_SERVER["REQUEST_URI"] = "/";
    require $argv[1] . "/wp-load.php"; echo json_encode(eval($argv[2]), JSON_UNESCAPED_SLASHES), "\n";' "$site" "$1"
}
secret="e2e-secret-$port"

# --- the site as a user set it up -----------------------------------------------------------
site_php timezone UTC >/dev/null
bjlg schedule set "0 3 * * *" >/dev/null || fail "schedule set failed"
wp_eval "update_option('bjlg_destinations', [['name' => 'nas', 'type' => 'webdav', 'url' => 'https://dav.example.org/backups', 'username' => 'backup', 'password' => '$secret']]); return true;" >/dev/null
wp_eval "update_option('bjlg_retention_policy', ['keep_daily' => 7]); return true;" >/dev/null

# --- export ---------------------------------------------------------------------------------
bjlg policy export --out="$tmp/policy.yaml" >/dev/null || fail "policy export failed"
grep -q 'cron: 0 3 \* \* \*' "$tmp/policy.yaml" || fail "the export has no schedule 0 3 * * *: $(cat "$tmp/policy.yaml")"
grep -q 'password: {option: bjlg:destination:nas:password}' "$tmp/policy.yaml" || fail "the destination's password is not a reference: $(cat "$tmp/policy.yaml")"
grep -q "$secret" "$tmp/policy.yaml" && fail "the export holds the secret"
bjlg policy export >"$tmp/stdout.yaml" || fail "policy export to stdout failed"
cmp -s "$tmp/policy.yaml" "$tmp/stdout.yaml" || fail "--out and stdout differ"
pass "bjlg --wp policy export: the schedule, the destination with its password as a reference, no secret"

# --- edit, dry run, import ------------------------------------------------------------------
sed -e 's/cron: 0 3 \* \* \*/cron: 30 2 * * */' -e 's/keep_daily: 7/keep_daily: 9/' "$tmp/policy.yaml" >"$tmp/edited.yaml"
printf 'targets:\n  rpo_hours: 24\n  rto_minutes: 60\n' >>"$tmp/edited.yaml"
bjlg policy import "$tmp/edited.yaml" >/dev/null 2>"$tmp/noyes.err" && fail "import without --yes or --dry-run ran"
grep -q -- '--yes' "$tmp/noyes.err" || fail "import without --yes: $(cat "$tmp/noyes.err")"
bjlg policy import "$tmp/edited.yaml" --dry-run >"$tmp/dry.txt" || fail "dry run failed: $(cat "$tmp/dry.txt")"
grep -q '^schedules: changed; changed Full backup$' "$tmp/dry.txt" || fail "dry run: $(cat "$tmp/dry.txt")"
grep -q '^destinations: unchanged$' "$tmp/dry.txt" || fail "dry run: $(cat "$tmp/dry.txt")"
grep -q '^retention: changed; changed keep_daily$' "$tmp/dry.txt" || fail "dry run: $(cat "$tmp/dry.txt")"
grep -q '^targets: changed; added rpo_hours, rto_minutes$' "$tmp/dry.txt" || fail "dry run: $(cat "$tmp/dry.txt")"
[ "$(site_php schedule | json '$d["custom_cron"]')" = "0 3 * * *" ] || fail "the dry run changed the schedule"
pass "policy import --dry-run: schedules, retention and targets changed, destinations unchanged; nothing written"

bjlg policy import "$tmp/edited.yaml" --yes >"$tmp/import.txt" || fail "import failed: $(cat "$tmp/import.txt")"
[ "$(site_php schedule | json '$d["custom_cron"]')" = "30 2 * * *" ] || fail "the schedule was not imported: $(site_php schedule)"
next=$(wp_eval "return wp_next_scheduled('bjlg_scheduled_backup', ['bjlg_schedule_default']);")
[ "$(date -u -d "@$next" +%H:%M)" = 02:30 ] || fail "the WP-Cron event is at $(date -u -d "@$next"), not the imported 02:30"
[ "$(wp_eval "return get_option('bjlg_destinations')[0]['password'] === '$secret';")" = true ] || fail "the destination's password was not kept"
[ "$(wp_eval "return get_option('bjlg_retention_policy')['keep_daily'];")" = 9 ] || fail "retention not imported"
[ "$(wp_eval "return get_option('bjlg_policy_targets');")" = '{"rpo_hours":24,"rto_minutes":60}' ] || fail "targets not imported"
bjlg policy export >"$tmp/after.yaml"
grep -q 'cron: 30 2 \* \* \*' "$tmp/after.yaml" || fail "the export after the import: $(cat "$tmp/after.yaml")"
pass "policy import --yes: the site's schedule is 30 2 * * * (next WP-Cron run $(date -u -d "@$next" '+%F %H:%M') UTC), the password kept, retention and targets written"

# --- refusals -------------------------------------------------------------------------------
sed -e "s|password: {option: bjlg:destination:nas:password}|password: hunter2-$port|" "$tmp/edited.yaml" >"$tmp/inlined.yaml"
line=$(grep -n "hunter2-$port" "$tmp/inlined.yaml" | cut -d: -f1)
bjlg policy import "$tmp/inlined.yaml" --yes >/dev/null 2>"$tmp/inlined.err" && fail "an inlined secret was imported"
grep -q "line $line, column 5: destination #0 'nas': key 'password' holds a secret written in the policy" "$tmp/inlined.err" \
  || fail "inlined secret: $(cat "$tmp/inlined.err")"
grep -q "hunter2" "$tmp/inlined.err" && fail "the refusal repeats the secret"
printf 'destinations:\n  - {name: nas, type: webdav, url: "https://dav.example.org/", password: {env: BJLG_E2E_UNSET_VARIABLE}}\n' >"$tmp/unset.yaml"
bjlg policy import "$tmp/unset.yaml" --yes >/dev/null 2>"$tmp/unset.err" && fail "an unresolvable reference was imported"
grep -q "names an environment variable that is not set" "$tmp/unset.err" || fail "unset reference: $(cat "$tmp/unset.err")"
[ "$(wp_eval "return get_option('bjlg_destinations')[0]['password'] === '$secret';")" = true ] || fail "a refused import wrote something"
pass "refused: an inlined secret (line $line, without the secret), a reference that does not resolve; nothing written"

# --- REST -----------------------------------------------------------------------------------
login() {  # cookie jar $1 for user $2 / password $3, prints the wp_rest nonce
  curl -s -o /dev/null -c "$1" -b "wordpress_test_cookie=WP%20Cookie%20check" "$base/wp-login.php" \
    --data-urlencode "log=$2" --data-urlencode "pwd=$3" --data-urlencode "testcookie=1"
  curl -s -b "$1" "$base/wp-admin/admin-ajax.php?action=rest-nonce"
}
rest() {  # method route [curl options...] -> body in $tmp/body, headers in $tmp/headers, prints the status
  local method=$1 route=$2; shift 2
  curl -s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X "$method" "$@" "$base/?rest_route=/bjlg/v1$route"
}
nonce=$(login "$tmp/admin.jar" admin "$admin_pw")
auth=(-b "$tmp/admin.jar" -H "X-WP-Nonce: $nonce")
reader_nonce=$(login "$tmp/reader.jar" reader "$reader_pw")
code=$(rest GET /policy); [ "$code" = 401 ] || fail "anonymous GET /policy answered $code"
code=$(rest POST /policy -b "$tmp/reader.jar" -H "X-WP-Nonce: $reader_nonce" --data-binary @"$tmp/edited.yaml"); [ "$code" = 403 ] || fail "subscriber POST /policy answered $code"
code=$(rest GET /policy "${auth[@]}"); [ "$code" = 200 ] || fail "GET /policy answered $code: $(cat "$tmp/body")"
grep -qi '^content-type: text/yaml' "$tmp/headers" || fail "GET /policy is not text/yaml: $(cat "$tmp/headers")"
cmp -s "$tmp/body" "$tmp/after.yaml" || fail "GET /policy differs from the CLI's export: $(cat "$tmp/body")"
code=$(rest GET '/policy&format=json' "${auth[@]}"); [ "$code" = 200 ] || fail "GET /policy?format=json answered $code"
[ "$(json '$d["destinations"][0]["password"]["option"]' <"$tmp/body")" = "bjlg:destination:nas:password" ] || fail "JSON export: $(cat "$tmp/body")"
sed -e 's/cron: 30 2 \* \* \*/cron: 45 1 * * */' "$tmp/after.yaml" >"$tmp/rest.yaml"
code=$(rest POST '/policy&dry_run=true' "${auth[@]}" -H 'Content-Type: text/yaml' --data-binary @"$tmp/rest.yaml"); [ "$code" = 200 ] || fail "POST /policy dry run answered $code: $(cat "$tmp/body")"
[ "$(json '$d["applied"] ? "yes" : "no"' <"$tmp/body")" = no ] || fail "dry run applied: $(cat "$tmp/body")"
[ "$(site_php schedule | json '$d["custom_cron"]')" = "30 2 * * *" ] || fail "the REST dry run changed the schedule"
code=$(rest POST /policy "${auth[@]}" -H 'Content-Type: text/yaml' --data-binary @"$tmp/rest.yaml"); [ "$code" = 200 ] || fail "POST /policy answered $code: $(cat "$tmp/body")"
[ "$(site_php schedule | json '$d["custom_cron"]')" = "45 1 * * *" ] || fail "POST /policy did not import the schedule"
code=$(rest POST /policy "${auth[@]}" -H 'Content-Type: text/yaml' --data-binary @"$tmp/inlined.yaml"); [ "$code" = 400 ] || fail "an inlined secret over REST answered $code"
[ "$(json '$d["code"]' <"$tmp/body")" = bjlg_policy_invalid ] || fail "inlined secret over REST: $(cat "$tmp/body")"
json '$d["message"]' <"$tmp/body" | grep -q "^policy line $line, column 5: destination #0 'nas': key 'password' holds a secret" || fail "REST refusal: $(cat "$tmp/body")"
grep -q hunter2 "$tmp/body" && fail "the REST refusal repeats the secret"
code=$(rest POST /policy "${auth[@]}" -H 'Content-Type: text/yaml' --data-binary @"$tmp/unset.yaml"); [ "$code" = 400 ] || fail "an {env:} reference over REST answered $code"
[ "$(json '$d["code"]' <"$tmp/body")" = bjlg_policy_refused ] || fail "{env:} over REST: $(cat "$tmp/body")"
json '$d["message"]' <"$tmp/body" | grep -q "references are resolved only by .bjlg --wp policy import. on the server" || fail "{env:} over REST: $(cat "$tmp/body")"
pass "REST: GET /policy (text/yaml, as the CLI's export; ?format=json), POST dry run and import, an inlined secret 400 at line $line, an {env:} reference 400 (the server's, not REST's); anonymous 401, subscriber 403"
echo "run-e2e-policy: all checks passed"
