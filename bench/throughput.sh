#!/usr/bin/env bash
# Throughput and peak memory of `dossier analyze` on one core (release build).
# Builds a corpus outside the repository by copying the scraped-text dev files COPIES times
# (default 20: 1,200 files, ~36 MB), then analyses them all in one process, and also one big file
# of the same bytes. Prints MB/s (input bytes / wall seconds) and peak RSS from /usr/bin/time -v.
# Usage: bench/throughput.sh [BUILD_DIR] [COPIES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build}/dossier"
copies="${2:-20}"
dev="$root/../shared/data/scraped-text/dev"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/files"
for c in $(seq 1 "$copies"); do
  for f in "$dev"/*/*.txt; do cp "$f" "$work/files/$c-$(basename "$f")"; done
done
cat "$work"/files/*.txt > "$work/one-big-file.txt"
bytes=$(cat "$work"/files/*.txt | wc -c)
run() {
  local label="$1"; shift
  /usr/bin/time -v taskset -c 0 "$bin" analyze "$@" > /dev/null 2> "$work/time.txt"
  local secs rss
  secs=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk -F': ' '{print $2}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$work/time.txt" | awk -F': ' '{print $2}')
  awk -v l="$label" -v b="$bytes" -v s="$secs" -v r="$rss" 'BEGIN { printf "%-28s %8.1f MB in %6.2f s = %6.2f MB/s, peak RSS %6.1f MB\n", l, b/1e6, s, b/1e6/s, r/1024 }'
}
run "$(ls "$work"/files | wc -l) files, one process" "$work"/files/*.txt
run "one file of the same bytes" "$work/one-big-file.txt"
