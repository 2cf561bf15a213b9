#!/usr/bin/env bash
# Runs the Catch2 tests of the core and ends with a plain "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(./build/core/bjlg_tests "$@" 2>&1); status=$?
echo "$out" | tail -40
cases_line=$(echo "$out" | grep -E '^(All tests passed|test cases:)' | tail -1)
if [ $status -eq 0 ]; then
  n=$(echo "$cases_line" | sed -nE 's/.* in ([0-9]+) test cases?.*/\1/p')
  echo "catch2: ${n:-0} passed, 0 failed"
else
  failed=$(echo "$cases_line" | sed -nE 's/.*\| *([0-9]+) failed.*/\1/p')
  echo "catch2: tests failed (${failed:-?} test cases)"
fi
exit $status
