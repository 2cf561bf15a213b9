#!/usr/bin/env bash
# End-to-end restores (docs/wordpress.md "Restore"): site A (start-site.sh) with a post, a page
# and an uploaded file is backed up; a second, fresh WordPress (its own database, its own port,
# its own admin) is installed and the archive restored into it with `bin/bjlg --wp restore`: both
# sites answer the same post and page (REST wp/v2) and serve the same bytes for the file, B keeps
# its address. A truncated archive and one whose uploaded file was tampered with fail and leave B
# as it was (no temporary table or folder left). Then A becomes a network of three sites: site
# 2's backup holds only site 2's tables and uploads; posts of sites 2 and 3 change; site 2 is
# restored (REST, by its administrator): its post and file come back, site 3 is untouched.
# BJLG_E2E_KEEP=1 keeps both sites.
set -euo pipefail
site_test_name=e2e-restore
source "$(dirname "${BASH_SOURCE[0]}")/start-site.sh"

helper() { local dir=$1; shift; "${php_ext[@]}" "$root/tests/wordpress/restore-site.php" "$dir" "$@"; }
bjlg_wp() { local dir=$1 url=$2; shift 2; "${php_ext[@]}" "$root/bin/bjlg" --wp="$dir" --url="$url" "$@"; }
db() { mariadb --no-defaults --socket="$sock" -uroot -N "$@"; }

# --- site A: content, a backup ------------------------------------------------------------
BJLG_E2E_HOST=127.0.0.1:$port helper "$site" content 1 "site A" 2026/12/photo.jpg >"$tmp/a.json" || fail "content on A: $(cat "$tmp/a.json")"
post=$(json '$d["post"]' < "$tmp/a.json"); page=$(json '$d["page"]' < "$tmp/a.json")
app_pw=$(site_php app-password)   # an application password of A's admin: it comes along with the users
bjlg_wp "$site" "$base/" backup --format=json >"$tmp/backup-a.json" || fail "backup of A"
archive_a=$(json '$d["path"]' < "$tmp/backup-a.json")
[ -f "$archive_a" ] || fail "no archive at $archive_a"
pass "site A: post $post, page $page and uploads/2026/12/photo.jpg backed up in $(basename "$archive_a")"

