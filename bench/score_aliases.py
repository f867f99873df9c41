#!/usr/bin/python3
"""Alias merging: does `dossier analyze` make each person one entity with all of their names?

Usage:
  build/dossier analyze FILE... > sys.jsonl
  /usr/bin/python3 bench/score_aliases.py GOLD.json... --system sys.jsonl

Gold (bench/data/aliases/*.json): {"file": path relative to the gold file, "entities": [{"name",
"mentions": [{"text", "begin", "end"}]}]}, byte offsets into the file, people only. A system
document is matched to a gold file by the basename of its source.path.

A gold mention is found when a system entity mention covers at least half of it (the one
overlapping most; "Keir Starmer" inside "Sir Keir Starmer" counts, "Ukrainian" inside "the
Ukrainian leader" does not). Then, over all pairs of gold mentions of one
document (a pairwise, MUC-free measure that punishes both splits and merges):
  precision = pairs the system puts in one entity that are one person / pairs the system joins
  recall    = pairs that are one person that the system joins / pairs that are one person
Also: mentions found, people made whole (every mention found, all in one system entity, and nobody else in it),
wrong merges (system entities holding mentions of two gold people), false people (system PER
entities with no gold person's mention), and found mentions whose system entity is typed PER.
"""
import argparse
import json
import os
import sys
from itertools import combinations


def load_system(path):
    docs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            docs[os.path.basename(d["source"]["path"])] = d
    return docs


def match(gold_mention, system_mentions):
    """The system (entity id, type) whose mention overlaps the gold mention most, or None."""
    best, best_overlap = None, 0
    need = (gold_mention["end"] - gold_mention["begin"]) / 2  # "Ukrainian" is not "the Ukrainian leader"
    for b, e, ent, typ in system_mentions:
        overlap = min(e, gold_mention["end"]) - max(b, gold_mention["begin"])
        if overlap >= need and overlap > best_overlap:
            best, best_overlap = (ent, typ), overlap
    return best


def score_document(gold, system):
    sysm = [(m["source_begin"], m["source_end"], e["id"], e["type"])
            for e in system.get("entities", []) for m in e["mentions"]]
    flat = []  # (gold entity index, system (id, type) or None)
    for gi, ge in enumerate(gold["entities"]):
        for m in ge["mentions"]:
            flat.append((gi, match(m, sysm)))
    c = dict(tp=0, fp=0, fn=0, mentions=len(flat), found=0, typed_per=0,
             people=len(gold["entities"]), whole=0, merges=0, false_people=0)
    # System people none of whose mentions is a gold person's ("Sky News" typed PER).
    gold_spans = [(m["begin"], m["end"]) for ge in gold["entities"] for m in ge["mentions"]]
    for e in system.get("entities", []):
        if e["type"] != "PER":
            continue
        if not any(min(m["source_end"], ge) > max(m["source_begin"], gb)
                   for m in e["mentions"] for gb, ge in gold_spans):
            c["false_people"] += 1
    for gi, s in flat:
        if s is not None:
            c["found"] += 1
            c["typed_per"] += s[1] == "PER"
    for (g1, s1), (g2, s2) in combinations(flat, 2):
        joined = s1 is not None and s2 is not None and s1[0] == s2[0]
        same = g1 == g2
        c["tp"] += same and joined
        c["fp"] += (not same) and joined
        c["fn"] += same and not joined
    owners = {}
    for gi, s in flat:
        if s is not None:
            owners.setdefault(s[0], set()).add(gi)
    c["merges"] = sum(1 for v in owners.values() if len(v) > 1)
    for gi in range(len(gold["entities"])):
        ids = {s[0] if s else None for g, s in flat if g == gi}
        c["whole"] += len(ids) == 1 and None not in ids and owners[next(iter(ids))] == {gi}
    return c


def prf(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--system", required=True)
    args = ap.parse_args(argv)
    system = load_system(args.system)
    total = {}
    print(f"{'document':28} {'P':>6} {'R':>6} {'F1':>6}  found  whole  merges  false people")
    for path in args.gold:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        name = os.path.basename(gold["file"])
        if name not in system:
            print(f"{name}: no system output", file=sys.stderr)
            return 1
        c = score_document(gold, system[name])
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
        p, r, f = prf(c)
        print(f"{name:28} {p:6.3f} {r:6.3f} {f:6.3f}  {c['found']}/{c['mentions']}  "
              f"{c['whole']}/{c['people']}  {c['merges']}  {c['false_people']}")
    p, r, f = prf(total)
    print(f"{'all':28} {p:6.3f} {r:6.3f} {f:6.3f}  {total['found']}/{total['mentions']}  "
          f"{total['whole']}/{total['people']}  {total['merges']}  {total['false_people']}")
    print(f"found mentions typed PER: {total['typed_per']}/{total['found']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
