#!/usr/bin/env python3
"""A stream of N small documents for `dossier analyze --stdin-jsonl`, one JSON object a line, made
from a handful of real ones (the paragraphs of samples/crude-scrape-example.txt, cut into
documents of 3-8 lines, every 4th as an HTML page); ids 0..N-1. Deterministic.

  gen_jsonl.py N > stream.jsonl        (or piped straight into dossier)
"""
import html
import json
import os
import sys


def main():
    n = int(sys.argv[1])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "samples", "crude-scrape-example.txt"), encoding="utf-8") as f:
        lines = [l.strip() for l in f if len(l.strip()) > 40]
    docs = []
    k = 0
    while k < len(lines) and len(docs) < 12:
        size = 3 + len(docs) % 6
        docs.append(lines[k:k + size])
        k += size
    out = sys.stdout
    for i in range(n):
        d = docs[i % len(docs)]
        if i % 4 == 3:
            body = "".join(f"<p>{html.escape(p)}</p>" for p in d[1:])
            page = (f"<!DOCTYPE html><html lang=\"en\"><head><title>{html.escape(d[0])}</title></head>"
                    f"<body><article><h1>{html.escape(d[0])}</h1>{body}</article></body></html>")
            obj = {"id": i, "html": page, "url": f"https://news.example/{i}"}
        else:
            obj = {"id": str(i), "text": "\n".join(d), "published": "2025-11-20"}
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
