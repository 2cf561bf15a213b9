#!/usr/bin/env bash
# Purge benchmark, written to bench/purge/RESULTS.md: BENCH_PURGE_OBJECTS (default 10,000) backup
# archives in an s3rver bucket on loopback, every one but the newest deleted (keep_last 1) by
# bjlg, Bjlg\Remote\Purge::plan() then ::run() (DeleteObjects batches, several in flight), against
# one DeleteObject request after another as the plugin deletes them (bench/purge/s3.py plugin:
# botocore in a plain loop, one connection) on a second bucket seeded the same way, in the same
# run. Checks afterwards, by listing, that each bucket holds exactly the newest archive.
# The archives sit at the buckets' root, not under a prefix: s3rver's filesystem store reads the
# whole folder of a key's prefix (readdirSync) after every delete to remove empty folders, a cost
# per key that grows with the folder and that S3 does not have (under site/, a first run took
# 7 minutes and 8,999 of bjlg's 9,999 deletes failed); at the root it reads no folder.
# Usage: bench/purge/run.sh   (BENCH_PURGE_OBJECTS, BENCH_PURGE_PARALLEL, BENCH_NOTE)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
[ -f modules/bjlg.so ] || { echo "bench/purge: run 'make build' first" >&2; exit 1; }
count=${BENCH_PURGE_OBJECTS:-10000}
parallel=${BENCH_PURGE_PARALLEL:-4}
batch=1000
bash tests/quota/servers/install-servers.sh
# Debian's Python, whose botocore is python3-botocore (not another python3 earlier in PATH).
py=/usr/bin/python3
work=$(mktemp -d /tmp/bjlg-bench-purge.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# s3rver's continuation tokens use DES, which Node 20's OpenSSL 3 only has in its legacy provider.
NODE_OPTIONS=--openssl-legacy-provider build/quota-tools/node_modules/.bin/s3rver -d "$work/s3" -a 127.0.0.1 \
  -p "$port" --silent >"$work/s3rver.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  sleep 0.1
done

# Archive i is named for t0 - i hours (s3.py names(), bench.php): both buckets hold the same names.
t0=$(( $(date +%s) - 60 ))
seed_start=$(date +%s)
"$py" bench/purge/s3.py seed "$port" purge-bjlg "$count" "$t0"
"$py" bench/purge/s3.py seed "$port" purge-plugin "$count" "$t0"
seed_s=$(( $(date +%s) - seed_start ))

# bjlg: plan + run, timed inside the process; peak RSS of the PHP process from GNU time -v.
/usr/bin/time -v -o "$work/time" php -n -d extension="$root/modules/bjlg.so" bench/purge/bench.php \
  "http://127.0.0.1:$port" purge-bjlg "$count" "$t0" "$parallel" "$batch" >"$work/bjlg"
read -r plan_s run_s first_s last_s listed planned kept_n foreign deleted gone failed kept <"$work/bjlg"
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
wall_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")

# For scale: one whole listing of the other bucket, still full, by botocore (s3rver's listing time per page
# grows with the bucket: each page walks the bucket's folder from the start).
read -r list_s list_n < <("$py" bench/purge/s3.py list "$port" purge-plugin)

# The plugin: one DeleteObject after another.
read -r plugin_s plugin_n < <("$py" bench/purge/s3.py plugin "$port" purge-plugin "$count" "$t0")

# Each bucket must hold exactly the newest archive: every other key gone.
left_bjlg=$("$py" bench/purge/s3.py left "$port" purge-bjlg)
left_plugin=$("$py" bench/purge/s3.py left "$port" purge-plugin)
want=$((count - 1))
ok=yes
[ "$listed" = "$count" ] && [ "$planned" = "$want" ] && [ "$deleted" = "$want" ] && [ "$gone" = 0 ] \
  && [ "$failed" = 0 ] && [ "$left_bjlg" = "$kept" ] || ok=NO
[ "$plugin_n" = "$want" ] && [ "$left_plugin" = "$kept" ] || ok=NO
if [ "$ok" != yes ]; then
  echo "bench/purge: check failed: bjlg listed $listed, planned $planned, deleted $deleted, already gone $gone," \
    "failed $failed, $(printf '%s\n' "$left_bjlg" | grep -c .) left; plugin deleted $plugin_n," \
    "$(printf '%s\n' "$left_plugin" | grep -c .) left" >&2
  exit 1
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
total_s=$(awk -v a="$plan_s" -v b="$run_s" 'BEGIN { printf "%.3f", a + b }')
pages=$(( (count + 999) / 1000 ))
batches=$(( (want + batch - 1) / batch ))
machine="$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), PHP $(php -r 'echo PHP_VERSION;'),\
 $(uname -sr), s3rver $(cat build/quota-tools/node_modules/s3rver/package.json | "$py" -c 'import json,sys; print(json.load(sys.stdin)["version"])')\
 on Node $(node --version), botocore $("$py" -c 'import botocore; print(botocore.__version__)')"
out=bench/purge/RESULTS.md
{
  echo "# Purge benchmark"
  echo
  echo "- Machine: $machine (${BENCH_NOTE:-other jobs may share it: ratios matter more than seconds})"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Command: \`bash bench/purge/run.sh\` (BENCH_PURGE_OBJECTS=$count, BENCH_PURGE_PARALLEL=$parallel; steps in \`bench/purge/bench.php\` and \`bench/purge/s3.py\`)"
  echo "- Data: two buckets of the same s3rver on loopback (no signature-checking proxy), each seeded with $count archives of 4 bytes at the bucket's root, \`backup-full-{Y-m-d-H-i-s}-{13 hex}.zip\`, one an hour; policy \`keep_last: 1\`, so $want go from each ($seed_s s of seeding, not timed)"
  echo
  echo "| how | requests | seconds | peak memory | vs bjlg |"
  echo "|---|---:|---:|---:|---:|"
  echo "| bjlg: \`Purge::plan()\` (lists the bucket, judges every archive) | $pages ListObjectsV2 | $plan_s | | |"
  echo "| bjlg: \`Purge::run()\` (lists again, checks nothing changed, deletes: batch_size $batch, parallel $parallel; first deletion reported at $first_s s, last at $last_s s) | $pages ListObjectsV2 + $batches DeleteObjects | $run_s | | |"
  echo "| **bjlg: plan + run** | $((2 * pages + batches)) | **$total_s** | $((rss_kb / 1024)) MB (whole PHP process) | 1× |"
  echo "| the plugin: one DeleteObject after another (botocore \`delete_object\` in a plain loop, one connection, no threads; given the $want names, no listing) | $plugin_n DeleteObject | $plugin_s | | **$(ratio "$plugin_s" "$total_s")×** |"
  echo
  echo "Speed-up of bjlg's plan + run over the plugin's loop: **$(ratio "$plugin_s" "$total_s")×** (target ≥ 10×); of run() alone: $(ratio "$plugin_s" "$run_s")×."
  echo "bjlg's seconds are measured inside PHP (hrtime) around each call; the PHP process took $wall_s wall in all, start-up included."
  echo "The plugin's are measured inside Python around the loop (the client made and its connection opened before)."
  echo "Checked afterwards by listing each bucket: bjlg deleted $deleted (already gone $gone, failed $failed) and both buckets hold exactly the newest archive, every deleted key gone: yes."
  echo "For scale: botocore's ListObjectsV2 paginator lists the other bucket's $list_n objects in $list_s s on this s3rver; bjlg lists the bucket twice (plan, then run), so listing is most of its time here."
  echo "s3rver is one Node process keeping each object in its own files, and each of its listing pages walks the bucket's folder from the start: its own time bounds both sides from below."
  echo "The archives sit at the buckets' root: under a prefix, s3rver re-reads the prefix's whole folder after every deleted key (a per-key cost that grows with the folder, not S3's), which made both sides quadratic."
} > "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
