#!/usr/bin/python3
"""Runs `dossier tag --conll` on the CoNLL-2003 development file and prints the conlleval table.

Usage: bench/run_ner.py [--dossier build/dossier] [--data ../shared/data/nlp/ner/conll2003/eng.testa]
                        [--model models/ner.model] [--out predictions.conll]
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import score_conll  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", default=os.path.join(REPO, "build", "dossier"))
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data", "nlp", "ner", "conll2003",
                                                   "eng.testa"))
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", default=None, help="also write the tagged file here")
    args = ap.parse_args()
    cmd = [args.dossier, "tag", "--conll", args.data, "--stats"]
    if args.model:
        cmd += ["--model", args.model]
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        return run.returncode
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(run.stdout)
    result = score_conll.score(run.stdout.splitlines(True))
    print("dev: %s" % os.path.relpath(args.data))
    print(score_conll.table(result))
    sys.stderr.write(run.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
