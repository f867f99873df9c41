#!/usr/bin/env python3
"""What the Python API costs over the command line, per document: the same generated documents
(bench/gen_jsonl.py) through `dossier analyze --stdin-jsonl -j 1` (CPU time of the process, minus
its start-up measured on an empty stream) and through `dossier.analyze` in one Python process (CPU
time of the loop, the dicts included; models loaded before timing). The two are measured in
alternating rounds (ROUNDS, default 5), so that a change of load on a shared machine hits both; the
figure is the median of the rounds' ratios (and the ratio of the best rounds). Also the loop on 1
and 2 threads (wall clock), to see the GIL released.

  PYTHONPATH=build-py/python python3 bench/python_api_cost.py BUILD_DIR [N] [STAGES] [ROUNDS]
"""
import concurrent.futures
import json
import os
import resource
import subprocess
import sys
import time

import dossier

build = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
stages = sys.argv[3] if len(sys.argv) > 3 else "foundation"
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
stream = subprocess.run([sys.executable, os.path.join(root, "bench", "gen_jsonl.py"), str(n)], capture_output=True,
                        check=True).stdout
cli = os.path.join(build, "dossier")


def cli_cpu(data):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([cli, "analyze", "--stdin-jsonl", "--stages", stages, "-j", "1"], input=data,
                   stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


startup = min(cli_cpu(b"") for _ in range(3))

docs = [json.loads(line) for line in stream.splitlines()]
args = [(d.get("html") or d.get("text"), "html" if "html" in d else "text", d.get("url"), d.get("published"))
        for d in docs]


def one(a):
    return dossier.analyze(a[0], kind=a[1], url=a[2], published=a[3], stages=stages)


def python_cpu():
    t0 = time.process_time()
    for a in args:
        one(a)
    return time.process_time() - t0


one(args[0])  # models loaded before timing
cli_times, py_times = [], []
for _ in range(rounds):
    cli_times.append((cli_cpu(stream) - startup) / n)
    py_times.append(python_cpu() / n)
ratios = sorted(p / c for p, c in zip(py_times, cli_times))
cli_per_doc, py_per_doc = min(cli_times), min(py_times)
print(f"stages {stages}, {n} documents, {rounds} alternating rounds")
print(f"CLI --stdin-jsonl: {cli_per_doc * 1e6:.1f} us CPU per document, best round (start-up {startup:.3f} s excluded)")
print(f"Python dossier.analyze: {py_per_doc * 1e6:.1f} us CPU per document, best round (dicts included)")
print(f"Python over CLI: median of rounds {(ratios[len(ratios) // 2] - 1) * 100:+.1f}% "
      f"(rounds {(ratios[0] - 1) * 100:+.1f}% to {(ratios[-1] - 1) * 100:+.1f}%), best rounds "
      f"{(py_per_doc / cli_per_doc - 1) * 100:+.1f}%")
for threads in (1, 2):
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, args))
    print(f"{threads} thread(s): {n / (time.perf_counter() - t0):.0f} documents/s wall")
