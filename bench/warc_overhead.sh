#!/usr/bin/env bash
# What reading WARC adds to extraction: `dossier extract` CPU time on N pages as separate .html
# files (and .html.gz files), against the same pages packed in one .warc and in one .warc.gz (gzip
# per record, as crawlers write them; bench/make_warc.py: a request and a response record per page).
#
#   bash bench/warc_overhead.sh [BUILD_DIR] [PAGES_DIR] [REPEAT] [COPIES]
#
# PAGES_DIR defaults to ../shared/data/extraction/scrapinghub/html (136 pages, decompressed first
# so that gzip is not timed for the .html files); COPIES (default 5) repeats the page list to
# lengthen each run; REPEAT (default 5) runs of each, the fastest CPU time (user + system) kept.
# Runs pinned to one core (taskset -c 0), -j 1.
#
# MEASURE=instructions: count instructions with valgrind's callgrind instead (one run each; the count
# does not move with the machine's load, which CPU time on a shared machine does by 10-30%). Slow:
# use COPIES=1 (136 pages), e.g. MEASURE=instructions bash bench/warc_overhead.sh build "" 1 1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
pages="${2:-}"
pages="${pages:-$root/../shared/data/extraction/scrapinghub/html}"
repeat="${3:-5}"
copies="${4:-5}"
dossier="$build/dossier"
[ -x "$dossier" ] || { echo "warc_overhead: $dossier not built" >&2; exit 1; }
[ -d "$pages" ] || { echo "warc_overhead: no page directory $pages" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/pages"
for c in $(seq 1 "$copies"); do
  for f in "$pages"/*; do
    name="$(basename "$f")"
    case "$name" in
      *.gz) gzip -dc "$f" > "$tmp/pages/$c-${name%.gz}" ;;
      *) cp "$f" "$tmp/pages/$c-$name" ;;
    esac
  done
done
ls "$tmp"/pages/* > "$tmp/list"
# The same pages gzip-compressed one by one, the fair yardstick for .warc.gz (gunzip paid by both).
mkdir "$tmp/gz"
for f in "$tmp"/pages/*; do gzip -c "$f" > "$tmp/gz/$(basename "$f").gz"; done
count=$(wc -l < "$tmp/list")
python3 "$root/bench/make_warc.py" --list "$tmp/list" "$tmp/all.warc" 2>/dev/null
python3 "$root/bench/make_warc.py" --list "$tmp/list" "$tmp/all.warc.gz" 2>/dev/null

measure="${MEASURE:-cpu}"
cpu_of() {  # fastest user+system seconds over $repeat runs of: dossier extract ARGS (or its instructions)
  local best=""
  if [ "$measure" = instructions ]; then
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$dossier" extract --no-progress -j 1 "$@" \
      > "$tmp/out" 2> "$tmp/cg" || true
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/cg"
    return
  fi
  for _ in $(seq 1 "$repeat"); do
    /usr/bin/time -f "%U %S" -o "$tmp/time" taskset -c 0 "$dossier" extract --no-progress -j 1 "$@" > "$tmp/out" 2>/dev/null || true
    local t
    t=$(awk '{printf "%.3f", $1 + $2}' "$tmp/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a < b)}'; then best="$t"; fi
  done
  echo "$best"
}
html_cpu=$(cpu_of "$tmp"/pages/*)
html_lines=$(wc -l < "$tmp/out")
htmlgz_cpu=$(cpu_of "$tmp"/gz/*)
htmlgz_lines=$(wc -l < "$tmp/out")
warc_cpu=$(cpu_of "$tmp/all.warc")
warc_lines=$(wc -l < "$tmp/out")
gz_cpu=$(cpu_of "$tmp/all.warc.gz")
gz_lines=$(wc -l < "$tmp/out")
bytes=$(cat "$tmp"/pages/* | wc -c)
echo "pages: $count ($bytes bytes of HTML); .warc $(wc -c < "$tmp/all.warc") bytes, .warc.gz $(wc -c < "$tmp/all.warc.gz") bytes"
printf "%-10s %8s %8s %s\n" input "$measure" lines "overhead vs .html"
printf "%-10s %8s %8s\n" .html "$html_cpu" "$html_lines"
printf "%-10s %8s %8s %+.1f%%\n" .warc "$warc_cpu" "$warc_lines" "$(awk -v a="$warc_cpu" -v b="$html_cpu" 'BEGIN{print (a/b-1)*100}')"
printf "%-10s %8s %8s %+.1f%%\n" .html.gz "$htmlgz_cpu" "$htmlgz_lines" "$(awk -v a="$htmlgz_cpu" -v b="$html_cpu" 'BEGIN{print (a/b-1)*100}')"
printf "%-10s %8s %8s %+.1f%% (%+.1f%% vs .html.gz)\n" .warc.gz "$gz_cpu" "$gz_lines" "$(awk -v a="$gz_cpu" -v b="$html_cpu" 'BEGIN{print (a/b-1)*100}')" "$(awk -v a="$gz_cpu" -v b="$htmlgz_cpu" 'BEGIN{print (a/b-1)*100}')"
