#!/usr/bin/python3
"""Scorer for page metadata: metric (c) of /work/shared/data/extraction/README.md on the Readability
pages, plus a looser, information-only check against the metadata of the trafilatura evaluation set.

Metric (c), exactly as the README defines it. Expected values come from expected-metadata.json:
`title`, `byline`, `publishedTime` (-> date), `siteName` (-> site). A page counts for a field only if
the expected value is present (not null and not empty after normalisation); accuracy = correct /
counted pages; a missing system value on a counted page is wrong.
  title   NFC; every run of whitespace -> one space; strip; exact, case-sensitive equality.
  byline  NFKC, casefold, split into \\w+ tokens; a leading token "by" is dropped. Correct if the token
          lists are equal, or if the shorter list has >= 2 tokens, the longer has <= 12 tokens and the
          shorter occurs as a contiguous run inside the longer. (A single-token byline must be equal.)
  date    the first 10 characters YYYY-MM-DD of the value, compared as written (no time-zone
          conversion); a value not starting with YYYY-MM-DD is wrong.
  site    NFKC, whitespace collapsed, casefold; exact equality.

System output: JSON lines of `dossier extract` ({"path", "title", "bylines": [...], "published",
"site", ...}); a page is matched by its path: .../pages/<name>/source.html(.gz) -> Readability page
<name>, .../pages/<id>.html(.gz) -> trafilatura page <id>. The list of bylines is joined with ", "
into one byline string (one person -> that person). Also accepted: a reference-output file
{"output": {name: {"title", "byline", "date", "site"}}} such as
_reference/readability/output/trafilatura.json.gz.

The trafilatura-set check (information only, not a benchmark metric): evaldata.json carries the
source's own `title`, `author`, `date`, `sitename` for most pages. A page counts for a field when
that value is a non-empty string. Title: equality after the title normalisation above; author: the
byline rule; date: the first 10 characters (YYYY-MM-DD); site: the site rule. It also reports how
often a value is given where the source says there is none (empty string), as a junk indicator.

Usage:
  score_metadata.py --pred EXTRACT.jsonl [--readability DIR] [--trafilatura DIR] [--json] [--misses]
Standard library only (unicodedata).
"""

import argparse
import gzip
import json
import os
import re
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "..", "shared", "data", "extraction")
DEFAULT_READABILITY = os.path.join(DATA, "readability")
DEFAULT_TRAFILATURA = os.path.join(DATA, "trafilatura")

FIELDS = ["title", "byline", "date", "site"]
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


# --------------------------------------------------------------------------------------------------
# Normalisations and field comparisons (metric (c))


def _str(value):
    return value if isinstance(value, str) else ""


def norm_title(value):
    return _WS.sub(" ", unicodedata.normalize("NFC", _str(value))).strip()


def byline_tokens(value):
    tokens = _WORD.findall(unicodedata.normalize("NFKC", _str(value)).casefold())
    if tokens and tokens[0] == "by":
        tokens = tokens[1:]
    return tokens


def norm_site(value):
    return _WS.sub(" ", unicodedata.normalize("NFKC", _str(value))).strip().casefold()


def date_day(value):
    """The YYYY-MM-DD the value starts with, or "" when it does not start with one."""
    value = _str(value)
    return value[:10] if _DATE.match(value) else ""


