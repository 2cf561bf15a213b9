#!/usr/bin/env bash
# Runs bench/crypto/bench.php (default 1024 MiB; BJLG_BENCH_MB to change) and records the table in
# bench/crypto/RESULTS.md with the command and the date.
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${BJLG_BENCH_MB:-1024}
table=$(php -n -d extension="$(pwd)/modules/bjlg.so" -d memory_limit=512M \
          bench/crypto/bench.php "$mb" "${BJLG_BENCH_DIR:-/tmp}" 2>&1) || { echo "$table"; exit 1; }
echo "$table"
{
  echo "# bench/crypto results"
  echo
  echo "\`BJLG_BENCH_MB=$mb bash bench/crypto/run.sh\`, $(date -u +%Y-%m-%d), $(nproc) cores"
  echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))."
  echo "Encrypted and decrypted files go through the page cache; decryption includes the fsync"
  echo "before the rename. Other jobs may share the machine."
  echo
  echo "Reading the ratios: \"limit\" is OpenSSL's in-memory speed; a file-to-file run cannot beat"
  echo "the I/O limit line below the table (a plain copy with fsync in the same run), so where the"
  echo "I/O limit is lower than the cipher limit, the I/O limit is the real ceiling."
  echo
  echo "$table"
} > bench/crypto/RESULTS.md
