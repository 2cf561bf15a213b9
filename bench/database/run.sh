#!/usr/bin/env bash
# bench/database: a throwaway MariaDB filled with BENCH_DB_MB (default 200) MB of WordPress-like
# posts; dump into a compressed archive with bjlg (Writer::addDatabase) vs `mariadb-dump
# --single-transaction | gzip -1/-6` vs mariadb-dump alone vs the plugin's PHP loop through mysqli
# (+ ZipArchive); import of the same dump with bjlg's Importer vs the `mariadb` client. Wall
# time and peak memory (GNU time) of each, in the same run. Writes bench/database/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
mb=${BENCH_DB_MB:-200}
dir=/tmp/bjlg-bench-db-$$
out=$(mktemp -d)
trap 'bash scripts/throwaway-mariadb.sh stop "$dir"; rm -rf "$dir" "$out"' EXIT
sock=$(bash scripts/throwaway-mariadb.sh start "$dir")
php="php -d extension=$root/modules/bjlg.so"
gen=$($php bench/database/bench.php gen "$sock" bench "$mb")
client=(mariadb --no-defaults -uroot --socket="$sock")

# "seconds peak_kB" of a command (GNU time), its output discarded.
measure() { /usr/bin/time -f '%e %M' -o "$out/t" "$@" >"$out/o" 2>/dev/null; cat "$out/t"; }
measure_sh() { /usr/bin/time -f '%e %M' -o "$out/t" bash -c "$1" >"$out/o" 2>/dev/null; cat "$out/t"; }

read -r bj_s bj_m < <(measure $php bench/database/bench.php bjlg "$sock" bench "$out/bjlg.zip")
bj_line=$(cat "$out/o")
read -r b6_s b6_m < <(measure $php bench/database/bench.php bjlg6 "$sock" bench "$out/bjlg6.zip")
read -r bs_s bs_m < <(measure $php bench/database/bench.php bjlgsql "$sock" bench "$out/bjlg.sql")
read -r md_s md_m < <(measure_sh "mariadb-dump --no-defaults -uroot --socket='$sock' --single-transaction bench | gzip -6 > '$out/md.sql.gz'")
read -r m1_s m1_m < <(measure_sh "mariadb-dump --no-defaults -uroot --socket='$sock' --single-transaction bench | gzip -1 > '$out/md1.sql.gz'")
read -r mda_s mda_m < <(measure_sh "mariadb-dump --no-defaults -uroot --socket='$sock' --single-transaction bench > '$out/md.sql'")
read -r pl_s pl_m < <(measure $php bench/database/bench.php plugin "$sock" bench "$out/plugin.zip")
pl_line=$(cat "$out/o")

unzip -p "$out/bjlg.zip" database.sql > "$out/dump.sql"
"${client[@]}" -e 'CREATE DATABASE imp1; CREATE DATABASE imp2'
read -r im_s im_m < <(measure $php bench/database/bench.php import "$sock" imp1 "$out/dump.sql")
read -r cl_s cl_m < <(measure_sh "mariadb --no-defaults -uroot --socket='$sock' imp2 < '$out/dump.sql'")
same=$(for db in imp1 imp2; do "${client[@]}" -N -B "$db" -e 'CHECKSUM TABLE wp_posts, wp_postmeta' | awk '{print $2}' | tr '\n' ' '; echo; done | uniq | wc -l)

size() { du -m "$1" | cut -f1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
machine="$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -sr), $(mariadbd --version | awk '{print $3}')"
{
  echo "## database"
  echo
  echo "- Machine: $machine (${BENCH_NOTE:-other jobs may share it: ratios matter more than seconds})"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Command: \`BENCH_DB_MB=$mb bash bench/database/run.sh\` (steps in \`bench/database/bench.php\`)"
  echo "- Data: $gen (wp_posts + wp_postmeta, text with UTF-8 and serialized PHP); dump $(size "$out/dump.sql") MB of SQL"
  echo
  echo "| dump | seconds | peak memory | output | vs bjlg |"
  echo "|---|---:|---:|---:|---:|"
  echo "| bjlg: Writer::addDatabase, into a zip (the dump at deflate 1, its default; 2 threads) | $bj_s | $((bj_m / 1024)) MB | $(size "$out/bjlg.zip") MB zip | 1× |"
  echo "| bjlg: the same with \`'level' => 6\` | $b6_s | $((b6_m / 1024)) MB | $(size "$out/bjlg6.zip") MB zip | $(ratio "$b6_s" "$bj_s")× |"
  echo "| \`mariadb-dump --single-transaction \\| gzip -6\` | $md_s | $((md_m / 1024)) MB | $(size "$out/md.sql.gz") MB gz | $(ratio "$md_s" "$bj_s")× |"
  echo "| \`mariadb-dump --single-transaction \\| gzip -1\` | $m1_s | $((m1_m / 1024)) MB | $(size "$out/md1.sql.gz") MB gz | $(ratio "$m1_s" "$bj_s")× |"
  echo "| bjlg: Dumper::dump into a plain .sql (no compression) | $bs_s | $((bs_m / 1024)) MB | $(size "$out/bjlg.sql") MB | $(ratio "$bs_s" "$bj_s")× |"
  echo "| \`mariadb-dump --single-transaction\` alone (no compression) | $mda_s | $((mda_m / 1024)) MB | $(size "$out/md.sql") MB | $(ratio "$mda_s" "$bj_s")× |"
  echo "| the plugin's loop through mysqli + ZipArchive | $pl_s | $((pl_m / 1024)) MB | $(size "$out/plugin.zip") MB zip | $(ratio "$pl_s" "$bj_s")× |"
  echo
  echo "bjlg: $bj_line; plugin: $pl_line."
  echo
  echo "| import of bjlg's dump | seconds | peak memory | vs bjlg |"
  echo "|---|---:|---:|---:|"
  echo "| bjlg: Importer::import | $im_s | $((im_m / 1024)) MB | 1× |"
  echo "| \`mariadb\` client | $cl_s | $((cl_m / 1024)) MB | $(ratio "$cl_s" "$im_s")× |"
  echo
  echo "Both imports give the same CHECKSUM TABLE: $([ "$same" = 1 ] && echo yes || echo NO)."
} > bench/database/RESULTS.md
cat bench/database/RESULTS.md