# --- site B: a second, fresh WordPress -----------------------------------------------------
db -e 'CREATE DATABASE wp2'
site_b=$tmp/site-b
cp -a "$wpsrc" "$site_b"
rm -rf "$site_b/wp-config.php" "$site_b/wp-content" "$site_b/.htaccess"
mkdir -p "$site_b/wp-content/plugins" "$site_b/wp-content/themes" "$site_b/wp-content/uploads"
ln -s "$root/wordpress/bjlg" "$site_b/wp-content/plugins/bjlg"
port_b=$(php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')
base_b=http://127.0.0.1:$port_b
sed -e "s/define('DB_NAME', 'wp');/define('DB_NAME', 'wp2');/" -e "s/-$port');/-$port_b');/" -e "s/^\$table_prefix = 'wp_';/\$table_prefix = 'wpb_';/" \
  "$site/wp-config.php" >"$site_b/wp-config.php"
grep -q "wp2" "$site_b/wp-config.php" && grep -q "'wpb_'" "$site_b/wp-config.php" || fail "site B's wp-config.php: $(cat "$site_b/wp-config.php")"
server_b=
stop_b() { if [ -n "$server_b" ]; then pkill -TERM -P "$server_b" 2>/dev/null || true; kill "$server_b" 2>/dev/null || true; wait "$server_b" 2>/dev/null || true; fi; }
# set +e first: under set -e, `(exit $st)` of a failed run would end the trap before cleanup.
trap 'st=$?; set +e; stop_b; (exit $st); cleanup' EXIT
PHP_CLI_SERVER_WORKERS=4 "${php_ext[@]}" -d opcache.revalidate_freq=0 -S "127.0.0.1:$port_b" -t "$site_b" "$root/tests/wordpress/router.php" >"$tmp/server-b.log" 2>&1 &
server_b=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "$base_b/wp-login.php" && break; sleep 0.1; done
b_pw="$admin_pw-b"
curl -s -o "$tmp/install-b.html" "$base_b/wp-admin/install.php?step=2" \
  --data-urlencode "weblog_title=bjlg e2e B" --data-urlencode "user_name=admin-b" \
  --data-urlencode "admin_password=$b_pw" --data-urlencode "admin_password2=$b_pw" \
  --data-urlencode "pw_weak=1" --data-urlencode "admin_email=b@example.com" \
  --data-urlencode "blog_public=0" --data-urlencode "language="
grep -q 'Success!' "$tmp/install-b.html" || fail "site B: wp-admin/install.php did not install WordPress"
BJLG_E2E_HOST=127.0.0.1:$port_b "${php_ext[@]}" "$root/tests/wordpress/site.php" "$site_b" activate "$reader_pw" >"$tmp/activate-b.json" || fail "site B: activation"
code=$(curl -s -o /dev/null -w '%{http_code}' "$base_b/?rest_route=/wp/v2/posts/$post")
[ "$code" = 404 ] || fail "site B has post $post before the restore ($code)"
pass "site B: a fresh WordPress (database wp2, prefix wpb_, $base_b), the plugin active, no post $post"

# --- failed restores leave B as it was ------------------------------------------------------
mkdir -p "$tmp/bad"
head -c $(( $(stat -c %s "$archive_a") / 2 )) "$archive_a" >"$tmp/bad/truncated.zip"
cp "$archive_a" "$tmp/bad/tampered.zip"
offset=$(grep -a -b -o 'wp-content/uploads/2026/12/photo.jpg' "$archive_a" | head -n 1 | cut -d: -f1)
[ -n "$offset" ] && [ $(( offset + 150000 )) -lt "$(stat -c %s "$archive_a")" ] || fail "photo.jpg's local header not found in the archive ($offset)"
printf '\xff\x00\xff\x00' | dd of="$tmp/bad/tampered.zip" bs=1 seek=$(( offset + 100000 )) conv=notrunc status=none
before=$(db wp2 -e "CHECKSUM TABLE wpb_posts, wpb_postmeta, wpb_users; SELECT option_value FROM wpb_options WHERE option_name IN ('blogname', 'home', 'active_plugins')" | md5sum)
for bad in truncated tampered; do
  set +e; bjlg_wp "$site_b" "$base_b/" restore "$tmp/bad/$bad.zip" --yes >"$tmp/restore-$bad.out" 2>&1; status=$?; set -e
  [ "$status" = 1 ] || fail "restore of the $bad archive exited $status: $(cat "$tmp/restore-$bad.out")"
  grep -q 'the site is as it was' "$tmp/restore-$bad.out" || fail "restore of the $bad archive: $(cat "$tmp/restore-$bad.out")"
  [ "$(db wp2 -e "CHECKSUM TABLE wpb_posts, wpb_postmeta, wpb_users; SELECT option_value FROM wpb_options WHERE option_name IN ('blogname', 'home', 'active_plugins')" | md5sum)" = "$before" ] \
    || fail "the $bad archive changed B's tables"
  BJLG_E2E_HOST=127.0.0.1:$port_b helper "$site_b" leftovers >"$tmp/left.json" || fail "the $bad restore left: $(cat "$tmp/left.json")"
done
[ ! -e "$site_b/wp-content/uploads/2026/12/photo.jpg" ] || fail "a failed restore wrote photo.jpg into B"
BJLG_E2E_HOST=127.0.0.1:$port_b helper "$site_b" history 1 >"$tmp/history-b.json"
[ "$(json 'implode(",", array_column($d, "status"))' < "$tmp/history-b.json")" = "failure,failure" ] || fail "B's history: $(cat "$tmp/history-b.json")"
grep -q "$tmp" "$tmp/history-b.json" && fail "a history row names a server path: $(cat "$tmp/history-b.json")"
pass "a truncated archive and one with a tampered uploaded file: refused (exit 1), B's tables unchanged, no temporary table or folder left, two failure rows"

# --- the restore into B -------------------------------------------------------------------
bjlg_wp "$site_b" "$base_b/" restore "$archive_a" --yes --format=json >"$tmp/restore-b.json" || fail "restore into B: $(cat "$tmp/restore-b.json")"
[ "$(json '$d["prefix_from"] . " " . $d["prefix_to"] . " " . $d["url_from"] . " " . $d["url_to"] . " " . $d["files"]' < "$tmp/restore-b.json")" \
  = "wp_ wpb_ $base $base_b 1" ] || fail "restore into B: $(cat "$tmp/restore-b.json")"
for route in "posts/$post" "pages/$page"; do
  curl -s "$base/?rest_route=/wp/v2/$route" >"$tmp/from-a.json"
  curl -s "$base_b/?rest_route=/wp/v2/$route" >"$tmp/from-b.json"
  a=$(json '$d["title"]["rendered"] . "|" . $d["content"]["rendered"]' < "$tmp/from-a.json")
  b=$(json '$d["title"]["rendered"] . "|" . $d["content"]["rendered"]' < "$tmp/from-b.json")
  [ -n "$a" ] && [ "${a//$base/$base_b}" = "$b" ] || fail "$route differs: A '$a', B '$b'"
done
[[ "$(json '$d["content"]["rendered"]' < "$tmp/from-b.json")" == *"with a % and a"* ]] || fail "the page's % did not come back: $(cat "$tmp/from-b.json")"
curl -s "$base/wp-content/uploads/2026/12/photo.jpg" >"$tmp/photo-a"
curl -s "$base_b/wp-content/uploads/2026/12/photo.jpg" >"$tmp/photo-b"
[ "$(stat -c %s "$tmp/photo-a")" = 200000 ] && cmp -s "$tmp/photo-a" "$tmp/photo-b" || fail "photo.jpg differs between A and B"
curl -s "$base_b/?rest_route=/" >"$tmp/index-b.json"
[ "$(json '$d["url"] . " " . $d["name"]' < "$tmp/index-b.json")" = "$base_b bjlg e2e" ] || fail "B's address or name after the restore: $(head -c 300 "$tmp/index-b.json")"
code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$app_pw" "$base_b/?rest_route=/bjlg/v1/status")
[ "$code" = 200 ] || fail "A's admin on the restored B (users and roles under wpb_) answered $code"
BJLG_E2E_HOST=127.0.0.1:$port_b helper "$site_b" leftovers >"$tmp/left.json" || fail "the restore left: $(cat "$tmp/left.json")"
pass "A's archive restored into B: post $post and page $page answer the same (B's address in the content), photo.jpg the same bytes, B keeps its address, A's admin logs into B, nothing left"

# --- multisite: per-site backup and restore ---------------------------------------------------
site_php make-network "127.0.0.1:$port" >"$tmp/network.json" || fail "make-network: $(cat "$tmp/network.json")"
network_defines="define('MULTISITE', true); define('SUBDOMAIN_INSTALL', false); define('DOMAIN_CURRENT_SITE', '127.0.0.1:$port'); define('PATH_CURRENT_SITE', '/'); define('SITE_ID_CURRENT_SITE', 1); define('BLOG_ID_CURRENT_SITE', 1);"
sed -i "s|^if (!defined('ABSPATH'))|$network_defines\n&|" "$site/wp-config.php"
site_php add-sites "$reader_pw" >"$tmp/sites.json" || fail "add-sites: $(cat "$tmp/sites.json")"
siteadmin=(-u "siteadmin:$(json '$d["site_admin_password"]' < "$tmp/sites.json")")
name_a=$(basename "$archive_a")
[ -f "$site/wp-content/uploads/bjlg-backups/site-1/$name_a" ] && [ ! -e "$archive_a" ] || fail "A's archive did not move to bjlg-backups/site-1/: $(ls -R "$site/wp-content/uploads/bjlg-backups")"
bjlg_wp "$site" "$base/" list --format=json >"$tmp/list-1.json" || fail "list on site 1"
grep -q "$name_a" "$tmp/list-1.json" || fail "site 1 does not list A's archive: $(cat "$tmp/list-1.json")"
bjlg_wp "$site" "$base/" verify "$name_a" >/dev/null || fail "A's archive, moved, does not verify on site 1"
pass "the single site became a network: its archive moved to bjlg-backups/site-1/, listed and verified on site 1"
head -c 50000 /dev/urandom >"$tmp/site2.bin"
helper "$site" upload 2 2026/12/site2.bin "$tmp/site2.bin" >/dev/null
helper "$site" content 2 "site 2" 2026/12/site2.bin >"$tmp/s2.json" || fail "content on site 2"
helper "$site" content 3 "site 3" >"$tmp/s3.json" || fail "content on site 3"
post2=$(json '$d["post"]' < "$tmp/s2.json"); post3=$(json '$d["post"]' < "$tmp/s3.json")
bjlg_wp "$site" "$base/site2/" backup --format=json >"$tmp/backup-2.json" || fail "backup of site 2"
archive_2=$(json '$d["path"]' < "$tmp/backup-2.json"); name_2=$(basename "$archive_2")
helper "$site" archive "$archive_2" >"$tmp/archive-2.json"
[ "$(json '$d["blog_id"] . " " . $d["scope"] . " " . $d["table_prefix"] . " " . $d["uploads"]' < "$tmp/archive-2.json")" = "2 site wp_2_ wp-content/uploads/sites/2" ] \
  || fail "site 2's manifest: $(cat "$tmp/archive-2.json")"
[ "$(json 'implode(",", array_unique(array_map(fn($t) => substr($t, 0, 5), $d["tables"])))' < "$tmp/archive-2.json")" = "wp_2_" ] \
  || fail "site 2's archive holds other tables: $(cat "$tmp/archive-2.json")"
[ "$(json 'implode(",", $d["folders"])' < "$tmp/archive-2.json")" = "backup-index.json,backup-manifest.json,database.sql,wp-content/uploads/sites/2" ] \
  || fail "site 2's archive holds other files, or not its uploads: $(cat "$tmp/archive-2.json")"
bjlg_wp "$site" "$base/" backup --format=json >"$tmp/backup-1.json" || fail "backup of site 1"
helper "$site" archive "$(json '$d["path"]' < "$tmp/backup-1.json")" >"$tmp/archive-1.json"
[ "$(json 'count(preg_grep("/^wp_[0-9]+_/", $d["tables"])) . " " . var_export(in_array("wp_users", $d["tables"], true) && in_array("wp_blogs", $d["tables"], true) && in_array("wp_posts", $d["tables"], true), true)' < "$tmp/archive-1.json")" = "0 true" ] || fail "site 1's archive: other sites' tables, or not its own and the network's: $(cat "$tmp/archive-1.json")"
pass "a network of three: site 2's archive holds only wp_2_* and uploads/sites/2 (manifest blog_id 2, scope site); the main site's holds its tables and the network's, no other site's"

helper "$site" retitle 2 "$post2" "Post site 2, changed" >/dev/null || fail "retitle on site 2"
helper "$site" retitle 3 "$post3" "Post site 3, changed" >/dev/null || fail "retitle on site 3"
head -c 50000 /dev/urandom >"$tmp/other.bin"
helper "$site" upload 2 2026/12/site2.bin "$tmp/other.bin" >/dev/null
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST "${siteadmin[@]}" "$base/site2/?rest_route=/bjlg/v1/backups/$name_2/restore")
[ "$code" = 400 ] && grep -q bjlg_confirm_required "$tmp/body" || fail "a restore without confirm answered $code: $(cat "$tmp/body")"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST "$base/site2/?rest_route=/bjlg/v1/backups/$name_2/restore&confirm=true")
[ "$code" = 401 ] || fail "an anonymous restore answered $code"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST "${siteadmin[@]}" "$base/site3/?rest_route=/bjlg/v1/backups/$name_2/restore&confirm=true")
[ "$code" = 403 ] || fail "site 2's administrator restoring on site 3 answered $code"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST "${siteadmin[@]}" -H 'Content-Type: application/json' -d '{"confirm": true}' "$base/site2/?rest_route=/bjlg/v1/backups/$name_2/restore")
[ "$code" = 200 ] || fail "site 2's administrator: the restore of site 2 answered $code: $(cat "$tmp/body")"
[ "$(json '$d["blog_id"] . " " . $d["from_blog_id"] . " " . $d["prefix_to"]' < "$tmp/body")" = "2 2 wp_2_" ] || fail "restore of site 2: $(cat "$tmp/body")"
[ "$(helper "$site" title 2 "$post2" | json '$d["title"]')" = "Post site 2" ] || fail "site 2's post did not come back"
[ "$(helper "$site" title 3 "$post3" | json '$d["title"]')" = "Post site 3, changed" ] || fail "site 3 was touched by site 2's restore"
curl -s "$base/wp-content/uploads/sites/2/2026/12/site2.bin" >"$tmp/site2-now.bin"
cmp -s "$tmp/site2.bin" "$tmp/site2-now.bin" || fail "site 2's uploaded file did not come back"
[ "$(curl -s "$base/site2/?rest_route=/wp/v2/posts/$post2" | json '$d["title"]["rendered"]')" = "Post site 2" ] || fail "site 2 does not serve its old post"
code=$(curl -s -o /dev/null -w '%{http_code}' "${siteadmin[@]}" "$base/site2/?rest_route=/bjlg/v1/status")
[ "$code" = 200 ] || fail "site 2's administrator after the restore answered $code"
helper "$site" leftovers >"$tmp/left.json" || fail "the restore of site 2 left: $(cat "$tmp/left.json")"
pass "site 2 restored by its administrator (REST, confirm): its post and file are back, site 3's change is kept; refused without confirm (400), anonymous (401), on site 3 (403)"
# the main site: its own tables and uploads come back, never the network's nor the other sites' uploads
name_1=$(basename "$(json '$d["path"]' < "$tmp/backup-1.json")")
helper "$site" retitle 1 "$post" "Post site A, changed" >/dev/null || fail "retitle on site 1"
helper "$site" upload 1 2026/12/photo.jpg "$tmp/other.bin" >/dev/null
"${php_ext[@]}" "$root/tests/wordpress/site.php" "$site" marker "made after site 1's backup" >/dev/null   # a post of site 1 the restore removes
users_before=$(db wp -e 'CHECKSUM TABLE wp_users, wp_usermeta, wp_blogs, wp_site, wp_sitemeta' | md5sum)
bjlg_wp "$site" "$base/" restore "$name_1" --yes --format=json >"$tmp/restore-1.json" || fail "restore of site 1: $(cat "$tmp/restore-1.json")"
[ "$(json 'implode(",", array_intersect(["wp_users", "wp_usermeta", "wp_blogs", "wp_site", "wp_sitemeta", "wp_bjlg_history", "wp_bjlg_jobs"], $d["tables"])) . "|" . (in_array("wp_posts", $d["tables"], true) ? "posts" : "")' < "$tmp/restore-1.json")" = "|posts" ] \
  || fail "restore of site 1, its tables: $(cat "$tmp/restore-1.json")"
