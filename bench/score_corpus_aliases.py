#!/usr/bin/python3
"""Entities across documents: does `dossier analyze --batch-entities` make each gold entity one corpus
entity over the documents that name it, and never join two?

Usage: score_corpus_aliases.py GOLD.json --docs ANALYSIS.jsonl --entities BATCH.jsonl

GOLD lists entities, each with the surface forms of its mentions per document (file name). A gold
entity is *found* in a document when a document entity of the system has a mention whose text
contains, or is contained in, one of those forms (the entity with most such mentions wins, an exact
form counting double). Nodes
are (gold entity, document) pairs found; scoring is pairwise over nodes: a pair is *gold* when both
nodes are the same gold entity, *joined* when the system put both documents' entities in one corpus
entity. P = gold and joined / joined, R = gold and joined / gold (pairs with an unfound node count
as not joined). Standard library only.
"""
import argparse
import itertools
import json
import os
import sys


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(gold, docs, batch):
    by_file = {os.path.basename(d["source"]["path"]): d for d in docs}
    corpus_of = {}  # (file, entity id) -> corpus id
    for e in batch:
        for m in e["members"]:
            corpus_of[(os.path.basename(m["document"]), m["entity"])] = e["id"]
    nodes = []  # (gold index, file, corpus id or None)
    for gi, g in enumerate(gold["entities"]):
        for file, forms in g["documents"].items():
            doc = by_file.get(file)
            best, best_hits = None, 0
            for ent in (doc or {}).get("entities", []):
                # An exact form counts double, so "Bo Lee" beats "Lee" for the gold form "Bo Lee".
                hits = sum(2 if m["text"] in forms else 1 if any(f in m["text"] or m["text"] in f for f in forms) else 0
                           for m in ent["mentions"])
                if hits > best_hits:
                    best, best_hits = ent["id"], hits
            nodes.append((gi, file, corpus_of.get((file, best)) if best is not None else None))
    gold_pairs = joined = both = 0
    for (g1, _, c1), (g2, _, c2) in itertools.combinations(nodes, 2):
        same_gold = g1 == g2
        same_sys = c1 is not None and c1 == c2
        gold_pairs += same_gold
        joined += same_sys
        both += same_gold and same_sys
    p = both / joined if joined else 1.0
    r = both / gold_pairs if gold_pairs else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    whole = 0
    for gi, _ in enumerate(gold["entities"]):
        ids = {c for g, _, c in nodes if g == gi}
        whole += len(ids) == 1 and None not in ids
    return {"precision": p, "recall": r, "f1": f, "gold_pairs": gold_pairs, "joined_pairs": joined,
            "correct_pairs": both, "entities_whole": whole, "entities": len(gold["entities"]),
            "nodes_found": sum(1 for n in nodes if n[2] is not None), "nodes": len(nodes)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--docs", required=True)
    ap.add_argument("--entities", required=True)
    a = ap.parse_args(argv)
    with open(a.gold, encoding="utf-8") as f:
        gold = json.load(f)
    s = score(gold, load_jsonl(a.docs), load_jsonl(a.entities))
    print(f"pairwise P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
          f"(pairs: {s['correct_pairs']} right of {s['joined_pairs']} joined, {s['gold_pairs']} gold)  "
          f"entities whole {s['entities_whole']}/{s['entities']}  nodes found {s['nodes_found']}/{s['nodes']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
