#!/usr/bin/env bash
# Throughput and peak memory of `dossier analyze` on one core (release build), for the foundation
# stages alone (`--stages foundation`: clean, line kinds, stories, sentences, tokens, JSON) and for
# the full pipeline (entities, quotes, time expressions and amounts added).
# Builds a corpus outside the repository by copying the scraped-text dev files COPIES times
# (default 20: 1,200 files, 23.5 MB), then analyses them all in one process, and also one big file
# of the same bytes. Each run is pinned to core 0 (taskset -c 0) and measured with /usr/bin/time -v:
# MB/s by wall clock and by CPU time (user + system; wall-clock figures suffer most when other
# people's builds share the machine), and peak RSS. Prints the load average first: say it with the
# figures. Best of RUNS runs (default 1) by CPU time.
# Usage: bench/throughput.sh [BUILD_DIR] [COPIES] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build}/dossier"
copies="${2:-20}"
runs="${3:-1}"
dev="$root/../shared/data/scraped-text/dev"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/files"
for c in $(seq 1 "$copies"); do
  for f in "$dev"/*/*.txt; do cp "$f" "$work/files/$c-$(basename "$f")"; done
done
cat "$work"/files/*.txt > "$work/one-big-file.txt"
bytes=$(cat "$work"/files/*.txt | wc -c)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)   ($(nproc) cores)"
run() {
  local label="$1"; shift
  local best=""
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -v taskset -c 0 "$bin" analyze --no-progress "$@" > /dev/null 2> "$work/time.txt"
    local wall user sys rss
    wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk -F': ' '{print $2}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    user=$(grep "User time (seconds)" "$work/time.txt" | awk -F': ' '{print $2}')
    sys=$(grep "System time (seconds)" "$work/time.txt" | awk -F': ' '{print $2}')
    rss=$(grep "Maximum resident set size" "$work/time.txt" | awk -F': ' '{print $2}')
    local line
    line=$(awk -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
      c = u + s; printf "%.3f %6.2f s wall = %6.2f MB/s | %5.2f s CPU (%5.2f user + %4.2f sys) = %6.2f MB/s | peak RSS %6.1f MB\n",
        c, w, b/1e6/w, c, u, s, b/1e6/c, r/1024 }')
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best="$line"; fi
  done
  printf "%-44s %s\n" "$label" "${best#* }"
}
printf "input: %.1f MB\n" "$(awk -v b="$bytes" 'BEGIN { print b/1e6 }')"
n="$(ls "$work"/files | wc -l)"
run "foundation, $n files, one process" --stages foundation "$work"/files/*.txt
run "foundation, one file of the same bytes" --stages foundation "$work/one-big-file.txt"
run "full pipeline, $n files, one process" "$work"/files/*.txt
run "full pipeline, one file of the same bytes" "$work/one-big-file.txt"
