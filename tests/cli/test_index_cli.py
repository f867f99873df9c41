"""End-to-end: `dossier index`, `dossier search`, `dossier entities` on a corpus database, including
a process killed with SIGKILL in the middle of a document."""
import json
import os
import signal
import sqlite3
import subprocess
import time
import zlib

import zstandard  # Debian's python3-zstandard: the stored text is a zstd frame

TIMEOUT = 300

TEXTS = {
    "a.txt": (
        "Starmer and Macron agree Channel plan\n"
        "Prime Minister Keir Starmer met Emmanuel Macron in Paris on Monday.\n"
        "\"We will stop the boats,\" Sir Keir said after talks on climate change.\n"
    ),
    "b.txt": (
        "Budget row deepens\n"
        "Mr Starmer told MPs the budget would protect climate funding.\n"
        "Rachel Reeves said the figures were sound and that growth would return.\n"
    ),
    "c.txt": (
        "Storm warning for the weekend\n"
        "Heavy rain is expected in London and Kent on Saturday, forecasters said.\n"
        "The Met Office said about 2,000 homes could lose power.\n"
    ),
}

# Rows each document owns; every one must be whole after a crash.
# What each stored document holds, counted: on SQLite (schema 4) blocks, entities, mentions and
# amounts are packed in the document's row with their counts as columns, quotes and time
# expressions are rows; on PostgreSQL every one is a table of rows. Then the text's length.
SPAN_KINDS = ["blocks", "entities", "mentions", "amounts", "quotes", "timexes"]
PACKED_COUNTS = ["blocks", "entities", "mentions", "amounts"]
CHILD_TABLES = ["quotes", "timexes"]


def run(dossier, *args, stdin=None, env=None):
    return subprocess.run([dossier, *args], capture_output=True, text=True, timeout=TIMEOUT, input=stdin,
                          env=env)


def write_texts(directory):
    directory.mkdir(exist_ok=True)
    for name, text in TEXTS.items():
        (directory / name).write_text(text)
    return directory


def lines(out):
    return [json.loads(line) for line in out.splitlines()]


def rows_by_path(db):
    """{path: (count of each of SPAN_KINDS, text bytes)} for every stored document."""
    con = sqlite3.connect(db)
    out = {}
    for row in con.execute(f"SELECT id, path, {', '.join(PACKED_COUNTS)}, text_bytes FROM documents"):
        doc_id, path = row[:2]
        out[path] = row[2:-1] + tuple(con.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?",
                                                  (doc_id,)).fetchone()[0] for t in CHILD_TABLES) + row[-1:]
    con.close()
    return out


def test_index_then_search_and_entities(dossier, tmp_path):
    corpus = write_texts(tmp_path / "news")
    db = str(tmp_path / "corpus.db")
    r = run(dossier, "index", "--db", db, str(corpus))
    assert r.returncode == 0, r.stderr
    assert "3 added, 0 replaced, 0 unchanged, 0 failed" in r.stderr

    r = run(dossier, "search", "--db", db, "climate")
    assert r.returncode == 0, r.stderr
    hits = lines(r.stdout)
    assert sorted(os.path.basename(h["path"]) for h in hits) == ["a.txt", "b.txt"]
    for h in hits:
        assert set(h) >= {"doc_id", "path", "title", "site", "published", "score", "snippet"}
        assert "[climate]" in h["snippet"]
        assert h["score"] >= 0  # BM25: a word in 2 of 3 documents weighs next to nothing
    # Phrases, and the title (crude text: the first story's headline).
    hits = lines(run(dossier, "search", "--db", db, "\"climate change\"").stdout)
    assert [os.path.basename(h["path"]) for h in hits] == ["a.txt"]
    assert hits[0]["title"] == "Starmer and Macron agree Channel plan"
    # An entity by any alias: "Mr Starmer" (b.txt) is Keir Starmer (a.txt) too.
    hits = lines(run(dossier, "search", "--db", db, "--entity", "Keir Starmer", "").stdout)
    assert sorted(os.path.basename(h["path"]) for h in hits) == ["a.txt", "b.txt"]
    hits = lines(run(dossier, "search", "--db", db, "--speaker", "Keir Starmer", "boats").stdout)
    assert [os.path.basename(h["path"]) for h in hits] == ["a.txt"]
    r = run(dossier, "search", "--db", db, "--format", "text", "rain")
    assert r.returncode == 0 and "c.txt" in r.stdout and "*rain*" in r.stdout

    r = run(dossier, "entities", "--db", db)
    assert r.returncode == 0, r.stderr
    entities = lines(r.stdout)
    for e in entities:
        assert set(e) >= {"id", "type", "name", "aliases", "mentions", "documents"}
    starmer = [e for e in entities if e["name"] == "Keir Starmer"]
    assert len(starmer) == 1 and starmer[0]["documents"] == 2 and starmer[0]["type"] == "PER"
    assert {"Mr Starmer", "Sir Keir"} <= {a["text"] for a in starmer[0]["aliases"]}
    r = run(dossier, "entities", "--db", db, "--type", "PER", "--sort", "documents", "--format", "text")
    assert r.returncode == 0 and r.stdout.splitlines()[0].split("\t")[2] == "Keir Starmer"


