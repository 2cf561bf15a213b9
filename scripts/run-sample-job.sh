#!/usr/bin/env bash
# make run's main job, on an embedded default: check the example schedules, load the sample
# site's database into a throwaway MariaDB, back up the site's files and that database in one
# archive (`bjlg backup --db`, dumped straight into the zip), verify it, restore it into a
# sandbox (the dump imported into another throwaway server), and write the post-backup report
# (build/run/report.html: what was saved, verified, where, how long).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
php=(php -d "extension=$root/modules/bjlg.so")

"${php[@]}" bin/bjlg cron check --config docs/examples/schedules.json
php scripts/sample-site.php build/sample-site
mkdir -p -m 0700 build/run

# The site's database: the sample dump (the plugin's format) imported with Bjlg\Database\Importer.
db=$root/build/run/mariadb
bash scripts/throwaway-mariadb.sh stop "$db"
rm -rf "$db"
trap 'bash scripts/throwaway-mariadb.sh stop "$db"; rm -rf "$db"' EXIT
sock=$(bash scripts/throwaway-mariadb.sh start "$db")
mariadb --no-defaults -uroot --socket="$sock" -e 'CREATE DATABASE wordpress CHARACTER SET utf8mb4'
"${php[@]}" -r '
  $r = Bjlg\Database\Importer::import(["socket" => $argv[1], "user" => "root", "database" => "wordpress"], $argv[2]);
  printf("sample database: %d statements, %d rows imported\n", $r["statements"], $r["rows"]);
' "$sock" build/sample-site/database.sql

"${php[@]}" bin/bjlg backup --force --format=json --out build/run/sample-backup.zip \
  --db "mysql:unix_socket=$sock;dbname=wordpress" --db-user root \
  build/sample-site/wp-content=wp-content > build/run/backup.json
"${php[@]}" bin/bjlg verify build/run/sample-backup.zip --report build/run/verify.json --html build/run/verify.html
"${php[@]}" bin/bjlg restore-test build/run/sample-backup.zip --with-database --report build/run/restore.json \
  --html build/run/restore.html
"${php[@]}" bin/bjlg sla report --backup build/run/backup.json --verify build/run/verify.json \
  --title "Sample site: backup and verification" --out build/run/report.html
echo "report: open build/run/report.html"
