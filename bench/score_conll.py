#!/usr/bin/python3
"""Scores named-entity predictions the way conlleval does (data/nlp/PROTOCOLS.md, section 1).

Input: CoNLL columns, gold tag second-to-last, predicted tag last; blank and -DOCSTART- lines are
boundaries. Prints phrase-level P/R/F1 per type and overall (percent, 2 decimals) and token
accuracy. Usage: score_conll.py FILE [--json]   (FILE may be '-')
Also: score_conll.py --baseline TRAIN FILE  writes FILE with the most-frequent-tag baseline appended.
"""

import json
import sys
from collections import Counter, defaultdict


def split_tag(tag):
    """('B'|'I'|'E'|'S'|'O', type). A bare type is read as I-type."""
    if tag == "O" or tag == "":
        return "O", ""
    if len(tag) >= 2 and tag[1] == "-" and tag[0] in "BIES":
        return tag[0], tag[2:]
    return "I", tag


def chunks(tags):
    """Phrases (start, end inclusive, type) of one boundary-free run of tags, conlleval rules."""
    out = []
    start = None
    ctype = ""
    prev_p, prev_t = "O", ""
    for i, tag in enumerate(tags):
        p, t = split_tag(tag)
        # does a phrase end before this token?
        if start is not None:
            ends = (p in ("O", "B", "S") or t != ctype or prev_p in ("E", "S"))
            if ends:
                out.append((start, i - 1, ctype))
                start = None
        if p != "O":
            starts = (p in ("B", "S") or prev_p in ("O", "E", "S") or prev_t != t or start is None)
            if starts and start is None:
                start, ctype = i, t
        prev_p, prev_t = p, t
    if start is not None:
        out.append((start, len(tags) - 1, ctype))
    return out


def read_segments(lines):
    """Yields (gold_tags, pred_tags) per boundary-free segment."""
    gold, pred = [], []
    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if gold:
                yield gold, pred
            gold, pred = [], []
            continue
        if len(cols) < 2:
            raise ValueError("line without gold and predicted tags: %r" % line)
        gold.append(cols[-2])
        pred.append(cols[-1])
    if gold:
        yield gold, pred


def prf(correct, predicted, gold):
    p = 100.0 * correct / predicted if predicted else 0.0
    r = 100.0 * correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


def score(lines):
    counts = defaultdict(lambda: [0, 0, 0])  # type -> [gold, predicted, correct]
    tokens = right = 0
    for gold, pred in read_segments(lines):
        tokens += len(gold)
        right += sum(1 for g, p in zip(gold, pred) if g == p)
        gc = chunks(gold)
        pc = chunks(pred)
        gset = set(gc)
        for c in gc:
            counts[c[2]][0] += 1
        for c in pc:
            counts[c[2]][1] += 1
            if c in gset:
                counts[c[2]][2] += 1
    result = {"types": {}, "tokens": tokens,
              "token_accuracy": 100.0 * right / tokens if tokens else 0.0}
    tg = tp = tc = 0
    for t in sorted(counts):
        g, p, c = counts[t]
        tg, tp, tc = tg + g, tp + p, tc + c
        P, R, F = prf(c, p, g)
        result["types"][t] = {"gold": g, "predicted": p, "correct": c, "P": P, "R": R, "F1": F}
    P, R, F = prf(tc, tp, tg)
    result["overall"] = {"gold": tg, "predicted": tp, "correct": tc, "P": P, "R": R, "F1": F}
    return result


def table(result):
    rows = ["| type | gold | predicted | correct | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for t, v in result["types"].items():
        rows.append("| %s | %d | %d | %d | %.2f | %.2f | %.2f |" % (
            t, v["gold"], v["predicted"], v["correct"], v["P"], v["R"], v["F1"]))
    v = result["overall"]
    rows.append("| **overall** | %d | %d | %d | **%.2f** | **%.2f** | **%.2f** |" % (
        v["gold"], v["predicted"], v["correct"], v["P"], v["R"], v["F1"]))
    rows.append("")
    rows.append("Token accuracy: %.2f%% (%d tokens)" % (result["token_accuracy"], result["tokens"]))
    return "\n".join(rows)


def baseline(train_lines, lines):
    """Most-frequent-tag baseline: each token gets the tag it carries most often in training
    (exact word form; ties broken by first occurrence); unseen words get O."""
    seen = defaultdict(Counter)
    first = {}
    for raw in train_lines:
        cols = raw.split()
        if not cols or cols[0] == "-DOCSTART-":
            continue
        key = (cols[0], cols[-1])
        seen[cols[0]][cols[-1]] += 1
        first.setdefault(key, len(first))
    best = {}
    for w, c in seen.items():
        best[w] = min(c.items(), key=lambda kv: (-kv[1], first[(w, kv[0])]))[0]
    out = []
    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        cols = line.split()
        if not cols:
            out.append(line)
        elif cols[0] == "-DOCSTART-":
            out.append(line + " O")
        else:
            out.append(line + " " + best.get(cols[0], "O"))
    return out


def main(argv):
    if len(argv) >= 2 and argv[1] == "--baseline":
        with open(argv[2], encoding="utf-8") as f:
            train = f.readlines()
        with open(argv[3], encoding="utf-8") as f:
            lines = f.readlines()
        sys.stdout.write("\n".join(baseline(train, lines)) + "\n")
        return 0
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    src = sys.stdin if argv[1] == "-" else open(argv[1], encoding="utf-8")
    result = score(src)
    if "--json" in argv:
        print(json.dumps(result, indent=1))
    else:
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
