#!/usr/bin/env bash
# Builds modules/bjlg.so with phpize, the way PHP users install an extension.
# phpize writes configure, a Makefile and friends where it runs; to keep them away from our own
# top-level Makefile it runs in build/phpize, a folder of links to config.m4, src/ and ext/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
stage=build/phpize
mkdir -p "$stage"
for item in config.m4 src ext; do ln -sfn "$root/$item" "$stage/$item"; done

cd "$stage"
stamp=.configured
if [ ! -f "$stamp" ] || [ config.m4 -nt "$stamp" ] || [ src/sources.txt -nt "$stamp" ] \
   || [ ext/sources.txt -nt "$stamp" ]; then
  phpize >/dev/null
  ./configure --enable-bjlg CXXFLAGS="${BJLG_CXXFLAGS:--O2 -g}" CFLAGS="${BJLG_CFLAGS:--O2 -g}" >/dev/null
  touch "$stamp"
fi
make -j"$(nproc)" >/dev/null
mkdir -p "$root/modules"
cp modules/bjlg.so "$root/modules/bjlg.so"
echo "built $root/modules/bjlg.so"
