"""Tests of bench/score_quotes.py (../shared/data/nlp/PROTOCOLS.md, section 2).

Tiny hand-computed cases for each rule: tokens and coverage, exact match as a multiset, token
overlap as unions, missing sources, whole attributions, and the resolved-speaker link and name
normalisation; then gold scored against itself (1.0) on the shared dev set when present.
"""

import json
import os
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bench"))

import score_quotes  # noqa: E402

POLNEAR = os.path.join(REPO, "..", "shared", "data", "nlp", "quotes", "polnear")

#        0         1         2         3         4
#        0123456789012345678901234567890123456789012345
TEXT = "Bell said the plan fails. “No,” she added."
# tokens: Bell(0,4) said(5,9) the(10,13) plan(14,18) fails(19,24) .(24,25) “(26,27) No(27,29)
#         ,(29,30) ”(30,31) she(32,35) added(36,41) .(41,42)


def art(attributions, text=TEXT, doc_id="d"):
    return {doc_id: {"id": doc_id, "text": text, "attributions": attributions}}


def a(source, cue, content, speaker=None):
    return {"source": source, "cue": cue, "content": content, "speaker": speaker}


GOLD = [a([[0, 4]], [[5, 9]], [[10, 24]]), a([[32, 35]], [[36, 41]], [[26, 31]])]


def test_tokens_and_coverage():
    tk = score_quotes.Tokens(TEXT)
    assert len(tk.starts) == 13
    # One character of overlap covers a token; a piece ending where a token starts does not.
    assert tk.cover([[3, 6]]) == {0, 1}
    assert tk.cover([[4, 5]]) == frozenset()
    assert tk.cover([[10, 13], [19, 20]]) == {2, 4}
    assert tk.cover([]) == frozenset()


def test_gold_against_itself_is_perfect():
    res = score_quotes.score(art(GOLD), {"d": GOLD})
    for c in ("source", "cue", "content"):
        assert res["exact"][c]["f1"] == 1.0
        assert res["overlap"][c]["f1"] == 1.0
    assert res["whole"]["f1"] == 1.0


def test_partial_content_exact_and_overlap():
    # Content "the plan" (2 of the 4 gold tokens "the plan fails" + nothing of the second).
    pred = [a([[0, 4]], [[5, 9]], [[10, 18]])]
    res = score_quotes.score(art(GOLD), {"d": pred})
    e, o = res["exact"]["content"], res["overlap"]["content"]
    assert (e["hit"], e["pred"], e["gold"]) == (0, 1, 2)
    # Gold union: the plan fails (3) + “ No , ” (4) = 7 tokens; predicted 2, both shared.
    assert (o["hit"], o["pred"], o["gold"]) == (2, 2, 7)
    assert o["p"] == 1.0 and o["r"] == pytest.approx(2 / 7)
    assert o["f1"] == pytest.approx(2 * 1.0 * (2 / 7) / (1 + 2 / 7))
    # Source and cue of the first attribution are exact: 1 of 2 gold items each.
    assert res["exact"]["source"]["p"] == 1.0 and res["exact"]["source"]["r"] == 0.5
    assert res["whole"]["hit"] == 0


def test_exact_match_is_one_to_one():
    # The same predicted cue twice pairs with the one gold cue once.
    pred = [a([], [[5, 9]], []), a([], [[5, 9]], [])]
    res = score_quotes.score(art(GOLD), {"d": pred})
    assert (res["exact"]["cue"]["hit"], res["exact"]["cue"]["pred"]) == (1, 2)
    # Overlap uses unions: the duplicate costs nothing there.
    assert (res["overlap"]["cue"]["hit"], res["overlap"]["cue"]["pred"]) == (1, 1)


def test_missing_sources_cost_only_one_side():
    gold = [a([], [[5, 9]], [[10, 24]])]
    pred = [a([[0, 4]], [[5, 9]], [[10, 24]])]
    res = score_quotes.score(art(gold), {"d": pred})
    s = res["exact"]["source"]
    assert (s["hit"], s["pred"], s["gold"]) == (0, 1, 0)
    assert s["p"] == 0.0 and s["r"] == 0.0 and s["f1"] == 0.0
    # An empty source matches only an empty source in the whole-attribution score.
    assert res["whole"]["hit"] == 0
    res2 = score_quotes.score(art(gold), {"d": [a([], [[5, 9]], [[10, 24]])]})
    assert res2["whole"]["hit"] == 1


