#!/usr/bin/env bash
# Builds modules/bjlg.so with phpize, the way PHP users install an extension.
# phpize writes configure, a Makefile and friends where it runs, and the objects beside each
# source; to keep all of that out of the tree it runs in build/phpize, a mirror of config.m4,
# src/ and ext/ made of links to each file (cp -rs), so the objects stay in the mirror.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
stage=build/phpize
mkdir -p "$stage"
ln -sfn "$root/config.m4" "$stage/config.m4"
for dir in src ext; do
  [ -L "$stage/$dir" ] && rm "$stage/$dir"  # the former layout linked the whole folder
  cp -rsfT "$root/$dir" "$stage/$dir"
done
# A source removed from the tree leaves a dangling link, and objects whose dependency lists
# still name it: drop both, so make rebuilds what depended on it.
removed=$(find "$stage/src" "$stage/ext" -xtype l -print -delete)
if [ -n "$removed" ]; then
  find "$stage/src" "$stage/ext" \( -name '*.dep' -o -name '*.lo' -o -name '*.o' \) -delete
fi

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
