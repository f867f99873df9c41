#!/usr/bin/python3
"""Runs `dossier extract` on the Readability dev pages and the trafilatura dev pages, scores the
metadata with score_metadata.py and prints the tables.

Readability pages are extracted in one call (they carry no URL of their own); trafilatura pages one
call per page with `--url` set to the page's URL from evaldata.json (as a crawler would know it).
Beside our figures: trafilatura 2.0.0 on the Readability pages (its shipped output, the same
figures as ANCHOR-SCORES.md) and the `<title>`-element baseline of the data README on both sets.

Usage:
  run_metadata.py --dossier build/dossier [--out-dir bench/out] [--jobs N] [--misses] [--skip-trafilatura]
"""

import argparse
import concurrent.futures
import glob
import gzip
import json
import os
import subprocess
import sys
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_metadata as sm  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAFILATURA_ON_READABILITY = os.path.join(sm.DATA, "_reference", "readability", "output", "trafilatura.json.gz")


class _TitleElement(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self._inside, self._parts = None, False, []

    def handle_starttag(self, tag, attrs):
        if tag == "title" and self.title is None:
            self._inside = True

    def handle_endtag(self, tag):
        if tag == "title" and self._inside:
            self._inside = False
            self.title = "".join(self._parts)

    def handle_data(self, data):
        if self._inside:
            self._parts.append(data)


def title_baseline(paths):
    preds = {}
    for path in paths:
        parser = _TitleElement()
        parser.feed(gzip.open(path).read().decode("utf-8", "replace"))
        preds[sm.page_key(path)] = {"title": parser.title or "", "byline": "", "date": "", "site": ""}
    return preds


def extract_one(dossier, path, url):
    cmd = [dossier, "extract", "--no-progress", path] + (["--url", url] if url else [])
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return proc.stdout


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dossier", default=os.path.join(REPO, "build", "dossier"))
    ap.add_argument("--readability", default=sm.DEFAULT_READABILITY)
    ap.add_argument("--trafilatura", default=sm.DEFAULT_TRAFILATURA)
    ap.add_argument("--out-dir", default=os.path.join(REPO, "bench", "out"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--misses", action="store_true", help="list every wrong page")
    ap.add_argument("--skip-trafilatura", action="store_true")
    args = ap.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)

    # ---- Readability dev pages
    pages = sorted(glob.glob(os.path.join(args.readability, "pages", "*", "source.html.gz")))
    out_path = os.path.join(args.out_dir, "metadata-readability.jsonl")
    with open(out_path, "w", encoding="utf-8") as out:
        subprocess.run([args.dossier, "extract", "--no-progress", "-j", str(args.jobs)] + pages, stdout=out, check=False)
    rgold = sm.load_readability_gold(args.readability)
    ours = sm.score(sm.load_predictions(out_path), rgold)
    rows = [("Dossier", ours)]
    if os.path.exists(TRAFILATURA_ON_READABILITY):
        rows.append(("trafilatura 2.0.0", sm.score(sm.load_predictions(TRAFILATURA_ON_READABILITY), rgold)))
    rows.append(("`<title>` element", sm.score(title_baseline(pages), rgold)))
    print(f"Readability dev pages ({len(pages)}), metric (c): accuracy (correct/counted)")
    print("| system | " + " | ".join(sm.FIELDS) + " |")
    print("|---|" + "---|" * len(sm.FIELDS))
    for name, r in rows:
        print(f"| {name} | " + " | ".join(f"{r[f]['accuracy']:.3f} ({r[f]['correct']}/{r[f]['counted']})" for f in sm.FIELDS) + " |")
    misses = [("readability", ours)]

    # ---- trafilatura dev pages (information only)
    evaldata_path = os.path.join(args.trafilatura, "evaldata.json")
    if not args.skip_trafilatura and os.path.exists(evaldata_path):
        with open(evaldata_path, encoding="utf-8") as f:
            evaldata = json.load(f)
        tgold = sm.load_trafilatura_gold(args.trafilatura)
        jobs = []
        for pid in sorted(tgold):
            path = os.path.join(args.trafilatura, "pages", pid + ".html.gz")
            url = evaldata[pid].get("url", "")
            if os.path.exists(path):
                jobs.append((path, url if url.startswith("http") else ""))
        out_path = os.path.join(args.out_dir, "metadata-trafilatura.jsonl")
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            outputs = list(pool.map(lambda j: extract_one(args.dossier, j[0], j[1]), jobs))
        with open(out_path, "w", encoding="utf-8") as out:
            for o in outputs:
                out.write(o)
        tours = sm.score(sm.load_predictions(out_path), tgold)
        base = sm.score(title_baseline([j[0] for j in jobs]), tgold)
        print()
        print(f"trafilatura dev pages with source metadata ({len(jobs)}), information only: accuracy (correct/counted)")
        print("| system | " + " | ".join(sm.FIELDS) + " | values given where the source has none (author / date) |")
        print("|---|" + "---|" * len(sm.FIELDS) + "---|")
        for name, r in (("Dossier", tours), ("`<title>` element", base)):
            extra = f"{r['byline']['given_when_none']}/{r['byline']['none_pages']} / {r['date']['given_when_none']}/{r['date']['none_pages']}"
            print(f"| {name} | " + " | ".join(f"{r[f]['accuracy']:.3f} ({r[f]['correct']}/{r[f]['counted']})" for f in sm.FIELDS) + f" | {extra} |")
        misses.append(("trafilatura", tours))

    if args.misses:
        for s, res in misses:
            for field in sm.FIELDS:
                for name, p, g in res[field]["misses"]:
                    print(f"MISS {s} {field} {name}: got {p!r} expected {g!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