[ "$(db wp -e 'CHECKSUM TABLE wp_users, wp_usermeta, wp_blogs, wp_site, wp_sitemeta' | md5sum)" = "$users_before" ] || fail "the restore of site 1 changed the network's tables"
[ "$(helper "$site" title 1 "$post" | json '$d["title"]')" = "Post site A" ] || fail "site 1's post did not come back"
[ "$(db wp -e "SELECT COUNT(*) FROM wp_posts WHERE post_title = 'made after site 1''s backup'")" = 0 ] || fail "site 1's later post is still there"
curl -s "$base/wp-content/uploads/2026/12/photo.jpg" >"$tmp/photo-1"
cmp -s "$tmp/photo-a" "$tmp/photo-1" || fail "site 1's photo.jpg did not come back"
curl -s "$base/wp-content/uploads/sites/2/2026/12/site2.bin" >"$tmp/site2-after-1.bin"
cmp -s "$tmp/site2.bin" "$tmp/site2-after-1.bin" || fail "the restore of site 1 touched site 2's uploads (uploads/sites/2)"
[ -f "$site/wp-content/uploads/bjlg-backups/site-1/$name_1" ] || fail "the restore of site 1 lost its backups folder"
[ "$(helper "$site" title 2 "$post2" | json '$d["title"]') / $(helper "$site" title 3 "$post3" | json '$d["title"]')" = "Post site 2 / Post site 3, changed" ] || fail "the restore of site 1 touched sites 2 or 3"
helper "$site" leftovers >"$tmp/left.json" || fail "the restore of site 1 left: $(cat "$tmp/left.json")"
pass "the main site restored (its archive holds the network's tables too): its post and photo back, a later post gone; the network's tables, sites 2 and 3, their uploads and the backups folder untouched"

