#!/usr/bin/env bash
# PostgreSQL for the SQL tests (tests/test_sql_*.py): a throwaway cluster in a temporary folder.
#   start: initdb, pg_ctl start on a free port of 127.0.0.1 (and a unix socket in the folder), create
#          the database; prints `export CDSDSL_TEST_POSTGRES=postgresql://...` on standard output,
#          everything else on standard error.  As root (CI), the server runs as the `postgres` user.
#   stop:  pg_ctl stop and remove the folder.
# Debian's binaries are in /usr/lib/postgresql/<version>/bin (the newest version found is used).
set -euo pipefail
state="${CDSDSL_PG_STATE:-${TMPDIR:-/tmp}/cdsdsl-ci-postgres.state}"

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start() {
  local bin dir port
  bin="$(bindir)"
  [ -n "$bin" ] || { echo "postgres.sh: no PostgreSQL in /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }
  dir="$(mktemp -d "${TMPDIR:-/tmp}/cdsdsl-pg.XXXXXX")"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >&2
  port="$(free_port)"
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >&2
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres cdsdsl_test >&2
  printf '%s\n' "$dir" > "$state"
  echo "postgres.sh: $("$bin/postgres" --version) on 127.0.0.1:$port, data in $dir" >&2
  echo "export CDSDSL_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$port/cdsdsl_test"
}

stop() {
  [ -f "$state" ] || { echo "postgres.sh: nothing to stop" >&2; return 0; }
  local dir bin
  dir="$(cat "$state")"
  bin="$(bindir)"
  if [ -d "$dir/data" ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true; fi
  case "$dir" in */cdsdsl-pg.*) rm -rf "$dir" ;; esac
  rm -f "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
