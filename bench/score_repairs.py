#!/usr/bin/python3
"""Glued-word repair and repeated-sentence detection on scraped-text dev, against the gold files.

Runs `DOSSIER analyze` on every .txt of the split and compares:
  * glued words: a predicted repair (kind "glued_words") is correct when its input line and glued
    token (`before`) equal a gold `glued` entry of that line; P/R/F1 over all files.
  * repeated sentences: a predicted duplicate is correct when its `removed` input range covers the
    gold `copy` sentence (same line, character offsets converted to bytes) or the gold `original`
    (either copy counts as found: both are the same sentence; which one was inserted is judged by
    position, see crude/duplicate_sentences.h); P/R/F1 over all files; "copy chosen" reports how
    often the removed one is the gold inserted copy.
Usage: score_repairs.py --dossier build/dossier [--gold-dir DIR]
"""
import argparse, glob, json, os, subprocess

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_GOLD = os.path.join(REPO, "..", "shared", "data", "scraped-text", "dev")


def line_starts(data):
    starts = [0]
    for i, b in enumerate(data):
        if b == 10:
            starts.append(i + 1)
    return starts


def char_to_byte(line_bytes, char_off):
    return len(line_bytes.decode("utf-8")[:char_off].encode("utf-8"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", required=True)
    ap.add_argument("--gold-dir", default=DEFAULT_GOLD)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.gold_dir, "*", "*.txt")))
    out = subprocess.run([args.dossier, "analyze", "--no-sentences"] + files, capture_output=True, check=True).stdout
    docs = [json.loads(l) for l in out.decode().splitlines()]
    g_tp = g_fp = g_fn = 0
    d_tp = d_fp = d_fn = chosen = 0
    for path, doc in zip(files, docs):
        gold = json.load(open(path[:-4] + ".gold.json"))
        data = open(path, "rb").read()
        starts = line_starts(data)
        line_of = lambda off: next(i for i in range(len(starts) - 1, -1, -1) if starts[i] <= off) + 1
        gold_glue = {(g["line"], g["glued"]) for g in gold["glued"]}
        pred_glue = {(line_of(r["source_begin"]), r["before"]) for r in doc["repairs"] if r["kind"] == "glued_words"}
        g_tp += len(gold_glue & pred_glue)
        g_fp += len(pred_glue - gold_glue)
        g_fn += len(gold_glue - pred_glue)
        gold_reps = []
        for r in gold["repeated_sentences"]:
            ranges = []
            for which in ("copy", "original"):
                c = r[which]
                lb = starts[c["line"] - 1]
                line_bytes = data[lb:starts[c["line"]] - 1] if c["line"] < len(starts) else data[lb:]
                ranges.append((lb + char_to_byte(line_bytes, c["start"]), lb + char_to_byte(line_bytes, c["end"])))
            gold_reps.append(ranges)
        matched = set()
        for d in doc["duplicates"]:
            rb, re_ = d["removed"]["source_begin"], d["removed"]["source_end"]
            hit = None
            for gi, ranges in enumerate(gold_reps):
                if gi in matched:
                    continue
                for wi, (b, e) in enumerate(ranges):
                    if rb <= b and e <= re_ + 1 and re_ - rb <= (e - b) + 2:
                        hit = (gi, wi)
                        break
                if hit:
                    break
            if hit:
                matched.add(hit[0])
                d_tp += 1
                chosen += hit[1] == 0
            else:
                d_fp += 1
        d_fn += len(gold_reps) - len(matched)

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = prf(g_tp, g_fp, g_fn)
    print(f"glued words        gold {g_tp + g_fn:3d}  predicted {g_tp + g_fp:3d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f = prf(d_tp, d_fp, d_fn)
    print(f"repeated sentences gold {d_tp + d_fn:3d}  predicted {d_tp + d_fp:3d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
          f"  (inserted copy chosen {chosen}/{d_tp})")


if __name__ == "__main__":
    main()