def test_article_without_predictions_and_nothing_predicted():
    res = score_quotes.score(art(GOLD), {})
    assert res["overlap"]["content"]["p"] == 0.0 and res["overlap"]["content"]["r"] == 0.0


def test_name_normalisation():
    assert score_quotes.normalize_name("Sen. Bernie  Sanders") == "bernie sanders"
    assert score_quotes.normalize_name("Mr. Trump") == "trump"
    assert score_quotes.normalize_name("The President") == "president"  # never the last word
    assert score_quotes.normalize_name("Flight attendants' union") == "flight attendants union"


def test_resolved_speaker_links_by_cue_then_content():
    entries = [
        {"doc": "d", "attribution": "E1", "source_text": "Bell", "cue": [[5, 9]], "content": [[10, 24]],
         "speaker": "Sean Bell", "aliases": []},
        {"doc": "d", "attribution": "E2", "source_text": "she", "cue": [[36, 41]], "content": [[26, 31]],
         "speaker": "Marjorie Taylor Greene", "aliases": ["Greene"]},
        {"doc": "d", "attribution": "E3", "source_text": "sources", "cue": [[36, 41]], "content": [[26, 31]],
         "speaker": None},
    ]
    pred = [
        # Shares content with E1 but no cue: loses to the next one for E1.
        a([], [], [[10, 24]], speaker="Someone Else"),
        a([[0, 4]], [[5, 9]], [[10, 13]], speaker="Dr Sean Bell"),
        # E2: shares the cue; the alias matches.
        a([[32, 35]], [[36, 41]], [[26, 31]], speaker="greene"),
    ]
    res = score_quotes.score(art(GOLD), {"d": pred}, entries)["speaker"]
    assert (res["correct"], res["scored"]) == (2, 2)
    assert (res["pronoun_correct"], res["pronoun_scored"]) == (1, 1)
    # No prediction shares a token: wrong.
    res = score_quotes.score(art(GOLD), {"d": [a([], [], [[0, 4]], speaker="Sean Bell")]}, entries)["speaker"]
    assert res["correct"] == 0 and res["accuracy"] == 0.0


def test_ties_go_to_the_earlier_prediction():
    entries = [{"doc": "d", "attribution": "E1", "source_text": "Bell", "cue": [[5, 9]], "content": [[10, 24]],
                "speaker": "Sean Bell", "aliases": []}]
    pred = [a([], [[5, 9]], [[10, 24]], speaker="Sean Bell"), a([], [[5, 9]], [[10, 24]], speaker="Wrong")]
    assert score_quotes.score(art(GOLD), {"d": pred}, entries)["speaker"]["correct"] == 1
    assert score_quotes.score(art(GOLD), {"d": pred[::-1]}, entries)["speaker"]["correct"] == 0


@pytest.mark.skipif(not os.path.exists(os.path.join(POLNEAR, "dev.jsonl")), reason="shared data not present")
def test_dev_gold_against_itself():
    with open(os.path.join(POLNEAR, "dev.jsonl"), encoding="utf-8") as f:
        gold = {d["id"]: d for d in map(json.loads, f)}
    pred = {k: v["attributions"] for k, v in gold.items()}
    res = score_quotes.score(gold, pred)
    assert res["overlap"]["content"]["f1"] == 1.0
    assert res["exact"]["source"]["gold"] == 2192 - 126


@pytest.mark.skipif(not os.path.exists(os.path.join(POLNEAR, "dev-speakers.jsonl")), reason="shared data not present")
def test_raw_source_text_as_speaker_reproduces_the_readme_figure():
    # quotes/README.md: "Gold spans with `speaker` = the raw gold source text: 0.1716 (23/134)".
    with open(os.path.join(POLNEAR, "dev.jsonl"), encoding="utf-8") as f:
        gold = {d["id"]: d for d in map(json.loads, f)}
    pred = {k: [dict(x, speaker=x["source_text"]) for x in v["attributions"]] for k, v in gold.items()}
    entries = score_quotes.load_jsonl(os.path.join(POLNEAR, "dev-speakers.jsonl"))
    res = score_quotes.score(gold, pred, entries)["speaker"]
    assert (res["correct"], res["scored"]) == (23, 134)
