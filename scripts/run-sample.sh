#!/usr/bin/env bash
# Quick start, part 1: installs what Dossier needs (Debian 12 packages), builds it (release), and
# analyses the crude-scrape sample shipped in samples/, printing the cleaned stories for people and
# writing the JSON to build/sample.jsonl; then indexes samples/ into the corpus build/samples.db
# and says how to browse it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" "$root/build" >/dev/null
"$root/build/dossier" analyze "$root/samples/crude-scrape-example.txt" > "$root/build/sample.jsonl"
"$root/build/dossier" analyze --format text "$root/samples/crude-scrape-example.txt"
echo "JSON Lines written to build/sample.jsonl" >&2
shopt -s nullglob
"$root/build/dossier" index --db "$root/build/samples.db" "$root"/samples/*.txt "$root"/samples/*.html* >&2
echo "Corpus of the samples in build/samples.db: browse it with" >&2
echo "  build/dossier serve --db build/samples.db     # then open http://127.0.0.1:8080/" >&2
