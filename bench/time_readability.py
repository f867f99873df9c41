#!/usr/bin/env python3
"""Times readability-lxml (Debian's python3-readability), the speed yardstick for `dossier extract`.

Every page is decompressed into memory first (outside the timed region); then each page's raw
bytes go through readability.Document(...).summary() and .title(), on one core, and the script
prints pages/s and MB/s (MB = 10^6 bytes of decompressed HTML). readability-lxml decodes the bytes
itself, as `dossier extract` does.

Usage:
  /usr/bin/python3 bench/time_readability.py [--pages DIR] [--repeat N] [--json]
DIR defaults to ../shared/data/extraction/scrapinghub/html (the 136 ScrapingHub pages); the best
of N passes (default 1) is reported, by wall clock and by CPU time (the process's user + system
time, which a busy machine disturbs less). --json prints one JSON object instead of the text line.
"""
import argparse
import gzip
import json
import logging
import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html"


def load_pages(directory):
    pages = []
    for path in sorted(pathlib.Path(directory).iterdir()):
        if path.name.endswith(".gz"):
            pages.append(gzip.decompress(path.read_bytes()))
        elif path.suffix in (".html", ".htm"):
            pages.append(path.read_bytes())
    return pages


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default=str(DEFAULT_PAGES), help="directory of .html or .html.gz pages")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes; the fastest is reported")
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    args = parser.parse_args()

    try:
        import readability  # noqa: F401  (python3-readability)
        from readability import Document
    except ImportError:
        sys.exit("time_readability: readability-lxml is missing (apt-get install python3-readability)")
    # One core, like `taskset -c 0 dossier extract -j 1`.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    logging.getLogger("readability").setLevel(logging.ERROR)

    pages = load_pages(args.pages)
    if not pages:
        sys.exit(f"time_readability: no pages in {args.pages}")
    total_bytes = sum(len(p) for p in pages)

    best = best_cpu = None
    failures = 0
    for _ in range(max(1, args.repeat)):
        failures = 0
        start = time.perf_counter()
        start_cpu = time.process_time()
        for page in pages:
            try:
                doc = Document(page)
                doc.summary()
                doc.title()
            except Exception:  # a page readability cannot handle still counts as processed
                failures += 1
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - start_cpu
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)

    version = "unknown"
    try:
        from importlib.metadata import version as pkg_version
        version = pkg_version("readability-lxml")
    except Exception:
        pass
    result = {
        "system": "readability-lxml",
        "version": version,
        "pages": len(pages),
        "bytes": total_bytes,
        "seconds": best,
        "cpu_seconds": best_cpu,
        "pages_per_s": len(pages) / best,
        "mb_per_s": total_bytes / 1e6 / best,
        "pages_per_cpu_s": len(pages) / best_cpu,
        "failures": failures,
        "repeat": max(1, args.repeat),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"readability-lxml {version}: {len(pages)} pages, {total_bytes / 1e6:.1f} MB in {best:.2f} s "
              f"(best of {result['repeat']}, 1 core): {result['pages_per_s']:.1f} pages/s, "
              f"{result['mb_per_s']:.2f} MB/s; CPU {best_cpu:.2f} s, {result['pages_per_cpu_s']:.1f} pages per "
              f"CPU second; {failures} failures")


if __name__ == "__main__":
    main()
