"""The Python package `dossier`: the same documents as the command line, as dicts; threads; the
corpus reader over WARC, HTML and text files. Run by ctest with PYTHONPATH=build/python."""
import concurrent.futures
import gzip
import json
import os
import subprocess
import sys

import pytest

import dossier

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import make_warc as mw  # noqa: E402

CLI = os.environ.get("DOSSIER_CLI", os.path.join(os.path.dirname(os.path.dirname(dossier.__file__)), "..", "dossier"))
TEXT = "Rishi Sunak visited Leeds on Monday.\nHe said the plan would cost £5m.\n"
PAGE = ('<!DOCTYPE html><html lang="en"><head><title>Harbour fees to rise</title>'
        '<meta property="article:published_time" content="2025-11-18"></head><body><article>'
        '<h1>Harbour fees to rise</h1><p>Jane Smith, the harbour master in Cowes, said fees would rise '
        'by 4% from April.</p></article></body></html>').encode()


def cli(*args, stdin=None):
    r = subprocess.run([CLI, *args], capture_output=True, input=stdin, timeout=120)
    assert r.returncode == 0, r.stderr
    return [json.loads(l) for l in r.stdout.decode().splitlines()]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "b.html").write_bytes(PAGE)
    recs = [mw.warcinfo()] + mw.page_records(PAGE, "http://news.example/harbour", 0)
    mw.write_warc(str(d / "c.warc.gz"), recs)
    return d


def test_analyze_equals_cli(files):
    doc = dossier.analyze(TEXT, path=str(files / "a.txt"))
    assert doc == cli("analyze", str(files / "a.txt"))[0]
    page = dossier.analyze(PAGE, path=str(files / "b.html"))
    assert page == cli("analyze", str(files / "b.html"))[0]
    assert page["title"] == "Harbour fees to rise"
    assert any(e["name"] == "Jane Smith" for e in page["entities"])


def test_stages_kind_and_options():
    doc = dossier.analyze(TEXT, stages="foundation")
    assert "entities" not in doc and "timexes" not in doc
    assert dossier.analyze(TEXT, stages="foundation", sentences=False).get("sentences") is None
    assert "tokens" in dossier.analyze(TEXT, stages="foundation", tokens=True)
    # kind="text" keeps markup-looking text as crude text.
    assert dossier.analyze("<p>Hello there.</p>", kind="text", stages="foundation")["source"]["format"] == "text"
    assert dossier.analyze("<p>Hello there.</p>", kind="html", stages="foundation")["source"]["format"] == "html"
    story = ("Council approves budget\nCouncil members approved a new budget for the city on Monday after a "
             "long debate.\nThe final vote on the plan is tomorrow, the mayor said in a statement.\n")
    t = dossier.analyze(story, stages="time", published="2025-11-20")
    assert t["time_reference"]["value"] == "2025-11-20"
    assert [(x["text"], x["value"]) for x in t["timexes"]] == [("Monday", "2025-11-17"), ("tomorrow", "2025-11-21")]
    with pytest.raises(ValueError):
        dossier.analyze(b"\x00\x01binary", stages="foundation")
    with pytest.raises(ValueError):
        dossier.analyze(TEXT, stages="nonsense")
    with pytest.raises(TypeError):
        dossier.analyze(42)


def test_extract_equals_cli(files):
    got = dossier.extract(PAGE, url="https://news.example/h", path=str(files / "b.html"))
    assert got == cli("extract", "--url", "https://news.example/h", str(files / "b.html"))[0]
    assert dossier.extract(gzip.compress(PAGE))["title"] == "Harbour fees to rise"


def test_tag(files):
    # The same mentions as `dossier tag FILE` (file, type, begin, end, text a line).
    mentions = dossier.tag(TEXT)
    r = subprocess.run([CLI, "tag", str(files / "a.txt")], capture_output=True, timeout=120)
    expected = []
    for line in r.stdout.decode().splitlines():
        _, typ, begin, end, text = line.split("\t")
        expected.append({"type": typ, "text": text, "source_begin": int(begin), "source_end": int(end)})
    assert mentions == expected and len(expected) >= 2
    for m in mentions:
        assert TEXT.encode()[m["source_begin"]:m["source_end"]].decode() == m["text"]


def test_read_corpus(files):
    errors = []
    items = list(dossier.read_corpus(str(files), errors))
    assert [(os.path.basename(i["path"]), i["kind"]) for i in items] == [("a.txt", "auto"), ("b.html", "auto"),
                                                                          ("c.warc.gz", "html")]
    assert errors == []
    w = items[2]
    assert w["url"] == "http://news.example/harbour" and w["data"] == PAGE
    assert w["warc_date"] == "2025-11-20T09:30:00Z" and w["record_offset"] > 0
    assert "warc_gzip_member_offset" in w
    # A WARC page analysed from Python equals the command line's document for that record.
    doc = dossier.analyze(w["data"], kind="html", url=w["url"], path=w["path"])
    from_cli = cli("analyze", str(files / "c.warc.gz"))[0]
    strip = lambda d: {k: v for k, v in d.items() if k != "source"}  # noqa: E731
    assert strip(doc) == strip(from_cli)


def test_read_corpus_reports_bad_records(tmp_path):
    recs = [mw.warcinfo()] + mw.page_records(PAGE, "http://a.example/", 0) + [b"garbage\r\n"] + \
        mw.page_records(PAGE, "http://b.example/", 1)
    p = tmp_path / "bad.warc"
    p.write_bytes(b"".join(recs))
    errors = []
    urls = [i["url"] for i in dossier.read_corpus(str(p), errors)]
    assert urls == ["http://a.example/", "http://b.example/"]
    assert len(errors) == 1 and "garbage" in errors[0]


def test_threads_give_the_same_documents():
    texts = [f"Jane Smith met the mayor of Leeds on {d} May.\nShe said the talks went well.\n" for d in range(1, 25)]
    one = [dossier.analyze(t) for t in texts]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        many = list(pool.map(dossier.analyze, texts))
    assert one == many
