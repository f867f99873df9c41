#!/usr/bin/python3
"""Writes the unlabelled text the entity tagger's word clusters are learned from (one paragraph per
line) from the shared data: PolNeAR article texts (train and dev), the extraction benchmarks'
ground-truth article bodies, the scraped-text dev files, the news-segmentation dev texts and the
TempEval-3 input documents. No held-out data, and no CoNLL development or test text.

Usage: make_cluster_corpus.py SHARED_DATA_DIR OUT.txt
"""

import glob
import gzip
import json
import os
import re
import sys
import tarfile


def paragraphs(text):
    for p in re.split(r"\n+", text):
        p = p.strip()
        if p:
            yield p


def main(argv):
    data, out_path = argv[1], argv[2]
    out = []
    pol = os.path.join(data, "nlp", "quotes", "polnear")
    with gzip.open(os.path.join(pol, "train.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            out += paragraphs(json.loads(line)["text"])
    with open(os.path.join(pol, "dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            out += paragraphs(json.loads(line)["text"])
    for gt in sorted(glob.glob(os.path.join(data, "extraction", "*", "ground-truth.json"))):
        with open(gt, encoding="utf-8") as f:
            for _, v in sorted(json.load(f).items()):
                if isinstance(v, dict) and isinstance(v.get("articleBody"), str):
                    out += paragraphs(v["articleBody"])
    for p in sorted(glob.glob(os.path.join(data, "scraped-text", "dev", "*", "*.txt"))):
        with open(p, encoding="utf-8", errors="replace") as f:
            out += paragraphs(f.read())
    news = os.path.join(data, "nlp", "segmentation", "news", "news-dev.tar.gz")
    with tarfile.open(news) as t:
        for m in sorted(t.getmembers(), key=lambda m: m.name):
            if m.isfile():
                text = t.extractfile(m).read().decode("utf-8", "replace")
                out += [p for p in paragraphs(text) if p != "=========="]
    for tgz in sorted(glob.glob(os.path.join(data, "nlp", "time", "*", "*.tar.gz"))):
        with tarfile.open(tgz) as t:
            for m in sorted(t.getmembers(), key=lambda m: m.name):
                if m.isfile() and m.name.endswith(".tml"):
                    text = t.extractfile(m).read().decode("utf-8", "replace")
                    body = re.search(r"<TEXT>(.*?)</TEXT>", text, re.S)
                    out += paragraphs(re.sub(r"<[^>]+>", "", body.group(1) if body else ""))
    for tml in sorted(glob.glob(os.path.join(data, "nlp", "time", "*", "*.tml"))):
        with open(tml, encoding="utf-8", errors="replace") as f:
            body = re.search(r"<TEXT>(.*?)</TEXT>", f.read(), re.S)
        out += paragraphs(re.sub(r"<[^>]+>", "", body.group(1) if body else ""))
    with open(out_path, "w", encoding="utf-8") as f:
        for p in out:
            f.write(p + "\n")
    print("%d paragraphs, %d words" % (len(out), sum(len(p.split()) for p in out)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
