#!/usr/bin/python3
"""Scores quotation attributions against PolNeAR gold (../shared/data/nlp/PROTOCOLS.md, section 2).

Usage: score_quotes.py GOLD.jsonl PRED.jsonl [--speakers dev-speakers.jsonl] [--json]

Exact and token-overlap P/R/F1 for source, cue and content, whole-attribution exact match, and
resolved-speaker accuracy (overall and on entries whose gold source is a pronoun). Offsets are
code points into each article's `text`. Standard library only.
"""

import argparse
import bisect
import collections
import json
import re
import sys
import unicodedata

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
COMPONENTS = ("source", "cue", "content")
TITLE_WORDS = {"the", "mr", "mrs", "ms", "miss", "dr", "sir", "rep", "sen", "gov", "gen", "lt", "col",
               "president", "senator", "governor", "representative", "secretary", "judge", "rev"}
PRONOUNS = {"he", "she", "it", "they", "i", "we", "you", "him", "her", "them", "his", "its", "their",
            "who", "whom", "which", "that"}


class Tokens:
    """Token offsets of one text, and the token set a span list covers."""

    def __init__(self, text):
        spans = [m.span() for m in TOKEN_RE.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def cover(self, pieces):
        out = set()
        for s, e in pieces or []:
            if e <= s:
                continue
            # Tokens with start < e and end > s: from the first token ending after s.
            i = bisect.bisect_right(self.ends, s)
            while i < len(self.starts) and self.starts[i] < e:
                out.add(i)
                i += 1
        return frozenset(out)


def prf(hit, n_pred, n_gold):
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "hit": hit, "pred": n_pred, "gold": n_gold}


def normalize_name(name):
    s = unicodedata.normalize("NFKC", name or "").casefold()
    s = re.sub(r"\W", " ", s)
    words = s.split()
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def score(gold_docs, pred_docs, speakers=None):
    """gold_docs: {id: article with text and attributions}; pred_docs: {id: [attribution]}."""
    exact = {c: [0, 0, 0] for c in COMPONENTS}   # hit, pred, gold
    overlap = {c: [0, 0, 0] for c in COMPONENTS}
    whole = [0, 0, 0]
    toks = {}
    for doc_id, art in gold_docs.items():
        tk = toks[doc_id] = Tokens(art["text"])
        gold = art["attributions"]
        pred = pred_docs.get(doc_id, [])
        for c in COMPONENTS:
            g_items = [tk.cover(a[c]) for a in gold if a.get(c)]
            p_items = [tk.cover(a[c]) for a in pred if a.get(c)]
            hits = collections.Counter(g_items) & collections.Counter(p_items)
            exact[c][0] += sum(hits.values())
            exact[c][1] += len(p_items)
            exact[c][2] += len(g_items)
            g_union = set().union(*g_items) if g_items else set()
            p_union = set().union(*p_items) if p_items else set()
            overlap[c][0] += len(g_union & p_union)
            overlap[c][1] += len(p_union)
            overlap[c][2] += len(g_union)
        key = lambda a: tuple(tk.cover(a.get(c)) for c in COMPONENTS)  # noqa: E731
        g_whole = collections.Counter(key(a) for a in gold)
        p_whole = collections.Counter(key(a) for a in pred)
        whole[0] += sum((g_whole & p_whole).values())
        whole[1] += sum(p_whole.values())
        whole[2] += sum(g_whole.values())
    result = {
        "exact": {c: prf(*exact[c]) for c in COMPONENTS},
        "overlap": {c: prf(*overlap[c]) for c in COMPONENTS},
        "whole": prf(*whole),
    }
    if speakers is not None:
        result["speaker"] = score_speakers(gold_docs, pred_docs, speakers, toks)
    return result


def score_speakers(gold_docs, pred_docs, entries, toks):
    n = correct = n_pron = correct_pron = 0
    errors = []
    for e in entries:
        if e.get("speaker") is None:
            continue
        n += 1
        doc_id = e["doc"]
        tk = toks.get(doc_id) or Tokens(gold_docs[doc_id]["text"])
        g_cue, g_content = tk.cover(e["cue"]), tk.cover(e["content"])
        best, best_key = None, (0, 0)
        for a in pred_docs.get(doc_id, []):
            k = (len(tk.cover(a.get("cue")) & g_cue), len(tk.cover(a.get("content")) & g_content))
            if k > best_key:  # strictly greater: ties go to the earlier prediction
                best, best_key = a, k
        names = {normalize_name(e["speaker"])} | {normalize_name(x) for x in e.get("aliases", [])}
        ok = best is not None and best.get("speaker") is not None and normalize_name(best["speaker"]) in names
        pron = normalize_name(e.get("source_text", "")) in PRONOUNS
        correct += ok
        n_pron += pron
        correct_pron += ok and pron
        if not ok:
            errors.append({"doc": doc_id, "attribution": e["attribution"], "source_text": e.get("source_text"),
                           "gold": e["speaker"], "predicted": None if best is None else best.get("speaker")})
    return {"accuracy": correct / n if n else 0.0, "correct": correct, "scored": n,
            "pronoun_accuracy": correct_pron / n_pron if n_pron else 0.0, "pronoun_correct": correct_pron,
            "pronoun_scored": n_pron, "errors": errors}


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def format_table(res):
    lines = ["| part | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for c in COMPONENTS:
        e, o = res["exact"][c], res["overlap"][c]
        lines.append(f"| {c} | {e['p']:.4f} | {e['r']:.4f} | {e['f1']:.4f} | {o['p']:.4f} | {o['r']:.4f} | {o['f1']:.4f} |")
    w = res["whole"]
    lines.append(f"| whole attribution | {w['p']:.4f} | {w['r']:.4f} | {w['f1']:.4f} | | | |")
    if "speaker" in res:
        s = res["speaker"]
        lines.append("")
        lines.append(f"Resolved-speaker accuracy: {s['accuracy']:.4f} ({s['correct']}/{s['scored']}); "
                     f"pronoun sources: {s['pronoun_accuracy']:.4f} ({s['pronoun_correct']}/{s['pronoun_scored']})")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--speakers")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    gold = {a["id"]: a for a in load_jsonl(args.gold)}
    pred = {p["id"]: p.get("attributions", []) for p in load_jsonl(args.pred)}
    speakers = load_jsonl(args.speakers) if args.speakers else None
    res = score(gold, pred, speakers)
    if args.json:
        json.dump(res, sys.stdout, indent=1)
        print()
    else:
        print(format_table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
