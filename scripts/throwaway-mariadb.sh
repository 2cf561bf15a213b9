#!/usr/bin/env bash
# A throwaway MariaDB for the PHP tests of Bjlg\Database, with the flags of the restore tests'
# server (src/verify/database.cc, RestoreDatabase::StartThrowaway): a private data folder, a
# Unix socket in it, no network, root without password reachable only through that folder.
#   throwaway-mariadb.sh start DIR   -> prints the socket path once the server answers
#   throwaway-mariadb.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?folder}
case "$cmd" in
  start)
    mkdir -p "$dir/data"; chmod 700 "$dir"
    user=$(id -un)
    mariadb-install-db --no-defaults --datadir="$dir/data" --user="$user" \
      --auth-root-authentication-method=normal --skip-test-db >"$dir/install.out" 2>"$dir/install.err"
    extra=(); [ "$(id -u)" -eq 0 ] && extra=(--user=root)
    mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/s.sock" --skip-networking \
      --pid-file="$dir/server.pid" --log-error="$dir/server.log" --tmpdir="$dir" \
      --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=0 --skip-log-bin \
      --max-allowed-packet=256M "${extra[@]}" >/dev/null 2>"$dir/server.err" &
    for _ in $(seq 1 600); do
      if [ -S "$dir/s.sock" ] && mariadb --no-defaults --socket="$dir/s.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
        echo "$dir/s.sock"; exit 0
      fi
      sleep 0.1
    done
    echo "throwaway-mariadb: the server did not start: $(tail -c 600 "$dir/server.log" 2>/dev/null)" >&2; exit 1 ;;
  stop)
    if [ -f "$dir/server.pid" ]; then
      pid=$(cat "$dir/server.pid"); kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
    fi ;;
esac
