#!/usr/bin/env bash
# `make install` into a staging root (DESTDIR): the module lands in PHP's extension folder
# stripped, its ini file enables it, and PHP loads it from there with no other setting; then
# `make uninstall` removes both. Prints the installed size.
set -euo pipefail
cd "$(dirname "$0")/../.."
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
extdir=$(php-config --extension-dir)
phpver=$(php-config --version | cut -d. -f1,2)
so=$stage$extdir/bjlg.so
ini=$stage/etc/php/$phpver/mods-available/bjlg.ini

DESTDIR=$stage bash scripts/install-ext.sh
fail() { echo "test-install: $*" >&2; exit 1; }
[ -f "$so" ] || fail "no $so"
[ -f "$ini" ] || fail "no $ini"
grep -qx 'extension=bjlg.so' "$ini" || fail "$ini does not load bjlg.so"
file_out=$(file -b "$so")
case "$file_out" in *"not stripped"*) fail "$so is not stripped: $file_out" ;; esac
# PHP reads only the staged ini and looks for the module in the staged extension folder.
loaded=$(PHP_INI_SCAN_DIR= php -c "$ini" -d "extension_dir=$stage$extdir" -r 'echo phpversion("bjlg"), " ", class_exists("Bjlg\\Archive\\Writer") ? "ok" : "missing";')
case "$loaded" in *" ok") ;; *) fail "the installed module does not load: $loaded" ;; esac
debug_size=$(stat -c %s modules/bjlg.so 2>/dev/null || echo 0)
echo "test-install: bjlg $loaded; installed $(( $(stat -c %s "$so") / 1024 )) KiB (test build: $(( debug_size / 1024 )) KiB)"
DESTDIR=$stage bash scripts/install-ext.sh --uninstall >/dev/null
[ ! -e "$so" ] && [ ! -e "$ini" ] || fail "uninstall left files behind"
echo "test-install: passed"
