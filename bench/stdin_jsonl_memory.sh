#!/usr/bin/env bash
# Peak memory of `dossier analyze --stdin-jsonl` over generated streams of growing length: it must
# stay flat. The stream (bench/gen_jsonl.py) is piped in as it is generated, so no file is stored.
#
#   bash bench/stdin_jsonl_memory.sh [BUILD_DIR] [STAGES] [COUNTS...]
#
# STAGES defaults to foundation; COUNTS to 10000 100000 1000000. Prints, per count, the peak RSS
# (/usr/bin/time -v), the CPU seconds, documents per CPU second and the output lines (= count).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
stages="${2:-foundation}"
shift 2 || shift $# || true
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10000 100000 1000000)
dossier="$build/dossier"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf "%-9s %-12s %12s %10s %12s %10s\n" stages documents peak_rss_kb cpu_s docs_per_s lines
for n in "${counts[@]}"; do
  python3 "$root/bench/gen_jsonl.py" "$n" |
    /usr/bin/time -v -o "$tmp/time" "$dossier" analyze --stdin-jsonl --stages "$stages" -j 1 |
    wc -l > "$tmp/lines"
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$tmp/time")
  printf "%-9s %-12s %12s %10s %12.0f %10s\n" "$stages" "$n" "$rss" "$cpu" "$(awk -v n="$n" -v c="$cpu" 'BEGIN{print n/c}')" "$(cat "$tmp/lines")"
done
