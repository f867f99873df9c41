#!/usr/bin/python3
"""Summarises `dossier analyze` JSON Lines for checking a sample by eye.

Prints, per document: the story starts (input lines) and titles, the input lines of every
non-body block by kind, each caption with its credit, the repeated sentences and the repairs.
Usage: build/dossier analyze FILE | bench/sample_report.py
"""
import collections
import json
import sys


def ranges(lines):
    out, start, prev = [], None, None
    for n in lines:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = prev = n
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
    return ", ".join(out)


for raw in sys.stdin:
    doc = json.loads(raw)
    blocks = doc["blocks"]
    print(f"== {doc['source']['path']}: {len(blocks)} blocks, {len(doc['stories'])} stories")
    for s in doc["stories"]:
        print(f"  story starts at line {blocks[s['first_block']]['line']}: {s['title'] or '(no title)'}")
    by_kind = collections.defaultdict(list)
    for b in blocks:
        by_kind[b["kind"]].append(b["line"])
    for kind in ("heading", "list_item", "caption", "media", "consent", "other"):
        print(f"  {kind:9s} lines {ranges(by_kind[kind]) or '-'}")
    for b in blocks:
        if b["kind"] == "caption":
            credit = b["credit"]["text"] if b.get("credit") else "(no credit)"
            print(f"  caption line {b['line']}: credit {credit}")
    for d in doc["duplicates"]:
        print(f"  repeated sentence removed at bytes {d['removed']['source_begin']}-{d['removed']['source_end']},"
              f" kept at {d['kept']['source_begin']}-{d['kept']['source_end']}: {d['text'][:70]}")
    for r in doc["repairs"]:
        print(f"  repair {r['kind']}: {r['before']} -> {r['after']}")
