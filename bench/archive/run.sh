#!/usr/bin/env bash
# The archive bench: bjlg against what a user would otherwise use, in the same run, on the same
# files: PHP's ZipArchive (the plugin's writer) at its default level and at 6, Info-ZIP
# `zip -6`, and 7-Zip writing a zip on 2 threads.
#
# Data: Debian's wordpress package (apt-get download + dpkg -x, nothing installed; its 24
# symlinks to system libraries are left out by every tool) and the same tree plus generated
# incompressible media (BENCH_MEDIA_MB, default 300: JPEG-named and MP4-named random bytes).
# Everything lives in build/bench-archive/; the media and the archives are deleted at the end
# (BENCH_KEEP=1 keeps the media). Results: bench/archive/RESULTS.md.
#   bash bench/archive/run.sh            (needs modules/bjlg.so: make build)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$root/build/bench-archive
media_mb=${BENCH_MEDIA_MB:-300}
threads=${BENCH_THREADS:-"1 2 4"}
mkdir -p "$work"
cd "$work"

if ! ls wordpress_*.deb >/dev/null 2>&1; then apt-get download wordpress >/dev/null 2>&1; fi
if [ ! -d tree ]; then dpkg -x wordpress_*.deb tree; fi
wp=$work/tree/usr/share/wordpress

# wordpress+media: the tree plus media, as a second root assembled with hard links.
site=$work/site
if [ ! -d "$site/media-done-$media_mb" ]; then
  rm -rf "$site"
  mkdir -p "$site"
  cp -al "$wp" "$site/wordpress"
  mkdir -p "$site/wordpress/wp-content/uploads/2024"
  n_jpg=$(( media_mb * 8 / 10 / 2 ))      # 80% as 2 MB photos
  for i in $(seq 1 "$n_jpg"); do
    head -c $((2 << 20)) /dev/urandom > "$site/wordpress/wp-content/uploads/2024/photo-$i.jpg"
  done
  n_mp4=$(( media_mb * 2 / 10 / 20 ))     # 20% as 20 MB videos
  for i in $(seq 1 "$n_mp4"); do
    head -c $((20 << 20)) /dev/urandom > "$site/wordpress/wp-content/uploads/2024/video-$i.mp4"
  done
  mkdir -p "$site/media-done-$media_mb"
fi

php_bjlg=(php -n -d "extension=$root/modules/bjlg.so")  # only the extension under test
results=$work/results.tsv
: > "$results"

# Each tool runs BENCH_RUNS times (default 3) and its fastest run is kept: on a shared virtual
# machine single runs vary a lot, the best one is the least disturbed. bjlg's runs also leave
# close()'s per-stage times (stages.tsv) for the profile table.
runs=${BENCH_RUNS:-3}
stages=$work/stages.tsv
: > "$stages"
measure() {  # name dataset out -- command...
  local name=$1 dataset=$2 out=$3; shift 4
  local secs=999999 rss_kb user sys run
  for run in $(seq 1 "$runs"); do
    rm -f "$out"
    sync
    /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
      echo "bench: $name on $dataset failed:"; cat "$work/stderr.txt"; exit 1; }
    local t_secs t_rss t_user t_sys
    read -r t_secs t_rss t_user t_sys < "$work/time.txt"
    if awk -v a="$t_secs" -v b="$secs" 'BEGIN { exit !(a < b) }'; then
      secs=$t_secs rss_kb=$t_rss user=$t_user sys=$t_sys
      if [ -f "$work/stages.json" ]; then cp "$work/stages.json" "$work/best-stages.json"; fi
    fi
    rm -f "$work/stages.json"
  done
  if [ -f "$work/best-stages.json" ]; then
    printf '%s\t%s\t%s\t%s\n' "$dataset" "$name" "$secs" "$(cat "$work/best-stages.json")" >> "$stages"
    rm -f "$work/best-stages.json"
  fi
  local size meta=0
  size=$(stat -c %s "$out")
  unzip -tqq "$out" >/dev/null || { echo "bench: $name produced a broken zip"; exit 1; }
  if [[ $name == bjlg* ]]; then  # what bjlg adds: backup-index.json and the manifest, compressed
    meta=$("${php_bjlg[@]}" -r '$n = 0; foreach (Bjlg\Archive\Reader::open($argv[1])->entries() as $e)
      if (in_array($e["name"], ["backup-index.json", "backup-manifest.json"])) $n += $e["compressed_size"] + 76 + 2 * strlen($e["name"]);
      echo $n;' "$out")
  fi
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$dataset" "$name" "$secs" "$size" "$rss_kb" "$cpu" "$meta" >> "$results"
  printf '  %-28s %7.2f s (cpu %6.2f s) %12d bytes %8d KiB\n' "$name" "$secs" "$cpu" "$size" "$rss_kb"
  rm -f "$out"
}

for dataset in wordpress wordpress+media; do
  if [ "$dataset" = wordpress ]; then src=$wp; else src=$site/wordpress; fi
  (cd "$src" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) > "$work/list.txt"
  files=$(wc -l < "$work/list.txt")
  bytes=$(cd "$src" && tr '\n' '\0' < "$work/list.txt" | du -cb --files0-from=- | tail -1 | cut -f1)
  printf '%s\t%s\t%s\n' "$dataset" "$files" "$bytes" >> "$work/datasets.tsv.tmp"
  echo "$dataset: $files files, $bytes bytes"
  out=$work/out.zip
  for t in $threads; do
    label="bjlg level 6, $t thread$([ "$t" = 1 ] || echo s)"
    measure "$label" "$dataset" "$out" -- "${php_bjlg[@]}" "$root/bench/archive/bjlg_backup.php" "$src" "$out" 6 "$t" "$work/stages.json"
  done
  measure "ZipArchive default (9)" "$dataset" "$out" -- php -n -d extension=zip "$root/bench/archive/ziparchive.php" "$src" "$work/list.txt" "$out" default
  measure "ZipArchive level 6" "$dataset" "$out" -- php -n -d extension=zip "$root/bench/archive/ziparchive.php" "$src" "$work/list.txt" "$out" 6
  measure "zip -6" "$dataset" "$out" -- bash -c "cd '$src' && zip -6 -q -X '$out' -@ < '$work/list.txt'"
  measure "7z -tzip -mmt=2" "$dataset" "$out" -- bash -c "cd '$src' && 7z a -tzip -mmt=2 -bd -bso0 '$out' @'$work/list.txt'"
done
mv "$work/datasets.tsv.tmp" "$work/datasets.tsv"

php "$root/bench/archive/report.php" "$results" "$work/datasets.tsv" "$stages" "$runs" > "$root/bench/archive/RESULTS.md"
echo "wrote bench/archive/RESULTS.md"
if [ -z "${BENCH_KEEP:-}" ]; then rm -rf "$site"; fi
