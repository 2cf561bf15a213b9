# Sourced by tests that need a real WordPress with the plugin (run-e2e.sh, the admin screens'
# browser tests): a throwaway MariaDB, Debian's WordPress copied into a temporary folder and
# served by `php -S` on loopback with the extension loaded (router.php: WordPress's rewrites), installed by its own installer
# (wp-admin/install.php over HTTP), the plugin activated with a subscriber beside the admin.
#
# Before sourcing, set `site_test_name` (prefix of its messages). After it: $root, $tmp, $site,
# $sock, $port, $base, $admin_pw, $reader_pw, BJLG_E2E_HOST exported, the functions fail, pass,
# json, site_php, and an EXIT trap that stops the server and the database and removes $tmp
# (kept with BJLG_E2E_KEEP=1).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
module=$root/modules/bjlg.so
wpsrc=${BJLG_WORDPRESS_DIR:-/usr/share/wordpress}
[ -f "$module" ] || { echo "$site_test_name: $module is missing: run 'make build'" >&2; exit 1; }
[ -f "$wpsrc/wp-load.php" ] || { echo "$site_test_name: no WordPress in $wpsrc (Debian package wordpress)" >&2; exit 1; }

tmp=$(mktemp -d "/tmp/bjlg-wp-$site_test_name.XXXXXX")
server_pid=
cleanup() {
  local status=$?
  if [ -n "$server_pid" ]; then  # php -S and the workers it forked (PHP_CLI_SERVER_WORKERS)
    pkill -TERM -P "$server_pid" 2>/dev/null || true
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  bash "$root/scripts/throwaway-mariadb.sh" stop "$tmp/db" || true
  if [ "${BJLG_E2E_KEEP:-}" = 1 ]; then echo "$site_test_name: kept $tmp"; else rm -rf "$tmp"; fi
  exit "$status"
}
trap cleanup EXIT

# A private $TMPDIR for the site and the commands: the restore tests' sandboxes and throwaway
# MariaDB servers (whose bootstrap names its temporary tables after its pid) then share no folder
# with other tests running on the machine.
mkdir -m 700 "$tmp/tmpdir"
export TMPDIR=$tmp/tmpdir
php_ext=(php -d "extension=$module" -d sendmail_path=/bin/true -d display_errors=stderr)
fail() { echo "$site_test_name: FAIL: $*" >&2; [ -f "$tmp/server.log" ] && tail -n 20 "$tmp/server.log" >&2; exit 1; }
pass() { echo "  ok  $*"; }
json() { php -r '$d = json_decode(stream_get_contents(STDIN), true); echo eval("return " . $argv[1] . ";"), "\n";' "$1"; }

sock=$(bash "$root/scripts/throwaway-mariadb.sh" start "$tmp/db")
mariadb --no-defaults --socket="$sock" -uroot -e 'CREATE DATABASE wp'
site=$tmp/site
cp -a "$wpsrc" "$site"
rm -rf "$site/wp-config.php" "$site/wp-content" "$site/.htaccess"
mkdir -p "$site/wp-content/plugins" "$site/wp-content/themes" "$site/wp-content/uploads"
ln -s "$root/wordpress/bjlg" "$site/wp-content/plugins/bjlg"
mkdir -p "$site/wp-content/uploads/2026/12"
head -c 200000 /dev/urandom >"$site/wp-content/uploads/2026/12/photo.jpg"
port=$(php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')
base=http://127.0.0.1:$port
cat > "$site/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wp');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as \$k) {
    define(\$k, 'bjlg-e2e-' . \$k . '-$port');
}
\$table_prefix = 'wp_';
define('WP_HTTP_BLOCK_EXTERNAL', true);   // loopback only: no update checks
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);          // WP-Cron runs when the test requests wp-cron.php
define('FS_METHOD', 'direct');
define('WP_ENVIRONMENT_TYPE', 'local');   // application passwords over plain HTTP on loopback
define('WP_DEBUG', false);
if (!defined('ABSPATH')) { define('ABSPATH', __DIR__ . '/'); }
require_once ABSPATH . 'wp-settings.php';
PHP
# Each php -S worker serves one connection at a time, and Chromium opens idle speculative
# connections (php-src #9400): with 4 workers all could sit on idle sockets while the login
# POST waited past its 60 s (seen once in CI). 12 leave room for Chromium's 6 per host.
# OPcache is on under php -S (opcache.enable, not enable_cli) and by default trusts a compiled
# file for 2 s: a wp-config.php the tests edit (the network constants) could be served stale to
# the next request. revalidate_freq=0 checks the file's time on every request.
PHP_CLI_SERVER_WORKERS=12 "${php_ext[@]}" -d opcache.revalidate_freq=0 -S "127.0.0.1:$port" -t "$site" "$root/tests/wordpress/router.php" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "$base/wp-login.php" && break; sleep 0.1; done

admin_pw="e2e-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
reader_pw="$admin_pw-reader"
curl -s -o "$tmp/install.html" "$base/wp-admin/install.php?step=2" \
  --data-urlencode "weblog_title=bjlg e2e" --data-urlencode "user_name=admin" \
  --data-urlencode "admin_password=$admin_pw" --data-urlencode "admin_password2=$admin_pw" \
  --data-urlencode "pw_weak=1" --data-urlencode "admin_email=admin@example.com" \
  --data-urlencode "blog_public=0" --data-urlencode "language="
grep -q 'Success!' "$tmp/install.html" || fail "wp-admin/install.php did not install WordPress"
pass "WordPress $(grep -o "wp_version = '[^']*'" "$site/wp-includes/version.php" | cut -d"'" -f2) installed by wp-admin/install.php"

export BJLG_E2E_HOST=127.0.0.1:$port
site_php() { "${php_ext[@]}" "$root/tests/wordpress/site.php" "$site" "$@"; }
site_php activate "$reader_pw" >"$tmp/activate.json" || fail "activation failed"
grep -q '"db_version": "\?3"\?' "$tmp/activate.json" || fail "activation did not run migrations 1 to 3: $(cat "$tmp/activate.json")"
mariadb --no-defaults --socket="$sock" -uroot wp -e 'SHOW CREATE TABLE wp_bjlg_history\G' >"$tmp/table.txt" || fail "no history table"
grep -q 'KEY `blog_id_timestamp`' "$tmp/table.txt" || fail "history table without its keys: $(cat "$tmp/table.txt")"
mariadb --no-defaults --socket="$sock" -uroot wp -e 'SHOW CREATE TABLE wp_bjlg_jobs\G' >"$tmp/jobs-table.txt" || fail "no jobs table"
grep -q 'KEY `blog_id_state`' "$tmp/jobs-table.txt" || fail "jobs table without its keys: $(cat "$tmp/jobs-table.txt")"
pass "plugin activated, history table (migration 1), jobs table (migration 2), migration 3 run"
