"""Tests of bench/score_metadata.py (metric (c) of ../shared/data/extraction/README.md).

Run: /usr/bin/python3 -m pytest -q tests/bench
Hand-computed cases, then two reproductions on the Readability dev pages (skipped when ../shared is
not present): the README's `<title>` baseline (title 0.474, 45/95) with a tiny baseline emitter, and
trafilatura 2.0.0's figures from ANCHOR-SCORES.md from its shipped output.
"""

import glob
import gzip
import json
import os
import sys
from html.parser import HTMLParser

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bench"))

import score_metadata as sm  # noqa: E402

READABILITY = sm.DEFAULT_READABILITY
TRAFILATURA_OUTPUT = os.path.join(sm.DATA, "_reference", "readability", "output", "trafilatura.json.gz")


def test_title_normalisation_is_nfc_whitespace_and_case_sensitive():
    # "e" + combining acute (NFD) equals the precomposed "é" after NFC; runs of whitespace collapse.
    assert sm.correct("title", "  Caf\u0065\u0301\n\t au  lait ", "Café au lait")
    assert not sm.correct("title", "café au lait", "Café au lait")  # case matters
    assert not sm.correct("title", "", "x")
    assert not sm.counted("title", "  \n ")
    assert not sm.counted("title", None)


def test_byline_tokens_drop_a_leading_by_only():
    assert sm.byline_tokens("By  Erin Cunningham") == ["erin", "cunningham"]
    assert sm.byline_tokens("Written by Rob") == ["written", "by", "rob"]
    # NFKC folds the full-width letters; casefold lower-cases (ß -> ss).
    assert sm.byline_tokens("ＪＡＮＥ Straße") == ["jane", "strasse"]
    assert not sm.counted("byline", "By")


def test_byline_contiguous_run_rule():
    assert sm.correct("byline", "Erin Cunningham", "By Erin Cunningham")
    # The README's example: 2 tokens inside 8 (<= 12).
    assert sm.correct("byline", "Gillian Mohney", "By GILLIAN MOHNEY\n March 11, 2015 3:46 PM")
    # Not contiguous.
    assert not sm.correct("byline", "Martin Untersinger, Damien Leloup",
                          "Martin Untersinger (avec Damien Leloup)")
    # A single token must be equal, not contained.
    assert not sm.correct("byline", "Jane", "Jane Doe")
    assert sm.correct("byline", "by JANE", "Jane")
    # The longer list may have at most 12 tokens (13 here).
    long_gold = "Jane Doe " + " ".join(f"w{i}" for i in range(11))
    assert len(sm.byline_tokens(long_gold)) == 13
    assert not sm.correct("byline", "Jane Doe", long_gold)
    assert sm.correct("byline", "Jane Doe", "Jane Doe " + " ".join(f"w{i}" for i in range(10)))
    assert not sm.correct("byline", "", "Jane Doe")


def test_date_first_ten_characters_as_written():
    assert sm.correct("date", "2018-04-05T06:00:00+02:00", "2018-04-05T06:00")
    assert sm.correct("date", "2019-04-28", "2019-04-28 06:01:07")
    # No time-zone conversion: the UTC day of 2015-03-11T23:00-05:00 would be the 12th.
    assert not sm.correct("date", "2015-03-12T04:00:00Z", "2015-03-11T23:00:00-05:00")
    assert not sm.correct("date", "March 11, 2015", "2015-03-11")
    assert not sm.correct("date", "2015-3-11", "2015-03-11")


def test_site_casefold_nfkc_whitespace():
    assert sm.correct("site", "the  Guardian", "The Guardian")
    assert sm.correct("site", "ＣＮＥＴ", "CNET")
    assert not sm.correct("site", "Guardian", "The Guardian")


