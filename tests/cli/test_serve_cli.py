"""`dossier serve` over real HTTP on loopback: every endpoint answers, errors are JSON with the right
status, the security headers are set, and many concurrent requests all succeed."""
import concurrent.futures
import json
import os
import re
import subprocess
import urllib.error
import urllib.request

import pytest

SAMPLE = "samples/crude-scrape-example.txt"


@pytest.fixture(scope="module")
def server(tmp_path_factory, dossier, repo_root):
    work = tmp_path_factory.mktemp("serve")
    db = work / "corpus.db"
    subprocess.run([dossier, "index", "--db", str(db), os.path.join(repo_root, SAMPLE)], check=True,
                   capture_output=True)
    proc = subprocess.Popen([dossier, "serve", "--db", str(db), "--port", "0"], stderr=subprocess.PIPE,
                            text=True)
    line = proc.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert match, line
    yield f"http://127.0.0.1:{match.group(1)}"
    proc.terminate()
    assert proc.wait(timeout=10) == 0


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get_json(url, status=200):
    code, headers, body = get(url)
    assert code == status, (url, code, body)
    assert headers["Content-Type"].startswith("application/json")
    return json.loads(body)


def test_every_endpoint_answers(server):
    stats = get_json(server + "/api/stats")
    assert stats["documents"] == 1
    search = get_json(server + "/api/search?q=budget")
    assert search["hits"] and search["hits"][0]["title"].startswith("Ashby Falls")
    doc = get_json(server + f"/api/documents/{search['hits'][0]['doc_id']}")
    assert "Mayor Daniel Brierley" in doc["text"]
    people = get_json(server + "/api/entities?type=PER&sort=mentions")["entities"]
    assert people
    detail = get_json(server + f"/api/entities/{people[0]['id']}")
    assert detail["entity"]["name"] == people[0]["name"]
    quotes = get_json(server + "/api/quotes?speaker=" + urllib.request.quote(people[0]["name"]))
    assert "quotes" in quotes
    timeline = get_json(server + "/api/timeline")
    assert all(e["date"][:4].isdigit() for e in timeline["events"])


def test_errors_are_json_with_their_status(server):
    assert "error" in get_json(server + "/api/search?limit=abc", 400)
    assert "error" in get_json(server + "/api/search?q=a&q=b", 400)
    assert "error" in get_json(server + "/api/documents/999999", 404)
    assert "error" in get_json(server + "/api/unknown", 404)
    code, _, _ = get(server + "/no/such/page")
    assert code == 404


def test_the_page_and_security_headers(server):
    code, headers, body = get(server + "/")
    assert code == 200
    assert headers["Content-Type"].startswith("text/html")
    assert b'<script src="/app.js">' in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_hostile_queries_over_http(server):
    for q in ["'; DROP TABLE documents; --", '"', "NEAR(", "a OR", "%00", "%27%22"]:
        code, _, body = get(server + "/api/search?q=" + urllib.request.quote(q, safe="%"))
        assert code in (200, 400), (q, code, body)
        json.loads(body)
    assert get_json(server + "/api/stats")["documents"] == 1


def test_many_concurrent_requests_all_succeed(server):
    urls = [server + path for path in ("/api/search?q=budget", "/api/stats", "/", "/api/entities")] * 100

    def fetch(url):
        return get(url)[0]

    with concurrent.futures.ThreadPoolExecutor(max_workers=64) as pool:
        codes = list(pool.map(fetch, urls))
    assert codes == [200] * len(urls)
