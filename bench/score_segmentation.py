#!/usr/bin/python3
"""Pk and WindowDiff for linear text segmentation (Choi's data set, news concatenations).

Implements /work/shared/data/nlp/PROTOCOLS.md section 3 exactly:

1. All `==========` separator lines (and blank lines) of a gold `.ref` document are deleted; the
   remaining lines are the units 1..N. The gold segment starts are the units that directly followed
   a separator line; unit 1 always starts a segment (printed or not).
2. k = max(1, floor(N / (2*S) + 0.5)), S = number of gold segments of the document.
3. Pk: for i = 1..N-k, the window (i, i+k) is an error when gold and prediction disagree on
   "units i and i+k are in the same segment". Pk = errors / (N-k).
4. WindowDiff: for i = 1..N-k, count the segment starts among units i+1..i+k in gold and in the
   prediction; an error when the counts differ. WindowDiff = errors / (N-k).
5. Per-document figures are averaged over documents (each document weighs the same), per subset
   (the directory that holds the .ref, e.g. `3-11`) and overall.

A document with N <= k has no window; it scores 0 for both measures (cannot happen with S >= 1 and
N >= 2).

Usage:
  score_segmentation.py --gold-archive ARCHIVE.tar.gz --pred PRED.jsonl [--json]
PRED.jsonl: one line per document, {"file": "<member path in the archive>", "starts": [1-based units]}.
Predicted starts outside 1..N are ignored (a warning is printed to stderr).

Standard library only; the archive is read in place with `tarfile`.
"""

import argparse
import json
import math
import os
import sys
import tarfile

SEPARATOR = "=========="


def parse_ref(text):
    """Returns (units, gold_starts) of a Choi-format document; gold_starts are 1-based, ascending."""
    units = []
    starts = []
    after_separator = True  # unit 1 always starts a segment
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if line == SEPARATOR:
            after_separator = True
            continue
        if line.strip() == "":
            continue  # blank lines (and the empty string after the final newline) are not units
        units.append(line)
        if after_separator or len(units) == 1:
            starts.append(len(units))
        after_separator = False
    return units, starts


def read_gold_archive(path):
    """{member name: (units, gold_starts)} for every .ref member of a .tar.gz, in archive order."""
    gold = {}
    with tarfile.open(path, "r:*") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".ref"):
                continue
            data = tar.extractfile(member).read().decode("utf-8")
            gold[member.name] = parse_ref(data)
    return gold


def subset_of(member_name):
    """The directory that holds the document: `choi/1/3-11/0.ref` -> `3-11`."""
    parent = os.path.dirname(member_name)
    return os.path.basename(parent) if parent else "."


def compute_k(n, n_segments):
    return max(1, int(math.floor(n / (2.0 * n_segments) + 0.5)))


def segment_ids(n, starts):
    """ids[i] for i = 1..N (index 0 unused) = number of starts s with 1 < s <= i."""
    is_start = [False] * (n + 2)
    for s in starts:
        if 1 < s <= n:
            is_start[s] = True
    ids = [0] * (n + 1)
    c = 0
    for i in range(1, n + 1):
        if is_start[i]:
            c += 1
        ids[i] = c
    return ids


def score_document(n, gold_starts, pred_starts, k=None):
    """(Pk, WindowDiff, k) of one document of N units. Starts are 1-based unit numbers."""
    gold_set = {s for s in gold_starts if 1 <= s <= n}
    gold_set.add(1)
    if k is None:
        k = compute_k(n, len(gold_set))
    windows = n - k
    if windows <= 0:
        return 0.0, 0.0, k
    g = segment_ids(n, gold_set)
    p = segment_ids(n, pred_starts)
    pk_err = 0
    wd_err = 0
    for i in range(1, n - k + 1):
        # Starts among units i+1..i+k = difference of the start counts (ids count distinct starts).
        gb = g[i + k] - g[i]
        pb = p[i + k] - p[i]
        if (gb == 0) != (pb == 0):
            pk_err += 1
        if gb != pb:
            wd_err += 1
    return pk_err / windows, wd_err / windows, k


def read_predictions(path):
    preds = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            obj = json.loads(line)
            if obj["file"] in preds:
                raise SystemExit(f"{path}:{lineno}: duplicate prediction for {obj['file']}")
            preds[obj["file"]] = [int(s) for s in obj["starts"]]
    return preds


def score(gold, preds, strict=True):
    """Returns {"subsets": {name: {"documents", "pk", "windowdiff"}}, "overall": {...}, "per_document": [...]}"""
    missing = [name for name in gold if name not in preds]
    extra = [name for name in preds if name not in gold]
    if strict and (missing or extra):
        raise SystemExit(f"predictions do not match the archive: {len(missing)} missing "
                         f"(e.g. {missing[:3]}), {len(extra)} unknown (e.g. {extra[:3]})")
    per_doc = []
    for name, (units, gold_starts) in gold.items():
        n = len(units)
        pred = preds.get(name, [1])
        bad = [s for s in pred if not 1 <= s <= n]
        if bad:
            print(f"warning: {name}: {len(bad)} predicted starts outside 1..{n} ignored", file=sys.stderr)
        pk, wd, k = score_document(n, gold_starts, pred)
        per_doc.append({"file": name, "subset": subset_of(name), "units": n,
                        "segments": len(gold_starts), "k": k, "pk": pk, "windowdiff": wd})
    subsets = {}
    for d in per_doc:
        subsets.setdefault(d["subset"], []).append(d)

    def summary(docs):
        m = len(docs)
        return {"documents": m,
                "pk": sum(d["pk"] for d in docs) / m if m else 0.0,
                "windowdiff": sum(d["windowdiff"] for d in docs) / m if m else 0.0}

    return {"subsets": {name: summary(docs) for name, docs in sorted(subsets.items())},
            "overall": summary(per_doc),
            "per_document": per_doc}


def format_table(result):
    lines = [f"{'set':<12} {'docs':>5} {'Pk':>8} {'WindowDiff':>11}"]
    for name, s in result["subsets"].items():
        lines.append(f"{name:<12} {s['documents']:>5} {s['pk']:>8.4f} {s['windowdiff']:>11.4f}")
    o = result["overall"]
    lines.append(f"{'overall':<12} {o['documents']:>5} {o['pk']:>8.4f} {o['windowdiff']:>11.4f}")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold-archive", required=True, help="Choi-format .tar.gz (e.g. choi-dev.tar.gz)")
    ap.add_argument("--pred", required=True, help="predictions, JSON lines {file, starts}")
    ap.add_argument("--json", action="store_true", help="print machine-readable JSON")
    ap.add_argument("--per-document", action="store_true", help="with --json: include per-document figures")
    args = ap.parse_args(argv)
    result = score(read_gold_archive(args.gold_archive), read_predictions(args.pred))
    if args.json:
        if not args.per_document:
            result = {k: v for k, v in result.items() if k != "per_document"}
        print(json.dumps(result, indent=1))
    else:
        print(format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