def test_score_counts_only_pages_with_an_expected_value():
    gold = {
        "a": {"title": "T1", "byline": "By Jane Doe", "date": "2020-01-02T03:04:05Z", "site": "Site"},
        "b": {"title": "T2", "byline": None, "date": None, "site": ""},
        "c": {"title": "", "byline": "John Smith", "date": "2021-05-06", "site": None},
    }
    preds = {
        "a": {"title": "T1", "byline": "Jane Doe, John Roe", "date": "2020-01-02", "site": "site"},
        "b": {"title": "T2 - Site", "byline": "Someone", "date": "", "site": "X"},
        # c: missing page -> wrong on every counted field
    }
    r = sm.score(preds, gold)
    assert (r["title"]["correct"], r["title"]["counted"]) == (1, 2)
    # "jane doe john roe" contains "jane doe" (2 tokens, longer 4 <= 12).
    assert (r["byline"]["correct"], r["byline"]["counted"]) == (1, 2)
    assert (r["date"]["correct"], r["date"]["counted"]) == (1, 2)
    assert (r["site"]["correct"], r["site"]["counted"]) == (1, 1)
    assert r["site"]["given_when_none"] == 1 and r["site"]["none_pages"] == 1  # b gave "X" for ""
    assert r["title"]["accuracy"] == pytest.approx(0.5)


def test_predictions_from_extract_lines_join_bylines(tmp_path):
    lines = [
        {"path": "/x/readability/pages/aclu/source.html.gz", "title": "T", "bylines": ["A B", "C D"],
         "published": "2018-04-05", "site": None},
        {"path": "pages/0123abcd.html.gz", "title": None, "bylines": [], "published": None, "site": "S"},
    ]
    p = tmp_path / "out.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    preds = sm.load_predictions(str(p))
    assert preds["aclu"] == {"title": "T", "byline": "A B, C D", "date": "2018-04-05", "site": ""}
    assert preds["0123abcd"] == {"title": "", "byline": "", "date": "", "site": "S"}


def test_predictions_with_a_raw_line_separator_inside_a_string(tmp_path):
    # `dossier extract` writes U+2028 unescaped (valid JSON); it must not split a record.
    p = tmp_path / "out.jsonl"
    p.write_text('{"path": "pages/ab.html.gz", "title": "One\u2028Two", "bylines": [], "published": null, '
                 '"site": null}\n{"path": "pages/cd.html.gz", "title": "X"}\n', encoding="utf-8")
    assert "\u2028" in p.read_text(encoding="utf-8")
    preds = sm.load_predictions(str(p))
    assert preds["ab"] == {"title": "One\u2028Two", "byline": "", "date": "", "site": ""}
    assert preds["cd"]["title"] == "X"


class _TitleElement(HTMLParser):
    """The baseline of the README: the first <title> element's text, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self._inside, self._parts = None, False, []

    def handle_starttag(self, tag, attrs):
        if tag == "title" and self.title is None:
            self._inside = True

    def handle_endtag(self, tag):
        if tag == "title" and self._inside:
            self._inside = False
            self.title = "".join(self._parts)

    def handle_data(self, data):
        if self._inside:
            self._parts.append(data)


@pytest.mark.skipif(not os.path.isdir(READABILITY), reason="../shared data not present")
def test_reproduces_the_title_element_baseline():
    preds = {}
    for path in glob.glob(os.path.join(READABILITY, "pages", "*", "source.html.gz")):
        parser = _TitleElement()
        parser.feed(gzip.open(path).read().decode("utf-8"))
        preds[sm.page_key(path)] = {"title": parser.title or "", "byline": "", "date": "", "site": ""}
    r = sm.score(preds, sm.load_readability_gold(READABILITY))
    assert (r["title"]["correct"], r["title"]["counted"]) == (45, 95)
    assert round(r["title"]["accuracy"], 3) == 0.474
    # The README's counted pages.
    assert [r[f]["counted"] for f in sm.FIELDS] == [95, 58, 23, 47]
    assert [r[f]["correct"] for f in ("byline", "date", "site")] == [0, 0, 0]


@pytest.mark.skipif(not os.path.exists(TRAFILATURA_OUTPUT), reason="../shared data not present")
def test_reproduces_trafilatura_anchor_scores():
    r = sm.score(sm.load_predictions(TRAFILATURA_OUTPUT), sm.load_readability_gold(READABILITY))
    # ANCHOR-SCORES.md: title 0.653 (62/95), byline 0.724 (42/58), date 0.957 (22/23), site 0.851 (40/47).
    assert [(r[f]["correct"], r[f]["counted"]) for f in sm.FIELDS] == [(62, 95), (42, 58), (22, 23), (40, 47)]
