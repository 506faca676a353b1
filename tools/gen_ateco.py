#!/usr/bin/env python3
"""Generate src/ateco/data.rs: the ATECO 2007 (aggiornamento 2022) and ATECO 2025 structures with
their official titles, ISTAT's correspondence 2025 vs 2022, and the law's sector lists on the
ATECO 2025 side, derived through that correspondence.

Source: the data files shipped in the PyPI package ateco 1.0.0
(https://pypi.org/project/ateco/1.0.0/, code MIT (c) DLRSP), which vendors ISTAT's open data
(CC-BY 4.0, attribution: Istituto Nazionale di Statistica, Classificazione ATECO) with the URL and
sha256 of each ISTAT file in ateco/data/provenance.json. Files read:

    ateco/data/2022/nodes.json                  ATECO 2007 aggiornamento 2022
    ateco/data/2025/nodes.json                  ATECO 2025
    ateco/data/correspondence/2025_2022.json    ISTAT "Corrispondenza bidirezionale 2025 vs 2022"
    ateco/data/provenance.json                  ISTAT URLs and sha256

The original ATECO 2007 structure (ateco/data/2007) is not used: INPS's lists (circ. 75/2023) are
written in codes of the 2022 update (93.21.01 exists only there), which is the "ATECO 2007" edition
of the crate.

The 2025 side of each sector list: a 2025 subcategory is LISTED when every 2022 code ISTAT maps it
to is on the list, AMBIGUOUS when some are and some are not (e.g. 93.29.99, which holds part of
82.30.00), and not on the list otherwise; for the lists that are whole sections (construction F,
mining B, agriculture A), every 2025 subcategory of the section is LISTED as well. A 2025 subcategory without a subcategory-level row in
ISTAT's table takes the rows of its nearest ancestor that has some (counted in the header). The
sector lists in ATECO 2007 codes are SECTOR_PREFIXES below, a copy of `Sector::prefixes` in
src/ateco/mod.rs; the generated file repeats them (DERIVED_FROM) and a unit test checks that they
are equal.

How to rerun (from the repository root; the wheel is gitignored):

    pip download ateco==1.0.0 --no-deps -d tools/
    python3 tools/gen_ateco.py tools/ateco-1.0.0-py3-none-any.whl

The output is deterministic (rows sorted by code) and already formatted for rustfmt.
"""

import hashlib
import json
import re
import sys
import zipfile

VERSION = "1.0.0"
WHEEL = f"ateco-{VERSION}-py3-none-any.whl"
OUT = "src/ateco/data.rs"
FILES = {
    "2007": "ateco/data/2022/nodes.json",
    "2025": "ateco/data/2025/nodes.json",
    "correspondence": "ateco/data/correspondence/2025_2022.json",
    "provenance": "ateco/data/provenance.json",
}
CODE = re.compile(r"\d\d(\.\d(\d(\.\d\d?)?)?)?")

# Copy of `Sector::prefixes` (src/ateco/mod.rs), in ATECO 2007 (aggiornamento 2022) codes.
SECTOR_PREFIXES = [
    ("EventsThermalParks", ["82.30.00", "96.04.20", "93.21.01", "96.09.05"]),
    ("Nightlife", ["93.29.1"]),
    ("Hospitality", ["55"]),
    ("Construction", ["41", "42", "43"]),
    ("StoneWorking", ["08.11", "23.70"]),
    ("Mining", ["05", "06", "07", "08", "09"]),
    ("Agriculture", ["01", "02", "03"]),
]


# The sectors that are whole ATECO sections (reading R-SECTOR-ATECO): F, B and A.
SECTION_SECTORS = {"Construction", "Mining", "Agriculture"}


def digits(code):
    return code.replace(".", "")


def within(code, prefix):
    return digits(code).startswith(digits(prefix))


def rust_str(text):
    return json.dumps(text, ensure_ascii=False)


