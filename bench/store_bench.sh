#!/usr/bin/env bash
# Corpus store benchmark (bench/RESULTS.md, "Corpus store"): `dossier index` speed on HTML pages
# (analysis included) and on analysed JSON Lines, database size against the text, and search
# latency (p50/p95/p99) on a corpus made by replicating and varying the real pages' analyses.
#
#   bash bench/store_bench.sh [BUILD_DIR=build] [COUNT=100000] [WORK_DIR=/tmp/dossier-store-bench]
#
# Everything it writes goes to WORK_DIR (generated data: never commit it). Figures are CPU time
# (user + sys) as well as wall time: on a loaded machine the CPU figures are the honest ones.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
count="${2:-100000}"
work="${3:-/tmp/dossier-store-bench}"
shared="$root/../shared/data/extraction"
pages=("$shared"/scrapinghub/html/*.html.gz "$shared"/trafilatura/pages/*.html.gz
       "$shared"/readability/pages/*/source.html.gz)
mkdir -p "$work"
rm -f "$work"/*.db "$work"/*.db-wal "$work"/*.db-shm
timed() { /usr/bin/time -f "  wall %e s, user %U s, sys %S s, peak RSS %M KB" "$@"; }

echo "== 1. ${#pages[@]} HTML pages, analysed (all stages) and stored, -j 1"
timed "$build/dossier" index --no-progress --db "$work/html.db" "${pages[@]}"
ls -l "$work/html.db"

echo "== 2. the same pages as analysis JSON Lines (dossier analyze --no-sentences), replicated to $count"
"$build/dossier" analyze --no-progress --no-sentences "${pages[@]}" > "$work/real.jsonl"
/usr/bin/python3 "$root/bench/make_corpus.py" "$work/real.jsonl" "$count" "$work/corpus.jsonl"
ls -l "$work/corpus.jsonl"
timed "$build/dossier" index --no-progress --db "$work/corpus.db" "$work/corpus.jsonl"
echo "  re-indexing the same input (every document unchanged):"
timed "$build/dossier" index --no-progress --db "$work/corpus.db" "$work/corpus.jsonl"
sqlite3 "$work/corpus.db" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
ls -l "$work/corpus.db"
sqlite3 "$work/corpus.db" "SELECT 'documents', count(*), 'canonical text bytes', sum(text_bytes), 'compressed', sum(length(text)) FROM documents;"
sqlite3 "$work/corpus.db" "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 12;" 2>/dev/null || true

echo "== 3. search latency, $count documents"
"$build/dossier_search_latency" "$work/corpus.db" 5