# --- network actions: back up every site -------------------------------------------------------
super=(-u "admin:$(json '$d["super_password"]' < "$tmp/sites.json")")
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST "${siteadmin[@]}" "$base/?rest_route=/bjlg/v1/network/backups")
[ "$code" = 403 ] || fail "a site administrator's POST /network/backups answered $code, not 403"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST "${super[@]}" "$base/?rest_route=/bjlg/v1/network/backups&mode=now")
[ "$code" = 200 ] || fail "POST /network/backups mode=now answered $code: $(cat "$tmp/body")"
[ "$(json 'implode(",", array_map(fn($s) => $s["blog_id"] . ":" . $s["status"], $d["sites"])) . " " . $d["failed"]' < "$tmp/body")" = "1:success,2:success,3:success 0" ] \
  || fail "POST /network/backups: $(cat "$tmp/body")"
for n in 1 2 3; do   # site N's backups folder: bjlg-backups/site-N/ in its uploads folder (uploads/sites/N/ for N > 1)
  a=$(json '$d["sites"]['$((n - 1))']["archive"]' < "$tmp/body")
  found=$(find "$site/wp-content/uploads" -name "$a")
  [[ "$found" == */bjlg-backups/site-$n/$a ]] || fail "site $n's archive $a is not in its bjlg-backups/site-$n/: '$found'"
  [ "$n" = 3 ] && archive_3=$found
