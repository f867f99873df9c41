"""End-to-end tests of the `dossier` command line: the built binary on small inputs."""
import json
import os
import subprocess

import pytest

TIMEOUT = 120  # seconds; loading the word lists and models takes about a second
KINDS = {"body", "heading", "list_item", "caption", "media", "consent", "other"}


def run(dossier, *args, stdin=None, cwd=None):
    return subprocess.run(
        [dossier, *args],
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT,
        cwd=cwd,
    )


@pytest.fixture(scope="session")
def example(repo_root):
    path = os.path.join(repo_root, "samples", "crude-scrape-example.txt")
    assert os.path.isfile(path), path
    return path


def input_lines(data):
    """(1-based number, begin, end-after-trimming) of every non-blank line of `data` (bytes)."""
    out = []
    pos = 0
    number = 1
    while True:
        nl = data.find(b"\n", pos)
        end = len(data) if nl < 0 else nl
        line = data[pos:end]
        stripped = line.strip(b" \t\r")
        if stripped:
            lead = len(line) - len(line.lstrip(b" \t\r"))
            out.append((number, pos + lead, pos + lead + len(stripped)))
        if nl < 0:
            break
        pos = nl + 1
        number += 1
    return out


def one_json_line(stdout):
    text = stdout.decode("utf-8")
    assert text.endswith("\n")
    assert text.count("\n") == 1, "expected exactly one line of output"
    return json.loads(text)


def check_document(doc, data, path):
    """The JSON contract for one crude-text document made from the bytes `data`."""
    assert doc["schema_version"] == "1.0"
    assert doc["source"]["path"] == path
    assert doc["source"]["size_bytes"] == len(data)
    blocks = doc["blocks"]
    stories = doc["stories"]
    for b in blocks:
        assert b["kind"] in KINDS
        assert isinstance(b["text"], str) and b["text"]
        assert b["story"] is None or (isinstance(b["story"], int) and 0 <= b["story"] < len(stories))
        assert isinstance(b["source_begin"], int) and isinstance(b["source_end"], int)
        assert 0 <= b["source_begin"] < b["source_end"] <= len(data)

    # Every non-empty input line is exactly one block, in order (no line of these inputs is only a
    # repeated sentence).
    lines = input_lines(data)
    assert len(blocks) == len(lines)
    assert doc["source"]["lines"] == len(lines)
    # Lines where a glued word was repaired or a repeated sentence removed do not read back verbatim.
    repaired = set()
    for i, (_, begin, end) in enumerate(lines):
        for r in doc["repairs"]:
            if begin <= r["source_begin"] and r["source_end"] <= end:
                repaired.add(i)
        for d in doc["duplicates"]:
            if begin <= d["removed"]["source_begin"] < end:
                repaired.add(i)
    for i, ((number, begin, end), b) in enumerate(zip(lines, blocks)):
        assert b["line"] == number
        assert b["source_begin"] == begin, f"block {i}"
        if i not in repaired:
            assert b["source_end"] == end, f"block {i}"
            assert data[begin:end].decode("utf-8") == b["text"], f"block {i}"

    # Stories: ordered, disjoint block ranges with the blocks marked.
    prev_last = -1
    for s, st in enumerate(stories):
        assert isinstance(st["title"], str)
        assert prev_last < st["first_block"] <= st["last_block"] < len(blocks)
        prev_last = st["last_block"]
        for i in range(st["first_block"], st["last_block"] + 1):
            assert blocks[i]["story"] == s

    for d in doc["duplicates"]:
        for side in ("kept", "removed"):
            assert 0 <= d[side]["source_begin"] < d[side]["source_end"] <= len(data)
        removed = data[d["removed"]["source_begin"]:d["removed"]["source_end"]].decode("utf-8")
        kept = data[d["kept"]["source_begin"]:d["kept"]["source_end"]].decode("utf-8")
        assert removed == d["text"]
        assert kept == d["text"]


# --- help ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"], ["segment", "--help"]])
def test_help(dossier, args):
    r = run(dossier, *args)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "Usage:" in out
    if args[0] == "analyze":
        assert "--format" in out
    if args[0] == "segment":
        assert "file" in out


def test_no_subcommand_is_an_error(dossier):
    r = run(dossier)
    assert r.returncode != 0
    assert r.stdout == b""
    err = r.stderr.decode()
    assert err.strip() and err.count("\n") == 1


# --- analyze ---------------------------------------------------------------------------------------

