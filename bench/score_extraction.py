#!/usr/bin/python3
"""Scorers for the main-content extraction benchmarks (../shared/data/extraction/README.md).

Metric (a), ScrapingHub shingles (sets `scrapinghub` and `readability`):
  1. tokens: maximal runs of Python `re` Unicode `\\w+`, in order, case kept; missing/null text = "".
  2. shingles: the multiset of 4-grams of consecutive tokens; 1-3 tokens give one shingle (all the
     tokens); no token, no shingle.
  3. per page: tp = sum min(g, p), fp = sum max(0, p - g), fn = sum max(0, g - p), all three divided
     by tp + fp + fn when that is > 0. Page precision = 1 if fp = fn = 0, else 0 if tp = fp = 0, else
     tp / (tp + fp); page recall likewise with fn.
  4. set: P = mean page precision over pages with tp + fp > 0, R = mean page recall over pages with
     tp + fn > 0, F1 = 2PR / (P + R) from the two means (P = 0 when no page enters P).
  5. accuracy: share of pages whose token list equals the gold token list.

Metric (b), trafilatura snippets (set `trafilatura`): whitespace runs -> one space, strip, then
case-sensitive substring search of each `with` (tp / fn) and `without` (fp / tn) snippet in the
output; micro-averaged over the set: P = tp/(tp+fp), R = tp/(tp+fn), acc = (tp+tn)/all,
F1 = 2tp/(2tp+fp+fn). A page without output counts as an empty output.

Predictions are either
  * JSON Lines from `dossier extract` ({"path": ..., "text": ...} per page), matched to gold ids by
    path: scrapinghub/html/<id>.html[.gz], readability/pages/<name>/source.html[.gz],
    trafilatura/pages/<id>.html[.gz]; or
  * a reference output file {"output": {id: {"articleBody": text}}} (optionally gzip-compressed).

Usage:
  score_extraction.py --set scrapinghub --pred OUT.jsonl [--data DIR] [--ids FILE] [--json]
  score_extraction.py --set trafilatura --baseline whole-page|raw-html|empty
  score_extraction.py --set scrapinghub --pred ../shared/data/extraction/_reference/scrapinghub/output/trafilatura.json.gz

Standard library only.
"""

import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(REPO, "..", "shared", "data", "extraction")
SETS = ("scrapinghub", "readability", "trafilatura")

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------------------------------
# Metric (a)


def tokens(text):
    return _WORD.findall(text or "")


def shingles(toks):
    if not toks:
        return Counter()
    if len(toks) < 4:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def page_counts(gold_text, pred_text):
    """(tp, fp, fn), normalised by tp + fp + fn when positive."""
    g = shingles(tokens(gold_text))
    p = shingles(tokens(pred_text))
    tp = fp = fn = 0
    for s, c in p.items():
        gc = g.get(s, 0)
        tp += min(gc, c)
        fp += max(0, c - gc)
    for s, c in g.items():
        fn += max(0, c - p.get(s, 0))
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return 0.0, 0.0, 0.0


def page_precision_recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = 0.0 if tp == 0 and fp == 0 else tp / (tp + fp)
    recall = 0.0 if tp == 0 and fn == 0 else tp / (tp + fn)
    return precision, recall


def score_shingles(gold, pred, ids=None):
    """gold, pred: {id: text or None}. Scores the ids of `gold` (or `ids`); missing output = ""."""
    ids = sorted(gold) if ids is None else list(ids)
    precisions, recalls = [], []
    exact = 0
    pages = []
    for pid in ids:
        g_text = gold[pid]
        p_text = pred.get(pid) or ""
        tp, fp, fn = page_counts(g_text, p_text)
        pr, rc = page_precision_recall(tp, fp, fn)
        if tp + fp > 0:
            precisions.append(pr)
        if tp + fn > 0:
            recalls.append(rc)
        same = tokens(g_text) == tokens(p_text)
        exact += same
        pages.append({"id": pid, "precision": pr, "recall": rc, "in_precision": tp + fp > 0,
                      "in_recall": tp + fn > 0, "exact": same})
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"pages": len(ids), "pages_in_precision": len(precisions), "pages_in_recall": len(recalls),
            "precision": p, "recall": r, "f1": f1, "accuracy": exact / len(ids) if ids else 0.0,
            "per_page": pages}


# --------------------------------------------------------------------------------------------------
# Metric (b)


def normalise_ws(text):
    return _SPACE.sub(" ", text or "").strip()


