#!/usr/bin/env bash
# Builds modules/bjlg.so with phpize, the way PHP users install an extension.
# phpize writes configure, a Makefile and friends where it runs, and the objects beside each
# source; to keep all of that out of the tree it runs in build/phpize, a mirror of config.m4,
# src/ and ext/ made of links to each file (cp -rs), so the objects stay in the mirror.
#   BJLG_STAGE   the mirror (default build/phpize; `make install` builds in build/phpize-release)
#   BJLG_OUT     where bjlg.so is copied (default modules/bjlg.so)
#   BJLG_CXXFLAGS, BJLG_CFLAGS   compiler flags (default -O2 -g)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
stage=${BJLG_STAGE:-build/phpize}
out=${BJLG_OUT:-modules/bjlg.so}
case $out in /*) ;; *) out=$root/$out ;; esac
cxxflags=${BJLG_CXXFLAGS:--O2 -g}
cflags=${BJLG_CFLAGS:--O2 -g}
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
flags="CXXFLAGS=$cxxflags CFLAGS=$cflags"
if [ ! -f "$stamp" ] || [ config.m4 -nt "$stamp" ] || [ src/sources.txt -nt "$stamp" ] \
   || [ ext/sources.txt -nt "$stamp" ] || [ "$(cat "$stamp")" != "$flags" ]; then
  phpize >/dev/null
  # configure's own messages name a missing library and its Debian package: keep them visible.
  if ! ./configure --enable-bjlg CXXFLAGS="$cxxflags" CFLAGS="$cflags" >configure.out 2>&1; then
    grep -E 'error:' configure.out >&2 || tail -5 configure.out >&2
    exit 1
  fi
  echo "$flags" >"$stamp"
  make clean >/dev/null
fi
make -j"$(nproc)" >/dev/null
mkdir -p "$(dirname "$out")"
# A new name renamed over the old one: processes that have the old library mapped (a php -S
# serving tests, a long bench) keep their copy instead of running code overwritten under them.
cp modules/bjlg.so "$out.new.$$"
mv -f "$out.new.$$" "$out"
echo "built $out"
