#!/usr/bin/env bash
# Runs the differential tests (tests/diff/*.php) against modules/bjlg.so. Each script compares
# bjlg with what a user would otherwise use, prints a closing "...: N passed, M failed" line and
# exits non-zero on any unexplained difference. Today: cron_dragonmantank.php, against Debian's
# php-dragonmantank-cron-expression (installed by scripts/install-deps.sh).
# Extra arguments are passed to every script (e.g. --seed=7 --cases=20000 -v).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

[ -f modules/bjlg.so ] || { echo "run-diff: modules/bjlg.so is missing: run 'make build'" >&2; exit 1; }
[ -f /usr/share/php/Cron/autoload.php ] || {
  echo "run-diff: php-dragonmantank-cron-expression is missing: run scripts/install-deps.sh" >&2; exit 1; }

status=0
for test in tests/diff/*.php; do
  echo "== $test"
  php -n -d "extension=$root/modules/bjlg.so" -d memory_limit=512M "$test" "$@" || status=1
done
exit $status
