"""Tests of bench/score_aliases.py on cases computed by hand."""
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bench"))

import score_aliases as sa  # noqa: E402


def gold(*people):
    return {"entities": [{"name": str(i), "mentions": [{"begin": b, "end": e} for b, e in p]}
                         for i, p in enumerate(people)]}


def system(*entities):
    return {"entities": [{"id": i, "type": t, "mentions": [{"source_begin": b, "source_end": e} for b, e in ms]}
                         for i, (t, ms) in enumerate(entities)]}


def test_perfect():
    c = sa.score_document(gold([(0, 5), (10, 15)], [(20, 25)]),
                          system(("PER", [(0, 5), (10, 15)]), ("PER", [(20, 25)])))
    assert (c["tp"], c["fp"], c["fn"]) == (1, 0, 0)
    assert (c["found"], c["whole"], c["merges"], c["typed_per"]) == (3, 2, 0, 3)
    assert sa.prf(c) == (1.0, 1.0, 1.0)


def test_a_split_and_a_merge():
    # Person 0 has three mentions, split 2 + 1; the lone one is merged with person 1.
    c = sa.score_document(gold([(0, 5), (10, 15), (30, 35)], [(20, 25)]),
                          system(("PER", [(0, 5), (10, 15)]), ("ORG", [(30, 35), (20, 25)])))
    # Gold pairs: (0,1) (0,2) (1,2) same person -> system joins only (0,1): tp 1, fn 2.
    # Pairs with person 1: (2,3) joined by the system although different: fp 1.
    assert (c["tp"], c["fp"], c["fn"]) == (1, 1, 2)
    assert (c["whole"], c["merges"], c["typed_per"]) == (0, 1, 2)
    p, r, f = sa.prf(c)
    assert (p, r) == (0.5, 1 / 3)


def test_a_small_overlap_is_no_match():
    # System "Ukrainian" (4..13) inside gold "the Ukrainian leader" (0..20): less than half.
    c = sa.score_document(gold([(0, 20)]), system(("MISC", [(4, 13)])))
    assert c["found"] == 0


def test_overlap_counts_and_missing_mentions_are_misses():
    # "Keir Starmer" inside gold "Sir Keir Starmer"; the second mention is not found at all.
    c = sa.score_document(gold([(0, 16), (40, 47)]), system(("PER", [(4, 16)])))
    assert c["found"] == 1
    assert (c["tp"], c["fp"], c["fn"]) == (0, 0, 1)
    assert c["whole"] == 0


def test_false_people_are_counted():
    c = sa.score_document(gold([(0, 5)]), system(("PER", [(0, 5)]), ("PER", [(20, 28)]), ("ORG", [(30, 35)])))
    assert c["false_people"] == 1
