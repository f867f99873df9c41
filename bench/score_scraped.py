#!/usr/bin/python3
"""Scorer for the scraped-text benchmark (line labels and story boundaries of crude scraped text).

Implements "Metrics (exact definitions)" of /work/shared/data/scraped-text/README.md. All figures are
micro-averaged over the files of a set: per source set (the sub-folder: aeb, rdb, dense) and ALL.

1. Article-line F1: predicted positive = `body`/`heading`/`list_item`; gold positive = label `main`.
   TP/FP/FN summed over all lines of the set's files; P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R).
2. Pk and WindowDiff over lines.
   Gold: a `main` line belongs to its story; a leftover line to the story of the next `main` line after
   it; leftovers after the last `main` line to the last story.
   Prediction: a line predicted as article text belongs to segment c = number of predicted starts s
   with 1 < s <= line; any other line takes the segment of the next line predicted as article text,
   or the last segment if none follows. "The last segment" is taken as the segment of line N under
   the article-line rule, i.e. c = number of predicted starts s with 1 < s <= N.
   A line j (j >= 2) starts a segment when its segment differs from that of line j-1.
   k = max(1, round(N / (2*S))) per file (Python round). For i = 1..N-k: Pk error when "lines i and
   i+k are in the same segment" differs between gold and prediction; WindowDiff error when the number
   of lines j in i+1..i+k that start a segment differs. Errors and windows summed over the set.
3. Story-start F1 "in the gap": gold boundaries = starts of stories 2..S. The window of a gold start g
   is the lines a..g, where a..g-1 is the run of non-`main` lines immediately before g. Predicted
   starts <= the first gold start (story 1's start) are ignored; the remaining distinct predicted
   starts, in increasing order, are TPs if they lie in the window of a gold start not yet matched
   (which becomes matched), else FPs; unmatched gold starts are FNs. Strict variant: the window is
   the single line g. P (R) is 0 when TP+FP (TP+FN) is 0; F1 is 0 when P+R is 0.
4. 7-label accuracy: share of lines whose predicted label equals the gold fine label (`main_kind` for
   `main` lines, else `label`).

Usage:
  score_scraped.py --gold-dir /work/shared/data/scraped-text/dev --pred PRED.jsonl [--json]
PRED.jsonl: {"file": "aeb/aeb-001.txt", "labels": [...one per line...], "story_starts": [1-based]}

Standard library only.
"""

import argparse
import glob
import json
import os
import sys

ARTICLE_LABELS = {"body", "heading", "list_item"}
LABELS = ["body", "heading", "list_item", "caption", "media", "consent", "other"]
SET_ORDER = ["aeb", "rdb", "dense"]


# --------------------------------------------------------------------------------------------------
# Gold


def load_gold_dir(gold_dir):
    """{"aeb/aeb-001.txt": gold dict} for every NAME.gold.json under gold_dir/<set>/."""
    gold = {}
    for path in sorted(glob.glob(os.path.join(gold_dir, "*", "*.gold.json"))):
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
        rel = os.path.relpath(path, gold_dir)
        name = rel[: -len(".gold.json")] + ".txt"
        gold[name.replace(os.sep, "/")] = g
    return gold


def gold_fine_labels(g):
    return [(l["main_kind"] if l["label"] == "main" else l["label"]) for l in g["lines"]]


def gold_is_main(g):
    return [l["label"] == "main" for l in g["lines"]]


# --------------------------------------------------------------------------------------------------
# Segmentations as per-line segment ids (index 0 = line 1)


def gold_segments(g):
    lines = g["lines"]
    n = len(lines)
    seg = [0] * n
    last_story = None
    for l in lines:
        if l["label"] == "main":
            last_story = l["story"]
    nxt = last_story if last_story is not None else 0
    for i in range(n - 1, -1, -1):
        if lines[i]["label"] == "main":
            nxt = lines[i]["story"]
        seg[i] = nxt
    return seg


