#!/usr/bin/env bash
# Checks that two `dossier` binaries give byte-identical outputs on everything a speed change must
# not alter: `analyze` (JSON with and without --tokens, text and markdown) on every scraped-text
# dev file, both samples and one file of all dev files concatenated; `segment` on every Choi and
# news dev document; `tag --conll` on CoNLL dev (eng.testa). Prints each difference and exits 1,
# or prints "same" and exits 0.
# Usage: bench/tools/same_outputs.sh OLD_BINARY NEW_BINARY
set -euo pipefail
old="$1"
new="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$root/../shared"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
same() {  # same LABEL ARGS...: runs both binaries with ARGS and compares stdout
  local label="$1"; shift
  "$old" "$@" > "$work/old.out" 2> /dev/null || true
  "$new" "$@" > "$work/new.out" 2> /dev/null || true
  if ! cmp -s "$work/old.out" "$work/new.out"; then
    echo "DIFFERENT: $label ($*)"
    cmp "$work/old.out" "$work/new.out" | head -1 || true
    fail=1
  fi
}
dev=("$shared"/data/scraped-text/dev/*/*.txt)
samples=("$shared"/samples/*.txt "$root"/samples/*.txt)
cat "${dev[@]}" > "$work/all-dev.txt"
for f in "${dev[@]}" "${samples[@]}" "$work/all-dev.txt"; do
  [ -f "$f" ] || continue
  same "analyze json $f" analyze --no-progress "$f"
  same "analyze tokens $f" analyze --no-progress --tokens "$f"
done
for f in "${samples[@]}"; do
  [ -f "$f" ] || continue
  same "analyze text $f" analyze --no-progress --format text "$f"
  same "analyze markdown $f" analyze --no-progress --format markdown "$f"
done
mkdir -p "$work/seg"
tar xzf "$shared/data/nlp/segmentation/choi/choi-dev.tar.gz" -C "$work/seg"
tar xzf "$shared/data/nlp/segmentation/news/news-dev.tar.gz" -C "$work/seg"
# One process per document is slow; compare all starts of a folder at once.
for dir in "$work"/seg/*/; do
  find "$dir" -type f | sort > "$work/seg-files.txt"
  [ -s "$work/seg-files.txt" ] || { echo "no documents in $dir"; fail=1; }
  while read -r f; do echo "$f $("$old" segment "$f")"; done < "$work/seg-files.txt" > "$work/seg-old.txt"
  while read -r f; do echo "$f $("$new" segment "$f")"; done < "$work/seg-files.txt" > "$work/seg-new.txt"
  cmp -s "$work/seg-old.txt" "$work/seg-new.txt" || { echo "DIFFERENT: segment $dir"; fail=1; }
  echo "segment: $(wc -l < "$work/seg-files.txt") documents in $(basename "$dir") compared"
done
if [ -f "$shared/data/nlp/ner/conll2003/eng.testa" ]; then
  same "tag --conll eng.testa" tag --conll "$shared/data/nlp/ner/conll2003/eng.testa"
fi
[ "$fail" = 0 ] && echo same
exit "$fail"
