#!/usr/bin/env bash
# Load on `dossier serve` from a second process on loopback: wrk with 1,000 concurrent connections
# against the search API, the page and a document, and the server's resident memory before, between
# and after the rounds (it must not grow from round to round).
#
#   bash bench/serve_load.sh [BUILD_DIR] [SECONDS_PER_ROUND] [ROUNDS]
#
# Builds a corpus of the shipped samples (plus the Sky sample from ../shared when present) in a
# temporary directory. Needs wrk (Debian package `wrk`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
seconds="${2:-10}"
rounds="${3:-3}"
dossier="$build/dossier"
command -v wrk >/dev/null || { echo "serve_load: wrk missing (apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
inputs=("$root/samples/crude-scrape-example.txt")
[ -f "$root/../shared/samples/skynews-scrape-2025-11.txt" ] && inputs+=("$root/../shared/samples/skynews-scrape-2025-11.txt")
"$dossier" index --db "$work/c.db" "${inputs[@]}" 2>/dev/null
"$dossier" serve --db "$work/c.db" --port 0 2> "$work/serve.err" &
server=$!
for _ in $(seq 50); do grep -q "http://" "$work/serve.err" 2>/dev/null && break; sleep 0.1; done
base="$(grep -o 'http://[0-9.:]*' "$work/serve.err")"
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }
echo "server $base, RSS at start: $(rss)"
for round in $(seq "$rounds"); do
  for path in "/api/search?q=budget" "/" "/api/documents/1" "/api/entities?type=PER"; do
    echo "round $round: wrk -t2 -c1000 -d${seconds}s $base$path"
    wrk -t2 -c1000 -d"${seconds}s" --timeout 10s "$base$path" | grep -E "Requests/sec|Latency|Socket errors|Non-2xx|requests in"
  done
  echo "round $round: server RSS $(rss)"
done