def predicted_segments(labels, starts):
    n = len(labels)
    start_set = {s for s in starts if 1 < s <= n}
    count_upto = [0] * (n + 1)  # count_upto[i] = number of starts s with 1 < s <= i
    for i in range(1, n + 1):
        count_upto[i] = count_upto[i - 1] + (1 if i in start_set else 0)
    seg = [0] * n
    nxt = count_upto[n]  # the last segment
    for i in range(n - 1, -1, -1):
        if labels[i] in ARTICLE_LABELS:
            nxt = count_upto[i + 1]
        seg[i] = nxt
    return seg


def window_errors(gold_seg, pred_seg, k):
    """(Pk errors, WindowDiff errors, windows) of one file."""
    n = len(gold_seg)

    def boundary_prefix(seg):
        # b[j] = number of lines j' in 2..j (1-based) that start a segment
        b = [0] * (n + 1)
        for j in range(2, n + 1):
            b[j] = b[j - 1] + (1 if seg[j - 1] != seg[j - 2] else 0)
        return b

    gb = boundary_prefix(gold_seg)
    pb = boundary_prefix(pred_seg)
    pk = wd = 0
    windows = max(0, n - k)
    for i in range(1, n - k + 1):
        g_same = gold_seg[i - 1] == gold_seg[i + k - 1]
        p_same = pred_seg[i - 1] == pred_seg[i + k - 1]
        if g_same != p_same:
            pk += 1
        if gb[i + k] - gb[i] != pb[i + k] - pb[i]:
            wd += 1
    return pk, wd, windows


def story_start_counts(g, pred_starts, strict=False):
    """(TP, FP, FN) of story-start detection "in the gap" (or exact line when strict)."""
    is_main = gold_is_main(g)
    gold_starts = list(g["story_starts"])
    first = gold_starts[0] if gold_starts else 1
    windows = []  # (a, g) for stories 2..S
    for gs in gold_starts[1:]:
        a = gs
        if not strict:
            while a - 1 >= 1 and not is_main[a - 2]:
                a -= 1
        windows.append((a, gs))
    matched = [False] * len(windows)
    tp = fp = 0
    for s in sorted({int(s) for s in pred_starts}):
        if s <= first:
            continue
        hit = False
        for w, (a, gs) in enumerate(windows):
            if not matched[w] and a <= s <= gs:
                matched[w] = True
                hit = True
                break
        if hit:
            tp += 1
        else:
            fp += 1
    fn = matched.count(False)
    return tp, fp, fn


# --------------------------------------------------------------------------------------------------
# Aggregation


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def new_counts():
    return {"files": 0, "lines": 0, "art_tp": 0, "art_fp": 0, "art_fn": 0,
            "pk_err": 0, "wd_err": 0, "windows": 0,
            "ss_tp": 0, "ss_fp": 0, "ss_fn": 0, "strict_tp": 0, "strict_fp": 0, "strict_fn": 0,
            "label_ok": 0}


def score_file(g, labels, starts):
    """Counts of one file (see new_counts)."""
    n = len(g["lines"])
    if len(labels) != n:
        raise ValueError(f"{g.get('file')}: {len(labels)} labels for {n} lines")
    for lab in labels:
        if lab not in LABELS:
            raise ValueError(f"{g.get('file')}: unknown label {lab!r}")
    c = new_counts()
    c["files"] = 1
    c["lines"] = n
    is_main = gold_is_main(g)
    for lab, gm in zip(labels, is_main):
        pm = lab in ARTICLE_LABELS
        c["art_tp"] += pm and gm
        c["art_fp"] += pm and not gm
        c["art_fn"] += gm and not pm
    s = len(g["story_starts"])
    k = max(1, round(n / (2 * s))) if s else 1
    pk, wd, windows = window_errors(gold_segments(g), predicted_segments(labels, starts), k)
    c["pk_err"], c["wd_err"], c["windows"] = pk, wd, windows
    c["ss_tp"], c["ss_fp"], c["ss_fn"] = story_start_counts(g, starts)
    c["strict_tp"], c["strict_fp"], c["strict_fn"] = story_start_counts(g, starts, strict=True)
    c["label_ok"] = sum(1 for a, b in zip(labels, gold_fine_labels(g)) if a == b)
    return c


