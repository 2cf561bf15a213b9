#!/usr/bin/env bash
# Regenerates ext/*_arginfo.h from ext/*.stub.php with php8.2-dev's gen_stub.php, offline:
# gen_stub.php looks for PHP-Parser beside itself and would download it, so we run a copy of it
# next to a PHP-Parser-4.15.1 folder that points at Debian's php-parser package.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian: /usr/lib/php/<api>/build/gen_stub.php, where <api> is the extension dir's last part.
gen_stub="$(php-config --extension-dir)/build/gen_stub.php"
[ -f "$gen_stub" ] || { echo "gen-stubs: $gen_stub not found (install php8.2-dev)" >&2; exit 1; }
[ -d /usr/share/php/PhpParser ] || { echo "gen-stubs: install Debian's php-parser" >&2; exit 1; }

work=build/gen-stub
mkdir -p "$work/PHP-Parser-4.15.1/lib"
cp "$gen_stub" "$work/gen_stub.php"
ln -sfn /usr/share/php/PhpParser "$work/PHP-Parser-4.15.1/lib/PhpParser"

if [ $# -eq 0 ]; then set -- ext/*.stub.php; fi
for stub in "$@"; do
  php "$work/gen_stub.php" "$stub"
done
