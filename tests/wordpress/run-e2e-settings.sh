#!/usr/bin/env bash
# End to end, the settings routes on a real site (the set-up of tests/wordpress/start-site.sh):
# PUT /settings/destinations, /settings/retention and /settings/notifications store what the
# extension accepts and refuse the rest with 400 and its reason (naming the field); GET shows
# secrets masked and a masked secret sent back is kept; a subscriber is refused (403), an
# anonymous caller too (401); then the commands use what was stored (`quota` measures the new
# destination, `notify test` reaches the new channel, `purge` plans with the new policy).
set -euo pipefail
site_test_name=run-e2e-settings
source "$(dirname "$0")/start-site.sh"
wp() { "$root/bin/bjlg" --wp="$site" --url="$base" "$@"; }
app_pw=$(site_php app-password)
rest() {  # method route [curl options...] -> body in $tmp/body, prints the status code
  local method=$1 route=$2; shift 2
  curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$@" "$base/?rest_route=/bjlg/v1$route"
}
admin() { local method=$1 route=$2; shift 2; rest "$method" "$route" -u "admin:$app_pw" -H 'Content-Type: application/json' "$@"; }
login() {  # cookie jar $1 for user $2 / password $3, prints the wp_rest nonce
  curl -s -o /dev/null -c "$1" -b "wordpress_test_cookie=WP%20Cookie%20check" "$base/wp-login.php" \
    --data-urlencode "log=$2" --data-urlencode "pwd=$3" --data-urlencode "testcookie=1"
  curl -s -b "$1" "$base/wp-admin/admin-ajax.php?action=rest-nonce"
}

# --- who may ------------------------------------------------------------------------------
for route in /settings/destinations /settings/retention /settings/notifications; do
  code=$(rest GET "$route"); [ "$code" = 401 ] || fail "anonymous GET $route answered $code, not 401"
  code=$(rest PUT "$route" -H 'Content-Type: application/json' --data '{}'); [ "$code" = 401 ] || fail "anonymous PUT $route answered $code, not 401"
done
reader_nonce=$(login "$tmp/reader.jar" reader "$reader_pw")
for route in /settings/destinations /settings/retention /settings/notifications; do
  code=$(rest GET "$route" -b "$tmp/reader.jar" -H "X-WP-Nonce: $reader_nonce"); [ "$code" = 403 ] || fail "subscriber GET $route answered $code, not 403"
  code=$(rest PUT "$route" -b "$tmp/reader.jar" -H "X-WP-Nonce: $reader_nonce" -H 'Content-Type: application/json' --data '{}')
  [ "$code" = 403 ] || fail "subscriber PUT $route answered $code, not 403"
done
pass "settings routes: anonymous 401, subscriber 403 (GET and PUT)"

# --- destinations ---------------------------------------------------------------------------
dest=$tmp/destination; mkdir -p "$dest"
for i in 1 2 3; do   # three archives named as the plugin names them, a day apart
  head -c 100000 /dev/urandom >"$dest/backup-full-$(date -u -d "-$i day" +%Y-%m-%d-%H-%M-%S)-$(printf '%013x%08d' "$i" "$i").zip"
done
code=$(admin GET /settings/destinations); [ "$code" = 200 ] && [ "$(json 'count($d["destinations"])' <"$tmp/body")" = 0 ] || fail "GET before any: $code $(cat "$tmp/body")"
s3='{"name":"offsite","type":"s3","bucket":"b","access_key":"AKIAEXAMPLE","secret_key":"e2e-very-secret-key-4321","endpoint":"http://127.0.0.1:9","path_style":true}'
code=$(admin PUT /settings/destinations --data "{\"destinations\":[{\"name\":\"disk\",\"type\":\"local\",\"path\":\"$dest\",\"quota_bytes\":\"lots\"}]}")
[ "$code" = 400 ] || fail "a string quota answered $code: $(cat "$tmp/body")"
[ "$(json '$d["code"] . "|" . $d["message"] . "|" . $d["data"]["item"] . "|" . $d["data"]["key"]' <"$tmp/body")" = "bjlg_destinations_refused|destination #0 'disk': key 'quota_bytes' must be an integer|0|quota_bytes" ] \
  || fail "the refusal's reason: $(cat "$tmp/body")"
