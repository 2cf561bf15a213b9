#!/usr/bin/env bash
# Admin screens benchmark, written to bench/admin/RESULTS.md: the bundle's weight (JS and CSS,
# raw and gzip -9) against what the same screens would load from WordPress 6.1's own packages
# (wp-includes/js/dist: react, react-dom, components, data, element, compose, …, their CSS)
# and against a plain admin page of the same site (Settings > General, core's scripts and styles
# only); then the first render of each screen in Debian's Chromium (navigation start to the
# screen drawn with its data, median of 7 loads after one warm-up), beside that plain admin
# page's load, in the same run, on the site of tests/wordpress/run-admin.sh.
# The old plugin's admin page (scripts + styles) is compared in the same table from reference
# data, bench/admin/old-plugin-page.json (its own files' sizes, read from the stored copy of
# JLG-WOCFR-DEV/WP-Backup, with the commits), plus the core scripts it enqueues measured on disk
# (bench/admin/old-plugin.js); its first render cannot be measured here (it cannot run without
# its whole code).
# Needs modules/bjlg.so, the bundle (make admin) and Chromium. Usage: bench/admin/run.sh [LOADS]
# bench/admin/run.sh --old-plugin only prints the old-plugin rows (bundle and Debian's WordPress
# files on disk; no site, no browser).
set -euo pipefail
cd "$(dirname "$0")/../.."
loads=${1:-7}
admin=$(pwd)/wordpress/bjlg/admin
[ -f "$admin/build/index.asset.php" ] || { echo "bench/admin: run 'make admin' first" >&2; exit 1; }
if [ "$loads" = --old-plugin ]; then
  exec node bench/admin/old-plugin.js "${BJLG_WP_DIR:-/usr/share/wordpress}" "$admin/build"
fi
site_test_name=bench-admin
source tests/wordpress/start-site.sh
site_php timezone Europe/Paris >/dev/null
site_php avatars-off >/dev/null
"$root/bin/bjlg" --wp="$site" --url="$base" backup --format=json >/dev/null || fail "backup failed"
"$root/bin/bjlg" --wp="$site" --url="$base" schedule set '30 2 * * *' >/dev/null || fail "schedule set failed"
"${php_ext[@]}" tests/wordpress/admin-site.php "$site" storage "$tmp/local-destination" >/dev/null || fail "no destination"
"${php_ext[@]}" tests/wordpress/admin-site.php "$site" incidents "$base/?bjlg-e2e-receiver=1" >/dev/null || fail "no incidents"
out=bench/admin/RESULTS.md
{
  echo "# Admin screens benchmark"
  echo
  echo "Measured by \`bash bench/admin/run.sh $loads\` on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(date -u +%Y-%m-%d)),"
  echo "Debian's $("${BJLG_CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | head -1) headless, WordPress $(grep -o "wp_version = '[^']*'" "$site/wp-includes/version.php" | cut -d"'" -f2) served by \`php -S\` (no compression: gzip sizes are computed here)."
  echo
  (cd "$admin" && BJLG_BENCH_BASE=$base BJLG_BENCH_USER=admin BJLG_BENCH_PASSWORD=$admin_pw BJLG_BENCH_WP=$site \
    BJLG_BENCH_LOADS=$loads BJLG_CHROMIUM=${BJLG_CHROMIUM:-/usr/bin/chromium} node "$root/bench/admin/measure.js")
} > "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
