#!/usr/bin/env bash
# Runs every benchmark folder bench/*/ and writes its results into bench/RESULTS.md, replacing
# that folder's previous section, with the machine, the date and the exact commands.
# A folder either has its own run.sh (it measures and writes bench/<name>/RESULTS.md, which is
# copied here as the folder's section; BENCH_COLLECT_ONLY=1 copies without measuring again), or
# holds bench.php (run with modules/bjlg.so loaded) and optionally *_bench.cc (a core
# micro-benchmark, compiled here against build/core/libbjlg_core.a and given the lines of the
# folder's expressions.txt, if any, as arguments).
#   bench/run.sh            every folder
#   bench/run.sh cron       only bench/cron
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results=bench/RESULTS.md

[ -f modules/bjlg.so ] || { echo "bench: modules/bjlg.so is missing: run 'make build'" >&2; exit 1; }

machine="$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), \
PHP $(php -r 'echo PHP_VERSION;'), $(uname -sr)"
today=$(date -u '+%Y-%m-%d %H:%M UTC')

folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=($(cd bench && ls -d */ | tr -d /))

[ -f "$results" ] || printf '# Benchmark results\n\nWritten by `bench/run.sh` (`make bench`): one section per folder of `bench/`, replaced on each run.\n' > "$results"

for name in "${folders[@]}"; do
  dir=bench/$name
  out=$(mktemp)
  if [ -f "$dir/run.sh" ]; then
    [ "${BENCH_COLLECT_ONLY:-0}" = 1 ] || bash "$dir/run.sh"
    {
      echo "<!-- bench:$name begin -->"
      echo "## $name"
      echo
      echo "- Command: \`bash $dir/run.sh\` (its own figures and machine notes below, from $dir/RESULTS.md)"
      echo
      # The folder's headings move one level down under this section.
      sed -e 's/^#\(#*\) /##\1 /' -e '1{/^## /d}' "$dir/RESULTS.md"
      echo "<!-- bench:$name end -->"
    } > "$out"
  else
  {
    echo "<!-- bench:$name begin -->"
    echo "## $name"
    echo
    echo "- Machine: $machine"
    echo "- Date: $today"
    if [ -f "$dir/bench.php" ]; then
      cmd="php -d extension=$root/modules/bjlg.so $dir/bench.php"
      echo "- Command: \`$cmd\`"
      echo
      $cmd
    fi
    for src in "$dir"/*_bench.cc; do
      [ -f "$src" ] || continue
      [ -f build/core/libbjlg_core.a ] || { echo "bench: build/core/libbjlg_core.a is missing: run 'make build'" >&2; exit 1; }
      bin=build/bench/$(basename "$src" .cc)
      mkdir -p build/bench
      compile="g++ -std=c++17 -O2 -DNDEBUG -Isrc $src build/core/libbjlg_core.a $(pkg-config --libs libzip openssl libcurl yaml-cpp libdeflate) -ldate-tz -lpthread -o $bin"
      $compile
      args=()
      if [ -f "$dir/expressions.txt" ]; then
        while IFS= read -r line; do
          [[ -z "$line" || "$line" == \#* ]] || args+=("$line")
        done < "$dir/expressions.txt"
      fi
      echo
      echo "### $(basename "$src" .cc): the C++ core alone"
      echo
      echo "- Command: \`$compile && $bin <the lines of $dir/expressions.txt>\`"
      echo
      echo "| expression | ns per call |"
      echo "|---|---:|"
      "$bin" "${args[@]}" | awk -F'\t' '{ printf "| `%s` | %s |\n", $1, $2 }' | sed 's/^| `mean` /| **mean** /'
    done
    echo "<!-- bench:$name end -->"
  } > "$out"
  fi
  cat "$out"
  # Replace the folder's section, or append it.
  python3 - "$results" "$name" "$out" <<'PY'
import re, sys
path, name, new = sys.argv[1], sys.argv[2], open(sys.argv[3]).read().rstrip('\n') + '\n'
text = open(path).read()
pattern = re.compile(r'<!-- bench:%s begin -->.*?<!-- bench:%s end -->\n?' % (re.escape(name), re.escape(name)), re.S)
text = pattern.sub(lambda m: new, text) if pattern.search(text) else text.rstrip('\n') + '\n\n' + new
open(path, 'w').write(text)
PY
  rm -f "$out"
done
echo "bench: results in $results"
