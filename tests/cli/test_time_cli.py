"""End-to-end tests of `dossier time` and of the time stage in `dossier analyze`."""
import json
import os
import re
import subprocess
import tarfile

import pytest

TIMEOUT = 300
SHARED = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "..", "shared")
TIME = os.path.join(SHARED, "data", "nlp", "time")
SAMPLE = os.path.join(SHARED, "samples", "skynews-scrape-2025-11.txt")

OPEN_TAG = re.compile(rb'<TIMEX3 tid="t[0-9]+" type="(DATE|TIME|DURATION|SET)" value="[^"]*"( mod="[A-Z_]+")?>')


def run(dossier, *args, stdin=None):
    return subprocess.run([dossier, *args], input=stdin, capture_output=True, timeout=TIMEOUT)


def strip_added(out):
    """The output without the TIMEX3 tags `dossier time` added inside <TEXT>."""
    head, sep, rest = out.partition(b"<TEXT>")
    body, sep2, tail = rest.partition(b"</TEXT>")
    body = OPEN_TAG.sub(b"", body).replace(b"</TIMEX3>", b"")
    return head + sep + body + sep2 + tail


DOC = (b'<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
       b'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>\n<TEXT>\nAT&amp;T said on Friday that '
       b'profits rose in the third quarter and will rise next year.\n</TEXT>\n</TimeML>\n')


def test_time_tags_a_document_and_keeps_its_bytes(dossier, tmp_path):
    f = tmp_path / "x.tml.TE3input"
    f.write_bytes(DOC)
    r = run(dossier, "time", str(f))
    assert r.returncode == 0, r.stderr
    assert b'<TIMEX3 tid="t1" type="DATE" value="1998-01-02">Friday</TIMEX3>' in r.stdout
    assert b'value="1997-Q3">the third quarter</TIMEX3>' in r.stdout
    assert b'value="1999">next year</TIMEX3>' in r.stdout
    assert strip_added(r.stdout) == DOC


def test_time_reads_standard_input(dossier):
    r = run(dossier, "time", "-", stdin=DOC)
    assert r.returncode == 0, r.stderr
    assert strip_added(r.stdout) == DOC


def test_time_bad_input_one_line_error(dossier, tmp_path):
    cases = {"empty.tml": b"", "plain.txt": b"no markup here", "broken.tml": b"<TimeML><TEXT>a <b</TEXT></TimeML>",
             "unclosed.tml": b"<TimeML><TEXT>abc</TimeML>", "ref.tml": b"<TimeML><TEXT>a &nope; b</TEXT></TimeML>"}
    for name, data in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        r = run(dossier, "time", str(f))
        assert r.returncode != 0, name
        assert r.stdout == b"", name
        assert r.stderr.count(b"\n") == 1 and name.encode() in r.stderr, r.stderr
    r = run(dossier, "time", str(tmp_path / "missing.tml"))
    assert r.returncode != 0 and r.stderr.count(b"\n") == 1
    r = run(dossier, "time", "--dct", "tomorrow", "-", stdin=DOC)
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1


def test_time_batch_goes_on_after_a_bad_file(dossier, tmp_path):
    good = tmp_path / "good.tml"
    good.write_bytes(DOC)
    bad = tmp_path / "bad.tml"
    bad.write_bytes(b"<TimeML>")
    out = tmp_path / "out"
    r = run(dossier, "time", "--out-dir", str(out), str(bad), str(good))
    assert r.returncode == 1
    assert (out / "good.tml").read_bytes().count(b"<TIMEX3") > 2
    assert not (out / "bad.tml").exists()


@pytest.mark.skipif(not os.path.isdir(TIME), reason="../shared data not present")
@pytest.mark.parametrize("name", ["timebank", "aquaint"])
def test_every_te3_input_round_trips_byte_for_byte(dossier, tmp_path, name):
    with tarfile.open(os.path.join(TIME, "te3input", f"{name}-TE3input.tar.gz")) as tar:
        try:
            tar.extractall(tmp_path, filter="data")
        except TypeError:
            tar.extractall(tmp_path)
    in_dir = tmp_path / name
    files = sorted(in_dir.iterdir())
    out = tmp_path / "out"
    r = run(dossier, "time", "--out-dir", str(out), *map(str, files))
    assert r.returncode == 0, r.stderr
    tagged = 0
    for f in files:
        data = (out / f.name).read_bytes()
        tagged += data.count(b"<TIMEX3") - 1
        assert strip_added(data) == f.read_bytes(), f.name
    assert tagged > 400


@pytest.mark.skipif(not os.path.isfile(SAMPLE), reason="sample not present")
def test_analyze_sample_with_published_date(dossier):
    r = run(dossier, "analyze", "--published", "2025-11-20", SAMPLE)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    raw = open(SAMPLE, "rb").read()
    assert d["time_reference"] == {"value": "2025-11-20", "evidence": "published"}
    for x in d["timexes"] + d["amounts"]:
        assert raw[x["source_begin"]:x["source_end"]].decode() == x["text"]
    timexes = {(x["text"], x["value"]) for x in d["timexes"]}
    for pair in [("December 1994", "1994-12"), ("2014", "2014"), ("2015", "2015"), ("1949", "1949"),
                 ("2001", "2001"), ("2022", "2022"), ("2019", "2019"), ("this week", "2025-W47"),
                 ("last year", "2024"), ("today", "2025-11-20"), ("20 November", "2025-11-20"),
                 ("Wednesday", "2025-11-19"), ("Tuesday", "2025-11-18"), ("30 days", "P30D")]:
        assert pair in timexes, pair
    amounts = {(a["text"], a["unit"]): a for a in d["amounts"]}
    assert amounts[("$90bn", "USD")]["value"] == 90000000000
    assert amounts[("£66.6bn", "GBP")]["value"] == 66600000000
    assert amounts[("around 100,000 soldiers", "soldiers")]["approximate"] is True
    assert amounts[("427 in favour and one against", "votes")]["against"] == 1
    assert ("10%", "%") in amounts and ("about 15%", "%") in amounts
    assert not any(t["text"] in ("5:57", "0:50", "2:35", "13:31", "1:35", "2:23") for t in d["timexes"] + d["amounts"])
    events = d["timeline"]["events"]
    keys = [e["sort_key"] for e in events]
    assert keys == sorted(keys) and len(events) > 10
    # Each event names the entities of its sentence, by name and id.
    names = {e["id"]: e["name"] for e in d["entities"]}
    assert all([names[i] for i in e["entity_ids"]] == e["entities"] for e in events)
    budapest = [e for e in events if e["date"] == "1994-12"]
    assert budapest and {"Ukraine", "Russia"} <= set(budapest[0]["entities"])
    stories = d["timeline"]["stories"]
    assert [s["story"] for s in stories] == list(range(len(d["stories"])))


def test_analyze_published_flag_is_checked(dossier, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The minister resigned on Friday after a long row over the budget, officials said.\n")
    r = run(dossier, "analyze", "--published", "20/11/2025", str(f))
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1
    r = run(dossier, "analyze", "--published", "2025-11-20", "--format", "text", str(f))
    assert r.returncode == 0, r.stderr
    assert b"Timeline" in r.stdout and b"2025-11-14" in r.stdout