grep -q bjlg-settings- "$tmp/body" && fail "the refusal names the temporary file"
code=$(admin PUT /settings/destinations --data '{"destinations":[{"name":"x","type":"s3","bucket":"b"}]}')
[ "$code" = 400 ] && [ "$(json '$d["data"]["key"]' <"$tmp/body")" = access_key ] || fail "s3 without its keys answered $code: $(cat "$tmp/body")"
code=$(admin PUT /settings/destinations --data '{"nothing":1}'); [ "$code" = 400 ] || fail "a body without destinations answered $code"
code=$(admin PUT /settings/destinations --data "{\"destinations\":[{\"name\":\"disk\",\"type\":\"local\",\"path\":\"$dest\",\"quota_bytes\":100000000},$s3]}")
[ "$code" = 200 ] || fail "valid destinations answered $code: $(cat "$tmp/body")"
code=$(admin GET /settings/destinations); [ "$code" = 200 ] || fail "GET answered $code"
cp "$tmp/body" "$tmp/destinations.json"
[ "$(json 'implode(",", array_column($d["destinations"], "name")) . " " . $d["destinations"][1]["secret_key"]' <"$tmp/destinations.json")" = "disk,offsite ••••4321" ] \
  || fail "GET /settings/destinations: $(cat "$tmp/destinations.json")"
grep -q e2e-very-secret "$tmp/destinations.json" && fail "GET shows the secret key"
# The answer sent back as it came (the mask in place of the secret), one key changed: kept.
json 'json_encode(["destinations" => array_map(fn($x) => $x["name"] === "offsite" ? ["prefix" => "site-a/"] + $x : $x, $d["destinations"])])' <"$tmp/destinations.json" >"$tmp/put.json"
code=$(admin PUT /settings/destinations --data-binary "@$tmp/put.json"); [ "$code" = 200 ] || fail "the masked answer sent back answered $code: $(cat "$tmp/body")"
"${php_ext[@]}" -r 'define("WP_USE_THEMES", false); $_SERVER["HTTP_HOST"] = getenv("BJLG_E2E_HOST"); require $argv[1] . "/wp-load.php"; $o = get_option("bjlg_destinations"); echo $o[1]["secret_key"], " ", $o[1]["prefix"], "\n";' "$site" >"$tmp/stored.txt"
[ "$(cat "$tmp/stored.txt")" = "e2e-very-secret-key-4321 site-a/" ] || fail "the stored secret after the mask was sent back: $(cat "$tmp/stored.txt")"
pass "PUT /settings/destinations: a string quota and an s3 without keys refused (400, the extension's reason and key), a local and an s3 stored; GET masks the secret (••••4321); the mask sent back keeps it"

wp quota --format=json >"$tmp/quota.json" || true   # the s3 endpoint is a closed port: exit 1
[ "$(json '$d[0]["name"] . " " . ($d[0]["used_bytes"] >= 300000 ? "measured" : "no") . " " . $d[0]["quota_bytes"] . " " . $d[1]["name"] . " " . ($d[1]["errors"] === "" ? "no-error" : "error")' <"$tmp/quota.json")" = "disk measured 100000000 offsite error" ] \
  || fail "quota after PUT: $(cat "$tmp/quota.json")"
grep -q e2e-very-secret "$tmp/quota.json" && fail "quota shows the secret"
pass "bjlg --wp quota measures the destination stored by PUT (disk: 300 kB of 100 MB; offsite: its error)"

