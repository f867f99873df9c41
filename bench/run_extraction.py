#!/usr/bin/python3
"""Runs `dossier extract` over the extraction benchmarks and prints the score table.

For each set (scrapinghub, readability, trafilatura) the pages are extracted with
`build/dossier extract --no-progress -j N`, the JSON Lines are kept in bench/out/extraction-<set>.jsonl
and scored with bench/score_extraction.py (metric (a) for scrapinghub and readability, metric (b)
for trafilatura). With --halves, each set is also scored on its two halves (A: pages whose
sha1(id) starts with an even hex digit, B: the others), the split used to check that choices made
while looking at one half carry over to the other.

Usage:
  run_extraction.py [--dossier build/dossier] [--sets scrapinghub,readability,trafilatura]
                    [--jobs N] [--halves] [--out-dir bench/out] [--reuse] [--reference-parser]

Standard library only.
"""

import argparse
import hashlib
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_extraction as se  # noqa: E402


def half_of(page_id):
    return "A" if int(hashlib.sha1(page_id.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "B"


def run_set(dossier, set_name, data_dir, out_path, jobs, extra_args=()):
    files = list(se.page_files(set_name, data_dir).values())
    start = time.monotonic()
    with open(out_path, "wb") as out:
        proc = subprocess.run([dossier, "extract", "--no-progress", "-j", str(jobs)] + list(extra_args) + files,
                              stdout=out, stderr=subprocess.PIPE)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        sys.stderr.write(f"dossier extract failed on {set_name} (exit {proc.returncode})\n")
    return len(files), elapsed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--dossier", default=os.path.join(repo, "build", "dossier"))
    ap.add_argument("--data", default=se.DEFAULT_DATA)
    ap.add_argument("--sets", default=",".join(se.SETS))
    ap.add_argument("--jobs", type=int, default=0, help="parallel jobs (0: one per core)")
    ap.add_argument("--out-dir", default=os.path.join(repo, "bench", "out"))
    ap.add_argument("--halves", action="store_true", help="also score the A/B halves of each set")
    ap.add_argument("--reuse", action="store_true", help="score existing outputs, do not run dossier")
    ap.add_argument("--reference-parser", action="store_true",
                    help="parse with gumbo (dossier extract --reference-parser), to compare with our parser")
    ap.add_argument("--exclude-kinds", default="", help="block kinds left out of the scored text, e.g. caption")
    args = ap.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)
    print(se.TABLE_HEAD)
    for set_name in args.sets.split(","):
        out_path = os.path.join(args.out_dir, f"extraction-{set_name}.jsonl")
        if not args.reuse:
            n, secs = run_set(args.dossier, set_name, args.data, out_path, args.jobs,
                              ["--reference-parser"] if args.reference_parser else [])
            sys.stderr.write(f"{set_name}: {n} pages in {secs:.2f} s (wall, including process start)\n")
        gold = se.load_gold(set_name, args.data)
        pred = se.load_predictions(set_name, out_path, tuple(k for k in args.exclude_kinds.split(",") if k))
        print(se.format_row(set_name, se.score(set_name, gold, pred)))
        if args.halves:
            for half in ("A", "B"):
                ids = [i for i in sorted(gold) if half_of(i) == half]
                print(se.format_row(f"{set_name} half {half}", se.score(set_name, gold, pred, ids)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
