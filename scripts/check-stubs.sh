#!/usr/bin/env bash
# Fails when a committed ext/*_arginfo.h is not what gen_stub.php makes from its stub today
# (a stub edited without `make stubs`). Generates from copies, so ext/ is left untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
work=build/stub-check
rm -rf "$work" && mkdir -p "$work/ext"
cp ext/*.stub.php "$work/ext/"
bash scripts/gen-stubs.sh "$work"/ext/*.stub.php >/dev/null
stale=0
checked=0
for generated in "$work"/ext/*_arginfo.h; do
  committed=ext/$(basename "$generated")
  checked=$((checked + 1))
  if ! cmp -s "$generated" "$committed"; then
    echo "stubs: $committed is stale: run 'make stubs' and commit it" >&2
    stale=$((stale + 1))
  fi
done
echo "stubs: $((checked - stale)) passed, $stale failed"
[ "$stale" -eq 0 ]
