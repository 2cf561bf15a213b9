#!/usr/bin/env bash
# The admin screens (wordpress/bjlg/admin) in Debian's Chromium driven by Playwright, on the same
# real WordPress as run-e2e.sh (tests/wordpress/start-site.sh): two archives (one verified after
# it was written, a tampered copy never verified), a failed backup after them (its history row),
# a schedule in Europe/Paris, an administrator
# with the French locale; a local destination with archives and usage samples, incidents and
# notification channels (tests/wordpress/admin-site.php). Screenshots go to build/admin-screens/. Needs the bundle built
# (make admin). When Chromium cannot start, says so and skips (exit 0).
set -euo pipefail
admin=$(cd "$(dirname "$0")/../../wordpress/bjlg/admin" && pwd)
chromium=${BJLG_CHROMIUM:-/usr/bin/chromium}
[ -f "$admin/build/index.asset.php" ] || { echo "run-admin: the bundle is not built: run 'make admin'" >&2; exit 1; }
(cd "$admin" && node --test tests/translations.test.js) || { echo "run-admin: FAIL: French translations" >&2; exit 1; }
if ! (cd "$admin" && timeout 60 node -e '
    require("playwright-core").chromium.launch({ executablePath: process.argv[1] })
      .then((b) => b.close(), (e) => { console.error(e.message.split("\n")[0]); process.exit(1); });' "$chromium") 2>"/tmp/run-admin-chromium.$$"; then
  echo "run-admin: SKIPPED: Chromium ($chromium) cannot start: $(head -c 300 "/tmp/run-admin-chromium.$$")"
  rm -f "/tmp/run-admin-chromium.$$"
  exit 0
fi
rm -f "/tmp/run-admin-chromium.$$"

site_test_name=run-admin
source "$(dirname "$0")/start-site.sh"

# The archives: a backup verified after it was written, and a tampered copy of it.
site_php timezone Europe/Paris >/dev/null
site_php avatars-off >/dev/null
"$root/bin/bjlg" --wp="$site" --url="$base" backup --format=json >"$tmp/backup.json" || fail "bjlg --wp backup failed"
good_path=$(json '$d["path"]' <"$tmp/backup.json")
tampered=backup-full-20200101-000000-tamper.zip
cp "$good_path" "$(dirname "$good_path")/$tampered"
printf 'TAMPERED' | dd of="$(dirname "$good_path")/$tampered" bs=1 seek=$(( $(stat -c %s "$good_path") / 2 )) conv=notrunc status=none
"$root/bin/bjlg" --wp="$site" --url="$base" schedule set '30 2 * * *' >/dev/null || fail "schedule set failed"
site_php failed-backup "no space left on device (test)" >/dev/null || fail "no failure row"
site_php french-admin "$admin_pw-fr" >/dev/null || fail "no French administrator"
pass "site ready: $(basename "$good_path") and $tampered, then a failed backup; schedule 30 2 * * * in Europe/Paris"
# The storage and incident screens' data (tests/wordpress/admin-site.php): a local destination
# with six archives and 30 days of usage samples, a retention policy keeping two; two channels
# (a webhook to this site, a Slack hook on a closed port), an open incident and a resolved one.
site_admin() { "${php_ext[@]}" "$root/tests/wordpress/admin-site.php" "$site" "$@"; }
storage_dir=$tmp/local-destination
site_admin storage "$storage_dir" >"$tmp/storage.json" || fail "no local destination"
site_admin incidents "$base/?bjlg-e2e-receiver=1" >"$tmp/incidents.json" || fail "no incidents"
pass "local destination with $(ls "$storage_dir" | wc -l) archives and 30 usage samples; $(json '$d["incidents"]' <"$tmp/incidents.json") incidents"

# The new routes' refusals and what they never show, with an application password.
app_pw=$(site_php app-password)
rest() {  # METHOD ROUTE [curl args]: the status; the body in $tmp/body
  local method=$1 route=$2; shift 2
  curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$@" "$base/?rest_route=/bjlg/v1$route"
}
expect_rest() {  # STATUS CODE METHOD ROUTE [curl args]
  local want=$1 code=$2 got; shift 2
  got=$(rest "$@")
  [ "$got" = "$want" ] && grep -q "\"code\":\"$code\"" "$tmp/body" || fail "$* answered $got $(head -c 300 "$tmp/body"), not $want $code"
}
expect_rest 401 rest_forbidden GET /storage
expect_rest 401 rest_forbidden POST /incidents/x/acknowledge
expect_rest 400 rest_invalid_param POST /storage/purge -u "admin:$app_pw" --data plan_id=zz
expect_rest 404 bjlg_purge_plan_not_found POST /storage/purge -u "admin:$app_pw" --data plan_id=0123456789abcdef
expect_rest 404 bjlg_incident_not_found POST /incidents/bjlg_inc_nope/acknowledge -u "admin:$app_pw"
open_id=$(json '$d["open"]' <"$tmp/incidents.json")
expect_rest 400 bjlg_note_required POST "/incidents/$open_id/resolve" -u "admin:$app_pw" --data-urlencode 'note=   '
past_id=$(json '$d["past"]' <"$tmp/incidents.json")
expect_rest 409 bjlg_incident_closed POST "/incidents/$past_id/acknowledge" -u "admin:$app_pw"
[ "$(rest GET /destinations -u "admin:$app_pw")" = 200 ] && grep -q '"name":"local-disk","type":"local"' "$tmp/body" \
  && ! grep -q "$storage_dir" "$tmp/body" || fail "GET /destinations: $(head -c 300 "$tmp/body")"
[ "$(rest GET /incidents -u "admin:$app_pw")" = 200 ] && ! grep -q -e e2e-secret -e '"policy"' "$tmp/body" \
  || fail "GET /incidents shows a secret or the policy"
pass "storage and incident routes: 401 anonymous, 400/404/409 with their codes; no path, secret or policy shown"
# The restore proofs' and the action plans' routes (class-rest-proofs.php,
# class-rest-incident-actions.php): refusals with their codes, the RPO of the verified archive.
expect_rest 401 rest_forbidden GET /rpo
expect_rest 401 rest_forbidden POST "/incidents/$open_id/actions" --data title=x
expect_rest 404 bjlg_verification_not_found GET "/backups/$tampered/verification" -u "admin:$app_pw"
expect_rest 400 rest_invalid_param GET /backups/wp-config.php/verification -u "admin:$app_pw"
expect_rest 400 bjlg_owner_unknown POST "/incidents/$open_id/actions" -u "admin:$app_pw" --data title=x --data owner=nobody
expect_rest 400 bjlg_invalid_due_date POST "/incidents/$open_id/actions" -u "admin:$app_pw" --data title=x --data due_date=2026-02-30
expect_rest 400 rest_invalid_param POST "/incidents/$open_id/actions" -u "admin:$app_pw" --data title=x --data due_date=tomorrow
expect_rest 404 bjlg_action_not_found POST "/incidents/$open_id/actions/a99" -u "admin:$app_pw" --data status=done
expect_rest 404 bjlg_incident_not_found POST /incidents/bjlg_inc_nope/actions -u "admin:$app_pw" --data title=x
[ "$(rest GET "/backups/$(basename "$good_path")/verification" -u "admin:$app_pw")" = 200 ] \
  && [ "$(json '$d["status"] . " " . $d["archive"]' <"$tmp/body")" = "passed $(basename "$good_path")" ] \
  || fail "GET /backups/NAME/verification: $(head -c 300 "$tmp/body")"
[ "$(rest GET /rpo -u "admin:$app_pw")" = 200 ] \
  && [ "$(json '$d["state"] . " " . $d["last_good"]["name"] . " " . $d["target"]["seconds"] . " " . $d["target"]["source"]' <"$tmp/body")" = "ok $(basename "$good_path") 86400 default" ] \
  && ! grep -q "$(dirname "$good_path")" "$tmp/body" || fail "GET /rpo: $(head -c 300 "$tmp/body")"
[ "$(rest GET /incidents/owners -u "admin:$app_pw")" = 200 ] && grep -q '"login":"gestionnaire"' "$tmp/body" && grep -q '"login":"admin"' "$tmp/body" \
  && ! grep -q -e '"login":"reader"' -e user_pass -e user_email "$tmp/body" || fail "GET /incidents/owners: $(head -c 300 "$tmp/body")"
pass "proof and action-plan routes: 401 anonymous, 400/404 with their codes; the stored verification report; RPO ok (default target 24 h); owners are the administrators"

shots=$root/build/admin-screens
mkdir -p "$shots"
export BJLG_ADMIN_BASE=$base BJLG_ADMIN_USER=admin BJLG_ADMIN_PASSWORD=$admin_pw BJLG_ADMIN_FR_PASSWORD=$admin_pw-fr \
  BJLG_ADMIN_GOOD=$(basename "$good_path") BJLG_ADMIN_TAMPERED=$tampered \
  BJLG_ADMIN_SHOTS=$shots BJLG_CHROMIUM=$chromium BJLG_ADMIN_STORAGE=$storage_dir
if ! (cd "$admin" && npx --no-install playwright test -c tests/playwright.config.js); then
  kill -0 "$server_pid" 2>/dev/null || echo "run-admin: php -S ($server_pid) is no longer running" >&2
  fail "Playwright tests failed (server log below)"
fi

# Last, the site becomes a network of three (as run-e2e.sh does) for the Network screen
# (admin/tests/network.spec.js, skipped in the run above).
site_php make-network "127.0.0.1:$port" >"$tmp/network.json" || fail "make-network: $(cat "$tmp/network.json")"
network_defines="define('MULTISITE', true); define('SUBDOMAIN_INSTALL', false); define('DOMAIN_CURRENT_SITE', '127.0.0.1:$port'); define('PATH_CURRENT_SITE', '/'); define('SITE_ID_CURRENT_SITE', 1); define('BLOG_ID_CURRENT_SITE', 1);"
sed -i "s|^if (!defined('ABSPATH'))|$network_defines\n&|" "$site/wp-config.php"
site_php add-sites "$reader_pw" >"$tmp/sites.json" || fail "add-sites: $(cat "$tmp/sites.json")"
pass "the site is now a network of three sites"
if ! (cd "$admin" && BJLG_ADMIN_NETWORK=1 BJLG_ADMIN_SITEADMIN_PASSWORD=$reader_pw \
    npx --no-install playwright test -c tests/playwright.config.js network.spec.js); then
  kill -0 "$server_pid" 2>/dev/null || echo "run-admin: php -S ($server_pid) is no longer running" >&2
  fail "Playwright network tests failed (server log below)"
fi
echo "run-admin: all admin screen checks passed; screenshots in ${shots#"$root"/}"
