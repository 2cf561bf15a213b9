#!/usr/bin/env bash
# make run-wordpress: a sample WordPress on loopback with the plugin (tests/wordpress/start-site.sh:
# a throwaway MariaDB, Debian's WordPress served by php -S with the extension), a schedule set,
# WP-Cron run once it is due, and where the site and the scheduled backup's archive are. The
# site's folder is kept; its server and database stop when this script ends (on a terminal it
# serves until Ctrl-C).
set -euo pipefail
site_test_name=run-wordpress
export BJLG_E2E_KEEP=1
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/wordpress/start-site.sh"

site_php marker "Hello from the bjlg sample site" >/dev/null
"${php_ext[@]}" "$root/bin/bjlg" --wp="$site" --url="$base" schedule set '30 2 * * *' >"$tmp/schedule.txt" || fail "schedule set: $(cat "$tmp/schedule.txt")"
site_php age-schedule 86400 >/dev/null   # as if nobody had visited for a day: the 02:30 run is due
curl -s -o /dev/null --max-time 120 "$base/wp-cron.php"   # WP-Cron runs the due backup
"${php_ext[@]}" "$root/bin/bjlg" --wp="$site" --url="$base" status --format=json >"$tmp/status.json"
archive=$(json '$d["backups"]["latest"] ?? ""' < "$tmp/status.json")
[ -n "$archive" ] || fail "the scheduled backup wrote no archive: $(cat "$tmp/status.json")"
source_of=$(site_php history | json 'implode(",", array_map(fn($r) => $r["metadata"]["source"], array_values(array_filter($d, fn($r) => $r["action_type"] === "backup_created" && $r["status"] === "success"))))')
[ "$source_of" = schedule ] || fail "the backup did not come from the schedule ($source_of)"
"${php_ext[@]}" "$root/bin/bjlg" --wp="$site" --url="$base" verify "$archive" >"$tmp/verify.txt" || fail "verify: $(cat "$tmp/verify.txt")"
echo
echo "sample WordPress: $base/  (admin / $admin_pw)"
echo "  its files:      $site"
echo "  the schedule:   $(head -n 1 "$tmp/schedule.txt")"
echo "  the archive of the scheduled backup (WP-Cron): $(json '$d["backups"]["directory"]' < "$tmp/status.json")/$archive"
echo "  $(cat "$tmp/verify.txt" | head -n 1)"
if [ -t 0 ] && [ -t 1 ]; then
  echo "  meanwhile:      bin/bjlg --wp=$site --url=$base status | list | verify NAME | restore NAME --yes"
  echo "serving $base until Ctrl-C (then the server and its database stop; the files stay in $tmp)"
  wait "$server_pid" || true
fi
