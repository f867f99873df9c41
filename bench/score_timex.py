#!/usr/bin/python3
"""TempEval-3 TIMEX3 scorer on character offsets (../shared/data/nlp/time/PROTOCOL.md).

Usage: score_timex.py GOLD_DIR SYSTEM_DIR [--json] [--per-doc] [--errors]

GOLD_DIR holds X.tml files; SYSTEM_DIR holds the system's files for them, named X.tml,
X.tml.TE3input or X.tml.TE3input.tml (suffixes .tml, .TE3input and .xml are removed to pair them).
Prints strict / relaxed extent P R F1, value P R F1 and type accuracy, micro-averaged over the
documents (section 5). Standard library only.
"""

import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET

SUFFIXES = (".tml", ".TE3input", ".xml")


def doc_key(name):
    """The pairing key of a file name: X once .tml, .TE3input and .xml are removed (section 6)."""
    changed = True
    while changed:
        changed = False
        for s in SUFFIXES:
            if name.endswith(s) and len(name) > len(s):
                name = name[: -len(s)]
                changed = True
    return name


class Timex:
    __slots__ = ("start", "end", "type", "value", "text")

    def __init__(self, start, end, type_, value, text):
        self.start, self.end, self.type, self.value, self.text = start, end, type_, value, text

    def __repr__(self):
        return f"Timex({self.start},{self.end},{self.type!r},{self.value!r},{self.text!r})"


def parse_document(data):
    """Returns (text content of <TEXT>, [Timex]) of a TimeML document given as bytes or str.

    The text content has every tag removed and references decoded; the XML parser normalises line
    ends (CR LF and lone CR become LF). Extents are trimmed of whitespace; empty ones and any
    TIMEX3 with functionInDocument="CREATION_TIME" are dropped (section 2). Nested TIMEX3 are each
    an expression of their own. Raises ValueError when the document cannot be parsed or has no
    <TEXT>.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise ValueError(f"not well-formed XML: {e}") from None
    text_el = root if root.tag == "TEXT" else root.find(".//TEXT")
    if text_el is None:
        raise ValueError("no <TEXT> element")
    parts = []
    length = [0]
    found = []

    def add(s):
        if s:
            parts.append(s)
            length[0] += len(s)

    def walk(el):
        add(el.text)
        for child in el:
            start = length[0]
            walk(child)
            if child.tag == "TIMEX3":
                found.append((start, length[0], child))
            add(child.tail)

    walk(text_el)
    content = "".join(parts)
    timexes = []
    for start, end, el in found:
        if el.get("functionInDocument") == "CREATION_TIME":
            continue
        while start < end and content[start].isspace():
            start += 1
        while end > start and content[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        timexes.append(Timex(start, end, el.get("type", ""), el.get("value", ""), content[start:end]))
    return content, timexes


def match(gold, system):
    """One-to-one pairing (section 4). Returns (strict pairs, relaxed pairs) as lists of (g, s)
    index pairs; every strict pair is also in the relaxed list."""
    strict = []
    used_g, used_s = set(), set()
    by_extent = {}
    for si, s in enumerate(system):
        by_extent.setdefault((s.start, s.end), []).append(si)
    for gi, g in enumerate(gold):
        cands = by_extent.get((g.start, g.end))
        while cands:
            si = cands.pop(0)
            if si not in used_s:
                strict.append((gi, si))
                used_g.add(gi)
                used_s.add(si)
                break
    overlaps = []
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for si, s in enumerate(system):
            if si in used_s:
                continue
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov >= 1:
                overlaps.append((-ov, g.start, s.start, gi, si))
    overlaps.sort()
    relaxed = list(strict)
    for _, _, _, gi, si in overlaps:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        relaxed.append((gi, si))
    return strict, relaxed


class Counts:
    def __init__(self):
        self.G = self.S = self.Ms = self.Mr = self.V = self.T = 0

    def add(self, other):
        for k in ("G", "S", "Ms", "Mr", "V", "T"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score_pair(gold, system):
    """Counts for one document's gold and system Timex lists."""
    c = Counts()
    c.G, c.S = len(gold), len(system)
    strict, relaxed = match(gold, system)
    c.Ms, c.Mr = len(strict), len(relaxed)
    c.V = sum(1 for gi, si in relaxed if gold[gi].value == system[si].value)
    c.T = sum(1 for gi, si in relaxed if gold[gi].type == system[si].type)
    return c


def _q(a, b):
    return a / b if b else 0.0


