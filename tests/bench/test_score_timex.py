"""Tests of bench/score_timex.py (../shared/data/nlp/time/PROTOCOL.md).

Hand-computed tiny cases for every rule of the protocol, gold scored against itself (1.0) and the
TE3 inputs scored as system output (0), on the shared data when it is present.
"""

import os
import sys
import tarfile

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bench"))

import score_timex  # noqa: E402

TIME = os.path.join(REPO, "..", "shared", "data", "nlp", "time")


def doc(body, dct='<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'):
    return f'<?xml version="1.0" ?>\n<TimeML>{dct}\n<TEXT>{body}</TEXT>\n</TimeML>\n'


def tx(text, type_="DATE", value="1998", tid="t1"):
    return f'<TIMEX3 tid="{tid}" type="{type_}" value="{value}">{text}</TIMEX3>'


def test_text_content_decodes_references_and_line_ends():
    content, timexes = score_timex.parse_document(doc("A&amp;B\r\n" + tx("1998") + " &#38;&#x41;"))
    assert content == "A&B\n1998 &A"
    assert [(t.start, t.end, t.text) for t in timexes] == [(4, 8, "1998")]


def test_extents_are_trimmed_and_dct_and_empty_dropped():
    body = "x " + tx(" last week ", value="1998-W01") + tx("   ", tid="t2") + \
        '<TIMEX3 tid="t3" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">now</TIMEX3>'
    _, timexes = score_timex.parse_document(doc(body))
    assert [(t.start, t.end, t.text) for t in timexes] == [(3, 12, "last week")]


def test_nested_system_expressions_count_separately():
    body = '<TIMEX3 tid="t1" type="DATE" value="1998-01">January <TIMEX3 tid="t2" type="DATE" value="1998">1998</TIMEX3></TIMEX3>'
    _, timexes = score_timex.parse_document(doc(body))
    assert sorted((t.start, t.end) for t in timexes) == [(0, 12), (8, 12)]


def test_hand_computed_counts():
    # Text: "on Friday last week in 1998 and two days"
    #        0123456789012345678901234567890123456789
    G = [score_timex.Timex(3, 9, "DATE", "1998-01-02", "Friday"),
         score_timex.Timex(10, 19, "DATE", "1998-W01", "last week"),
         score_timex.Timex(23, 27, "DATE", "1998", "1998"),
         score_timex.Timex(32, 40, "DURATION", "P2D", "two days")]
    S = [score_timex.Timex(0, 9, "DATE", "1998-01-02", "on Friday"),      # relaxed, value, type
         score_timex.Timex(10, 19, "DATE", "1998-W02", "last week"),      # strict, type, not value
         score_timex.Timex(32, 40, "DATE", "P2D", "two days"),            # strict, value, not type
         score_timex.Timex(28, 31, "DATE", "X", "and")]                   # spurious
    c = score_timex.score_pair(G, S)
    assert (c.G, c.S, c.Ms, c.Mr, c.V, c.T) == (4, 4, 2, 3, 2, 2)
    m = score_timex.metrics(c)
    assert m["strict"]["F1"] == pytest.approx(0.5)
    assert m["relaxed"]["P"] == pytest.approx(0.75)
    assert m["relaxed"]["F1"] == pytest.approx(0.75)
    assert m["value"]["F1"] == pytest.approx(2 * 2 / (4 + 4))
    assert m["value_accuracy"] == pytest.approx(2 / 3)
    assert m["type_accuracy"] == pytest.approx(2 / 3)


def test_one_to_one_largest_overlap_first_then_smaller_starts():
    # Gold [0,20) and [30,35); system [4,14) (overlap 10) and [8,25) (overlap 12): both overlap the
    # first gold only; the larger overlap wins and the other system expression stays unpaired.
    G = [score_timex.Timex(0, 20, "DURATION", "P3Y", ""), score_timex.Timex(30, 35, "DURATION", "PXY", "")]
    S = [score_timex.Timex(4, 14, "DURATION", "P3Y", ""), score_timex.Timex(8, 25, "DATE", "1995", "")]
    strict, relaxed = score_timex.match(G, S)
    assert strict == []
    assert relaxed == [(0, 1)]
    # Equal overlaps: the smaller gold start, then the smaller system start.
    G = [score_timex.Timex(0, 4, "DATE", "a", ""), score_timex.Timex(4, 8, "DATE", "b", "")]
    S = [score_timex.Timex(2, 6, "DATE", "a", "")]
    _, relaxed = score_timex.match(G, S)
    assert relaxed == [(0, 0)]


