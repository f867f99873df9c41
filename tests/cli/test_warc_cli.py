"""`dossier analyze` and `dossier extract` on WARC files (.warc, .warc.gz), built here from small
pages with bench/make_warc.py, and on hostile WARC files: the good records always come out, each bad
thing is one line on stderr, and the exit status is then 1."""
import gzip
import json
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
import make_warc as mw  # noqa: E402

TIMEOUT = 120


def page(title, para, date="2025-11-18"):
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f'<!DOCTYPE html><html lang="en"><head><title>{title}</title>{meta}</head><body>'
            f'<nav><a href="/">Home</a></nav><article><h1>{title}</h1><p>{para}</p>'
            f'<p>The council said on Monday that the work would cost £2m.</p></article></body></html>').encode()


PAGES = [
    ("http://news.example/harbour", page("Harbour fees to rise",
                                         "Fees for visiting yachts will rise by 4% from April, Jane Smith said.")),
    ("http://news.example/bridge", page("Bridge to close for repairs",
                                        "The Tyne Bridge will close for six weeks, the city council said.")),
    ("http://news.example/library", page("Library opens late",
                                         "The central library in Leeds will open until 9pm on Thursdays.")),
]


def records(pages=PAGES):
    """warcinfo, then per page a request and a response record, plus an image response in the middle."""
    out = [mw.warcinfo()]
    for n, (uri, html) in enumerate(pages):
        out += mw.page_records(html, uri, n)
        if n == 0:
            out.append(mw.record("response", mw.http_response(b"\x89PNG\r\n\x1a\n....", [b"Content-Type: image/png"]),
                                 uri="http://news.example/logo.png", content_type="application/http; msgtype=response"))
    return out


def write(path, recs, gz=False):
    with open(path, "wb") as f:
        for r in recs:
            f.write(gzip.compress(r, mtime=0) if gz else r)
    return path


def run(dossier, *args, stdin=None):
    return subprocess.run([dossier, *args], capture_output=True, timeout=TIMEOUT, input=stdin)


def docs_of(r):
    out = r.stdout.decode().split("\n")
    assert out[-1] == ""
    return [json.loads(line) for line in out[:-1]]


def errors_of(r):
    """stderr lines that report something bad (the per-file record counts are notes)."""
    return [l for l in r.stderr.decode().splitlines() if " records: " not in l]


def without_source(doc):
    return {k: v for k, v in doc.items() if k != "source"}


@pytest.fixture
def warcs(tmp_path):
    recs = records()
    return (write(tmp_path / "crawl.warc", recs), write(tmp_path / "crawl.warc.gz", recs, gz=True), recs)


def test_analyze_warc_one_document_per_html_record(dossier, warcs, tmp_path):
    plain, _, recs = warcs
    r = run(dossier, "analyze", "--no-progress", str(plain))
    assert r.returncode == 0, r.stderr
    docs = docs_of(r)
    assert [d["source"]["url"] for d in docs] == [u for u, _ in PAGES]
    raw = plain.read_bytes()
    for d, (uri, html) in zip(docs, PAGES):
        s = d["source"]
        assert s["path"] == str(plain) and s["format"] == "html" and s["container"] == "warc"
        assert s["warc_date"] == "2025-11-20T09:30:00Z"
        assert s["warc_record_id"].startswith("<urn:uuid:00000000-0000-0000-0002-")
        assert s["http_date"] == "2025-11-20T09:30:00Z"
        assert s["content_type"] == "text/html; charset=utf-8"
        assert "warc_gzip_member_offset" not in s
        # The record starts at its offset; spans are offsets into the record's HTML payload.
        assert raw[s["record_offset"]:s["record_offset"] + 9] == b"WARC/1.0\r"
        assert raw[s["record_offset"]:].find(html) > 0
        for b in d["blocks"]:
            assert html[b["source_begin"]:b["source_end"]].decode() == b["text"]
    # The stderr note counts the records.
    assert r.stderr.decode().strip() == (f"dossier analyze: {plain}: 8 records: 3 HTML pages; "
                                         "skipped: 1 not HTML, 3 request record, 1 warcinfo record")