def test_analyze_example(dossier, example):
    r = run(dossier, "analyze", example)
    assert r.returncode == 0, r.stderr
    doc = one_json_line(r.stdout)
    data = open(example, "rb").read()
    check_document(doc, data, example)
    assert len(doc["blocks"]) == 89

    # The glued words of the example (README: lines 8 and 36) are repaired, and nothing else is.
    repairs = sorted((x["kind"], x["before"], x["after"]) for x in doc["repairs"])
    assert repairs == [
        ("glued_words", "Wednesdaymorning", "Wednesday morning"),
        ("glued_words", "theshortfall", "the shortfall"),
    ]
    for x in doc["repairs"]:
        assert data[x["source_begin"]:x["source_end"]].decode() == x["before"]

    # The repeated sentence (README): whole line 68 is kept, the copy at the end of line 82 removed.
    lines = data.split(b"\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    assert len(doc["duplicates"]) == 1
    d = doc["duplicates"][0]
    assert d["text"] == lines[67].decode()
    assert d["kept"]["source_begin"] == starts[67]
    assert d["kept"]["source_end"] == starts[67] + len(lines[67])
    assert d["removed"]["source_end"] == starts[81] + len(lines[81])
    assert d["removed"]["source_begin"] == starts[81] + len(lines[81]) - len(lines[67])
    block82 = next(b for b in doc["blocks"] if b["line"] == 82)
    assert block82["text"] == lines[81].decode()[: -len(lines[67].decode()) - 1]


def test_analyze_two_files_give_two_lines_in_order(dossier, example, tmp_path):
    small = tmp_path / "small.txt"
    small.write_bytes("Ferry services resume after storm\nThe first ferry left at 6am.\n".encode())
    r = run(dossier, "analyze", str(small), example)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode().split("\n")
    assert len(out) == 3 and out[2] == ""
    first, second = json.loads(out[0]), json.loads(out[1])
    check_document(first, small.read_bytes(), str(small))
    check_document(second, open(example, "rb").read(), example)
    assert [b["text"] for b in first["blocks"]] == ["Ferry services resume after storm", "The first ferry left at 6am."]


def test_analyze_stdin(dossier):
    data = "Harbour fees to rise\r\n\r\nThe port said fees would rise by 4% from April.\r\n".encode()
    r = run(dossier, "analyze", "-", stdin=data)
    assert r.returncode == 0, r.stderr
    doc = one_json_line(r.stdout)
    check_document(doc, data, "-")
    assert [b["text"] for b in doc["blocks"]] == ["Harbour fees to rise", "The port said fees would rise by 4% from April."]
    assert [b["line"] for b in doc["blocks"]] == [1, 3]


def test_analyze_missing_file_among_good_ones(dossier, example, tmp_path):
    missing = str(tmp_path / "no-such-file.txt")
    small = tmp_path / "small.txt"
    small.write_bytes(b"One line of text about the harbour.\n")
    r = run(dossier, "analyze", example, missing, str(small))
    assert r.returncode != 0
    err = r.stderr.decode()
    assert err.count("\n") == 1, err
    assert "no-such-file.txt" in err
    out = r.stdout.decode().split("\n")
    assert len(out) == 3 and out[2] == ""
    assert json.loads(out[0])["source"]["path"] == example
    assert json.loads(out[1])["source"]["path"] == str(small)


def test_analyze_directory_is_an_error(dossier, tmp_path):
    r = run(dossier, "analyze", str(tmp_path))
    assert r.returncode != 0
    assert r.stdout == b""
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "directory" in err


def test_analyze_unknown_flag(dossier, example):
    r = run(dossier, "analyze", "--no-such-flag", example)
    assert r.returncode != 0
    assert r.stdout == b""
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "--no-such-flag" in err


def test_analyze_bad_format_value(dossier, example):
    r = run(dossier, "analyze", "--format", "yaml", example)
    assert r.returncode != 0
    assert r.stdout == b""
    assert r.stderr.decode().count("\n") == 1


def test_analyze_empty_file(dossier, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run(dossier, "analyze", str(empty))
    assert r.returncode == 0, r.stderr
    doc = one_json_line(r.stdout)
    assert doc["blocks"] == [] and doc["stories"] == [] and doc["duplicates"] == [] and doc["repairs"] == []
    assert doc["source"]["lines"] == 0 and doc["source"]["size_bytes"] == 0


def test_analyze_invalid_utf8_gives_valid_json(dossier, tmp_path):
    bad = tmp_path / "bad.txt"
    data = b"Fees for \xff\xfe berths will rise by 4% next year.\n"
    bad.write_bytes(data)
    r = run(dossier, "analyze", str(bad))
    assert r.returncode == 0, r.stderr
    doc = one_json_line(r.stdout)  # json.loads would fail on invalid UTF-8
    assert doc["source"]["invalid_bytes_replaced"] == 2
    assert doc["blocks"][0]["text"] == "Fees for \ufffd\ufffd berths will rise by 4% next year."
    assert (doc["blocks"][0]["source_begin"], doc["blocks"][0]["source_end"]) == (0, len(data) - 1)


@pytest.mark.parametrize("fmt,head", [("text", "== "), ("markdown", "# ")])
def test_analyze_human_formats(dossier, example, fmt, head):
    # Which blocks are article text and which are leftovers is the model's call; take it from the
    # JSON so that this test checks the rendering, not the classifier.
    doc = one_json_line(run(dossier, "analyze", example).stdout)
    article = [b["text"] for b in doc["blocks"] if b["kind"] in ("body", "heading", "list_item")]
    leftovers = [b["text"] for b in doc["blocks"] if b["kind"] in ("media", "consent", "other")]
    assert article and leftovers

    r = run(dossier, "analyze", "--format", fmt, example)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    first = out.split("\n", 1)[0]
    assert first.startswith(head) and example in first
    with pytest.raises(json.JSONDecodeError):
        json.loads(first)
    # The article text is there, with the glued word repaired...
    assert "The budget closes most of the shortfall by drawing $6.1m" in out
    assert "theshortfall" not in out.split("Repairs")[0]
    # ...and every leftover is listed apart, after the articles.
    assert out.count("Leftovers") == 1
    leftovers_at = out.index("Leftovers")
    stories_text = out[:leftovers_at]
    leftovers_text = out[leftovers_at:]
    for text in leftovers:
        assert text in leftovers_text, text
    for text in article:
        assert text in stories_text, text
    for s in doc["stories"]:
        if s["title"]:
            assert s["title"] in stories_text
    # Both repairs and the removed repeat are listed at the end.
    repairs_text = out[out.index("Repairs"):]
    assert "theshortfall -> the shortfall" in repairs_text
    assert "Wednesdaymorning -> Wednesday morning" in repairs_text
    assert doc["duplicates"][0]["text"] in repairs_text


# --- segment ---------------------------------------------------------------------------------------

UNITS = [
    "The council approved the budget after a long debate in the chamber.",
    "Council members argued about property taxes and the city budget for hours.",
    "The mayor said the budget would keep bus routes and libraries open.",
    "Taxpayers criticised the council for raising property taxes again.",
    "The finance committee said city reserves would fall to a record low.",
    "Heavy rain caused the river to burst its banks overnight.",
    "Floodwater poured into homes as the river rose through the valley.",
    "Rescue crews used boats to reach residents trapped by the flood.",
    "Forecasters warned that more rain would fall on flooded ground.",
    "The river is expected to peak on Friday as the flood spreads.",
]


def segment_starts(dossier, path):
    r = run(dossier, "segment", str(path))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert out.endswith("\n") and out.count("\n") == 1
    return [int(x) for x in out.split()]


def test_segment_ignores_separator_lines(dossier, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(UNITS) + "\n")
    separated = tmp_path / "separated.txt"
    separated.write_text("==========\n" + "\n".join(UNITS[:5]) + "\n==========\n" + "\n".join(UNITS[5:]) +
                         "\n==========\n")
    spaced = tmp_path / "spaced.txt"
    spaced.write_text("\n\n".join(UNITS) + "\n\n")
    a = segment_starts(dossier, plain)
    assert a[0] == 1
    assert a == sorted(set(a))
    assert all(1 <= x <= len(UNITS) for x in a)
    assert segment_starts(dossier, separated) == a
    assert segment_starts(dossier, spaced) == a


@pytest.mark.parametrize("content", [b"", b"\n", b"==========\n", b"  \r\n\n"])
def test_segment_empty_input(dossier, tmp_path, content):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    r = run(dossier, "segment", str(empty))
    assert r.returncode == 0, r.stderr
    assert r.stdout == b"\n"


def test_segment_single_unit(dossier, tmp_path):
    one = tmp_path / "one.txt"
    one.write_text(UNITS[0] + "\n")
    assert segment_starts(dossier, one) == [1]


def test_segment_missing_file(dossier, tmp_path):
    r = run(dossier, "segment", str(tmp_path / "nope.txt"))
    assert r.returncode != 0
    assert r.stdout == b""
    assert r.stderr.decode().count("\n") == 1


def test_segment_unsupervised_is_the_penalty_path(dossier, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(UNITS) + "\n")
    r = run(dossier, "segment", str(plain), "--unsupervised")
    assert r.returncode == 0, r.stderr
    default_penalty = run(dossier, "segment", str(plain), "--penalty", "1")
    assert r.stdout == default_penalty.stdout
    starts = [int(x) for x in r.stdout.split()]
    assert starts[0] == 1 and starts == sorted(set(starts))


def test_segment_missing_model_is_an_error(dossier, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(UNITS) + "\n")
    r = run(dossier, "segment", str(plain), "--model", str(tmp_path / "none.model"))
    assert r.returncode != 0
    assert r.stdout == b""
    assert "none.model" in r.stderr.decode()