def test_strict_pairs_first_and_duplicates_pair_once():
    G = [score_timex.Timex(0, 6, "DATE", "v", "")]
    S = [score_timex.Timex(0, 6, "DATE", "v", ""), score_timex.Timex(0, 6, "DATE", "v", ""),
         score_timex.Timex(2, 4, "DATE", "v", "")]
    c = score_timex.score_pair(G, S)
    assert (c.Ms, c.Mr, c.S) == (1, 1, 3)


def test_zero_denominators():
    m = score_timex.metrics(score_timex.Counts())
    assert m["strict"] == {"P": 0.0, "R": 0.0, "F1": 0.0}
    assert m["type_accuracy"] == 0.0


def test_file_pairing_keys():
    assert score_timex.doc_key("wsj_0001.tml") == "wsj_0001"
    assert score_timex.doc_key("wsj_0001.tml.TE3input") == "wsj_0001"
    assert score_timex.doc_key("wsj_0001.tml.TE3input.tml") == "wsj_0001"
    assert score_timex.doc_key("APW19980213.1310.tml.xml") == "APW19980213.1310"


def test_directories_text_mismatch_and_missing_files(tmp_path):
    gold, system = tmp_path / "gold", tmp_path / "sys"
    gold.mkdir()
    system.mkdir()
    (gold / "a.tml").write_text(doc("on " + tx("Friday", value="1998-01-02")))
    (gold / "b.tml").write_text(doc(tx("now", value="PRESENT_REF")))
    (gold / "c.tml").write_text(doc(tx("1998")))
    (system / "a.tml.TE3input").write_text(doc("on " + tx("Friday", value="1998-01-02")))
    (system / "b.tml").write_text(doc("now, changed " + tx("text")))   # text differs: no credit
    # c: missing
    total, problems = score_timex.score_dirs(str(gold), str(system))
    assert (total.G, total.S, total.Ms, total.Mr, total.V, total.T) == (3, 1, 1, 1, 1, 1)
    assert any("differs" in p for p in problems)
    assert any("no system file" in p for p in problems)
    (system / "c.tml").write_text("<TimeML><TEXT>broken")
    total, problems = score_timex.score_dirs(str(gold), str(system))
    assert total.S == 1
    assert any("c:" in p for p in problems)


need_time = pytest.mark.skipif(not os.path.isdir(os.path.join(TIME, "timebank")), reason="../shared data not present")


@need_time
@pytest.mark.parametrize("name", ["timebank", "aquaint"])
def test_gold_against_itself_is_perfect(name):
    d = os.path.join(TIME, name)
    total, problems = score_timex.score_dirs(d, d)
    assert problems == []
    m = score_timex.metrics(total)
    for k in ("strict", "relaxed", "value", "type"):
        assert m[k]["F1"] == 1.0
    assert total.G == {"timebank": 1243, "aquaint": 579}[name]


@need_time
@pytest.mark.parametrize("name", ["timebank", "aquaint"])
def test_te3_inputs_score_zero(tmp_path, name):
    with tarfile.open(os.path.join(TIME, "te3input", f"{name}-TE3input.tar.gz")) as tar:
        try:
            tar.extractall(tmp_path, filter="data")
        except TypeError:
            tar.extractall(tmp_path)
    total, problems = score_timex.score_dirs(os.path.join(TIME, name), str(tmp_path / name))
    assert problems == []  # same text content
    m = score_timex.metrics(total)
    assert (total.S, m["relaxed"]["F1"], m["value"]["F1"]) == (0, 0.0, 0.0)