def test_warc_documents_equal_the_pages_analysed_alone(dossier, warcs, tmp_path):
    plain, _, _ = warcs
    from_warc = docs_of(run(dossier, "analyze", "--no-progress", str(plain)))
    for d, (uri, html) in zip(from_warc, PAGES):
        f = tmp_path / "page.html"
        f.write_bytes(html)
        alone = docs_of(run(dossier, "analyze", "--no-progress", "--url", uri, str(f)))[0]
        assert without_source(d) == without_source(alone)
        assert d["source"]["encoding_evidence"] == "http-header"


def test_warc_gz_same_documents_with_member_offsets(dossier, warcs):
    plain, gz, recs = warcs
    a = docs_of(run(dossier, "analyze", "--no-progress", str(plain)))
    r = run(dossier, "analyze", "--no-progress", "-j", "2", str(gz))
    assert r.returncode == 0, r.stderr
    b = docs_of(r)
    members = []
    at = 0
    for rec in recs:
        members.append(at)
        at += len(gzip.compress(rec, mtime=0))
    for x, y in zip(a, b):
        assert without_source(x) == without_source(y)
        assert x["source"]["record_offset"] == y["source"]["record_offset"]
        assert y["source"]["warc_gzip_member_offset"] in members


def test_warc_sniffed_not_named_and_on_stdin(dossier, warcs, tmp_path):
    plain, gz, _ = warcs
    misnamed = tmp_path / "crawl.txt"
    misnamed.write_bytes(gz.read_bytes())
    r = run(dossier, "analyze", "--no-progress", "--stages", "foundation", str(misnamed))
    assert r.returncode == 0, r.stderr
    assert [d["source"]["url"] for d in docs_of(r)] == [u for u, _ in PAGES]
    r = run(dossier, "analyze", "--no-progress", "--stages", "foundation", "-", stdin=plain.read_bytes())
    assert r.returncode == 0, r.stderr
    assert [d["source"]["path"] for d in docs_of(r)] == ["-"] * 3


def test_extract_warc(dossier, warcs, tmp_path):
    _, gz, _ = warcs
    r = run(dossier, "extract", "--no-progress", str(gz))
    assert r.returncode == 0, r.stderr
    docs = docs_of(r)
    assert [d["source"]["url"] for d in docs] == [u for u, _ in PAGES]
    for d, (uri, html) in zip(docs, PAGES):
        f = tmp_path / "page.html"
        f.write_bytes(html)
        alone = docs_of(run(dossier, "extract", "--url", uri, str(f)))[0]
        for field in ("title", "text", "bylines", "published", "language", "site", "url", "blocks"):
            assert d[field] == alone[field], field
        assert d["path"] == str(gz)


def test_chunked_gzip_body_and_http_charset(dossier, tmp_path):
    latin = page("Caf\xe9 closes", "The caf\xe9 on the quay will close in March.").decode("utf-8").encode("cp1252")
    recs = [
        mw.record("response", mw.http_response(mw.chunked(gzip.compress(PAGES[0][1]), 37),
                                               [b"Content-Type: text/html", b"Transfer-Encoding: chunked",
                                                b"Content-Encoding: gzip"]),
                  uri="http://chunked.example/", content_type="application/http; msgtype=response"),
        mw.record("response", mw.http_response(latin, [b"Content-Type: text/html; charset=windows-1252"]),
                  uri="http://latin.example/", content_type="application/http; msgtype=response"),
    ]
    w = write(tmp_path / "coded.warc", recs)
    r = run(dossier, "analyze", "--no-progress", "--stages", "foundation", str(w))
    assert r.returncode == 0, r.stderr
    docs = docs_of(r)
    assert docs[0]["title"] == "Harbour fees to rise"
    assert docs[1]["title"] == "Caf\xe9 closes"
    assert docs[1]["source"]["encoding"] == "windows-1252"
    assert docs[1]["source"]["encoding_evidence"] == "http-header"


