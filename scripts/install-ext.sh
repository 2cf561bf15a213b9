#!/usr/bin/env bash
# make install / make uninstall: a stripped release build of bjlg.so in PHP's extension folder
# and an ini file in Debian's layout (/etc/php/X.Y/mods-available/bjlg.ini, enabled by phpenmod
# for every SAPI). The debug build in modules/ (for tests) is left alone.
#   scripts/install-ext.sh              build, install, enable
#   scripts/install-ext.sh --uninstall  disable, remove
#   DESTDIR=/tmp/stage scripts/…        install under a staging root (packages, tests); no phpenmod
set -euo pipefail
cd "$(dirname "$0")/.."
destdir=${DESTDIR:-}
extdir=$(php-config --extension-dir)
phpver=$(php-config --version | cut -d. -f1,2)
confdir=/etc/php/$phpver/mods-available
so=$destdir$extdir/bjlg.so
ini=$destdir$confdir/bjlg.ini

if [ "${1:-}" = "--uninstall" ]; then
  if [ -z "$destdir" ] && command -v phpdismod >/dev/null; then phpdismod -v "$phpver" bjlg || true; fi
  rm -f "$so" "$ini"
  echo "uninstalled $so and $ini"
  exit 0
fi

# A separate mirror and flags: the release build never mixes objects with the test build.
BJLG_STAGE=build/phpize-release BJLG_OUT=build/release/bjlg.so \
  BJLG_CXXFLAGS="-O2" BJLG_CFLAGS="-O2" bash scripts/build-ext.sh >/dev/null
install -d "$destdir$extdir" "$destdir$confdir"
install -m 0644 build/release/bjlg.so "$so"
strip --strip-unneeded "$so"
cat >"$ini" <<'INI'
; Backup JLG's native engine (bjlg). Settings: docs/php-api.md, "INI settings".
; priority=20
extension=bjlg.so
;bjlg.cron_min_interval = 300
INI
if [ -z "$destdir" ] && command -v phpenmod >/dev/null; then phpenmod -v "$phpver" bjlg; fi
echo "installed $so ($(( $(stat -c %s "$so") / 1024 )) KiB, stripped) and $ini"