def page_snippets(page, text):
    """(tp, fn, fp, tn, missed `with`, found `without`) of one page's output."""
    out = normalise_ws(text)
    found_with = [s for s in page["with"] if out and normalise_ws(s) in out]
    found_without = [s for s in page["without"] if out and normalise_ws(s) in out]
    tp = len(found_with)
    fp = len(found_without)
    missed = [s for s in page["with"] if s not in found_with]
    return tp, len(page["with"]) - tp, fp, len(page["without"]) - fp, missed, found_without


def score_snippets(evaldata, pred, ids=None):
    ids = sorted(evaldata) if ids is None else list(ids)
    tp = fn = fp = tn = 0
    pages = []
    for pid in ids:
        a, b, c, d, missed, found = page_snippets(evaldata[pid], pred.get(pid) or "")
        tp, fn, fp, tn = tp + a, fn + b, fp + c, tn + d
        pages.append({"id": pid, "tp": a, "fn": b, "fp": c, "tn": d, "missed": missed, "found_without": found})
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fn + fp + tn
    acc = (tp + tn) / total if total else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0
    return {"pages": len(ids), "tp": tp, "fn": fn, "fp": fp, "tn": tn, "precision": p, "recall": r,
            "f1": f1, "accuracy": acc, "per_page": pages}


# --------------------------------------------------------------------------------------------------
# Loading


def _open_text(path, errors="strict"):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors=errors)
    return open(path, encoding="utf-8", errors=errors)


def load_gold(set_name, data_dir=DEFAULT_DATA):
    """scrapinghub/readability: {id: text}; trafilatura: {id: {"with": [...], "without": [...]}}."""
    if set_name == "trafilatura":
        with _open_text(os.path.join(data_dir, "trafilatura", "evaldata.json")) as f:
            return json.load(f)
    with _open_text(os.path.join(data_dir, set_name, "ground-truth.json")) as f:
        data = json.load(f)
    return {k: (v or {}).get("articleBody") for k, v in data.items()}


_PATH_PATTERNS = {
    "scrapinghub": re.compile(r"(?:^|/)html/([^/]+?)\.html?(?:\.gz)?$"),
    "readability": re.compile(r"(?:^|/)([^/]+)/source\.html?(?:\.gz)?$"),
    "trafilatura": re.compile(r"(?:^|/)pages/([^/]+?)\.html?(?:\.gz)?$"),
}


def page_id(set_name, path):
    m = _PATH_PATTERNS[set_name].search(path.replace(os.sep, "/"))
    return m.group(1) if m else None


def load_predictions(set_name, path, exclude_kinds=()):
    """{id: text} from `dossier extract` JSON Lines or a reference {"output": {...}} file. With
    `exclude_kinds`, the text of a JSON Lines record is rebuilt from its blocks without blocks of
    those kinds (e.g. "caption")."""
    # Invalid UTF-8 in an output (a page decoded with the wrong charset) is replaced, not fatal.
    with _open_text(path, errors="replace") as f:
        data = f.read()
    stripped = data.lstrip()
    if stripped.startswith("{") and '"output"' in stripped[:200] and '"path"' not in stripped[:200]:
        obj = json.loads(data)
        return {k: (v or {}).get("articleBody") for k, v in obj["output"].items()}
    pred = {}
    for line in data.split("\n"):  # not splitlines(): U+2028 and friends occur inside JSON strings
        line = line.strip()
        if not line:
            continue
        rec = json.loads(line)
        pid = page_id(set_name, rec.get("path", ""))
        if pid is None:
            raise ValueError(f"cannot map path {rec.get('path')!r} to a {set_name} page id")
        if exclude_kinds:
            pred[pid] = "\n".join(b["text"] for b in rec.get("blocks", []) if b.get("kind") not in exclude_kinds)
        else:
            pred[pid] = rec.get("text")
    return pred


# --------------------------------------------------------------------------------------------------
# Trivial baselines: whole page text (the README's converter), raw HTML, empty output


BLOCK_TAGS = frozenset("""
address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html iframe img input legend li main menu nav
ol option p pre section select summary table tbody td textarea tfoot th thead tr ul video audio
canvas embed object picture source svg""".split())
SKIP_TAGS = frozenset("script style noscript template head".split())
HEAD_TAGS = frozenset("base basefont bgsound link meta title script style noscript template".split())