def test_crawl_date_is_weak_evidence(dossier, tmp_path):
    undated = page("Storm warning", "Heavy rain is expected tomorrow, forecasters said.", date=None)
    dated = PAGES[0][1]
    recs = [mw.record("response", mw.http_response(h), uri=u, content_type="application/http; msgtype=response",
                      date="2025-11-20T09:30:00Z")
            for u, h in (("http://a.example/", undated), ("http://b.example/", dated))]
    w = write(tmp_path / "dates.warc", recs)
    r = run(dossier, "analyze", "--no-progress", "--stages", "time", str(w))
    assert r.returncode == 0, r.stderr
    a, b = docs_of(r)
    # No date on the page: the crawl date dates it, metadata stays unknown.
    assert a["published"] is None
    assert a["time_reference"]["value"] == "2025-11-20" and a["time_reference"]["evidence"] == "crawl"
    assert [t["value"] for t in a["timexes"] if t["text"] == "tomorrow"] == ["2025-11-21"]
    # The page's own date wins.
    assert b["time_reference"]["value"] == "2025-11-18" and b["time_reference"]["evidence"] == "metadata"


# ---- hostile files -------------------------------------------------------------------------------

def good_and_bad(kind):
    """(records as bytes to write, gzip?) with one bad thing of `kind` among good page records."""
    recs = records()
    gz = False
    if kind == "truncated":
        data = b"".join(recs)[:-60]
        return data, gz
    if kind == "length-past-end":
        bad = mw.record("response", mw.http_response(page("Liar", "Too long.")), uri="http://bad.example/",
                        content_type="application/http; msgtype=response", length=10 ** 9)
        recs.insert(3, bad)
    elif kind == "garbage":
        recs.insert(3, b"<<garbage between records>>\r\nmore garbage\r\n")
    elif kind == "huge-header":
        bad = mw.record("response", mw.http_response(page("Huge", "Header.")),
                        uri="http://bad.example/" + "x" * 100000, content_type="application/http; msgtype=response")
        recs.insert(3, bad)
    elif kind == "missing-crlf":
        bad = mw.record("response", mw.http_response(page("NoEnd", "No line ends.")), uri="http://bad.example/",
                        content_type="application/http; msgtype=response")[:-4]
        recs.insert(3, bad)
    elif kind == "bad-chunks":
        body = b"ffff\r\n" + page("Chunks", "Bad sizes.") + b"\r\n0\r\n\r\n"
        bad = mw.record("response", mw.http_response(body, [b"Content-Type: text/html", b"Transfer-Encoding: chunked"]),
                        uri="http://bad.example/", content_type="application/http; msgtype=response")
        recs.insert(3, bad)
    elif kind == "bad-gzip-member":
        members = [gzip.compress(r, mtime=0) for r in recs]
        m = bytearray(members[2])  # the first page's response
        for k in range(20, len(m) - 8, 3):
            m[k] ^= 0x5A
        members[2] = bytes(m)
        return b"".join(members), True
    elif kind == "gzip-garbage":
        members = [gzip.compress(r, mtime=0) for r in recs]
        members.insert(3, b"this is not gzip")
        return b"".join(members), True
    return b"".join(recs), gz


@pytest.mark.parametrize("kind", ["truncated", "length-past-end", "garbage", "huge-header", "missing-crlf",
                                  "bad-chunks", "bad-gzip-member", "gzip-garbage"])
@pytest.mark.parametrize("command", ["analyze", "extract"])
def test_hostile_warc(dossier, tmp_path, kind, command):
    data, gz = good_and_bad(kind)
    w = tmp_path / ("hostile.warc.gz" if gz else "hostile.warc")
    w.write_bytes(data)
    args = [command, "--no-progress"] + (["--stages", "foundation"] if command == "analyze" else []) + [str(w)]
    r = run(dossier, *args)
    assert r.returncode == 1, r.stderr
    urls = [d["source"]["url"] for d in docs_of(r)]
    bad = errors_of(r)
    assert len(bad) == 1, r.stderr
    assert bad[0].startswith(f"dossier {command}: {w}: "), bad[0]
    if kind == "truncated":
        assert urls == [u for u, _ in PAGES[:2]]  # the last page's record is cut
    elif kind == "bad-gzip-member":
        assert urls == [u for u, _ in PAGES if u != PAGES[0][0]]  
    else:
        assert urls == [u for u, _ in PAGES]


def test_bad_warc_among_good_files(dossier, warcs, tmp_path):
    plain, gz, _ = warcs
    broken = tmp_path / "broken.warc"
    broken.write_bytes(good_and_bad("garbage")[0])
    r = run(dossier, "analyze", "--no-progress", "--stages", "foundation", str(plain), str(broken), str(gz))
    assert r.returncode == 1
    assert len(docs_of(r)) == 9
    assert len(errors_of(r)) == 1
