#!/usr/bin/python3
"""Runs `dossier analyze` over PolNeAR articles and scores the quotes (PROTOCOLS.md section 2).

Usage: run_quotes.py [--split dev] [--dossier build/dossier] [--keep PRED.jsonl] [--errors N]
                     [--json] [--quotes rules|model|combined] [--models DIR] [--fold K:k]

--quotes picks how the stage finds attributions (default: dossier's own default); --models a
directory of models (for a tagger trained with `dossier train quotes --hold-out K:k`); --fold K:k
scores only the articles at positions k modulo K (train: the ones that tagger did not see).

Each article's `text` is written as a crude-text file (UTF-8), all files are analysed by one
`dossier analyze` run, and each quote becomes an attribution: content (both parts of a split
quote), cue, source = the speaker mention in the sentence (none for a quotation that only
continues an earlier speaker's turn), speaker = the resolved name. Byte offsets are converted to
the code-point offsets of the gold. dev-speakers.jsonl gives the resolved-speaker score.
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import score_quotes  # noqa: E402

POLNEAR = os.path.join(REPO, "..", "shared", "data", "nlp", "quotes", "polnear")


def load_split(split):
    path = os.path.join(POLNEAR, f"{split}.jsonl")
    opener = open
    if not os.path.exists(path):
        path += ".gz"
        opener = gzip.open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def byte_to_char(text):
    """A table from UTF-8 byte offset to code-point offset (len = bytes + 1)."""
    table = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode("utf-8")))
    table.append(len(text))
    return table


def to_attributions(doc_json, text):
    b2c = byte_to_char(text)
    conv = lambda b, e: [b2c[min(b, len(b2c) - 1)], b2c[min(e, len(b2c) - 1)]]  # noqa: E731
    out = []
    for q in doc_json.get("quotes", []):
        parts = q.get("parts") or [{"source_begin": q["source_begin"], "source_end": q["source_end"]}]
        a = {"content": [conv(p["source_begin"], p["source_end"]) for p in parts], "cue": [], "source": [],
             "speaker": None, "type": q["type"]}
        if q.get("cue") is not None:
            a["cue"] = [conv(q["cue_begin"], q["cue_end"])]
        sp = q.get("speaker")
        if sp:
            if not sp.get("inherited"):
                a["source"] = [conv(sp["source_begin"], sp["source_end"])]
            a["speaker"] = sp.get("name")
        out.append(a)
    return out


def run(articles, dossier, extra=()):
    tmp = tempfile.TemporaryDirectory(prefix="quotes-")
    files = []
    for i, art in enumerate(articles):
        path = os.path.join(tmp.name, f"{i:04d}.txt")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(art["text"])
        files.append(path)
    cmd = [dossier, "analyze", "--no-sentences", "--no-progress", "-j", "1", *extra] + files
    start = time.process_time()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit("dossier analyze failed")
    docs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    preds = {}
    for art, d in zip(articles, docs):
        preds[art["id"]] = to_attributions(d, art["text"])
    tmp.cleanup()
    del start
    return preds, wall


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--dossier", default=os.path.join(REPO, "build", "dossier"))
    ap.add_argument("--keep", help="write the predictions (PROTOCOLS.md format) here")
    ap.add_argument("--errors", type=int, default=0, help="list this many speaker errors")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--quotes", choices=["rules", "model", "combined"])
    ap.add_argument("--models", help="directory of trained models")
    ap.add_argument("--fold", help="K:k, score only the articles at positions k modulo K")
    args = ap.parse_args(argv)
    articles = load_split(args.split)
    if args.fold:
        k_all, k = (int(x) for x in args.fold.split(":"))
        articles = [a for i, a in enumerate(articles) if i % k_all == k]
    extra = []
    if args.quotes:
        extra += ["--quotes", args.quotes]
    if args.models:
        extra += ["--models", args.models]
    preds, wall = run(articles, args.dossier, extra)
    if args.keep:
        with open(args.keep, "w", encoding="utf-8") as f:
            for art in articles:
                f.write(json.dumps({"id": art["id"], "attributions": preds[art["id"]]}) + "\n")
    speakers = None
    if args.split == "dev" and not args.fold:
        speakers = score_quotes.load_jsonl(os.path.join(POLNEAR, "dev-speakers.jsonl"))
    gold = {a["id"]: a for a in articles}
    res = score_quotes.score(gold, preds, speakers)
    n_pred = sum(len(v) for v in preds.values())
    n_gold = sum(len(a["attributions"]) for a in articles)
    if args.json:
        res["predicted"] = n_pred
        res["gold_attributions"] = n_gold
        json.dump(res, sys.stdout, indent=1)
        print()
        return 0
    print(f"PolNeAR {args.split}: {len(articles)} articles, {n_gold} gold attributions, {n_pred} predicted "
          f"(whole pipeline {wall:.1f} s wall)")
    print(score_quotes.format_table(res))
    if speakers is not None and args.errors:
        for e in res["speaker"]["errors"][: args.errors]:
            print(f"  {e['doc']} {e['attribution']}: source {e['source_text']!r} gold {e['gold']!r} "
                  f"predicted {e['predicted']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
