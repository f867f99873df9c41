"""End-to-end: `dossier analyze --batch-entities FILE` links entities across the inputs."""
import json
import os
import subprocess

TIMEOUT = 300

FIRST = (
    "Prime Minister Keir Starmer met Emmanuel Macron in Paris on Monday.\n"
    "Sir Keir said the talks had gone well, and the French president agreed.\n"
)
SECOND = (
    "Mr Starmer returned to London on Tuesday.\n"
    "Starmer told reporters that Macron would visit in the spring.\n"
)


def test_batch_entities_join_people_across_files(dossier, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(FIRST)
    b.write_text(SECOND)
    out = tmp_path / "entities.jsonl"
    r = subprocess.run([dossier, "analyze", "--batch-entities", str(out), str(a), str(b)],
                       capture_output=True, text=True, timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr
    # Standard output still has exactly one analysis per input.
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["source"]["path"] for d in docs] == [str(a), str(b)]
    entities = [json.loads(line) for line in out.read_text().splitlines()]
    by_name = {e["name"]: e for e in entities}
    starmer = by_name["Keir Starmer"]
    assert starmer["type"] == "PER"
    assert starmer["documents"] == 2
    assert {m["document"] for m in starmer["members"]} == {str(a), str(b)}
    assert starmer["evidence"]["surname"] == 1
    texts = {x["text"] for x in starmer["aliases"]}
    assert {"Mr Starmer", "Starmer"} <= texts
    # Every member points at an entity of that document with the same id.
    for e in entities:
        for m in e["members"]:
            doc = docs[[str(a), str(b)].index(m["document"])]
            assert any(x["id"] == m["entity"] for x in doc["entities"])
    assert sorted(e["id"] for e in entities) == list(range(len(entities)))


def test_batch_entities_unwritable_file_is_an_error(dossier, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(FIRST)
    r = subprocess.run([dossier, "analyze", "--batch-entities", str(tmp_path / "no" / "such" / "dir.jsonl"), str(a)],
                       capture_output=True, text=True, timeout=TIMEOUT)
    assert r.returncode != 0
    assert "--batch-entities" in r.stderr and len(r.stderr.strip().splitlines()) == 1
