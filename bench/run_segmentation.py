#!/usr/bin/python3
"""Runs `DOSSIER segment FILE` on every document of a Choi-format archive and scores it.

For each `.ref` member of the archive: the separator lines (`==========`) and blank lines are
removed (PROTOCOLS.md section 3), the units are written one per line to a temporary directory
(outside the repository), and `DOSSIER segment FILE` is run; it prints the whitespace-separated
1-based numbers of the units that start a segment. The predictions are written as JSON lines
{"file", "starts"} and scored with score_segmentation.py.

Usage:
  run_segmentation.py --dossier build/dossier --archive .../choi-dev.tar.gz [--out PRED.jsonl] [--json]
"""

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_segmentation  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _segment_one(job):
    name, path, command = job
    t0 = time.perf_counter()
    proc = subprocess.run(command + [path], capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} {path} failed ({proc.returncode}): {proc.stderr.strip()[:500]}")
    starts = [int(tok) for tok in proc.stdout.split()]
    return name, starts, elapsed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossier", required=True, help="path to the dossier binary (or a driver with the same interface)")
    ap.add_argument("--archive", required=True, help="Choi-format .tar.gz")
    ap.add_argument("--out", help="prediction file (default: bench/out/segment-<archive>.jsonl)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)

    archive_base = os.path.basename(args.archive).split(".")[0]
    out = args.out or os.path.join(REPO, "bench", "out", f"segment-{archive_base}.jsonl")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)

    gold = score_segmentation.read_gold_archive(args.archive)
    command = [os.path.abspath(args.dossier) if os.path.exists(args.dossier) else args.dossier, "segment"]
    total_units = sum(len(units) for units, _ in gold.values())

    with tempfile.TemporaryDirectory(prefix="dossier-seg-") as tmp:
        jobs = []
        for i, (name, (units, _)) in enumerate(gold.items()):
            path = os.path.join(tmp, f"{i:05d}.txt")
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write("".join(u + "\n" for u in units))
            jobs.append((name, path, command))
        t0 = time.perf_counter()
        with multiprocessing.Pool(max(1, args.workers)) as pool:
            results = pool.map(_segment_one, jobs, chunksize=4)
        wall = time.perf_counter() - t0

    preds = {}
    with open(out, "w", encoding="utf-8") as f:
        for name, starts, _ in results:
            preds[name] = starts
            f.write(json.dumps({"file": name, "starts": starts}) + "\n")
    cpu = sum(e for _, _, e in results)

    result = score_segmentation.score(gold, preds)
    result.pop("per_document")
    result["speed"] = {"documents": len(gold), "units": total_units, "wall_seconds": wall,
                       "process_seconds": cpu, "units_per_second_per_process": total_units / cpu if cpu else 0.0}
    result["predictions"] = out
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(score_segmentation.format_table(result))
        print(f"predictions: {out}")
        print(f"{len(gold)} documents, {total_units} units; wall {wall:.2f}s with {args.workers} workers; "
              f"{total_units / cpu:.0f} units/s per process (including process start-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
