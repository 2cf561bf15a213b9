#!/usr/bin/env bash
# Quota benchmarks, written to bench/quota/RESULTS.md:
#  1. 8 destinations behind a server that adds 200 ms to every answer: collected at once by one
#     Collector::collect() call, against one call per destination one after the other (what the
#     plugin does today), in the same run.
#  2. Listing throughput on a 100,000-object S3 bucket (100 pages of 1,000) with peak RSS,
#     against botocore's ListObjectsV2 paginator (what a Python user would write), in the same
#     run, on the same synthetic server.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
[ -f modules/bjlg.so ] || { echo "bench/quota: run 'make build' first" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/bin/python3 tests/quota/servers/fake_providers.py "$port" --delay-ms 200 --synth-objects 100000 \
  >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  sleep 0.1
done
base="http://127.0.0.1:$port"
out=bench/quota/RESULTS.md
{
  echo "# Quota collector benchmarks"
  echo
  echo "Measured by \`bash bench/quota/run.sh\` on $(nproc) cores ($(date -u +%Y-%m-%d)), PHP $(php -r 'echo PHP_VERSION;'),"
  echo "servers on loopback (tests/quota/servers/fake_providers.py)."
  echo
  php -n -d extension="$root/modules/bjlg.so" bench/quota/bench.php "$base"
  /usr/bin/python3 bench/quota/botocore_list.py "$base"
  echo
  echo "Both listings include the synthetic server's time to generate each page (Python), so they"
  echo "bound bjlg's throughput from below. Peak RSS is the whole process's VmHWM (PHP or Python"
  echo "included): what the listing adds is the difference with the figure before it."
} | tee "$out"