def load_nodes(raw, edition):
    nodes = json.loads(raw)["nodes"]
    codes = {}
    sections = []
    for node in nodes:
        code, level, title = node["code"], node["level"], node["title"]
        clean = " ".join(title.split())
        if not clean:
            raise SystemExit(f"{edition} {code}: empty title")
        if level == "section":
            if not re.fullmatch(r"[A-Z]", code):
                raise SystemExit(f"{edition}: bad section {code!r}")
            sections.append((code, clean))
            continue
        if not CODE.fullmatch(code):
            raise SystemExit(f"{edition}: bad code {code!r}")
        expected = {2: "division", 3: "group", 4: "class", 5: "category", 6: "subcategory"}
        if expected[len(digits(code))] != level:
            raise SystemExit(f"{edition} {code}: level {level} does not match its length")
        if code in codes:
            raise SystemExit(f"{edition}: {code} twice")
        codes[code] = (clean, node["parent"])
    # Each section: its contiguous range of divisions.
    ranges = []
    for letter, title in sorted(sections):
        divisions = sorted(int(c) for c, (_, parent) in codes.items() if len(c) == 2 and parent == letter)
        if not divisions or divisions != list(range(divisions[0], divisions[-1] + 1)):
            raise SystemExit(f"{edition} section {letter}: divisions not contiguous: {divisions}")
        ranges.append((letter, title, divisions[0], divisions[-1]))
    return codes, ranges


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    with open(sys.argv[1], "rb") as f:
        wheel_bytes = f.read()
    wheel_sha = hashlib.sha256(wheel_bytes).hexdigest()
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        meta = wheel.read(f"ateco-{VERSION}.dist-info/METADATA").decode()
        if f"\nVersion: {VERSION}\n" not in meta:
            raise SystemExit(f"wheel is not ateco {VERSION}")
        raw = {key: wheel.read(path) for key, path in FILES.items()}
    shas = {key: hashlib.sha256(data).hexdigest() for key, data in raw.items()}
    provenance = json.loads(raw["provenance"])
    istat = {s.get("edition", s.get("kind")): s for s in provenance["sources"]}

    codes_2007, sections_2007 = load_nodes(raw["2007"], "2007")
    codes_2025, sections_2025 = load_nodes(raw["2025"], "2025")
    leaves_2007 = sorted(c for c in codes_2007 if len(digits(c)) == 6)
    leaves_2025 = sorted(c for c in codes_2025 if len(digits(c)) == 6)

    corr = json.loads(raw["correspondence"])
    if (corr["from_edition"], corr["to_edition"]) != ("2025", "2022"):
        raise SystemExit("correspondence is not 2025 -> 2022")
    rows = corr["mappings"]
    if len(rows) != corr["row_count"]:
        raise SystemExit("correspondence row count mismatch")
    by_2025 = {}
    for row in rows:
        a, b = row["code_2025"], row["code_2022"]
        if len(a) == 1:  # section rows: not needed
            continue
        if a not in codes_2025 or b not in codes_2007:
            raise SystemExit(f"correspondence row {a} -> {b} names an unknown code")
        by_2025.setdefault(a, set()).add(b)

    # 2025 subcategory -> 2022 codes (subcategories, or an ancestor's rows where ISTAT gives none).
    origins = {}
    fallbacks = []
    for leaf in leaves_2025:
        node = leaf
        while node not in by_2025:
            parent = codes_2025[node][1]
            if parent is None or len(parent) == 1:
                raise SystemExit(f"2025 {leaf}: no correspondence at any level")
            node = parent
        if node != leaf:
            fallbacks.append((leaf, node))
        origins[leaf] = sorted(by_2025[node])
    mapped_2022 = {o for os in origins.values() for o in os}
    unmapped = [c for c in leaves_2007 if not any(within(c, o) or within(o, c) for o in mapped_2022)]
    if unmapped:
        raise SystemExit(f"2022 subcategories without a 2025 counterpart: {unmapped}")

    def membership_2022(code, prefixes):
        """'in', 'out' or 'mixed' for a 2022 code (a subcategory, or a group via its leaves)."""
        leaves = [c for c in leaves_2007 if within(c, code)] or [code]
        flags = {any(within(c, p) for p in prefixes) for c in leaves}
        return "mixed" if len(flags) == 2 else ("in" if flags == {True} else "out")

    derived = []
    for sector, prefixes in SECTOR_PREFIXES:
        for p in prefixes:
            if p not in codes_2007:
                raise SystemExit(f"{sector}: prefix {p} is not an ATECO 2007 code")
        listed, ambiguous = [], []
        for leaf in leaves_2025:
            kinds = {membership_2022(o, prefixes) for o in origins[leaf]}
            # A list that is whole sections (A, B, F: their divisions are the same in both
            # editions) holds every 2025 code of those sections, whatever ISTAT maps it to; a
            # code outside them whose origins are in them stays listed or ambiguous (the wider
            # reading, R-SECTOR-ATECO).
            if sector in SECTION_SECTORS and any(within(leaf, p) for p in prefixes):
                listed.append(leaf)
            elif kinds == {"in"}:
                listed.append(leaf)
            elif kinds != {"out"}:
                ambiguous.append(leaf)
        derived.append((sector, prefixes, listed, ambiguous))

    out = []
    w = out.append
    w("// @generated by tools/gen_ateco.py -- do not edit by hand.\n")
    w("//\n")
    w(f"// Source: the PyPI package ateco {VERSION} ({WHEEL}, sha256 {wheel_sha}),\n")
    w("// code MIT (c) DLRSP, vendoring ISTAT open data. Files read, with their sha256:\n")
    for key, path in FILES.items():
        w(f"//   {path} {shas[key]}\n")
    w("// The ISTAT files behind them (from provenance.json, URL and sha256):\n")
    for key, label in [("2022", "ATECO 2007 aggiornamento 2022"), ("2025", "ATECO 2025"), ("correspondence", "Corrispondenza 2025 vs 2022")]:
        s = istat[key]
        w(f"//   {label}: {s['url']}\n//     sha256 {s['sha256']}\n")
    w("// Licence of the data: CC-BY 4.0, Istituto Nazionale di Statistica (ISTAT), Classificazione\n")
    w("// ATECO (https://www.istat.it/classificazione/documenti-ateco/).\n")
    w("//\n")
    w(f"// Rows: ATECO 2007 (aggiornamento 2022) {len(codes_2007)} codes ({len(leaves_2007)} subcategories),\n")
    w(f"// {len(sections_2007)} sections; ATECO 2025 {len(codes_2025)} codes ({len(leaves_2025)} subcategories),\n")
    w(f"// {len(sections_2025)} sections; correspondence {sum(len(v) for v in origins.values())} rows for the\n")
    w(f"// {len(leaves_2025)} ATECO 2025 subcategories ({len(fallbacks)} through an ancestor: ")
    w(", ".join(f"{a} via {b}" for a, b in fallbacks) + ").\n")
    w("// Titles are ISTAT's, with runs of white space collapsed.\n")
    w("// Rerun: pip download ateco==1.0.0 --no-deps -d tools/ &&\n")
    w("//        python3 tools/gen_ateco.py tools/ateco-1.0.0-py3-none-any.whl\n\n")
    w("use super::Sector;\n\n")
    for edition, codes, sections, name in [
        ("ATECO 2007 (aggiornamento 2022)", codes_2007, sections_2007, "2007"),
        ("ATECO 2025", codes_2025, sections_2025, "2025"),
    ]:
        w(f"/// The sections of {edition}: letter, title, first and last division.\n")
        w("#[rustfmt::skip]\n")
        w(f"pub(super) static SECTIONS_{name}: &[(char, &str, u8, u8)] = &[\n")
        for letter, title, first, last in sections:
            w(f"    ('{letter}', {rust_str(title)}, {first}, {last}),\n")
        w("];\n\n")
        w(f"/// Every code of {edition} below the sections, sorted, with its title.\n")
        w("#[rustfmt::skip]\n")
        w(f"pub(super) static CODES_{name}: &[(&str, &str)] = &[\n")
        for code in sorted(codes):
            w(f"    ({rust_str(code)}, {rust_str(codes[code][0])}),\n")
        w("];\n\n")
    w("/// ISTAT's correspondence: each ATECO 2025 subcategory with the ATECO 2007 (aggiornamento\n")
    w("/// 2022) codes it maps to, sorted.\n")
    w("#[rustfmt::skip]\n")
    w("pub(super) static CORRESPONDENCE: &[(&str, &str)] = &[\n")
    for leaf in leaves_2025:
        for o in origins[leaf]:
            w(f"    ({rust_str(leaf)}, {rust_str(o)}),\n")
    w("];\n\n")
    w("/// The ATECO 2007 prefixes each 2025 list below was derived from (a copy of\n")
    w("/// `Sector::prefixes`, checked by a unit test).\n")
    w("#[cfg(test)]\n")
    w("#[rustfmt::skip]\n")
    w("pub(super) static DERIVED_FROM: &[(Sector, &[&str])] = &[\n")
    for sector, prefixes, _, _ in derived:
        w(f"    (Sector::{sector}, &[{', '.join(rust_str(p) for p in prefixes)}]),\n")
    w("];\n\n")
    w("/// Each list on the ATECO 2025 side: the subcategories whose every origin is on the list, and\n")
    w("/// those whose origins are partly on it (ambiguous), sorted.\n")
    w("#[rustfmt::skip]\n")
    w("pub(super) static SECTORS_2025: &[(Sector, &[&str], &[&str])] = &[\n")
    for sector, _, listed, ambiguous in derived:
        w(f"    (\n        Sector::{sector},\n")
        w(f"        &[{', '.join(rust_str(c) for c in listed)}],\n")
        w(f"        &[{', '.join(rust_str(c) for c in ambiguous)}],\n    ),\n")
    w("];\n")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("".join(out))
    print(f"wrote {OUT}: {len(codes_2007)} + {len(codes_2025)} codes, "
          f"{sum(len(v) for v in origins.values())} correspondence rows, fallbacks {fallbacks}")
    for sector, _, listed, ambiguous in derived:
        print(f"  {sector}: {len(listed)} listed, {len(ambiguous)} ambiguous {ambiguous}")


if __name__ == "__main__":
    main()
