#!/usr/bin/env bash
# Notify benchmark, written to bench/notify/RESULTS.md: 1,000 messages to a receiver that answers
# after 100 ms, sent by one Bjlg\Notify\Dispatcher::send() call (all at once over one curl multi
# handle) against one request after another as the plugin sends them, in the same run.
# Usage: bench/notify/run.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
[ -f modules/bjlg.so ] || { echo "bench/notify: run 'make build' first" >&2; exit 1; }
count=${1:-1000}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 bench/notify/receiver.py "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  sleep 0.1
done
out=bench/notify/RESULTS.md
{
  echo "# Notify benchmark"
  echo
  echo "Measured by \`bash bench/notify/run.sh $count\` on $(nproc) cores ($(date -u +%Y-%m-%d)), PHP $(php -r 'echo PHP_VERSION;'),"
  echo "receiver on loopback answering after 100 ms (bench/notify/receiver.py, Python ThreadingHTTPServer)."
  echo
  php -n -d extension="$root/modules/bjlg.so" bench/notify/bench.php "http://127.0.0.1:$port" "$count"
} > "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
