"""Hand-computed cases for bench/score_corpus_aliases.py."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "bench"))

import score_corpus_aliases as s  # noqa: E402


def doc(path, entities):
    return {"source": {"path": path},
            "entities": [{"id": i, "mentions": [{"text": t} for t in texts]} for i, texts in enumerate(entities)]}


GOLD = {"entities": [
    {"name": "A", "documents": {"1.txt": ["Ann Lee"], "2.txt": ["Ms Lee"], "3.txt": ["Lee"]}},
    {"name": "B", "documents": {"2.txt": ["Bo Lee"], "3.txt": ["Bo"]}},
]}
DOCS = [doc("x/1.txt", [["Ann Lee"]]), doc("2.txt", [["Lee"], ["Bo Lee"]]), doc("3.txt", [["Lee"], ["Bo"]])]


def test_all_right():
    batch = [{"id": 0, "members": [{"document": "x/1.txt", "entity": 0}, {"document": "2.txt", "entity": 0},
                                   {"document": "3.txt", "entity": 0}]},
             {"id": 1, "members": [{"document": "2.txt", "entity": 1}, {"document": "3.txt", "entity": 1}]}]
    r = s.score(GOLD, DOCS, batch)
    # Gold pairs: A has 3 nodes (3 pairs), B 2 (1 pair) = 4; all joined, none wrong.
    assert (r["gold_pairs"], r["joined_pairs"], r["correct_pairs"]) == (4, 4, 4)
    assert r["precision"] == 1.0 and r["recall"] == 1.0 and r["entities_whole"] == 2


def test_a_wrong_join_and_a_missed_one():
    # 3.txt's "Lee" joined to B (wrong), and B's two nodes apart.
    batch = [{"id": 0, "members": [{"document": "x/1.txt", "entity": 0}, {"document": "2.txt", "entity": 0}]},
             {"id": 1, "members": [{"document": "2.txt", "entity": 1}, {"document": "3.txt", "entity": 0}]},
             {"id": 2, "members": [{"document": "3.txt", "entity": 1}]}]
    r = s.score(GOLD, DOCS, batch)
    # Joined pairs: (A1,A2) right, (B2,A3) wrong = 2; right 1; gold 4.
    assert (r["gold_pairs"], r["joined_pairs"], r["correct_pairs"]) == (4, 2, 1)
    assert r["precision"] == 0.5 and r["recall"] == 0.25
    assert r["entities_whole"] == 0


def test_unfound_nodes_count_against_recall_only():
    docs = [doc("1.txt", [["Ann Lee"]]), doc("2.txt", [["Someone"]]), doc("3.txt", [])]
    batch = [{"id": 0, "members": [{"document": "1.txt", "entity": 0}]},
             {"id": 1, "members": [{"document": "2.txt", "entity": 0}]}]
    r = s.score(GOLD, docs, batch)
    assert r["joined_pairs"] == 0 and r["precision"] == 1.0 and r["recall"] == 0.0
    assert r["nodes_found"] == 1 and r["nodes"] == 5