done
helper "$site" archive "$archive_3" >"$tmp/archive-3.json"
[ "$(json '$d["blog_id"] . " " . implode(",", array_unique(array_map(fn($t) => substr($t, 0, 5), $d["tables"])))' < "$tmp/archive-3.json")" = "3 wp_3_" ] || fail "site 3's archive: $(cat "$tmp/archive-3.json")"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST "${super[@]}" "$base/?rest_route=/bjlg/v1/network/backups")
[ "$code" = 202 ] || fail "POST /network/backups (background) answered $code: $(cat "$tmp/body")"
cp "$tmp/body" "$tmp/queued.json"
curl -s -o /dev/null --max-time 120 "$base/wp-cron.php"
for n in 1 2 3; do
  id=$(json '$d["jobs"]['$((n - 1))']["job_id"]' < "$tmp/queued.json")
  path=/; [ "$n" = 1 ] || path=/site$n/
  state=
  for _ in $(seq 1 300); do
    curl -s "${super[@]}" "$base$path?rest_route=/bjlg/v1/jobs/$id" >"$tmp/job.json"
    state=$(json '$d["state"] ?? ""' < "$tmp/job.json")
    [ "$state" = done ] && break
    sleep 0.3
  done
  [ "$state" = done ] || fail "site $n's queued network backup job $id: $(cat "$tmp/job.json")"
