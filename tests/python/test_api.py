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


def test_dicts_made_in_cpp_equal_json_loads(files, tmp_path):
    # dossier.analyze builds its dicts in C++ (python/src/json_objects.cc): the same objects, of the
    # same types, as json.loads of the command line's JSON, on every input we have at hand.
    def same(a, b):
        assert type(a) is type(b), (a, b)
        if isinstance(a, dict):
            assert list(a) == list(b)
            for k in a:
                same(a[k], b[k])
        elif isinstance(a, list):
            assert len(a) == len(b)
            for x, y in zip(a, b):
                same(x, y)
        else:
            assert a == b
    sample = os.path.join(ROOT, "samples", "crude-scrape-example.txt")
    hostile = str(tmp_path / "hostile.txt")
    with open(hostile, "w", encoding="utf-8") as f:
        f.write('Tab\there "quoted" back\\slash \u00e9t\u00e9 \u4e2d\u6587 \U0001F600 emoji\x01\x1f ctl.\n'
                'Jane Smith said: \u201cIt will cost \u00a35.5m, about 12.5% more.\u201d\r\nShe left on 3 May 2025.\n')
    for path in (sample, hostile, str(files / "a.txt"), str(files / "b.html")):
        with open(path, "rb") as f:
            data = f.read()
        for args in ([], ["--tokens"], ["--stages", "foundation", "--no-sentences"]):
            got = dossier.analyze(data, path=path, tokens="--tokens" in args, sentences="--no-sentences" not in args,
                                  stages="foundation" if "foundation" in args else "all")
            same(got, cli("analyze", *args, path)[0])
    same(dossier.extract(PAGE, url="https://news.example/h"),
         json.loads(dossier._dossier.extract_json(PAGE, "https://news.example/h", "-")))


def test_json_objects_against_json_loads():
    texts = ['{}', '[]', '[[],{},[{}]]', '{"a":1,"b":-2,"c":0,"d":-0,"e":123456789012345678901234567890}',
             '{"f":0.953,"g":-1.5e-7,"h":1E+300,"i":2.5e10,"j":0.1}', '[true,false,null]',
             '"plain"', '"\\u00e9\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\ud83d\\ude00 pair"', '"\\ud800 lone"',
             '"caf\u00e9 \u4e2d \U0001F600"', ' { "sp" : [ 1 , 2 ] } ', '{"a":1,"a":2}',
             '{"schema_version":"1.0","x":{"schema_version":"2"}}', '9223372036854775807', '-9223372036854775808']
    # The shared d.ddd floats, strings read 8 bytes at a time (a quote, a backslash or a non-ASCII
    # byte at every position of a word), keys longer than 8 bytes, and more distinct keys than the
    # key cache keeps (600: the rest are made each time).
    texts += ['[1.000,0.953,9.999,0.000,-0.500,12.500,1.0000,0.95,1.000e1,1.000,0.953]']
    for i in range(17):
        for c in ('"', '\\', '\u00e9', '\u00e9'.encode().decode("unicode_escape")):
            texts.append(json.dumps(["x" * i + c + "y" * (17 - i)], ensure_ascii=False))
    texts.append(json.dumps([{"key_%d_longer_than_eight" % k: k, "k%d" % k: [k]} for k in range(600)]))
    texts.append(json.dumps({"source_begin_X": 1, "source_begin": 2, "source_end": 3, "xsource_begin": 4}))
    for t in texts:
        got, want = dossier._dossier.json_objects(t), json.loads(t)
        assert got == want and type(got) is type(want), t
        assert json.dumps(got) == json.dumps(want), t
    for bad in ['', '{', '[1,]', '{"a"}', '"open', 'nul', '[1 2]', '{"a":1}x', '"\\x"', '-', '"\\u12"']:
        with pytest.raises(RuntimeError):
            dossier._dossier.json_objects(bad)


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
    with pytest.raises(ValueError):
        dossier.analyze(TEXT, kind="xml")


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


def test_warc_origin_and_corpus_linker_equal_cli(files, tmp_path):
    # A WARC page analysed with its origin is the command line's document for that record, source
    # included; the corpus linker fed with the documents' entity summaries writes the command line's
    # --batch-entities lines.
    engine = dossier._dossier.Analyzer("all", "", "")
    linker = dossier._dossier.CorpusLinker()
    docs = []
    for item in dossier.read_corpus(str(files)):
        origin = item if item["kind"] == "html" else None
        doc_json, summary = engine.analyze_json_with_entities(item["data"], item["kind"], "", "", item["path"], True,
                                                              False, origin)
        assert dossier.analyze(item["data"], kind=item["kind"], path=item["path"], origin=origin) == json.loads(doc_json)
        docs.append(json.loads(doc_json))
        name = item["path"] + ("#%d" % item["record_offset"] if origin else "")
        linker.add(name, json.loads(summary))
    paths = [str(files / n) for n in ("a.txt", "b.html", "c.warc.gz")]
    entities = tmp_path / "e.jsonl"
    assert docs == cli("analyze", "--no-progress", "--batch-entities", str(entities), *paths)
    assert docs[2]["source"]["warc_record_id"].startswith("<urn:uuid:")
    assert linker.documents == 3
    assert linker.link_json() == entities.read_text(encoding="utf-8").splitlines()
    with pytest.raises(ValueError):
        linker.add("x", [[0, "NOPE", "Name", [["Name", 1]]]])


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
