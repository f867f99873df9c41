"""Tests of bench/score_conll.py (PROTOCOLS.md section 1): hand-computed cases, gold as prediction,
and the most-frequent-tag baseline table of data/nlp/ner/README.md (skipped without ../shared)."""

import os
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bench"))

import score_conll  # noqa: E402

CONLL = os.path.join(REPO, "..", "shared", "data", "nlp", "ner", "conll2003")


def test_chunks_iob2_iob1_iobes():
    assert score_conll.chunks(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 1, "PER"), (3, 3, "LOC")]
    # IOB1: I- after O starts a phrase, B- only between two phrases of one type.
    assert score_conll.chunks(["I-ORG", "I-ORG", "B-ORG", "O"]) == [(0, 1, "ORG"), (2, 2, "ORG")]
    # A change of type ends a phrase even without B-.
    assert score_conll.chunks(["I-PER", "I-LOC"]) == [(0, 0, "PER"), (1, 1, "LOC")]
    # IOBES.
    assert score_conll.chunks(["S-LOC", "B-PER", "E-PER", "I-PER"]) == [
        (0, 0, "LOC"), (1, 2, "PER"), (3, 3, "PER")]
    # Bare type = I-type.
    assert score_conll.chunks(["PER", "PER", "O"]) == [(0, 1, "PER")]


def test_hand_case():
    # gold: [John Smith]PER visited [Paris]LOC . | [EU]ORG
    # pred: [John]PER [Smith]PER visited [Paris]LOC . | [EU]MISC
    # PER: gold 1, pred 2, correct 0; LOC 1/1/1; ORG 1/0/0; MISC 0/1/0.
    # overall: gold 3, pred 4, correct 1 -> P 25.00 R 33.33 F1 28.57. Tokens 6, right 4.
    lines = ["-DOCSTART- -X- -X- O O\n", "\n",
             "John NNP B-NP B-PER B-PER\n", "Smith NNP I-NP I-PER B-PER\n", "visited x x O O\n",
             "Paris x x B-LOC B-LOC\n", ". x x O O\n", "\n", "EU x x B-ORG B-MISC\n"]
    r = score_conll.score(lines)
    assert r["types"]["PER"] == {"gold": 1, "predicted": 2, "correct": 0, "P": 0.0, "R": 0.0, "F1": 0.0}
    assert r["types"]["LOC"]["F1"] == 100.0
    assert r["types"]["ORG"]["predicted"] == 0 and r["types"]["ORG"]["P"] == 0.0
    o = r["overall"]
    assert (o["gold"], o["predicted"], o["correct"]) == (3, 4, 1)
    assert "%.2f %.2f %.2f" % (o["P"], o["R"], o["F1"]) == "25.00 33.33 28.57"
    assert r["tokens"] == 6
    assert r["token_accuracy"] == pytest.approx(400 / 6)


def test_no_phrase_crosses_a_boundary():
    lines = ["A x B-PER B-PER\n", "\n", "B x I-PER I-PER\n"]
    r = score_conll.score(lines)
    assert r["overall"]["gold"] == 2 and r["overall"]["correct"] == 2


def test_empty_input():
    r = score_conll.score([])
    assert r["overall"]["F1"] == 0.0 and r["tokens"] == 0


@pytest.mark.skipif(not os.path.exists(os.path.join(CONLL, "eng.testa")), reason="no shared data")
def test_readme_baseline_and_gold():
    with open(os.path.join(CONLL, "eng.train"), encoding="utf-8") as f:
        train = f.readlines()
    with open(os.path.join(CONLL, "eng.testa"), encoding="utf-8") as f:
        dev = f.readlines()
    out = score_conll.baseline(train, dev)
    table = score_conll.table(score_conll.score([l + "\n" for l in out]))
    expected = """| LOC | 1837 | 1772 | 1457 | 82.22 | 79.31 | 80.74 |
| MISC | 922 | 902 | 627 | 69.51 | 68.00 | 68.75 |
| ORG | 1341 | 1399 | 813 | 58.11 | 60.63 | 59.34 |
| PER | 1842 | 1557 | 885 | 56.84 | 48.05 | 52.07 |
| **overall** | 5942 | 5630 | 3782 | **67.18** | **63.65** | **65.36** |

Token accuracy: 93.58% (51362 tokens)"""
    assert expected in table
    gold = [(l.rstrip("\n") + " " + l.split()[-1] + "\n") if l.strip() else l for l in dev]
    r = score_conll.score(gold)
    assert "%.2f" % r["overall"]["F1"] == "100.00"
    assert "%.2f" % r["token_accuracy"] == "100.00"
