"""End-to-end tests of `dossier tag` and `dossier train ner` (a smoke training on a few sentences;
the real training is not run in CI)."""
import os
import subprocess

import pytest

TIMEOUT = 300

CONLL = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
to TO B-VP O
boycott VB I-VP O
British JJ B-NP B-MISC
lamb NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP B-LOC
1996-08-22 CD I-NP O

The DT B-NP O
European NNP I-NP B-ORG
Commission NNP I-NP I-ORG
said VBD B-VP O
on IN B-PP O
Thursday NNP B-NP O
it PRP B-NP O
disagreed VBD B-VP O
with IN B-PP O
German JJ B-NP B-MISC
advice NN I-NP O
to TO B-PP O
consumers NNS B-NP O
to TO B-VP O
shun VB I-VP O
British JJ B-NP B-MISC
lamb NN I-NP O
until IN B-SBAR O
scientists NNS B-NP O
determine VBP B-VP O
whether IN B-SBAR O
mad JJ B-NP O
cow NN I-NP O
disease NN I-NP O
can MD B-VP O
be VB I-VP O
transmitted VBN I-VP O
to TO B-PP O
sheep NN B-NP O
. . O O
"""

IOB2 = {"O"} | {p + t for p in ("B-", "I-") for t in ("PER", "LOC", "ORG", "MISC")}


def run(dossier, *args, stdin=None):
    return subprocess.run([dossier, *args], input=stdin, capture_output=True, timeout=TIMEOUT)


def model_path(repo_root):
    return os.path.join(repo_root, "models", "ner.model")


def test_tag_conll_keeps_every_line(dossier, repo_root, tmp_path):
    if not os.path.exists(model_path(repo_root)):
        pytest.skip("no trained entity model")
    f = tmp_path / "in.conll"
    f.write_text(CONLL)
    r = run(dossier, "tag", "--conll", str(f))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode().split("\n")
    src = CONLL.split("\n")
    assert out[-1] == "" and len(out) == len(src)
    for a, b in zip(src, out):
        if not a:
            assert b == ""
        elif a.startswith("-DOCSTART-"):
            assert b == a + " O"
        else:
            assert b.startswith(a + " ")
            assert b.split()[-1] in IOB2
    tags = {l.split()[0]: l.split()[-1] for l in out if l and not l.startswith("-DOCSTART-")}
    assert tags["EU"] == "B-ORG"
    assert tags["German"] == "B-MISC"
    assert tags["Peter"] == "B-PER" and tags["Blackburn"] == "I-PER"
    assert tags["BRUSSELS"] == "B-LOC"
    assert tags["Commission"] == "I-ORG"


def test_tag_conll_empty_and_token_only(dossier, repo_root, tmp_path):
    if not os.path.exists(model_path(repo_root)):
        pytest.skip("no trained entity model")
    empty = tmp_path / "empty.conll"
    empty.write_text("")
    r = run(dossier, "tag", "--conll", str(empty))
    assert r.returncode == 0 and r.stdout == b""
    r = run(dossier, "tag", "--conll", "-", stdin="Angela\nMerkel\nvisited\nParis\n\n".encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().split("\n")[:5] == ["Angela B-PER", "Merkel I-PER", "visited O", "Paris B-LOC", ""]


def test_tag_plain_text(dossier, repo_root, tmp_path):
    if not os.path.exists(model_path(repo_root)):
        pytest.skip("no trained entity model")
    f = tmp_path / "news.txt"
    f.write_text("Prime Minister Keir Starmer's visit to Washington was welcomed by the White House.\n")
    r = run(dossier, "tag", str(f))
    assert r.returncode == 0, r.stderr
    rows = [l.split("\t") for l in r.stdout.decode().splitlines()]
    texts = {row[4]: row[1] for row in rows}
    assert texts.get("Keir Starmer") == "PER"  # the possessive 's stays outside
    assert texts.get("Washington") == "LOC"
    data = f.read_bytes()
    for row in rows:
        assert data[int(row[2]):int(row[3])].decode() == row[4]


def test_train_ner_smoke(dossier, tmp_path):
    train = tmp_path / "train.conll"
    train.write_text(CONLL * 3)
    out = tmp_path / "ner.model"
    r = run(dossier, "train", "ner", "--train", str(train), "--dev", str(train), "--out", str(out),
            "--epochs", "3", "--bits", "16", "--gazetteers", str(tmp_path / "none"),
            "--clusters", str(tmp_path / "none.txt"))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:4] == b"DSLM"
    assert b"overall" in r.stdout
    # Deterministic: the same seed gives the same bytes.
    out2 = tmp_path / "ner2.model"
    r = run(dossier, "train", "ner", "--train", str(train), "--out", str(out2), "--epochs", "3", "--bits", "16",
            "--gazetteers", str(tmp_path / "none"), "--clusters", str(tmp_path / "none.txt"))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == out2.read_bytes()


def test_train_ner_errors(dossier, tmp_path):
    r = run(dossier, "train", "ner")
    assert r.returncode != 0
    r = run(dossier, "train", "ner", "--train", str(tmp_path / "missing.conll"))
    assert r.returncode != 0 and b"missing.conll" in r.stderr