def test_reindexing_skips_unchanged_and_replaces_changed(dossier, tmp_path):
    corpus = write_texts(tmp_path / "news")
    db = str(tmp_path / "corpus.db")
    assert run(dossier, "index", "--db", db, str(corpus)).returncode == 0
    before = rows_by_path(db)
    r = run(dossier, "index", "--db", db, str(corpus))
    assert r.returncode == 0 and "0 added, 0 replaced, 3 unchanged" in r.stderr, r.stderr
    assert rows_by_path(db) == before
    (corpus / "c.txt").write_text("Snow warning\nSnow is expected in Aberdeen on Sunday.\n")
    r = run(dossier, "index", "--db", db, str(corpus))
    assert r.returncode == 0 and "0 added, 1 replaced, 2 unchanged" in r.stderr, r.stderr
    assert lines(run(dossier, "search", "--db", db, "rain").stdout) == []
    hits = lines(run(dossier, "search", "--db", db, "Aberdeen").stdout)
    assert [os.path.basename(h["path"]) for h in hits] == ["c.txt"]
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    con.close()


def test_analysis_json_lines_are_stored_without_analysing_again(dossier, tmp_path):
    corpus = write_texts(tmp_path / "news")
    files = [str(corpus / n) for n in sorted(TEXTS)]
    analysed = run(dossier, "analyze", *files)
    assert analysed.returncode == 0
    jsonl = tmp_path / "analysed.jsonl"
    jsonl.write_text(analysed.stdout)
    direct, via_json, via_stdin = (str(tmp_path / n) for n in ("direct.db", "json.db", "stdin.db"))
    assert run(dossier, "index", "--db", direct, *files).returncode == 0
    r = run(dossier, "index", "--db", via_json, str(jsonl))
    assert r.returncode == 0 and "3 added" in r.stderr, r.stderr
    r = run(dossier, "index", "--db", via_stdin, "-", stdin=analysed.stdout)
    assert r.returncode == 0 and "3 added" in r.stderr, r.stderr
    # The same rows, the same entities, the same search results, whichever way they came in.
    assert rows_by_path(direct) == rows_by_path(via_json) == rows_by_path(via_stdin)
    ents = [lines(run(dossier, "entities", "--db", d).stdout) for d in (direct, via_json)]
    assert ents[0] == ents[1]
    found = [[(h["path"], h["snippet"]) for h in lines(run(dossier, "search", "--db", d, "said").stdout)]
             for d in (direct, via_json)]
    assert found[0] == found[1] and found[0]
    # Indexing the same analysis again is a no-op.
    r = run(dossier, "index", "--db", via_json, str(jsonl))
    assert "0 added, 0 replaced, 3 unchanged" in r.stderr, r.stderr


def test_one_document_on_standard_input(dossier, tmp_path):
    db = str(tmp_path / "stdin.db")
    r = run(dossier, "index", "--db", db, "-", stdin=TEXTS["c.txt"])
    assert r.returncode == 0 and "1 added" in r.stderr, r.stderr
    hits = lines(run(dossier, "search", "--db", db, "Kent").stdout)
    assert [h["path"] for h in hits] == ["-"]


def test_bad_inputs_are_reported_and_the_rest_go_on(dossier, tmp_path):
    corpus = write_texts(tmp_path / "news")
    db = str(tmp_path / "corpus.db")
    r = run(dossier, "index", "--db", db, str(tmp_path / "missing.txt"), str(corpus / "a.txt"))
    assert r.returncode == 1
    assert "missing.txt" in r.stderr and "1 added" in r.stderr
    # Queries never create a database, and say so in one line.
    r = run(dossier, "search", "--db", str(tmp_path / "none.db"), "x")
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
    assert not os.path.exists(tmp_path / "none.db")
    r = run(dossier, "search", "--db", db, "--from", "yesterday", "x")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr


