"""End-to-end on PostgreSQL: `dossier index/search/entities --db postgresql://...` give the same
documents and entities as on SQLite from the same inputs, and a process killed with SIGKILL in the
middle of a document loses nothing committed and leaves no half document. Skipped unless
$DOSSIER_TEST_POSTGRES_URL names a server (scripts/test.sh starts one); each test makes its own
database and drops it."""
import glob
import os
import shutil
import signal
import sqlite3
import subprocess
import urllib.parse
import uuid

import pytest

from test_index_cli import SPAN_KINDS, TEXTS, lines, make_batch, rows_by_path, run, write_texts

SERVER = os.environ.get("DOSSIER_TEST_POSTGRES_URL", "")
pytestmark = pytest.mark.skipif(not SERVER, reason="DOSSIER_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)")


def psql():
    found = shutil.which("psql") or sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1:]
    return found if isinstance(found, str) else found[0]


def sql(url, query):
    r = subprocess.run([psql(), "-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", query],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return [line.split("\t") for line in r.stdout.splitlines()]


def with_database(url, name):
    parts = urllib.parse.urlsplit(url)  # (urlunsplit would drop the empty host of postgresql:///db)
    return f"{parts.scheme}://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def pg_db():
    name = "dossier_cli_" + uuid.uuid4().hex[:12]
    sql(SERVER, f"CREATE DATABASE {name}")
    yield with_database(SERVER, name)
    sql(SERVER, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def pg_rows_by_path(url):
    """{path: (row count of each of SPAN_KINDS, text bytes)}, as rows_by_path does for a SQLite file."""
    counts = ", ".join(f"(SELECT count(*) FROM {t} WHERE doc_id = d.id)" for t in SPAN_KINDS) + ", octet_length(d.text)"
    return {row[0]: tuple(int(x) for x in row[1:]) for row in sql(url, f"SELECT d.path, {counts} FROM documents d")}


def paths(out):
    return sorted(os.path.basename(h["path"]) for h in lines(out))


def test_same_documents_and_entities_as_sqlite(dossier, tmp_path, pg_db, repo_root):
    corpus = write_texts(tmp_path / "news")
    sample = os.path.join(repo_root, "samples", "crude-scrape-example.txt")
    inputs = [str(corpus), sample]
    lite = str(tmp_path / "corpus.db")
    for db in (lite, pg_db):
        r = run(dossier, "index", "--db", db, "-j", "1", *inputs)
        assert r.returncode == 0, r.stderr
        assert "4 added, 0 replaced, 0 unchanged, 0 failed" in r.stderr, r.stderr
    assert pg_rows_by_path(pg_db) == rows_by_path(lite)
    # The same hits for words, phrases, prefixes, OR, exclusions and every filter (ranks may differ:
    # BM25 there, ts_rank here; docs/corpus-store.md).
    for args in (["climate"], ["\"climate change\""], ["clim*"], ["rain OR budget"], ["said -rain"],
                 ["--entity", "Keir Starmer", ""], ["--entity", "sir keir", "climate"],
                 ["--speaker", "Keir Starmer", "boats"], ["--type", "text", "said"], ["--site", "nowhere", "said"],
                 ["--from", "2000-01-01", ""], ["said"]):
        found = [run(dossier, "search", "--db", db, "--limit", "50", *args) for db in (lite, pg_db)]
        assert found[0].returncode == found[1].returncode == 0, (args, found[1].stderr)
        assert paths(found[0].stdout) == paths(found[1].stdout), args
    hits = lines(run(dossier, "search", "--db", pg_db, "climate").stdout)
    assert all("[climate]" in h["snippet"] and h["score"] > 0 for h in hits), hits
    # The same corpus entities, ids, aliases and counts.
    ents = [lines(run(dossier, "entities", "--db", db).stdout) for db in (lite, pg_db)]
    assert ents[0] == ents[1] and ents[0]
    # Re-indexing is a no-op; a changed file replaces its document.
    r = run(dossier, "index", "--db", pg_db, *inputs)
    assert "0 added, 0 replaced, 4 unchanged" in r.stderr, r.stderr
    (corpus / "c.txt").write_text("Snow warning\nSnow is expected in Aberdeen on Sunday.\n")
    r = run(dossier, "index", "--db", pg_db, *inputs)
    assert "0 added, 1 replaced, 3 unchanged" in r.stderr, r.stderr
    assert paths(run(dossier, "search", "--db", pg_db, "Aberdeen").stdout) == ["c.txt"]
    assert "c.txt" not in paths(run(dossier, "search", "--db", pg_db, "rain").stdout)


def test_queries_never_create_a_corpus_and_hostile_ones_stay_data(dossier, tmp_path, pg_db):
    r = run(dossier, "search", "--db", pg_db, "x")
    assert r.returncode == 1 and "no corpus" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert sql(pg_db, "SELECT to_regclass('documents') IS NULL") == [["t"]]
    assert run(dossier, "index", "--db", pg_db, str(write_texts(tmp_path / "news"))).returncode == 0
    for q in ["'; DROP TABLE documents; --", "\" OR 1=1 --", "rain' & !'x", "rain:*", "title:rain", "rain)) --",
              "\\", "''"]:
        r = run(dossier, "search", "--db", pg_db, q)
        assert r.returncode in (0, 2), (q, r.stderr)
    for flag in ["--entity", "--speaker", "--site"]:
        r = run(dossier, "search", "--db", pg_db, flag, "x' OR '1'='1", "rain")
        assert r.returncode == 0 and r.stdout == "", (flag, r.stderr)
    assert sql(pg_db, "SELECT count(*) FROM documents") == [["3"]]
    r = run(dossier, "search", "--db", "postgresql:///no_such_database_here?host=/nonexistent", "x")
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_a_kill_mid_document_loses_nothing_committed(dossier, tmp_path, pg_db):
    batch = make_batch(dossier, tmp_path, 40)
    ref = str(tmp_path / "ref.db")
    assert run(dossier, "index", "--db", ref, batch).returncode == 0
    reference = rows_by_path(ref)

    env = dict(os.environ, DOSSIER_INDEX_TEST_KILL_AT="30")
    r = run(dossier, "index", "--db", pg_db, "--commit-every", "8", batch, env=env)
    assert r.returncode == -signal.SIGKILL  # killed while writing the 30th document
    stored = pg_rows_by_path(pg_db)
    assert len(stored) == 24  # three committed transactions of 8; the 4th (with half of doc 30) is gone
    for path, counts in stored.items():
        assert counts == reference[path], path  # never half a document
    # No row of a document that is not there.
    for t in SPAN_KINDS:
        assert sql(pg_db, f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT id FROM documents)") == [["0"]], t

    r = run(dossier, "index", "--db", pg_db, batch)
    assert r.returncode == 0 and "16 added, 0 replaced, 24 unchanged" in r.stderr, r.stderr
    assert pg_rows_by_path(pg_db) == reference
    assert lines(run(dossier, "entities", "--db", pg_db).stdout) == lines(run(dossier, "entities", "--db", ref).stdout)