def _contains_run(longer, shorter):
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def byline_correct(pred, gold):
    p, g = byline_tokens(pred), byline_tokens(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    shorter, longer = (p, g) if len(p) <= len(g) else (g, p)
    return len(shorter) >= 2 and len(longer) <= 12 and _contains_run(longer, shorter)


def counted(field, gold):
    """True if the expected value of `field` is present (not null, not empty after normalisation)."""
    if field == "title":
        return bool(norm_title(gold))
    if field == "byline":
        return bool(byline_tokens(gold))
    if field == "date":
        return bool(_str(gold).strip())
    return bool(norm_site(gold))


def correct(field, pred, gold):
    if field == "title":
        return bool(norm_title(pred)) and norm_title(pred) == norm_title(gold)
    if field == "byline":
        return byline_correct(pred, gold)
    if field == "date":
        p, g = date_day(pred), date_day(gold)
        return bool(p) and p == g
    return bool(norm_site(pred)) and norm_site(pred) == norm_site(gold)


# --------------------------------------------------------------------------------------------------
# Loading


def _open(path):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def page_key(path):
    """Readability page name or trafilatura id from a `dossier extract` path."""
    parts = path.replace("\\", "/").split("/")
    base = parts[-1]
    for ext in (".gz", ".html", ".htm"):
        if base.endswith(ext):
            base = base[: -len(ext)]
    if base == "source" and len(parts) >= 2:
        return parts[-2]
    return base


def system_record(obj):
    """{title, byline, date, site} from one `dossier extract` JSON object."""
    bylines = obj.get("bylines")
    if isinstance(bylines, list):
        byline = ", ".join(b for b in bylines if isinstance(b, str) and b.strip())
    else:
        byline = _str(obj.get("byline"))
    return {"title": _str(obj.get("title")), "byline": byline,
            "date": _str(obj.get("published", obj.get("date"))), "site": _str(obj.get("site"))}


def load_predictions(path):
    """{page key: {title, byline, date, site}} from extract JSON lines or a reference-output file."""
    with _open(path) as f:
        text = f.read()
    stripped = text.lstrip()
    if stripped.startswith("{") and "\n{" not in stripped.strip():
        obj = json.loads(stripped)
        if isinstance(obj.get("output"), dict):
            return {k: system_record(v) for k, v in obj["output"].items()}
        return {page_key(_str(obj.get("path"))): system_record(obj)}
    preds = {}
    # Not splitlines(): U+2028 and friends occur unescaped inside JSON strings.
    for line in text.split("\n"):
        if line.strip():
            obj = json.loads(line)
            preds[page_key(_str(obj.get("path")))] = system_record(obj)
    return preds


def load_readability_gold(readability_dir):
    with open(os.path.join(readability_dir, "expected-metadata-all.json"), encoding="utf-8") as f:
        meta = json.load(f)
    return {name: {"title": m.get("title"), "byline": m.get("byline"), "date": m.get("publishedTime"),
                   "site": m.get("siteName")} for name, m in meta.items()}


def load_trafilatura_gold(trafilatura_dir):
    with open(os.path.join(trafilatura_dir, "evaldata.json"), encoding="utf-8") as f:
        evaldata = json.load(f)
    gold = {}
    for pid, e in evaldata.items():
        if not any(k in e for k in ("title", "author", "date", "sitename")):
            continue
        gold[pid] = {"title": e.get("title"), "byline": e.get("author"), "date": e.get("date"),
                     "site": e.get("sitename")}
    return gold


# --------------------------------------------------------------------------------------------------
# Scoring


def score(preds, gold):
    """{field: {"correct", "counted", "accuracy", "misses": [(page, pred, gold)],
    "given_when_none", "none_pages"}} over the gold pages."""
    out = {}
    for field in FIELDS:
        ok = n = given_none = none_pages = 0
        misses = []
        for name in sorted(gold):
            g = gold[name][field]
            p = preds.get(name, {}).get(field, "")
            if not counted(field, g):
                if isinstance(g, str):  # explicitly empty in the source: anything given is extra
                    none_pages += 1
                    given_none += bool(_str(p).strip())
                continue
            n += 1
            if correct(field, p, g):
                ok += 1
            else:
                misses.append((name, p, g))
        out[field] = {"correct": ok, "counted": n, "accuracy": ok / n if n else 0.0, "misses": misses,
                      "given_when_none": given_none, "none_pages": none_pages}
    return out


def format_table(title, result, extra=False):
    lines = [title, "| field | accuracy | correct / counted |" + (" given where the source has none |" if extra else ""),
             "|---|---|---|" + ("---|" if extra else "")]
    for field in FIELDS:
        r = result[field]
        row = f"| {field} | {r['accuracy']:.3f} | {r['correct']}/{r['counted']} |"
        if extra:
            row += f" {r['given_when_none']}/{r['none_pages']} |"
        lines.append(row)
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", required=True, help="dossier extract JSON lines (or a reference-output JSON)")
    ap.add_argument("--readability", default=DEFAULT_READABILITY)
    ap.add_argument("--trafilatura", default=DEFAULT_TRAFILATURA)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", action="store_true", help="list every wrong page")
    args = ap.parse_args(argv)
    preds = load_predictions(args.pred)
    report = {}
    rgold = load_readability_gold(args.readability)
    if any(k in rgold for k in preds):
        report["readability"] = score(preds, rgold)
    if os.path.exists(os.path.join(args.trafilatura, "evaldata.json")):
        tgold = load_trafilatura_gold(args.trafilatura)
        if any(k in tgold for k in preds):
            report["trafilatura"] = score(preds, tgold)
    if args.json:
        json.dump({s: {f: {k: v for k, v in r.items() if k != "misses"} for f, r in res.items()}
                   for s, res in report.items()}, sys.stdout, indent=1)
        print()
        return 0
    if "readability" in report:
        print(format_table("Readability pages, metric (c)", report["readability"]))
    if "trafilatura" in report:
        print()
        print(format_table("trafilatura set, source metadata (information only)", report["trafilatura"], True))
    if args.misses:
        for s, res in report.items():
            for field in FIELDS:
                for name, p, g in res[field]["misses"]:
                    print(f"MISS {s} {field} {name}: got {p!r} expected {g!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
