#!/usr/bin/python3
"""Runs `DOSSIER analyze FILE` on every .txt of a scraped-text split and scores the result.

The JSON output of `dossier analyze` has "blocks": [{"kind", "story", "source_begin", "source_end",
"text", ...}] covering every non-empty input line in order, and "stories": [{"title", "first_block",
"last_block"}]. It is converted to the prediction format of score_scraped.py:
  labels       = each line's block kind (the block whose source_begin falls on that line; a block
                 is mapped to its 1-based line by counting b'\\n' in the input bytes before
                 source_begin, a byte offset). A line without a block gets "other" (warning).
  story_starts = the line of each story's first block.

Usage:
  run_scraped.py --dossier build/dossier [--gold-dir .../scraped-text/dev] [--out PRED.jsonl] [--json]
"""

import argparse
import bisect
import glob
import json
import multiprocessing
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_scraped  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_GOLD = os.path.join(REPO, "..", "shared", "data", "scraped-text", "dev")


def analysis_to_prediction(data, analysis):
    """(labels, story_starts, warnings) from the input bytes and the parsed `analyze` JSON."""
    newlines = [i for i, b in enumerate(data) if b == 0x0A]
    n_lines = len(newlines) + (0 if data.endswith(b"\n") or not data else 1)

    def line_of(offset):
        return bisect.bisect_left(newlines, offset) + 1  # newlines strictly before offset, + 1

    warnings = []
    labels = [None] * n_lines
    block_lines = []
    for b in analysis.get("blocks", []):
        line = line_of(int(b["source_begin"]))
        block_lines.append(line)
        if 1 <= line <= n_lines and labels[line - 1] is None:
            labels[line - 1] = b["kind"]
        elif 1 <= line <= n_lines:
            warnings.append(f"line {line} has several blocks; the first one's kind is used")
    for i, lab in enumerate(labels):
        if lab is None:
            warnings.append(f"line {i + 1} has no block; labelled other")
            labels[i] = "other"
    starts = []
    for s in analysis.get("stories", []):
        fb = int(s["first_block"])
        if 0 <= fb < len(block_lines):
            starts.append(block_lines[fb])
    if not starts:
        starts = [1]
    return labels, starts, warnings


def _analyze_one(job):
    name, path, command = job
    t0 = time.perf_counter()
    proc = subprocess.run(command + [path], capture_output=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} {path} failed ({proc.returncode}): "
                           f"{proc.stderr.decode('utf-8', 'replace').strip()[:500]}")
    with open(path, "rb") as f:
        data = f.read()
    labels, starts, warnings = analysis_to_prediction(data, json.loads(proc.stdout))
    return name, labels, starts, warnings, elapsed, len(data)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", required=True, help="path to the dossier binary")
    ap.add_argument("--gold-dir", default=DEFAULT_GOLD, help="split folder with <set>/*.txt and *.gold.json")
    ap.add_argument("--out", default=os.path.join(REPO, "bench", "out", "scraped-dev.jsonl"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    gold = score_scraped.load_gold_dir(args.gold_dir)
    command = [os.path.abspath(args.dossier) if os.path.exists(args.dossier) else args.dossier, "analyze"]
    jobs = [(name, os.path.join(args.gold_dir, name), command) for name in gold]
    t0 = time.perf_counter()
    with multiprocessing.Pool(max(1, args.workers)) as pool:
        results = pool.map(_analyze_one, jobs)
    wall = time.perf_counter() - t0

    preds = {}
    with open(args.out, "w", encoding="utf-8") as f:
        for name, labels, starts, warnings, _, _ in results:
            for w in warnings[:5]:
                print(f"warning: {name}: {w}", file=sys.stderr)
            preds[name] = {"labels": labels, "story_starts": starts}
            f.write(json.dumps({"file": name, "labels": labels, "story_starts": starts}) + "\n")
    result = score_scraped.score(gold, preds)
    total_bytes = sum(r[5] for r in results)
    result["speed"] = {"files": len(results), "bytes": total_bytes, "wall_seconds": wall}
    result["predictions"] = args.out
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(score_scraped.format_table(result))
        print(f"predictions: {args.out}; {len(results)} files, {total_bytes} bytes, wall {wall:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
