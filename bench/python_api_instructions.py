#!/usr/bin/env python3
"""The Python API's cost over the command line in instructions per document, which, unlike CPU time,
does not move with the load of a shared machine: valgrind's callgrind counts the instructions of
`dossier analyze --stdin-jsonl -j 1` and of a Python loop over `dossier.analyze` on the same N
generated documents (bench/gen_jsonl.py) and on none; the difference over N is the cost of one
document. Also the module's raw call (`analyze_json`: engine and JSON string, no dicts) and the old
way (`json.loads` of that string). Slow (valgrind): N of a few hundred is enough.

  PYTHONPATH=build-py/python /usr/bin/python3 bench/python_api_instructions.py BUILD_DIR [N] [STAGES]
"""
import os
import re
import subprocess
import sys
import tempfile

LOOP = r'''
import json, sys
import dossier
stages, mode = sys.argv[2], sys.argv[3]
docs = [json.loads(l) for l in open(sys.argv[1], "rb").read().splitlines()]
args = [(d.get("html") or d.get("text"), "html" if "html" in d else "text", d.get("url"), d.get("published"))
        for d in docs]
engine = dossier._analyzer(stages, "", "")._engine
for a in args:
    if mode == "dossier.analyze":
        dossier.analyze(a[0], kind=a[1], url=a[2], published=a[3], stages=stages)
    elif mode == "json.loads":
        json.loads(engine.analyze_json(a[0], a[1], a[2] or "", a[3] or "", "-", True, False, None))
    else:
        engine.analyze_json(a[0], a[1], a[2] or "", a[3] or "", "-", True, False, None)
'''


def instructions(cmd, stdin=None):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], stdin=stdin,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return int(re.search(rb"Collected : (\d+)", r.stderr).group(1))


def main():
    build = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    stages = sys.argv[3] if len(sys.argv) > 3 else "foundation"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.TemporaryDirectory() as tmp:
        stream, empty, loop = (os.path.join(tmp, name) for name in ("docs.jsonl", "empty.jsonl", "loop.py"))
        with open(stream, "wb") as f:
            f.write(subprocess.run([sys.executable, os.path.join(root, "bench", "gen_jsonl.py"), str(n)],
                                   capture_output=True, check=True).stdout)
        open(empty, "w").close()
        with open(loop, "w") as f:
            f.write(LOOP)
        per_doc = {}
        cli = [os.path.join(build, "dossier"), "analyze", "--stdin-jsonl", "--stages", stages, "-j", "1"]
        with open(stream) as full, open(empty) as none:
            per_doc["CLI --stdin-jsonl"] = (instructions(cli, full) - instructions(cli, none)) / n
        for mode in ("dossier.analyze", "json.loads", "analyze_json"):
            py = [sys.executable, loop]
            per_doc[mode] = (instructions(py + [stream, stages, mode]) - instructions(py + [empty, stages, mode])) / n
    base = per_doc["CLI --stdin-jsonl"]
    print(f"stages {stages}, {n} documents: instructions per document")
    for k, v in per_doc.items():
        print(f"  {k:20s} {v / 1e3:9.1f}k  {(v / base - 1) * 100:+6.1f}% over the CLI")


if __name__ == "__main__":
    main()