# --- retention --------------------------------------------------------------------------------
code=$(admin PUT /settings/retention --data '{"policy":{"keep_daily":-1}}')
[ "$code" = 400 ] && [ "$(json '$d["code"] . "|" . $d["message"] . "|" . $d["data"]["key"]' <"$tmp/body")" = 'bjlg_retention_refused|key "keep_daily" must be an integer between 0 and 1000000, -1 given|keep_daily' ] \
  || fail "keep_daily -1 answered $code: $(cat "$tmp/body")"
code=$(admin PUT /settings/retention --data '{"policy":{"keep_last":1,"timezone":"Europe/Paris"}}'); [ "$code" = 200 ] || fail "a valid policy answered $code: $(cat "$tmp/body")"
code=$(admin GET /settings/retention); [ "$(json '$d["policy"]["keep_last"] . " " . $d["policy"]["timezone"]' <"$tmp/body")" = "1 Europe/Paris" ] || fail "GET /settings/retention: $(cat "$tmp/body")"
wp purge --format=json >"$tmp/plan.json" || true
[ "$(json 'implode(",", array_map(fn($r) => $r["destination"] . ":" . $r["action"] . ":" . substr($r["archive"], 12, 10), $d))' <"$tmp/plan.json" | tr , '\n' | sort | tr '\n' ' ')" = "disk:delete:$(date -u -d '-3 day' +%F) disk:delete:$(date -u -d '-2 day' +%F) disk:keep:$(date -u -d '-1 day' +%F) " ] \
  || fail "purge with the stored policy: $(cat "$tmp/plan.json")"
pass "PUT /settings/retention: keep_daily -1 refused (400, the extension's reason), keep_last 1 stored and planned by purge (1 kept, 2 deleted)"

# --- notifications ------------------------------------------------------------------------------
code=$(admin PUT /settings/notifications --data '{"channels":{"ops":{"type":"slack"}}}')
[ "$code" = 400 ] && [ "$(json '$d["message"] . "|" . $d["data"]["name"] . "|" . $d["data"]["key"]' <"$tmp/body")" = 'channel "ops" (slack) needs key "webhook_url"|ops|webhook_url' ] \
  || fail "a slack channel without its hook answered $code: $(cat "$tmp/body")"
code=$(admin PUT /settings/notifications --data "{\"channels\":{\"site-webhook\":{\"type\":\"webhook\",\"url\":\"$base/?bjlg-e2e-receiver=1\",\"secret\":\"e2e-channel-secret-8765\"}},\"policy\":{\"notify\":[\"site-webhook\"]},\"allow_private_network\":true}")
[ "$code" = 200 ] || fail "a valid channel answered $code: $(cat "$tmp/body")"
code=$(admin GET /settings/notifications); cp "$tmp/body" "$tmp/notify.json"
[ "$(json '$d["channels"]["site-webhook"]["secret"] . " " . var_export($d["allow_private_network"], true) . " " . implode(",", $d["policy"]["notify"])' <"$tmp/notify.json")" = "••••8765 true site-webhook" ] \
  || fail "GET /settings/notifications: $(cat "$tmp/notify.json")"
grep -q e2e-channel-secret "$tmp/notify.json" && fail "GET shows the channel's secret"
code=$(admin PUT /settings/notifications --data-binary "@$tmp/notify.json"); [ "$code" = 200 ] || fail "the masked answer sent back answered $code: $(cat "$tmp/body")"
code=$(admin POST /notify/test); [ "$code" = 200 ] || fail "POST /notify/test answered $code: $(cat "$tmp/body")"
[ "$(json '$d["results"][0]["channel"] . " " . $d["results"][0]["status"]' <"$tmp/body")" = "site-webhook sent" ] || fail "the test message: $(cat "$tmp/body")"
pass "PUT /settings/notifications: a slack channel without its hook refused (400, channel and key named), a signed webhook stored (GET masks its secret), the masked answer sent back, POST /notify/test sent"
