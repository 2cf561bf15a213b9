#!/usr/bin/env bash
# The saturation-forecast backtest (bench/sla/backtest_bench.cc) at confidence 0.8, written to
# bench/sla/RESULTS.md, which bench/run.sh copies into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f build/core/libbjlg_core.a ] || { echo "bench sla: build/core/libbjlg_core.a is missing: run 'make build'" >&2; exit 1; }
mkdir -p build/bench
bin=build/bench/sla_backtest
compile="g++ -std=c++17 -O2 -DNDEBUG -Isrc bench/sla/backtest_bench.cc build/core/libbjlg_core.a $(pkg-config --libs libzip openssl libcurl yaml-cpp libdeflate) -ldate-tz -lpthread -o $bin"
$compile
trials=${SLA_TRIALS:-300}
machine="$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -sr)"
{
  echo "## sla"
  echo
  echo "- Machine: $machine"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Command: \`bash bench/sla/run.sh\` (compiles \`bench/sla/backtest_bench.cc\` against the core, runs \`$bin $trials\`)"
  echo
  echo "Generated usage series (180 days of daily samples with 0.05-0.3% noise; threshold 85% of a quota"
  echo "the series truly reaches 10 to 200 days after \"now\"), six kinds, $trials each. Error: |predicted -"
  echo "true crossing| in days; a forecast without a crossing counts as an infinite error. Plugin: OLS of"
  echo "the usage ratio over the last 20 samples (§A.7.5), on centred time. Coverage: share of true"
  echo "crossings inside bjlg's [threshold_at_low, threshold_at_high] at confidence 0.8."
  echo
  "$bin" "$trials" 0.8
  echo
  echo "The same series at confidence 0.95 (\`$bin $trials 0.95 --no-cost\`):"
  echo
  "$bin" "$trials" 0.95 --no-cost
} > bench/sla/RESULTS.md
cat bench/sla/RESULTS.md
