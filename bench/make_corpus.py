#!/usr/bin/env python3
"""Makes a large corpus of analysed documents for the store benchmark by replicating and varying
real ones (the output of `dossier analyze`), so that `dossier index` can be measured on 100k
documents without analysing 100k pages.

Each copy gets its own path, a publication date spread over 2024-2025, one of a few site names,
and about 8% of its lower-case words replaced by other corpus words of the same byte length (so
every offset stays right and the full-text index sees a realistic, larger vocabulary). Entities,
quotes, time expressions and amounts are kept as analysed.

    python3 bench/make_corpus.py ANALYSED.jsonl COUNT OUT.jsonl [--seed 1]

Deterministic for a seed. The output is generated data: keep it in /tmp or build/, never commit it.
"""
import argparse
import datetime
import json
import random
import re

WORD = re.compile(r"\b[a-z]{4,12}\b")
SITES = ["Sky News", "BBC News", "The Guardian", "Reuters", "Financial Times", "The Times", "AP News", "CNN"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("analysed")
    ap.add_argument("count", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    templates = []
    vocabulary = {}  # byte length -> distinct lower-case words
    with open(args.analysed, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if not d.get("blocks"):
                continue
            # Where each block's replaceable words are: (block, start, end) in its text.
            spots = []
            for i, b in enumerate(d["blocks"]):
                text = b["text"]
                if not text.isascii():
                    continue  # byte length = character length only for ASCII
                for m in WORD.finditer(text):
                    spots.append((i, m.start(), m.end()))
                    vocabulary.setdefault(m.end() - m.start(), set()).add(m.group())
            # Everything a copy does not change is serialised once.
            varied = {"schema_version", "source", "published", "site", "blocks", "sentences", "tokens"}
            rest = json.dumps({k: v for k, v in d.items() if k not in varied}, ensure_ascii=False,
                              separators=(",", ":"))[1:-1]
            templates.append((d, spots, rest))
    vocab = {n: sorted(words) for n, words in vocabulary.items()}
    start = datetime.date(2024, 1, 1)

    def dumps(x):
        return json.dumps(x, ensure_ascii=False, separators=(",", ":"))

    with open(args.out, "w", encoding="utf-8") as out:
        for n in range(args.count):
            d, spots, rest = templates[n % len(templates)]
            blocks = d["blocks"]
            chosen = rng.sample(spots, k=len(spots) * 8 // 100) if spots else []
            if chosen:
                blocks = list(blocks)
                by_block = {}
                for i, s, e in chosen:
                    by_block.setdefault(i, []).append((s, e))
                for i, ranges in by_block.items():
                    text = blocks[i]["text"]
                    pieces, last = [], 0
                    for s, e in sorted(ranges):
                        pieces.append(text[last:s])
                        pieces.append(rng.choice(vocab[e - s]))
                        last = e
                    pieces.append(text[last:])
                    blocks[i] = dict(blocks[i], text="".join(pieces))
            name = d["source"]["path"].rsplit("/", 1)[-1]
            source = dict(d["source"], path=f"bench/{n // 1000:03d}/{n:06d}-{name}")
            published = (start + datetime.timedelta(days=rng.randrange(730))).isoformat()
            site = SITES[rng.randrange(len(SITES))]
            out.write(f'{{"schema_version":{dumps(d["schema_version"])},"source":{dumps(source)},'
                      f'"published":"{published}","site":{dumps(site)},"blocks":{dumps(blocks)}')
            out.write("," + rest + "}\n" if rest else "}\n")


if __name__ == "__main__":
    main()
