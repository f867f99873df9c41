#!/usr/bin/env bash
# The corpus store on PostgreSQL next to SQLite (bench/RESULTS.md, "Corpus store on PostgreSQL"):
# `dossier index` speed on analysed JSON Lines and search latency (p50/p95/p99), the same corpus in
# both. The server is a throw-away local cluster (scripts/postgres-test-server.sh: Unix socket
# only) with fsync and full_page_writes turned back on, so commits cost what they cost on a real
# server's disk. Its CPU time (every backend and helper process) is reported beside the client's.
#
#   bash bench/store_bench_postgres.sh [BUILD_DIR=build] [COUNT=10000] [WORK_DIR=/tmp/dossier-pg-bench]
#
# Everything it writes goes to WORK_DIR (generated data: never commit it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
count="${2:-10000}"
work="${3:-/tmp/dossier-pg-bench}"
shared="$root/../shared/data/extraction"
pages=("$shared"/scrapinghub/html/*.html.gz "$shared"/trafilatura/pages/*.html.gz
       "$shared"/readability/pages/*/source.html.gz)
mkdir -p "$work"
rm -f "$work"/corpus.db "$work"/corpus.db-wal "$work"/corpus.db-shm
timed() { /usr/bin/time -f "  client: wall %e s, user %U s, sys %S s, peak RSS %M KB" "$@"; }

if [ ! -s "$work/corpus-$count.jsonl" ]; then
  "$build/dossier" analyze --no-progress --no-sentences "${pages[@]}" > "$work/real.jsonl"
  /usr/bin/python3 "$root/bench/make_corpus.py" "$work/real.jsonl" "$count" "$work/corpus-$count.jsonl"
fi
corpus="$work/corpus-$count.jsonl"
ls -l "$corpus"

pgdir="$(mktemp -d /tmp/dossier-pg-bench.XXXXXX)"
trap 'bash "$root/scripts/postgres-test-server.sh" stop "$pgdir"' EXIT
server="$(bash "$root/scripts/postgres-test-server.sh" start "$pgdir")"
psql -X -q -d "$server" -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET full_page_writes = on" \
  -c "ALTER SYSTEM SET shared_buffers = '256MB'" -c "CREATE DATABASE bench"
bin="$(ls -d /usr/lib/postgresql/*/bin | tail -1)"
as_owner=(); if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi
"${as_owner[@]}" "$bin/pg_ctl" -D "$pgdir/data" -w -s restart >/dev/null  # shared_buffers needs a restart
url="${server/\/postgres\?//bench?}"
postmaster() { head -1 "$pgdir/data/postmaster.pid"; }
# CPU seconds of the whole cluster so far: the postmaster with its reaped children, and the live ones.
server_cpu() {
  local pm; pm="$(postmaster)"
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat"
    for c in $(pgrep -P "$pm"); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || true; done
  } | awk -v hz="$(getconf CLK_TCK)" '{s += $1} END {printf "%.1f", s / hz}'
}

echo "== SQLite: index $count analysed documents (then link the corpus entities)"
timed "$build/dossier" index --no-progress --db "$work/corpus.db" "$corpus"
echo "== PostgreSQL: the same"
before="$(server_cpu)"
timed "$build/dossier" index --no-progress --db "$url" "$corpus"
after="$(server_cpu)"
echo "  server: $(echo "$after - $before" | bc) CPU s"
echo "== PostgreSQL: re-index the same input (every document unchanged)"
timed "$build/dossier" index --no-progress --db "$url" "$corpus"
psql -X -At -d "$url" -c "SELECT 'database size', pg_size_pretty(pg_database_size('bench'))"
ls -l "$work/corpus.db"

echo "== search latency, SQLite"
"$build/dossier_search_latency" "$work/corpus.db" 5
echo "== search latency, PostgreSQL"
before="$(server_cpu)"
"$build/dossier_search_latency" "$url" 5
echo "  server: $(echo "$(server_cpu) - $before" | bc) CPU s"
