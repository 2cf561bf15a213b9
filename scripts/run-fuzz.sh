#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzz.cc) with clang, ASan and UBSan, and runs each for a
# bounded time (BJLG_FUZZ_SECONDS, default 30) from its seed corpus in fuzz/corpus/<target>/.
# A crash, a leak or a sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${BJLG_FUZZ_SECONDS:-30}

CC=clang CXX=clang++ cmake -S . -B build/fuzz -DBJLG_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz -j"$(nproc)" >/dev/null

shopt -s nullglob
targets=(fuzz/*_fuzz.cc)
if [ ${#targets[@]} -eq 0 ]; then echo "fuzz: no targets"; exit 0; fi
ran=0
for src in "${targets[@]}"; do
  name=$(basename "$src" .cc)
  corpus=build/fuzz/corpus/$name
  mkdir -p "$corpus"
  seeds=()
  [ -d "fuzz/corpus/$name" ] && seeds=("fuzz/corpus/$name")
  dict=()
  [ -f "fuzz/$name.dict" ] && dict=(-dict="fuzz/$name.dict")
  echo "fuzz: $name for ${seconds}s"
  if ! ./build/fuzz/"$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
         -max_len=4096 -print_final_stats=1 "${dict[@]}" \
         -artifact_prefix=build/fuzz/ "$corpus" "${seeds[@]}" >build/fuzz/"$name".log 2>&1; then
    tail -60 build/fuzz/"$name".log
    echo "fuzz: $name FAILED (log: build/fuzz/$name.log)"
    exit 1
  fi
  grep -E 'stat::number_of_executed_units' build/fuzz/"$name".log || true
  ran=$((ran + 1))
done
echo "fuzz: $ran targets ran clean"