def add_counts(total, c):
    for key, v in c.items():
        total[key] += v


def summarize(c):
    p, r, f = prf(c["art_tp"], c["art_fp"], c["art_fn"])
    sp, sr, sf = prf(c["ss_tp"], c["ss_fp"], c["ss_fn"])
    tp_, tr_, tf_ = prf(c["strict_tp"], c["strict_fp"], c["strict_fn"])
    w = c["windows"]
    return {"files": c["files"], "lines": c["lines"],
            "article_f1": f, "article_p": p, "article_r": r,
            "pk": c["pk_err"] / w if w else 0.0, "windowdiff": c["wd_err"] / w if w else 0.0,
            "story_start_f1": sf, "story_start_p": sp, "story_start_r": sr,
            "story_start_strict_f1": tf_, "story_start_strict_p": tp_, "story_start_strict_r": tr_,
            "label_accuracy": c["label_ok"] / c["lines"] if c["lines"] else 0.0,
            "counts": dict(c)}


def score(gold, preds, strict=True):
    missing = [f for f in gold if f not in preds]
    extra = [f for f in preds if f not in gold]
    if strict and (missing or extra):
        raise SystemExit(f"predictions do not match the gold files: {len(missing)} missing "
                         f"(e.g. {missing[:3]}), {len(extra)} unknown (e.g. {extra[:3]})")
    per_set = {}
    total = new_counts()
    for name, g in gold.items():
        if name not in preds:
            continue
        p = preds[name]
        c = score_file(g, p["labels"], p["story_starts"])
        set_name = name.split("/")[0] if "/" in name else g.get("source_set", "?")
        add_counts(per_set.setdefault(set_name, new_counts()), c)
        add_counts(total, c)
    order = [s for s in SET_ORDER if s in per_set] + sorted(s for s in per_set if s not in SET_ORDER)
    result = {"sets": {s: summarize(per_set[s]) for s in order}, "ALL": summarize(total)}
    return result


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
            preds[obj["file"]] = {"labels": obj["labels"], "story_starts": obj.get("story_starts", [1])}
    return preds


def format_table(result):
    head = (f"{'set':<6} {'files':>5} {'lines':>6}  {'artF1':>6} {'P':>6} {'R':>6}  {'Pk':>6} {'WD':>6}"
            f"  {'ssF1':>6} {'P':>6} {'R':>6}  {'strictF1':>8}  {'acc7':>6}")
    rows = [head]
    items = list(result["sets"].items()) + [("ALL", result["ALL"])]
    for name, s in items:
        rows.append(f"{name:<6} {s['files']:>5} {s['lines']:>6}  {s['article_f1']:>6.3f} {s['article_p']:>6.3f} "
                    f"{s['article_r']:>6.3f}  {s['pk']:>6.3f} {s['windowdiff']:>6.3f}  {s['story_start_f1']:>6.3f} "
                    f"{s['story_start_p']:>6.3f} {s['story_start_r']:>6.3f}  {s['story_start_strict_f1']:>8.3f}  "
                    f"{s['label_accuracy']:>6.3f}")
    return "\n".join(rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold-dir", required=True, help="split folder, e.g. /work/shared/data/scraped-text/dev")
    ap.add_argument("--pred", required=True, help="predictions, JSON lines {file, labels, story_starts}")
    ap.add_argument("--json", action="store_true", help="print machine-readable JSON")
    args = ap.parse_args(argv)
    result = score(load_gold_dir(args.gold_dir), read_predictions(args.pred))
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
