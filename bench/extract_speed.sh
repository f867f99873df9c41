#!/usr/bin/env bash
# Speed of `dossier extract` on one core, against readability-lxml measured in the same run.
#
#   bash bench/extract_speed.sh [BUILD_DIR] [PAGES_DIR] [REPEAT]
#
# BUILD_DIR defaults to build/, PAGES_DIR to ../shared/data/extraction/scrapinghub/html (the 136
# ScrapingHub pages), REPEAT (passes; the fastest is reported) to 3. The pages are decompressed
# into a temporary directory first, so gzip is not timed. `dossier extract -j 1` runs pinned to
# core 0 (taskset -c 0) under /usr/bin/time -v for its peak RSS; bench/time_readability.py runs
# pinned to the same core over the same decompressed pages. Prints pages/s, MB/s (10^6 bytes of
# decompressed HTML per second) by wall clock and by CPU time (user + system; a busy machine
# disturbs it less), peak RSS, and the ratio of the two speeds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
pages="${2:-$root/../shared/data/extraction/scrapinghub/html}"
repeat="${3:-3}"
dossier="$build/dossier"

[ -x "$dossier" ] || { echo "extract_speed: $dossier not built (bash scripts/build.sh)" >&2; exit 1; }
[ -d "$pages" ] || { echo "extract_speed: no page directory $pages" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "extract_speed: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/pages"
for f in "$pages"/*; do
  name="$(basename "$f")"
  case "$name" in
    *.gz) gzip -dc "$f" > "$tmp/pages/${name%.gz}" ;;
    *) cp "$f" "$tmp/pages/$name" ;;
  esac
done
files=("$tmp"/pages/*)
count=${#files[@]}
bytes=$(cat "${files[@]}" | wc -c)

best_ns=""
best_cpu=""
peak_kb=0
for ((r = 0; r < repeat; r++)); do
  start=$(date +%s%N)
  /usr/bin/time -v -o "$tmp/time.txt" taskset -c 0 "$dossier" extract -j 1 --no-progress "${files[@]}" \
    > "$tmp/out.jsonl" 2> "$tmp/err.txt" || { cat "$tmp/err.txt" >&2; exit 1; }
  end=$(date +%s%N)
  ns=$((end - start))
  if [ -z "$best_ns" ] || [ "$ns" -lt "$best_ns" ]; then best_ns=$ns; fi
  cpu=$(awk -F': ' '/User time \(seconds\)/ {u=$2} /System time \(seconds\)/ {s=$2} END {printf "%.3f", u+s}' "$tmp/time.txt")
  if [ -z "$best_cpu" ] || awk "BEGIN {exit !($cpu < $best_cpu)}"; then best_cpu=$cpu; fi
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
  if [ "$kb" -gt "$peak_kb" ]; then peak_kb=$kb; fi
done
lines=$(wc -l < "$tmp/out.jsonl")

readability_json="$(taskset -c 0 /usr/bin/python3 "$root/bench/time_readability.py" --pages "$tmp/pages" \
                    --repeat "$repeat" --json)"

/usr/bin/python3 - "$count" "$bytes" "$best_ns" "$peak_kb" "$lines" "$repeat" "$best_cpu" "$readability_json" <<'EOF'
import json, sys
count, nbytes, ns, peak_kb, lines, repeat = (int(x) for x in sys.argv[1:7])
cpu = float(sys.argv[7])
rd = json.loads(sys.argv[8])
secs = ns / 1e9
pps, mbs = count / secs, nbytes / 1e6 / secs
print(f"pages: {count} ({nbytes / 1e6:.1f} MB decompressed), one core, best of {repeat}")
cpu_pps = count / cpu
print(f"dossier extract -j 1: {secs:.2f} s, {pps:.1f} pages/s, {mbs:.2f} MB/s; CPU {cpu:.2f} s,"
      f" {cpu_pps:.1f} pages per CPU second; peak RSS {peak_kb / 1024:.1f} MiB ({lines} JSON lines)")
print(f"readability-lxml {rd['version']}: {rd['seconds']:.2f} s, {rd['pages_per_s']:.1f} pages/s,"
      f" {rd['mb_per_s']:.2f} MB/s; CPU {rd['cpu_seconds']:.2f} s, {rd['pages_per_cpu_s']:.1f} pages per"
      f" CPU second ({rd['failures']} failures)")
print(f"ratio dossier / readability-lxml: {pps / rd['pages_per_s']:.1f}x by wall clock,"
      f" {cpu_pps / rd['pages_per_cpu_s']:.1f}x by CPU time")
EOF
