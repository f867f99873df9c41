"""End-to-end tests of the quote stage in `dossier analyze`: the `quotes` JSON (fields and byte
offsets into the input), the `Speaker: "quote"` text rendering, crude text and HTML alike, and the
showcase sample's direct quotations with their speakers."""
import json
import os
import subprocess

import pytest

TIMEOUT = 300
SHARED = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "..", "shared")
SAMPLE = os.path.join(SHARED, "samples", "skynews-scrape-2025-11.txt")

PARAS = [
    "Military analyst Sean Bell says the plan would not work without American support.",
    "“You’re not even close to getting the numbers you need,” Bell adds. “And even if you could, it would be "
    "really dangerous for everyone involved.”",
]


def analyze(dossier, path, *args):
    r = subprocess.run([dossier, "analyze", "--no-progress", *args, str(path)], capture_output=True, timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_quotes_json_fields_and_offsets(dossier, tmp_path):
    f = tmp_path / "bell.txt"
    data = ("\n".join(PARAS) + "\n").encode("utf-8")
    f.write_bytes(data)
    doc = json.loads(analyze(dossier, f))
    quotes = doc["quotes"]
    assert [q["type"] for q in quotes] == ["indirect", "direct"]
    ind, direct = quotes
    assert ind["text"] == "the plan would not work without American support"
    assert data[ind["source_begin"]:ind["source_end"]].decode() == ind["text"]
    assert ind["cue"] == "says" and data[ind["cue_begin"]:ind["cue_end"]] == b"says"
    sp = ind["speaker"]
    assert sp["text"] == "Military analyst Sean Bell" and sp["name"] == "Sean Bell"
    assert data[sp["source_begin"]:sp["source_end"]].decode() == sp["text"]
    assert doc["entities"][sp["entity"]]["name"] == "Sean Bell"
    # The split quote: both parts, the span from the first mark to the last, and each part.
    assert direct["cue"] == "adds" and direct["speaker"]["text"] == "Bell"
    assert direct["speaker"]["entity"] == sp["entity"]
    assert len(direct["parts"]) == 2
    first = data[direct["parts"][0]["source_begin"]:direct["parts"][0]["source_end"]].decode()
    second = data[direct["parts"][1]["source_begin"]:direct["parts"][1]["source_end"]].decode()
    assert first == "“You’re not even close to getting the numbers you need,”"
    assert second.startswith("“And even if you could") and second.endswith("involved.”")
    assert direct["text"] == first + " " + second
    assert direct["source_begin"] == direct["parts"][0]["source_begin"]
    assert direct["source_end"] == direct["parts"][1]["source_end"]
    # Existing fields are still there.
    for key in ("blocks", "stories", "entities", "timexes", "amounts"):
        assert key in doc


def test_quotes_text_rendering(dossier, tmp_path):
    f = tmp_path / "bell.txt"
    f.write_text("\n".join(PARAS) + "\n", encoding="utf-8")
    out = analyze(dossier, f, "--format", "text").decode()
    assert 'Sean Bell: "the plan would not work without American support" (indirect)' in out
    assert "Sean Bell: “You’re not even close to getting the numbers you need,” “And even if" in out


def test_html_gives_the_same_quotes_as_crude_text(dossier, tmp_path):
    crude = tmp_path / "bell.txt"
    crude.write_text("\n".join(PARAS) + "\n", encoding="utf-8")
    page = tmp_path / "bell.html"
    page.write_text("<!DOCTYPE html><html><head><title>Plan</title></head><body><article><h1>The plan</h1>"
                    + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>", encoding="utf-8")
    a = json.loads(analyze(dossier, crude))["quotes"]
    b_bytes = page.read_bytes()
    b = json.loads(analyze(dossier, page))["quotes"]
    strip = lambda qs: [(q["text"], q["type"], q["cue"], q["speaker"]["text"], q["speaker"]["name"]) for q in qs]  # noqa: E731
    assert strip(a) == strip(b)
    # HTML offsets point into the page's bytes.
    for q in b:
        if "parts" not in q:
            assert b_bytes[q["source_begin"]:q["source_end"]].decode() == q["text"]


@pytest.mark.skipif(not os.path.exists(SAMPLE), reason="../shared/samples not present")
def test_sample_direct_quotations_and_speakers(dossier):
    doc = json.loads(analyze(dossier, SAMPLE))
    trump = {"Donald Trump", "Mr Trump"}  # the entity stage keeps two entities for him
    expected = [
        ("“They want to have boots", trump),
        ("“You have my assurance", trump),
        ("“This is all about credibility", {"Sean Bell"}),
        ("“You’re not even close", {"Sean Bell"}),
        ("“It will be about trying", {"Sean Bell"}),
        ("“At first it would need", {"Sean Bell"}),
        ("“He must have got this from K", {"Steve Witkoff"}),
        ("“Since the beginning of this year", {"Volodymyr Zelenskyy"}),
        ("“I HAVE JUST SIGNED", trump),
        ("“Democrats have used", trump),
        ("“Because of this request", trump),
        ("“These women have fought", {"Marjorie Taylor Greene"}),
    ]
    direct = [q for q in doc["quotes"] if q["type"] == "direct"]
    assert len(direct) == len(expected), [q["text"][:40] for q in direct]
    for q, (prefix, names) in zip(direct, expected):
        assert q["text"].startswith(prefix), q["text"]
        assert q["speaker"] and q["speaker"]["name"] in names, (prefix, q["speaker"])
    # The split and the two-paragraph quotations are one quotation each.
    assert "“And even if you could" in direct[3]["text"] and len(direct[3]["parts"]) == 2
    assert "“Because while there’s a lot of focus" in direct[5]["text"] and direct[5]["speaker"]["inherited"]
    # "He claimed ..." has no antecedent left in the scrape: the speaker is unknown.
    claimed = [q for q in doc["quotes"] if q["cue"] == "claimed"]
    assert len(claimed) == 1 and claimed[0]["speaker"]["entity"] is None and claimed[0]["speaker"]["name"] is None
    # Scare quotes and names of things are not quotations of their own.
    assert not any(q["text"] in ("“secret”", "“hoax”", "“K”", "‘Epstein’") for q in doc["quotes"])


def test_direct_quotation_speaker_is_the_whole_noun_phrase(dossier, tmp_path):
    # The default (combined) mode: the rules find each quotation and who spoke; the speaker
    # phrase is the tagger's whole noun phrase (title, appositive, relative clause), cut before an
    # adjunct of the verb that follows a name ("on his show"), with the entity still resolved.
    f = tmp_path / "speakers.txt"
    data = "\n".join([
        "Lawmakers met on Tuesday to discuss the budget.",
        "“We cannot let this stand,” said Rep. Jim Clyburn (D-S.C.), the House majority whip.",
        "The hearing ran late into the evening.",
        "“The numbers simply do not add up,” said MSNBC host Chris Matthews on his show.",
        "Critics were unconvinced.",
        "“It was a disaster,” said Sonya Herridge, who lives nearby.",
    ]).encode("utf-8")
    f.write_bytes(data)
    doc = json.loads(analyze(dossier, f))
    direct = [q for q in doc["quotes"] if q["type"] == "direct"]
    assert [q["speaker"]["text"] for q in direct] == [
        "Rep. Jim Clyburn (D-S.C.)", "MSNBC host Chris Matthews", "Sonya Herridge, who lives nearby"]
    assert [q["speaker"]["name"] for q in direct] == ["Jim Clyburn", "Chris Matthews", "Sonya Herridge"]
    for q in direct:
        sp = q["speaker"]
        assert data[sp["source_begin"]:sp["source_end"]].decode() == sp["text"]
        assert q["cue"] == "said"
