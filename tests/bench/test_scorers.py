"""Tests of bench/score_segmentation.py and bench/score_scraped.py.

Run: /usr/bin/python3 -m pytest -q tests/bench
Hand-computed tiny cases, prediction = gold, and the trivial baselines published in the data READMEs
(skipped when ../shared is not present).
"""

import io
import json
import os
import sys
import tarfile

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bench"))

import score_scraped  # noqa: E402
import score_segmentation  # noqa: E402

SHARED = os.path.join(REPO, "..", "shared", "data")
CHOI = os.path.join(SHARED, "nlp", "segmentation", "choi", "choi-dev.tar.gz")
NEWS = os.path.join(SHARED, "nlp", "segmentation", "news", "news-dev.tar.gz")
SCRAPED_DEV = os.path.join(SHARED, "scraped-text", "dev")


# ------------------------------------------------------------------------------------------------
# Segmentation (PROTOCOLS.md section 3)


def test_parse_ref():
    text = "==========\na \nb \n==========\nc \n==========\nd \ne \n==========\n"
    units, starts = score_segmentation.parse_ref(text)
    assert units == ["a ", "b ", "c ", "d ", "e "]
    assert starts == [1, 3, 4]


def test_segmentation_hand_case():
    # N = 10 units, gold starts 1, 6 (S = 2) -> k = floor(10/4 + 0.5) = floor(3.0) = 3.
    # Windows i = 1..7 compare units (i, i+3). Gold ids: 0 0 0 0 0 1 1 1 1 1.
    # Prediction: starts 1, 4, 8 -> ids 0 0 0 1 1 1 1 2 2 2.
    # i : gold starts in i+1..i+3 / predicted       Pk err / WD err
    # 1 : 0 (2,3,4) / 1 (4)                         yes / yes
    # 2 : 0 (3,4,5) / 1 (4)                         yes / yes
    # 3 : 1 (4,5,6 has 6) / 1 (4)                   no  / no
    # 4 : 1 (6) / 0 (5,6,7)                         yes / yes
    # 5 : 1 (6) / 1 (8)                             no  / no
    # 6 : 0 (7,8,9) / 1 (8)                         yes / yes
    # 7 : 0 (8,9,10) / 1 (8)                        yes / yes
    # Pk = 5/7, WindowDiff = 5/7.
    pk, wd, k = score_segmentation.score_document(10, [1, 6], [1, 4, 8])
    assert k == 3
    assert pk == pytest.approx(5 / 7)
    assert wd == pytest.approx(5 / 7)


def test_segmentation_windowdiff_differs_from_pk():
    # N = 8, gold starts 1, 5 -> k = floor(8/4 + 0.5) = 2. Windows i = 1..6 (units i, i+2).
    # Prediction 1, 5, 6: gold starts among i+1..i+2 / predicted:
    # i=1: (2,3) 0/0; i=2: (3,4) 0/0; i=3: (4,5) 1/1; i=4: (5,6) 1/2 -> WD error only;
    # i=5: (6,7) 0/1 -> both errors; i=6: (7,8) 0/0.
    # Pk = 1/6, WindowDiff = 2/6.
    pk, wd, k = score_segmentation.score_document(8, [1, 5], [1, 5, 6])
    assert k == 2
    assert pk == pytest.approx(1 / 6)
    assert wd == pytest.approx(2 / 6)


def test_segmentation_gold_equals_prediction_and_unit_one_implicit():
    pk, wd, _ = score_segmentation.score_document(12, [1, 4, 9], [4, 9])  # unit 1 need not be printed
    assert (pk, wd) == (0.0, 0.0)


def _tiny_archive(tmp_path):
    docs = {
        "set/a/0.ref": "==========\nx\nx\nx\n==========\ny\ny\ny\n==========\n",
        "set/a/1.ref": "==========\nx\nx\n==========\ny\ny\n==========\nz\nz\n==========\n",
        "set/b/2.ref": "==========\nx\nx\nx\nx\n==========\n",
    }
    path = tmp_path / "tiny.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, text in docs.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return str(path)


