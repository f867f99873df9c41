"""`dossier analyze --stdin-jsonl`: one JSON object a line in, one result a line out, same order,
the id first; bad lines become error objects and the stream goes on; results are flushed line by
line (a consumer that waits for each result before sending the next line does not hang)."""
import json
import subprocess

import pytest

TIMEOUT = 120
TEXT = "Rishi Sunak visited Leeds on Monday.\nHe said the plan would cost £5m.\n"
HTML = ('<!DOCTYPE html><html lang="en"><head><title>Harbour fees to rise</title>'
        '<meta charset="iso-8859-1"></head><body><article><h1>Harbour fees to rise</h1>'
        '<p>The port authority in Cowes said fees would rise by 4% from April.</p></article></body></html>')


def lines(*objs):
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objs).encode()


def run(dossier, stdin, *args):
    return subprocess.run([dossier, "analyze", "--stdin-jsonl", *args], input=stdin, capture_output=True,
                          timeout=TIMEOUT)


def results(r):
    out = r.stdout.decode().split("\n")
    assert out[-1] == ""
    return [json.loads(line) for line in out[:-1]]


def test_results_in_order_with_ids_and_errors(dossier, tmp_path):
    stdin = lines({"id": "t1", "text": TEXT},
                  {"id": 2, "html": HTML, "url": "https://news.example/harbour", "published": "2025-11-20"},
                  "{not json",
                  "",
                  {"text": "no id"},
                  {"id": "both", "text": "a", "html": "<p>b</p>"},
                  {"id": "bad-date", "text": "x", "published": "soon"},
                  {"id": "t2", "text": "The last line."})
    r = run(dossier, stdin)
    assert r.returncode == 0, r.stderr
    out = results(r)
    assert [o["id"] for o in out] == ["t1", 2, None, None, "both", "bad-date", "t2"]
    assert list(out[0])[:2] == ["id", "schema_version"]
    # The errors: the line number counts every input line (the blank one too).
    assert out[2] == {"id": None, "line": 3, "error": "not valid JSON"}
    assert out[3]["line"] == 5 and "id" in out[3]["error"]
    assert out[4]["line"] == 6 and "both" in out[4]["error"]
    assert out[5]["line"] == 7 and "published" in out[5]["error"]
    assert len(r.stderr.decode().splitlines()) == 4
    # Text is analysed as crude text, the same as a file.
    f = tmp_path / "t.txt"
    f.write_text(TEXT)
    alone = json.loads(subprocess.run([dossier, "analyze", str(f)], capture_output=True,
                                      timeout=TIMEOUT).stdout)
    got = dict(out[0])
    del got["id"]
    got["source"]["path"] = alone["source"]["path"]
    assert got == alone
    # HTML: the page's metadata, the URL and the published date given; a JSON string is UTF-8
    # whatever the page's <meta charset> said.
    assert out[1]["title"] == "Harbour fees to rise"
    assert out[1]["source"]["encoding"] == "UTF-8"
    assert out[1]["time_reference"]["value"] == "2025-11-20"
    assert out[1]["time_reference"]["evidence"] == "published"
    assert out[-1]["blocks"][0]["text"] == "The last line."


def test_text_is_never_taken_for_html(dossier):
    r = run(dossier, lines({"id": "m", "text": "<p>Looks like HTML</p>"}, {"id": "h", "html": "<p>Is HTML</p>"}),
            "--stages", "foundation")
    assert r.returncode == 0, r.stderr
    a, b = results(r)
    assert a["source"]["format"] == "text" and a["blocks"][0]["text"] == "<p>Looks like HTML</p>"
    assert b["source"]["format"] == "html" and b["blocks"][0]["text"] == "Is HTML"


def test_parallel_same_output(dossier):
    stdin = lines(*[{"id": i, "text": f"Line {i}: Jane Smith met the mayor of Leeds on {i} May."} for i in range(40)])
    a = run(dossier, stdin, "--stages", "entities")
    b = run(dossier, stdin, "--stages", "entities", "-j", "3")
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout
    assert [o["id"] for o in results(a)] == list(range(40))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_lockstep_consumer(dossier, jobs):
    # Each result must come out before the next line is written: flushed, and not held back by a
    # reader waiting for more input.
    p = subprocess.Popen([dossier, "analyze", "--stdin-jsonl", "--stages", "foundation", "-j", jobs],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for i in range(5):
            p.stdin.write(lines({"id": i, "text": f"Sentence number {i}."}))
            p.stdin.flush()
            got = json.loads(p.stdout.readline())
            assert got["id"] == i
        p.stdin.close()
        assert p.stdout.read() == b""
        assert p.wait(timeout=TIMEOUT) == 0
    finally:
        if p.poll() is None:
            p.kill()


def test_usage_errors(dossier, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text(TEXT)
    r = subprocess.run([dossier, "analyze", "--stdin-jsonl", str(f)], capture_output=True, timeout=TIMEOUT)
    assert r.returncode == 2 and len(r.stderr.decode().splitlines()) == 1
    r = subprocess.run([dossier, "analyze"], capture_output=True, timeout=TIMEOUT)
    assert r.returncode == 2
    r = subprocess.run([dossier, "analyze", "--stdin-jsonl", "--format", "text"], capture_output=True,
                       input=b"", timeout=TIMEOUT)
    assert r.returncode == 2