def _f(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def metrics(c):
    """Section 5: P, R, F1 of strict, relaxed, value and type; value and type accuracy."""
    out = {"G": c.G, "S": c.S, "Ms": c.Ms, "Mr": c.Mr, "V": c.V, "T": c.T}
    for name, n in (("strict", c.Ms), ("relaxed", c.Mr), ("value", c.V), ("type", c.T)):
        p, r = _q(n, c.S), _q(n, c.G)
        out[name] = {"P": p, "R": r, "F1": _f(p, r)}
    out["value_accuracy"] = _q(c.V, c.Mr)
    out["type_accuracy"] = _q(c.T, c.Mr)
    return out


def read_file(path):
    with open(path, "rb") as f:
        return f.read()


def score_dirs(gold_dir, system_dir, errors=None, per_doc=None):
    """Scores every X.tml of gold_dir against its system file. `errors`, when a list, receives
    (doc, kind, gold Timex or None, system Timex or None) for every miss, spurious expression and
    value/type/extent difference; `per_doc`, when a dict, receives each document's Counts."""
    system_files = {}
    if os.path.isdir(system_dir):
        for name in os.listdir(system_dir):
            system_files.setdefault(doc_key(name), os.path.join(system_dir, name))
    total = Counts()
    problems = []
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".tml"):
            continue
        key = doc_key(name)
        gold_text, gold = parse_document(read_file(os.path.join(gold_dir, name)))
        system = []
        sys_path = system_files.get(key)
        if sys_path is None:
            problems.append(f"{key}: no system file")
        else:
            try:
                sys_text, system = parse_document(read_file(sys_path))
                if sys_text != gold_text:
                    problems.append(f"{key}: system text content differs from the gold")
                    system = []
            except (ValueError, OSError) as e:
                problems.append(f"{key}: {e}")
                system = []
        c = score_pair(gold, system)
        total.add(c)
        if per_doc is not None:
            per_doc[key] = c
        if errors is not None:
            _collect_errors(key, gold, system, errors)
    return total, problems


def _collect_errors(key, gold, system, errors):
    strict, relaxed = match(gold, system)
    strict_set = set(strict)
    paired_g = {gi for gi, _ in relaxed}
    paired_s = {si for _, si in relaxed}
    for gi, si in relaxed:
        g, s = gold[gi], system[si]
        kinds = []
        if (gi, si) not in strict_set:
            kinds.append("extent")
        if g.value != s.value:
            kinds.append("value")
        if g.type != s.type:
            kinds.append("type")
        if kinds:
            errors.append((key, "+".join(kinds), g, s))
    for gi, g in enumerate(gold):
        if gi not in paired_g:
            errors.append((key, "missed", g, None))
    for si, s in enumerate(system):
        if si not in paired_s:
            errors.append((key, "spurious", None, s))


def format_table(m, label="set"):
    rows = [
        f"{label}: G={m['G']} S={m['S']}",
        "            P       R       F1",
    ]
    for name in ("strict", "relaxed", "value", "type"):
        r = m[name]
        rows.append(f"{name:8s}  {r['P']:.4f}  {r['R']:.4f}  {r['F1']:.4f}")
    rows.append(f"value accuracy {m['value_accuracy']:.4f}   type accuracy {m['type_accuracy']:.4f}")
    return "\n".join(rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir")
    ap.add_argument("system_dir")
    ap.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    ap.add_argument("--per-doc", action="store_true", help="also list each document's counts")
    ap.add_argument("--errors", action="store_true", help="list every error (tab-separated)")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.gold_dir):
        print(f"score_timex: not a directory: {args.gold_dir}", file=sys.stderr)
        return 2
    errors = [] if args.errors else None
    per_doc = {} if args.per_doc else None
    total, problems = score_dirs(args.gold_dir, args.system_dir, errors, per_doc)
    for p in problems:
        print(f"score_timex: {p}", file=sys.stderr)
    m = metrics(total)
    if args.json:
        print(json.dumps(m, sort_keys=True))
    else:
        print(format_table(m, os.path.basename(os.path.normpath(args.gold_dir))))
    if per_doc is not None:
        for key, c in per_doc.items():
            print(f"{key}\tG={c.G}\tS={c.S}\tstrict={c.Ms}\trelaxed={c.Mr}\tvalue={c.V}\ttype={c.T}")
    if errors is not None:
        for key, kind, g, s in errors:
            gt = f"{g.text!r} {g.type} {g.value}" if g else "-"
            st = f"{s.text!r} {s.type} {s.value}" if s else "-"
            print(f"{key}\t{kind}\tgold={gt}\tsys={st}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
