#!/usr/bin/env bash
# Runs the phpt suite (php-tests/) with php8.2-dev's run-tests.php against modules/bjlg.so.
#   scripts/run-phpt.sh            plain run, both cores
#   scripts/run-phpt.sh --valgrind every test under valgrind (run-tests.php -m), with the Zend
#                                  allocator off so valgrind sees every allocation; any leak or
#                                  memory error fails the run
# Extra arguments (test files or folders) narrow the run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

mode=plain
if [ "${1:-}" = "--valgrind" ]; then mode=valgrind; shift; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(php-tests)

run_tests="$(php-config --extension-dir)/build/run-tests.php"
[ -f modules/bjlg.so ] || { echo "run-phpt: modules/bjlg.so is missing: run 'make build'" >&2; exit 1; }

export TEST_PHP_EXECUTABLE=$(command -v php)
export NO_INTERACTION=1
export REPORT_EXIT_STATUS=1
export BJLG_SOURCE_DIR="$root"
args=(-q -n -d "extension=$root/modules/bjlg.so" --show-diff -g FAIL,BORK,LEAK,XLEAK)

if [ "$mode" = valgrind ]; then
  export USE_ZEND_ALLOC=0
  export ZEND_DONT_UNLOAD_MODULES=1
  args+=(-m -j2)
else
  args+=(-j2)
fi

log=build/phpt-$mode.log
mkdir -p build
set +e
php -n "$run_tests" "${args[@]}" "${targets[@]}" >"$log" 2>&1
status=$?
set -e
# Show what went wrong (run-tests.php prints a diff per failure), not the whole banner.
grep -E '^(FAIL|LEAK|BORK|SKIP|XLEAK) ' "$log" || true
sed -n '/^=* *$/,$p' "$log" | grep -E '^(---|\+\+\+|[0-9]+[+-] |Tests )' | head -200 || true
passed=$(grep -E '^Tests passed' "$log" | awk '{print $4}')
failed=$(grep -E '^Tests failed' "$log" | awk '{print $4}')
leaked=$(grep -E '^Tests leaked' "$log" | awk '{print $4}' || true)
# A test whose SKIPIF or sections cannot run is "borked": a failure too, not a silent skip.
borked=$(grep -E '^Tests borked' "$log" | awk '{print $4}' || true)
leaked=$(( ${leaked:-0} + ${borked:-0} ))
echo "phpt ($mode): ${passed:-0} passed, $(( ${failed:-0} + ${leaked:-0} )) failed"
if [ "$status" -ne 0 ] || [ "${failed:-0}" != 0 ] || [ "${leaked:-0}" != "" -a "${leaked:-0}" != 0 ] || [ "${passed:-0}" = 0 ]; then
  exit 1
fi