def test_segmentation_archive_averaging(tmp_path):
    gold = score_segmentation.read_gold_archive(_tiny_archive(tmp_path))
    # Doc 0: N=6 (x x x | y y y), S=2, k=floor(6/4+0.5)=2; prediction "no boundary": windows
    #   i=1..4 compare (i,i+2): (1,3) same, (2,4) differ, (3,5) differ, (4,6) same -> 2/4 = 0.5.
    # Doc 1: N=6 (x x | y y | z z), S=3, k=floor(1+0.5)=1; windows i=1..5 compare (i,i+1):
    #   gold differs at (2,3) and (4,5) -> 2/5 = 0.4.
    # Doc 2: N=4, S=1: no boundary is exact -> 0.
    # Subset a = (0.5 + 0.4)/2 = 0.45; subset b = 0; overall = (0.5 + 0.4 + 0)/3 = 0.3.
    preds = {name: [1] for name in gold}
    r = score_segmentation.score(gold, preds)
    assert r["subsets"]["a"]["pk"] == pytest.approx(0.45)
    assert r["subsets"]["a"]["windowdiff"] == pytest.approx(0.45)
    assert r["subsets"]["b"]["pk"] == 0.0
    assert r["overall"]["pk"] == pytest.approx(0.3)


def test_segmentation_cli(tmp_path, capsys):
    arch = _tiny_archive(tmp_path)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps({"file": f, "starts": s}) + "\n" for f, s in
                            [("set/a/0.ref", [1, 4]), ("set/a/1.ref", [1, 3, 5]), ("set/b/2.ref", [1])]))
    assert score_segmentation.main(["--gold-archive", arch, "--pred", str(pred), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["overall"] == {"documents": 3, "pk": 0.0, "windowdiff": 0.0}


need_shared = pytest.mark.skipif(not os.path.exists(CHOI) or not os.path.exists(NEWS),
                                 reason="../shared data not present")


@pytest.fixture(scope="module")
def choi_gold():
    if not os.path.exists(CHOI):
        pytest.skip("../shared data not present")
    return score_segmentation.read_gold_archive(CHOI)


@pytest.fixture(scope="module")
def news_gold():
    if not os.path.exists(NEWS):
        pytest.skip("../shared data not present")
    return score_segmentation.read_gold_archive(NEWS)


def test_choi_no_boundaries(choi_gold):
    r = score_segmentation.score(choi_gold, {f: [1] for f in choi_gold})
    expected = {"3-11": 0.4715, "3-5": 0.4731, "6-8": 0.4808, "9-11": 0.4768}
    for subset, value in expected.items():
        assert round(r["subsets"][subset]["pk"], 4) == value
        assert round(r["subsets"][subset]["windowdiff"], 4) == value
    assert round(r["overall"]["pk"], 4) == 0.4738
    assert round(r["overall"]["windowdiff"], 4) == 0.4738
    assert r["overall"]["documents"] == 529


def test_choi_every_line(choi_gold):
    r = score_segmentation.score(choi_gold, {f: list(range(1, len(u) + 1)) for f, (u, _) in choi_gold.items()})
    expected = {"3-11": 0.5285, "3-5": 0.5269, "6-8": 0.5192, "9-11": 0.5232}
    for subset, value in expected.items():
        assert round(r["subsets"][subset]["pk"], 4) == value
        assert round(r["subsets"][subset]["windowdiff"], 4) == 1.0
    assert round(r["overall"]["pk"], 4) == 0.5262
    assert round(r["overall"]["windowdiff"], 4) == 1.0


def test_choi_every_l_lines(choi_gold):
    # README: L = the subset's mean gold segment length, rounded (3-11: 7, 3-5: 4, 6-8: 7, 9-11: 10).
    L = {"3-11": 7, "3-5": 4, "6-8": 7, "9-11": 10}
    preds = {f: list(range(1, len(u) + 1, L[score_segmentation.subset_of(f)])) for f, (u, _) in choi_gold.items()}
    r = score_segmentation.score(choi_gold, preds)
    pk = {"3-11": 0.4888, "3-5": 0.4432, "6-8": 0.3715, "9-11": 0.2930}
    wd = {"3-11": 0.4913, "3-5": 0.4432, "6-8": 0.3715, "9-11": 0.2930}
    for subset in L:
        assert round(r["subsets"][subset]["pk"], 4) == pk[subset]
        assert round(r["subsets"][subset]["windowdiff"], 4) == wd[subset]
    assert round(r["overall"]["pk"], 4) == 0.4373
    assert round(r["overall"]["windowdiff"], 4) == 0.4387


def test_choi_gold_is_perfect(choi_gold):
    r = score_segmentation.score(choi_gold, {f: s for f, (_, s) in choi_gold.items()})
    assert r["overall"]["pk"] == 0.0 and r["overall"]["windowdiff"] == 0.0


def test_news_baselines(news_gold):
    none = score_segmentation.score(news_gold, {f: [1] for f in news_gold})
    assert round(none["overall"]["pk"], 4) == 0.4611
    assert round(none["overall"]["windowdiff"], 4) == 0.4611
    every = score_segmentation.score(news_gold, {f: list(range(1, len(u) + 1)) for f, (u, _) in news_gold.items()})
    assert round(every["overall"]["pk"], 4) == 0.5389
    assert round(every["overall"]["windowdiff"], 4) == 1.0
    every6 = score_segmentation.score(news_gold, {f: list(range(1, len(u) + 1, 6)) for f, (u, _) in news_gold.items()})
    assert round(every6["overall"]["pk"], 4) == 0.4750
    assert round(every6["overall"]["windowdiff"], 4) == 0.4751
    gold = score_segmentation.score(news_gold, {f: s for f, (_, s) in news_gold.items()})
    assert gold["overall"]["pk"] == 0.0 and gold["overall"]["windowdiff"] == 0.0


# ------------------------------------------------------------------------------------------------
# Scraped text (scraped-text/README.md "Metrics (exact definitions)")


def _line(n, label, story=None, kind="body"):
    d = {"n": n, "label": label, "story": story}
    if label == "main":
        d["main_kind"] = kind
    return d


# A 10-line file with 2 stories:
#  1 other | 2 main s0 (heading) | 3 main s0 | 4 caption | 5 main s0 | 6 media | 7 other |
#  8 main s1 | 9 main s1 | 10 consent
TINY_GOLD = {
    "file": "x-001.txt", "source_set": "x", "n_lines": 10, "story_starts": [2, 8],
    "lines": [_line(1, "other"), _line(2, "main", 0, "heading"), _line(3, "main", 0), _line(4, "caption"),
              _line(5, "main", 0), _line(6, "media"), _line(7, "other"), _line(8, "main", 1),
              _line(9, "main", 1), _line(10, "consent")],
}


def test_scraped_gold_segments():
    # Leftovers take the next main line's story; trailing leftovers the last story.
    assert score_scraped.gold_segments(TINY_GOLD) == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]


def test_scraped_prediction_equal_to_gold():
    labels = score_scraped.gold_fine_labels(TINY_GOLD)
    for starts in ([2, 8], [1, 6], [2, 7], [1, 8]):  # the gold starts or anywhere in the gap
        c = score_scraped.score_file(TINY_GOLD, labels, starts)
        s = score_scraped.summarize(c)
        assert s["article_f1"] == 1.0 and s["pk"] == 0.0 and s["windowdiff"] == 0.0
        assert s["story_start_f1"] == 1.0 and s["label_accuracy"] == 1.0
    strict = score_scraped.summarize(score_scraped.score_file(TINY_GOLD, labels, [1, 6]))
    assert strict["story_start_strict_f1"] == 0.0  # 6 is in the gap but not the exact line


def test_scraped_hand_case():
    # Prediction: every line body except line 6 "media" and line 9 "other"; starts [1, 4, 10].
    labels = ["body", "body", "body", "body", "body", "media", "body", "body", "other", "body"]
    c = score_scraped.score_file(TINY_GOLD, labels, [1, 4, 10])
    # Article lines: gold main = {2,3,5,8,9}; predicted article = {1,2,3,4,5,7,8,10}.
    #   TP = {2,3,5,8} = 4, FP = {1,4,7,10} = 4, FN = {9} = 1.
    assert (c["art_tp"], c["art_fp"], c["art_fn"]) == (4, 4, 1)
    # Predicted segments: article line j -> number of starts s with 1 < s <= j:
    #   1:0 2:0 3:0 4:1 5:1 7:1 8:1 10:2; line 6 (media) takes line 7's = 1; line 9 takes line 10's = 2.
    assert score_scraped.predicted_segments(labels, [1, 4, 10]) == [0, 0, 0, 1, 1, 1, 1, 1, 2, 2]
    # k = max(1, round(10 / 4)) = round(2.5) = 2 (banker's rounding). Windows i = 1..8 compare (i, i+2).
    # gold  0 0 0 0 0 1 1 1 1 1     pred 0 0 0 1 1 1 1 1 2 2
    # i=1 (1,3): same/same ok; i=2 (2,4): same/diff err; i=3 (3,5): same/diff err;
    # i=4 (4,6): diff/same err; i=5 (5,7): diff/same err; i=6 (6,8): same/same ok;
    # i=7 (7,9): same/diff err; i=8 (8,10): same/diff err.  Pk errors = 6.
    # WindowDiff: boundaries before lines (gold: 6; pred: 4, 9) counted in i+1..i+2:
    # i=1 (2,3): 0/0; i=2 (3,4): 0/1 err; i=3 (4,5): 0/1 err; i=4 (5,6): 1/0 err; i=5 (6,7): 1/0 err;
    # i=6 (7,8): 0/0; i=7 (8,9): 0/1 err; i=8 (9,10): 0/1 err.  WD errors = 6.
    assert (c["pk_err"], c["wd_err"], c["windows"]) == (6, 6, 8)
    # Story starts: gold boundary 8 with window 6..8 (lines 6,7 are leftovers). Predicted starts > 2
    # (the first gold start): 4 -> FP, 10 -> FP; gold 8 unmatched -> FN.
    assert (c["ss_tp"], c["ss_fp"], c["ss_fn"]) == (0, 2, 1)
    # 7-label accuracy: gold fine labels other heading body caption body media other body body consent;
    #   equal at lines 3, 5, 6, 8 -> 4.
    assert c["label_ok"] == 4
    s = score_scraped.summarize(c)
    assert s["article_p"] == pytest.approx(0.5) and s["article_r"] == pytest.approx(0.8)
    assert s["article_f1"] == pytest.approx(2 * 0.5 * 0.8 / 1.3)
    assert s["pk"] == pytest.approx(0.75) and s["windowdiff"] == pytest.approx(0.75)
    assert s["story_start_f1"] == 0.0


def test_scraped_story_start_matching():
    labels = score_scraped.gold_fine_labels(TINY_GOLD)
    # Duplicates removed; 6 and 7 both in the window of 8: the first matches, the second is an FP.
    c = score_scraped.score_file(TINY_GOLD, labels, [1, 2, 6, 6, 7])
    assert (c["ss_tp"], c["ss_fp"], c["ss_fn"]) == (1, 1, 0)
    assert (c["strict_tp"], c["strict_fp"], c["strict_fn"]) == (0, 2, 1)


@pytest.fixture(scope="module")
def scraped_gold():
    if not os.path.isdir(SCRAPED_DEV):
        pytest.skip("../shared data not present")
    return score_scraped.load_gold_dir(SCRAPED_DEV)


def test_scraped_trivial_baseline(scraped_gold):
    preds = {f: {"labels": ["body"] * g["n_lines"], "story_starts": [1]} for f, g in scraped_gold.items()}
    r = score_scraped.score(scraped_gold, preds)
    expected = {  # README: files, lines, F1, P, R, Pk, WD
        "aeb": (30, 3476, 0.822, 0.697, 1.0, 0.429, 0.429),
        "rdb": (10, 1330, 0.858, 0.752, 1.0, 0.420, 0.420),
        "dense": (20, 2683, 0.747, 0.596, 1.0, 0.433, 0.433),
        "ALL": (60, 7489, 0.803, 0.671, 1.0, 0.429, 0.429),
    }
    for name, (files, lines, f1, p, rec, pk, wd) in expected.items():
        s = r["ALL"] if name == "ALL" else r["sets"][name]
        assert (s["files"], s["lines"]) == (files, lines)
        assert round(s["article_f1"], 3) == f1
        assert round(s["article_p"], 3) == p
        assert round(s["article_r"], 3) == rec
        assert round(s["pk"], 3) == pk
        assert round(s["windowdiff"], 3) == wd
        assert s["story_start_f1"] == 0.0


def test_scraped_gold_prediction_is_perfect(scraped_gold):
    for gap_starts in (False, True):
        preds = {}
        for f, g in scraped_gold.items():
            starts = list(g["story_starts"])
            if gap_starts:
                is_main = score_scraped.gold_is_main(g)
                moved = []
                for s in starts:
                    while s > 1 and not is_main[s - 2]:
                        s -= 1
                    moved.append(s)
                starts = moved
            preds[f] = {"labels": score_scraped.gold_fine_labels(g), "story_starts": starts}
        r = score_scraped.score(scraped_gold, preds)["ALL"]
        assert r["article_f1"] == 1.0 and r["pk"] == 0.0 and r["windowdiff"] == 0.0
        assert r["story_start_f1"] == 1.0 and r["label_accuracy"] == 1.0
