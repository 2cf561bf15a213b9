#!/usr/bin/env bash
# Runs bench/crypto/bench.php (default 1024 MiB; BJLG_BENCH_MB to change) and records the table in
# bench/crypto/RESULTS.md with the command and the date.
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${BJLG_BENCH_MB:-1024}
table=$(php -n -d extension="$(pwd)/modules/bjlg.so" -d memory_limit=512M \
          bench/crypto/bench.php "$mb" "${BJLG_BENCH_DIR:-/dev/shm}" 2>&1) || { echo "$table"; exit 1; }
echo "$table"
{
  echo "# bench/crypto results"
  echo
  echo "\`BJLG_BENCH_MB=$mb bash bench/crypto/run.sh\`, $(date -u +%Y-%m-%d), $(nproc) cores"
  echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))."
  echo "Other jobs may share the machine; each file-to-file figure is the best of three runs (single"
  echo "runs on this virtual machine vary by up to 4x, from the host), each engine figure the best of two."
  echo
  echo "Reading the ratios: \"limit\" is OpenSSL's in-memory speed (\`openssl speed -evp\`, same run)."
  echo "The chunk engine table is the format's own cost, memory to memory, and is what the targets"
  echo "are about. The file-to-file table runs on a memory file system (/dev/shm) so that the disk"
  echo "does not hide the cipher; even there most of the time is the kernel copying pages in and"
  echo "out (measured with perf: ~75% kernel, ~23% libcrypto for an encryption), so it cannot beat"
  echo "the plain-copy line below it. Decryption includes the fsync before the rename."
  echo
  echo "$table"
} > bench/crypto/RESULTS.md