done
pass "POST /network/backups: refused to a site administrator (403); the super admin's backs up the three sites in turn (now: 200, each archive in its site's folder, holding its tables; background: 202, WP-Cron ran the three jobs)"

# --- per-site API keys ---------------------------------------------------------------------------
code=$(curl -s -o "$tmp/key.json" -w '%{http_code}' -X POST "${siteadmin[@]}" "$base/site2/?rest_route=/bjlg/v1/keys&name=deploy")
[ "$code" = 201 ] || fail "POST /keys on site 2 answered $code: $(cat "$tmp/key.json")"
key=(-u "siteadmin:$(json '$d["password"]' < "$tmp/key.json")")
uuid=$(json '$d["uuid"]' < "$tmp/key.json")
code=$(curl -s -o "$tmp/body" -w '%{http_code}' "${key[@]}" "$base/site2/?rest_route=/bjlg/v1/status")
[ "$code" = 200 ] || fail "site 2's key on site 2 answered $code: $(cat "$tmp/body")"
helper "$site" add-admin 3 siteadmin >/dev/null || fail "siteadmin as site 3's administrator"
code=$(curl -s -o /dev/null -w '%{http_code}' "${siteadmin[@]}" "$base/site3/?rest_route=/bjlg/v1/status")
[ "$code" = 200 ] || fail "site 2's administrator, now site 3's too, with WordPress's own password on site 3 answered $code"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' "${key[@]}" "$base/site3/?rest_route=/bjlg/v1/status")
[ "$code" = 401 ] && grep -q bjlg_key_other_site "$tmp/body" || fail "site 2's key on site 3 (its user administers site 3) answered $code: $(cat "$tmp/body")"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' "${key[@]}" "$base/?rest_route=/bjlg/v1/status")
[ "$code" = 401 ] || fail "site 2's key on site 1 answered $code"
curl -s "${siteadmin[@]}" "$base/site2/?rest_route=/bjlg/v1/keys" >"$tmp/keys.json"
[ "$(json 'implode(",", array_column($d["keys"], "uuid")) . " " . (str_contains(json_encode($d), "password") ? "leak" : "ok")' < "$tmp/keys.json")" = "$uuid ok" ] || fail "GET /keys: $(cat "$tmp/keys.json")"
[ "$(curl -s "${siteadmin[@]}" "$base/site3/?rest_route=/bjlg/v1/keys" | json 'count($d["keys"])')" = 0 ] || fail "site 3 lists site 2's key"
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "${siteadmin[@]}" "$base/site3/?rest_route=/bjlg/v1/keys/$uuid")
[ "$code" = 404 ] || fail "deleting site 2's key on site 3 answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "${siteadmin[@]}" "$base/site2/?rest_route=/bjlg/v1/keys/$uuid")
[ "$code" = 200 ] || fail "deleting site 2's key answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "${key[@]}" "$base/site2/?rest_route=/bjlg/v1/status")
[ "$code" = 401 ] || fail "a deleted key on site 2 answered $code"
pass "a per-site API key: created by site 2's administrator (201, its password once), accepted on site 2, refused on site 3 where its user is administrator too (401 bjlg_key_other_site) and on site 1 (401); listed without its password on site 2 only; deleted on site 2 only (404 on site 3), then refused"
echo "run-e2e-restore: all restore checks passed"