def html_text(html):
    """All text of an HTML page: references decoded, script/style/noscript/template/head dropped,
    a line break at every block-level tag, none at inline tags; blank lines removed."""
    from html.parser import HTMLParser

    class _Converter(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts = []
            self.open_skip = []  # skipped elements currently open

        def handle_starttag(self, tag, attrs):
            if "head" in self.open_skip and tag not in HEAD_TAGS:
                # An unclosed <head> ends where the body starts (as in an HTML5 tree builder).
                del self.open_skip[self.open_skip.index("head"):]
            if tag in SKIP_TAGS:
                self.open_skip.append(tag)
            elif tag in BLOCK_TAGS:
                self.parts.append("\n")

        def handle_startendtag(self, tag, attrs):
            if tag in BLOCK_TAGS:
                self.parts.append("\n")

        def handle_endtag(self, tag):
            if tag in SKIP_TAGS:
                if tag in self.open_skip:
                    del self.open_skip[len(self.open_skip) - 1 - self.open_skip[::-1].index(tag):]
            elif tag in BLOCK_TAGS:
                self.parts.append("\n")

        def handle_data(self, data):
            if not self.open_skip:
                self.parts.append(data)

    conv = _Converter()
    conv.feed(html)
    conv.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", l).strip() for l in "".join(conv.parts).split("\n"))
    return "\n".join(l for l in lines if l)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.I)


def decode_page(raw):
    """Bytes -> str: UTF-8 when the bytes are valid UTF-8, else the charset of a <meta> in the first
    1024 bytes, else UTF-8 with errors replaced."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(raw[:1024])
    for enc in ([m.group(1).decode("ascii")] if m else []) + ["utf-8"]:
        try:
            return raw.decode(enc, errors="replace")
        except LookupError:
            continue
    return raw.decode("utf-8", errors="replace")


def page_files(set_name, data_dir=DEFAULT_DATA):
    """{id: path of the page's HTML} for a set."""
    import glob
    if set_name == "scrapinghub":
        paths = glob.glob(os.path.join(data_dir, "scrapinghub", "html", "*.html.gz"))
    elif set_name == "readability":
        paths = glob.glob(os.path.join(data_dir, "readability", "pages", "*", "source.html.gz"))
    else:
        paths = glob.glob(os.path.join(data_dir, "trafilatura", "pages", "*.html.gz"))
    return {page_id(set_name, p): p for p in sorted(paths)}


def baseline_predictions(set_name, kind, data_dir=DEFAULT_DATA):
    """{id: text} of a trivial baseline: "whole-page", "raw-html" or "empty"."""
    pred = {}
    for pid, path in page_files(set_name, data_dir).items():
        if kind == "empty":
            pred[pid] = ""
            continue
        with gzip.open(path, "rb") as f:
            raw = f.read()
        if kind == "raw-html":
            pred[pid] = raw.decode("utf-8", errors="replace")
        else:
            pred[pid] = html_text(decode_page(raw))
    return pred


def score(set_name, gold, pred, ids=None):
    if set_name == "trafilatura":
        return score_snippets(gold, pred, ids)
    return score_shingles(gold, pred, ids)


def format_row(label, s):
    return (f"| {label} | {s['f1']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} | "
            f"{s['accuracy']:.3f} | {s['pages']} |")


TABLE_HEAD = "| set | F1 | P | R | accuracy | pages |\n|---|---|---|---|---|---|"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", required=True, choices=SETS)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--pred", help="dossier extract JSON Lines or reference output (.json[.gz])")
    src.add_argument("--baseline", choices=("whole-page", "raw-html", "empty"), help="score a trivial baseline")
    ap.add_argument("--data", default=DEFAULT_DATA, help="the extraction data folder")
    ap.add_argument("--exclude-kinds", default="",
                    help="comma-separated block kinds left out of the text (JSON Lines only), e.g. caption")
    ap.add_argument("--ids", help="file with the page ids to score, one per line (default: all)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--pages", action="store_true", help="also print per-page figures (worst first)")
    args = ap.parse_args(argv)
    gold = load_gold(args.set, args.data)
    if args.baseline:
        pred = baseline_predictions(args.set, args.baseline, args.data)
    else:
        pred = load_predictions(args.set, args.pred,
                                tuple(k for k in args.exclude_kinds.split(",") if k))
    ids = None
    if args.ids:
        with open(args.ids, encoding="utf-8") as f:
            ids = [l.strip() for l in f if l.strip()]
    s = score(args.set, gold, pred, ids)
    if args.json:
        out = {k: v for k, v in s.items() if args.pages or k != "per_page"}
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    print(TABLE_HEAD)
    print(format_row(args.set, s))
    if args.pages:
        if args.set == "trafilatura":
            for p in s["per_page"]:
                if p["fn"] or p["fp"]:
                    print(f"{p['id']}: missed {p['missed']} found-without {p['found_without']}")
        else:
            for p in sorted(s["per_page"], key=lambda p: min(p["precision"], p["recall"])):
                print(f"{p['id']}\tP {p['precision']:.3f}\tR {p['recall']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
