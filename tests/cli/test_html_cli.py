"""End-to-end tests of the HTML front door: `dossier extract` and `dossier analyze` on pages."""
import gzip
import json
import subprocess

import pytest

TIMEOUT = 120
EXTRACT_FIELDS = ("path", "title", "text", "bylines", "published", "language", "site", "url", "blocks")

PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><title>Harbour fees to rise | Coast News</title>
<meta property="og:site_name" content="Coast News"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour fees to rise</h1>
<p>The port authority said on Monday that fees for visiting yachts would rise by 4% from April,
the first increase in six years.</p>
<p>&ldquo;We have held prices for as long as we could,&rdquo; the harbour master said.</p>
</article><footer>Copyright Coast News</footer></body></html>
"""


def run(dossier, *args):
    return subprocess.run([dossier, *args], capture_output=True, timeout=TIMEOUT)


def lines_of(stdout):
    out = stdout.decode().split("\n")
    assert out[-1] == ""
    return [json.loads(line) for line in out[:-1]]


@pytest.fixture
def pages(tmp_path):
    plain = tmp_path / "page.html"
    plain.write_bytes(PAGE)
    zipped = tmp_path / "page.html.gz"
    zipped.write_bytes(gzip.compress(PAGE))
    misnamed = tmp_path / "page.txt"  # HTML under a text name: sniffed, not trusted
    misnamed.write_bytes(PAGE)
    return plain, zipped, misnamed


def test_extract_contract_fields(dossier, pages):
    plain, zipped, _ = pages
    r = run(dossier, "extract", str(plain), str(zipped))
    assert r.returncode == 0, r.stderr
    docs = lines_of(r.stdout)
    assert len(docs) == 2
    for doc, path in zip(docs, (plain, zipped)):
        for field in EXTRACT_FIELDS:
            assert field in doc, field
        assert doc["path"] == str(path)
        assert isinstance(doc["bylines"], list) and isinstance(doc["blocks"], list)
        assert doc["text"] == "\n".join(b["text"] for b in doc["blocks"])
        for b in doc["blocks"]:
            assert 0 <= b["source_begin"] <= b["source_end"] <= len(PAGE)
    # The gzip page gives the same extraction as the plain one.
    docs[1]["path"] = docs[0]["path"]
    docs[1]["source"]["path"] = docs[0]["source"]["path"]
    assert docs[0] == docs[1]


def test_extract_bad_files_are_reported_and_the_rest_go_on(dossier, pages, tmp_path):
    plain, zipped, _ = pages
    truncated = tmp_path / "cut.html.gz"
    truncated.write_bytes(zipped.read_bytes()[:40])
    text = tmp_path / "notes.html"
    text.write_bytes(b"Just a line of notes, no markup at all.\n")
    r = run(dossier, "extract", str(truncated), str(plain), str(text))
    assert r.returncode != 0
    err = r.stderr.decode().strip().split("\n")
    assert len(err) == 2
    assert "cut.html.gz" in err[0] and "gzip" in err[0]
    assert "notes.html" in err[1] and "not an HTML page" in err[1]
    docs = lines_of(r.stdout)
    assert [d["path"] for d in docs] == [str(plain)]


def test_extract_parallel_output_is_in_input_order(dossier, pages):
    plain, zipped, misnamed = pages
    files = [str(p) for p in (plain, zipped, misnamed)] * 4
    one = run(dossier, "extract", "-j", "1", *files)
    two = run(dossier, "extract", "-j", "3", *files)
    assert one.returncode == 0 and two.returncode == 0
    assert one.stdout == two.stdout
    assert [d["path"] for d in lines_of(two.stdout)] == files


def test_analyze_sniffs_html_and_gzip(dossier, pages, tmp_path):
    plain, zipped, misnamed = pages
    crude = tmp_path / "crude.html"  # crude text under an HTML name stays crude text
    crude.write_bytes(b"Harbour fees to rise\nThe port said fees would rise by 4% from April.\n")
    r = run(dossier, "analyze", str(plain), str(zipped), str(misnamed), str(crude))
    assert r.returncode == 0, r.stderr
    docs = lines_of(r.stdout)
    assert [d["source"]["format"] for d in docs] == ["html", "html", "html", "text"]
    assert docs[1]["source"].get("gzip") is True
    for d in docs[:3]:
        for field in ("title", "bylines", "published", "language", "site", "url", "metadata"):
            assert field in d, field
        for b in d["blocks"]:
            assert b["kind"] in {"body", "heading", "list_item", "caption", "media", "consent", "other"}
            assert 0 <= b["source_begin"] <= b["source_end"] <= len(PAGE)
    assert "metadata" not in docs[3]


def test_analyze_parallel_equals_serial(dossier, pages, tmp_path):
    plain, zipped, _ = pages
    crude = tmp_path / "crude.txt"
    crude.write_bytes(b"Harbour fees to rise\nThe port said fees would rise by 4% from April.\n")
    files = [str(plain), str(crude), str(zipped)] * 3
    one = run(dossier, "analyze", *files)
    two = run(dossier, "analyze", "-j", "2", *files)
    assert one.returncode == 0 and two.returncode == 0
    assert one.stdout == two.stdout


def test_extract_help(dossier):
    r = run(dossier, "extract", "--help")
    assert r.returncode == 0
    assert "--jobs" in r.stdout.decode()
