#!/usr/bin/python3
"""Runs `dossier time` over a TempEval-3 input set and scores it against the gold TimeML.

Usage: run_timex.py [--set timebank|aquaint] [--dossier build/dossier] [--keep DIR] [--errors]
                    [--json] [--data DIR]

The TE3input documents are read from ../shared/data/nlp/time/te3input/SET-TE3input.tar.gz
(unpacked into a temporary directory), tagged by one `dossier time --out-dir` run, and scored by
score_timex.py (PROTOCOL.md) against ../shared/data/nlp/time/SET/. Standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import score_timex  # noqa: E402

TIME_DATA = os.path.join(REPO, "..", "shared", "data", "nlp", "time")


def run(set_name, dossier, keep=None, data=None):
    """Tags the set; returns (system_dir, seconds, input_bytes, gold_dir, tmp handle)."""
    archive = os.path.join(TIME_DATA, "te3input", f"{set_name}-TE3input.tar.gz")
    gold_dir = os.path.join(TIME_DATA, set_name)
    tmp = tempfile.TemporaryDirectory(prefix="timex-")
    with tarfile.open(archive) as tar:
        try:
            tar.extractall(tmp.name, filter="data")
        except TypeError:
            tar.extractall(tmp.name)
    in_dir = os.path.join(tmp.name, set_name)
    files = sorted(os.path.join(in_dir, f) for f in os.listdir(in_dir) if f.endswith(".TE3input"))
    out_dir = keep or os.path.join(tmp.name, "out")
    cmd = [dossier, "time", "--out-dir", out_dir] + (["--data", data] if data else []) + files
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
    size = sum(os.path.getsize(f) for f in files)
    return out_dir, seconds, size, gold_dir, tmp


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="timebank", choices=["timebank", "aquaint"])
    ap.add_argument("--dossier", default=os.path.join(REPO, "build", "dossier"))
    ap.add_argument("--keep", help="write the tagged documents here (kept)")
    ap.add_argument("--data", help="data directory passed to dossier")
    ap.add_argument("--errors", action="store_true", help="list every error")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    out_dir, seconds, size, gold_dir, tmp = run(args.set, args.dossier, args.keep, args.data)
    errors = [] if args.errors else None
    total, problems = score_timex.score_dirs(gold_dir, out_dir, errors)
    for p in problems:
        print(f"run_timex: {p}", file=sys.stderr)
    m = score_timex.metrics(total)
    m["seconds"] = seconds
    m["input_bytes"] = size
    if args.json:
        print(json.dumps(m, sort_keys=True))
    else:
        print(score_timex.format_table(m, args.set))
        print(f"dossier time: {size} bytes in {seconds:.2f} s (one process, start-up included)")
    if errors is not None:
        for key, kind, g, s in errors:
            gt = f"{g.text!r} {g.type} {g.value}" if g else "-"
            st = f"{s.text!r} {s.type} {s.value}" if s else "-"
            print(f"{key}\t{kind}\tgold={gt}\tsys={st}")
    tmp.cleanup()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