def test_hostile_queries_stay_data(dossier, tmp_path):
    corpus = write_texts(tmp_path / "news")
    db = str(tmp_path / "corpus.db")
    assert run(dossier, "index", "--db", db, str(corpus)).returncode == 0
    for q in ["'; DROP TABLE documents; --", "\" OR 1=1 --", "NEAR(rain", "title:rain", "rain\" UNION SELECT",
              "{text}: rain", "rain)) --"]:
        r = run(dossier, "search", "--db", db, q)
        assert r.returncode == 0, (q, r.stderr)
    for flag in ["--entity", "--speaker", "--site"]:
        r = run(dossier, "search", "--db", db, flag, "x' OR '1'='1", "rain")
        assert r.returncode == 0 and r.stdout == "", (flag, r.stderr)
    r = run(dossier, "search", "--db", db, "*")
    assert r.returncode == 2 and "no words" in r.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def make_batch(dossier, tmp_path, copies):
    """`copies` analysed documents as JSON Lines: three real analyses, each under many paths."""
    corpus = write_texts(tmp_path / "news")
    analysed = run(dossier, "analyze", *[str(corpus / n) for n in sorted(TEXTS)])
    docs = lines(analysed.stdout)
    out = []
    for i in range(copies):
        d = dict(docs[i % len(docs)])
        d["source"] = dict(d["source"], path=f"copy/{i:04d}.txt")
        out.append(json.dumps(d))
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(out) + "\n")
    return str(path)


def stored_text(blob, size):
    """The canonical text from documents.text: a zstd frame (schema 5) or a zlib stream (schema 4)."""
    if blob[:4] == b"\x28\xb5\x2f\xfd":
        text = zstandard.ZstdDecompressor().decompress(blob)
    else:
        text = zlib.decompress(blob)
    assert len(text) == size
    return text.decode()


def connect_with_text(db):
    """A connection that can read the compressed text (FTS5 reads it through the view
    document_texts, which calls dossier_text: the compressed text and its length)."""
    con = sqlite3.connect(db)
    con.create_function("dossier_text", 2, stored_text, deterministic=True)
    return con


def check_whole(db, reference):
    con = connect_with_text(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")
    con.close()
    stored = rows_by_path(db)
    for path, counts in stored.items():
        assert counts == reference[path], path  # never half a document
    return stored


def test_a_kill_mid_document_loses_nothing_committed(dossier, tmp_path):
    batch = make_batch(dossier, tmp_path, 40)
    ref = str(tmp_path / "ref.db")
    assert run(dossier, "index", "--db", ref, batch).returncode == 0
    reference = rows_by_path(ref)
    assert len(reference) == 40

    db = str(tmp_path / "crash.db")
    env = dict(os.environ, DOSSIER_INDEX_TEST_KILL_AT="30")
    r = run(dossier, "index", "--db", db, "--commit-every", "8", batch, env=env)
    assert r.returncode == -signal.SIGKILL  # killed while writing the 30th document
    stored = check_whole(db, reference)
    assert len(stored) == 24  # three committed transactions of 8; the 4th (with half of doc 30) is gone

    r = run(dossier, "index", "--db", db, batch)
    assert r.returncode == 0 and "16 added, 0 replaced, 24 unchanged" in r.stderr, r.stderr
    assert check_whole(db, reference) == reference
    assert lines(run(dossier, "entities", "--db", db).stdout) == lines(run(dossier, "entities", "--db", ref).stdout)


def test_an_outside_sigkill_leaves_whole_documents(dossier, tmp_path):
    batch = make_batch(dossier, tmp_path, 3000)
    ref = str(tmp_path / "ref.db")
    assert run(dossier, "index", "--db", ref, batch).returncode == 0
    reference = rows_by_path(ref)
    db = str(tmp_path / "crash.db")
    proc = subprocess.Popen([dossier, "index", "--db", db, "--commit-every", "3", batch],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Kill it once something is committed (or when it is done, on a fast machine).
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
            if n >= 30:
                break
        except sqlite3.Error:
            pass
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = check_whole(db, reference)
    assert len(stored) % 3 == 0 or len(stored) == len(reference)
    r = run(dossier, "index", "--db", db, batch)
    assert r.returncode == 0, r.stderr
    assert check_whole(db, reference) == reference
