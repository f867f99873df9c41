"""`dossier analyze --stages LIST`: which stages run, and which JSON fields they leave out."""
import json
import subprocess

import pytest

TIMEOUT = 120
SMALL = "Rishi Sunak visited Leeds on Monday.\nHe said the plan would cost £5m.\n".encode("utf-8")
LATER = {
    "entities": {"entities"},
    "quotes": {"quotes"},
    "time": {"time_reference", "timexes", "amounts", "timeline"},
}
FOUNDATION = {"schema_version", "source", "blocks", "stories", "duplicates", "repairs", "sentences"}


def analyze(dossier, path, *args):
    r = subprocess.run([dossier, "analyze", "--no-progress", *args, str(path)], capture_output=True,
                       timeout=TIMEOUT)
    return r


@pytest.fixture()
def small(tmp_path):
    p = tmp_path / "small.txt"
    p.write_bytes(SMALL)
    return p


def test_foundation_exact_output(dossier, small):
    r = analyze(dossier, small, "--stages", "foundation")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert set(doc) == FOUNDATION
    assert [b["text"] for b in doc["blocks"]] == ["Rishi Sunak visited Leeds on Monday.",
                                                  "He said the plan would cost £5m."]
    assert [(b["source_begin"], b["source_end"], b["line"], b["begin"], b["end"]) for b in doc["blocks"]] == [
        (0, 36, 1, 0, 36), (37, 70, 2, 37, 70)]
    assert doc["sentences"] == [
        {"block": 0, "source_begin": 0, "source_end": 36, "tokens": 7},
        {"block": 1, "source_begin": 37, "source_end": 70, "tokens": 9},
    ]
    assert doc["duplicates"] == [] and doc["repairs"] == []


def test_foundation_is_the_full_output_without_the_later_fields(dossier, small):
    """Byte for byte: the later stages only append their fields, so the foundation's JSON line is
    the full line cut before them."""
    full = analyze(dossier, small).stdout.decode("utf-8")
    only = analyze(dossier, small, "--stages", "foundation").stdout.decode("utf-8")
    assert only.endswith("}\n")
    assert full.startswith(only[:-2] + ',"entities":')
    full_tokens = analyze(dossier, small, "--tokens").stdout.decode("utf-8")
    only_tokens = analyze(dossier, small, "--tokens", "--stages", "foundation").stdout.decode("utf-8")
    assert full_tokens.startswith(only_tokens[:-2] + ',"entities":')


@pytest.mark.parametrize("stages,expected", [
    ("foundation", set()),
    ("entities", {"entities"}),
    ("quotes", {"entities", "quotes"}),  # quotes name their speakers through the entities
    ("time", {"time"}),
    ("foundation,time", {"time"}),
    ("time, entities", {"entities", "time"}),
    ("all", {"entities", "quotes", "time"}),
])
def test_fields_of_the_stages_that_ran(dossier, small, stages, expected):
    r = analyze(dossier, small, "--stages", stages)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    want = set(FOUNDATION)
    for stage in expected:
        want |= LATER[stage]
    assert set(doc) == want


def test_a_stage_gives_what_the_full_pipeline_gives(dossier, small):
    full = json.loads(analyze(dossier, small).stdout)
    time_only = json.loads(analyze(dossier, small, "--stages", "time").stdout)
    for key in LATER["time"]:
        assert time_only[key] == full[key]
    assert [t["text"] for t in time_only["timexes"]] == ["Monday"]
    assert [(a["text"], a["kind"], a["value"], a["unit"]) for a in time_only["amounts"]] == [
        ("£5m", "money", 5000000, "GBP")]
    entities_only = json.loads(analyze(dossier, small, "--stages", "entities").stdout)
    assert entities_only["entities"] == full["entities"]


def test_default_is_all(dossier, small):
    assert analyze(dossier, small).stdout == analyze(dossier, small, "--stages", "all").stdout


@pytest.mark.parametrize("bad", ["bogus", "", "foundation,,time", "entities,NER", " "])
def test_bad_stage_list_is_a_one_line_error(dossier, small, bad):
    r = analyze(dossier, small, "--stages", bad)
    assert r.returncode != 0
    assert r.stdout == b""
    err = r.stderr.decode("utf-8")
    assert err.count("\n") == 1 and err.startswith("dossier analyze: --stages:")
    assert "foundation, entities, quotes, time, all" in err


def test_human_formats_with_foundation_only(dossier, small):
    r = subprocess.run([dossier, "analyze", "--no-progress", "--stages", "foundation", "--format", "text",
                        str(small)], capture_output=True, timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr
    assert "Rishi Sunak visited Leeds on Monday." in r.stdout.decode("utf-8")


def test_batch_entities_needs_the_entities_stage(dossier, small, tmp_path):
    r = analyze(dossier, small, "--stages", "time", "--batch-entities", str(tmp_path / "e.jsonl"))
    assert r.returncode != 0 and r.stdout == b""
    assert r.stderr.decode("utf-8").count("\n") == 1
