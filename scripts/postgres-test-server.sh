#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: `start DIR` makes a cluster in DIR (initdb, trust
# authentication, no TCP: it listens on a Unix socket in DIR only) and prints its URL; `stop DIR`
# stops it and removes DIR. PostgreSQL refuses to run as root: as root, the cluster runs as the
# `postgres` system user (Debian's package creates it) and DIR is handed to that user.
#
#   url=$(scripts/postgres-test-server.sh start /tmp/dossier-pg.XXXX)
#   DOSSIER_TEST_POSTGRES_URL=$url ctest ...
#   scripts/postgres-test-server.sh stop /tmp/dossier-pg.XXXX
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action="$1"
dir="$2"

bin=""
for d in /usr/lib/postgresql/*/bin; do
  [ -x "$d/initdb" ] && bin="$d"  # the glob sorts by version: the newest wins
done
if [ -z "$bin" ]; then
  echo "postgres-test-server: no PostgreSQL server installed (apt-get install postgresql)" >&2
  exit 1
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

case "$action" in
  start)
    mkdir -p "$dir"
    if [ ${#as_owner[@]} -gt 0 ]; then chown postgres: "$dir"; fi
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # Test settings: no TCP port, the socket in DIR, no fsync (a test cluster is thrown away; a
    # killed client still loses nothing committed, which is what the crash test checks).
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
      -o "-c listen_addresses='' -k $dir -c fsync=off -c full_page_writes=off -c max_connections=200" start \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql:///postgres?host=$dir&user=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -s stop || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
