"""The Dask runner (python/dossier/dask.py) on a LocalCluster of 2 worker processes: the same
documents and corpus entities as `dossier analyze --batch-entities` on the same files, and every
document exactly once when a worker is killed mid-run. Run by ctest with PYTHONPATH=build/python."""
import collections
import gzip
import json
import os
import shutil
import subprocess
import sys

import pytest

distributed = pytest.importorskip("distributed", reason="python3-distributed is not installed (scripts/setup.sh)")

import dossier  # noqa: E402
from dossier import dask as runner  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import make_warc as mw  # noqa: E402

CLI = os.environ.get("DOSSIER_CLI", os.path.join(os.path.dirname(os.path.dirname(dossier.__file__)), "..", "dossier"))


def page(title, body, date="2025-11-18"):
    return ('<!DOCTYPE html><html lang="en"><head><title>%s</title>'
            '<meta property="article:published_time" content="%s"></head><body><article><h1>%s</h1>%s'
            '</article></body></html>' % (title, date, title, "".join("<p>%s</p>" % p for p in body))).encode()


PAGES = [
    page("Harbour fees to rise", ["Jane Smith, the harbour master in Cowes, said fees would rise by 4% from April.",
                                  "Smith said the council had no choice."]),
    page("Starmer visits Leeds", ["Keir Starmer visited Leeds on Monday.",
                                  "\u201cWe will build,\u201d Mr Starmer told workers at the site."]),
    page("Budget talks", ["The European Union and the EU Commission met on Tuesday.",
                          "Ursula von der Leyen said talks would go on."], date="2025-11-19"),
    page("Port strike ends", ["Dock workers in Felixstowe ended a strike after Jane Smith intervened."]),
    page("Rates held", ["The Bank of England held rates at 4%.", "Andrew Bailey said inflation was falling."]),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Shipped samples and texts, HTML pages (one gzipped), a .warc.gz with a bad record between its
    pages and a plain .warc, in two directories; and one file that is neither text nor HTML."""
    d = tmp_path_factory.mktemp("corpus")
    shutil.copy(os.path.join(ROOT, "samples", "crude-scrape-example.txt"), d / "a-sample.txt")
    texts = d / "texts"
    texts.mkdir()
    for sub in ("aliases", "corpus-aliases"):
        src = os.path.join(ROOT, "bench", "data", sub)
        for name in sorted(os.listdir(src)):
            if name.endswith(".txt"):
                shutil.copy(os.path.join(src, name), texts / ("%s-%s" % (sub, name)))
    (d / "b-page.html").write_bytes(PAGES[0])
    (d / "c-page.html.gz").write_bytes(gzip.compress(PAGES[1]))
    recs = [mw.warcinfo()]
    for i, p in enumerate(PAGES):
        recs += mw.page_records(p, "http://news.example/%d" % i, i)
        if i == 2:
            recs.append(b"garbage\r\n")
    (d / "d-crawl.warc").write_bytes(b"".join(recs))
    mw.write_warc(str(d / "e-crawl.warc.gz"), [mw.warcinfo()] + sum(
        (mw.page_records(p, "http://other.example/%d" % i, 10 + i) for i, p in enumerate(PAGES[2:])), []))
    (d / "f-binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    (d / "README.md").write_text("not an input\n")
    return d


@pytest.fixture(scope="module")
def single_process(corpus, tmp_path_factory):
    """`dossier analyze --batch-entities` on the same files, in the same order."""
    paths = runner.list_inputs(str(corpus))
    assert len(paths) == 15 and not any(p.endswith("README.md") for p in paths)
    entities = tmp_path_factory.mktemp("cli") / "entities.jsonl"
    r = subprocess.run([CLI, "analyze", "--no-progress", "--batch-entities", str(entities), *paths],
                       capture_output=True, timeout=300)
    assert r.returncode != 0 and b"f-binary.txt" in r.stderr and b"garbage" in r.stderr, r.stderr
    docs = r.stdout.decode().splitlines()
    return docs, entities.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, local_directory=str(tmp_path_factory.mktemp("dask")))
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def read_parts(out):
    lines = []
    for name in sorted(os.listdir(out / "parts")):
        assert ".tmp-" not in name, name
        if name.endswith(".jsonl") and not name.endswith(".entities.jsonl"):
            lines += (out / "parts" / name).read_text(encoding="utf-8").splitlines()
    return lines


def test_partitions_are_bounded_and_in_order(corpus):
    paths = runner.list_inputs(str(corpus))
    parts = runner.make_partitions(paths, files_per_task=3, warc_pages_per_task=2)
    assert [p["index"] for p in parts] == list(range(len(parts)))
    assert all(len(p["files"]) <= 3 for p in parts if "files" in p)
    # d-crawl.warc: 5 pages in ranges of 2; e-crawl.warc.gz: 3 pages.
    assert [(os.path.basename(p["warc"]), p["pages"]) for p in parts if "warc" in p] == [
        ("d-crawl.warc", [0, 2]), ("d-crawl.warc", [2, 4]), ("d-crawl.warc", [4, 5]),
        ("e-crawl.warc.gz", [0, 2]), ("e-crawl.warc.gz", [2, 3])]
    flat = []
    for p in parts:
        flat += p.get("files", [p.get("warc")])
    assert list(dict.fromkeys(flat)) == paths  # input order kept
    assert [len(p["files"]) for p in runner.make_partitions(paths, files_per_task=100, bytes_per_task=1)
            if "files" in p] == [1] * 13  # one file per task when each passes the byte bound


def test_two_workers_equal_the_single_process_run(corpus, single_process, client, tmp_path):
    docs, entities = single_process
    m = runner.run(str(corpus), str(tmp_path), client=client, files_per_task=3, warc_pages_per_task=2)
    assert m["workers"] == 2 and len(m["partitions"]) == 10
    got = read_parts(tmp_path)
    # The part files read in order are the command line's output, line for line (and so the same set).
    assert [json.loads(l) for l in got] == [json.loads(l) for l in docs]
    assert sorted(got) == sorted(docs)
    assert m["documents"] == len(docs) == 20
    # Every WARC page carries its record; the two bad inputs are reported once each.
    warc = [json.loads(l)["source"] for l in got if "warc_record_id" in json.loads(l)["source"]]
    assert len({(s["path"], s["warc_record_id"]) for s in warc}) == 8
    assert m["errors"] == 2
    errors = sum((p["errors"] for p in m["partitions"]), [])
    assert any("f-binary.txt" in e for e in errors) and any("garbage" in e for e in errors)
    # The corpus entities equal the single process's merge, line for line.
    assert (tmp_path / "entities.jsonl").read_text(encoding="utf-8").splitlines() == entities
    assert m["entities"] == len(entities) > 20
    merged = [json.loads(l) for l in entities]
    assert any(e["name"] == "Jane Smith" and e["documents"] >= 3 for e in merged)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["documents"] == 20 and [p["index"] for p in manifest["partitions"]] == list(range(10))


def test_a_killed_worker_loses_and_duplicates_nothing(corpus, single_process, client, tmp_path):
    docs, entities = single_process
    marker = tmp_path / "killed"
    out = tmp_path / "out"
    # A stale part from an earlier run with more partitions is cleared.
    os.makedirs(out / "parts")
    (out / "parts" / "part-00099.jsonl").write_text('{"stale": true}\n')
    m = runner.run(str(corpus), str(out), client=client, files_per_task=2, crash_once=(2, str(marker)))
    # The worker running partition 2 (d-crawl.warc, 5 pages) was killed after its first page.
    assert m["partitions"][2]["warc"].endswith("d-crawl.warc") and marker.exists()
    got = read_parts(out)
    keys = collections.Counter((json.loads(l)["source"]["path"], json.loads(l)["source"].get("warc_record_id"))
                               for l in got)
    assert len(keys) == len(docs) and set(keys.values()) == {1}
    assert got == docs
    assert (out / "entities.jsonl").read_text(encoding="utf-8").splitlines() == entities
    assert m["documents"] == 20 and len(client.scheduler_info()["workers"]) >= 1


def test_command_line(corpus, single_process, tmp_path):
    docs, entities = single_process
    r = subprocess.run([sys.executable, "-m", "dossier.dask", str(corpus), "--out", str(tmp_path), "--workers", "2",
                        "--stages", "foundation"], capture_output=True, timeout=300)
    assert r.returncode == 1, r.stderr  # the binary file is reported
    assert b"20 documents" in r.stderr and b"2 workers" in r.stderr and b"2 errors" in r.stderr
    got = [json.loads(l) for l in read_parts(tmp_path)]
    assert [d["source"] for d in got] == [json.loads(l)["source"] for l in docs]
    assert all("entities" not in d for d in got) and not (tmp_path / "entities.jsonl").exists()
