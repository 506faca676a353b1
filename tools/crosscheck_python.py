#!/usr/bin/env python3
"""Generate tests/data/python_codicefiscale_0.12.1.tsv: codes checked by python-codicefiscale.

The Rust test `python_codicefiscale_agreement` (tests/codice_fiscale.rs) reads the file and
checks the crate against what python-codicefiscale 0.12.1 (MIT) says about each code.

Rows: 500 random people (surname/name from random letters, sex, birth date 1930-2025, a
birthplace row of the package's own table valid on the birth date), each giving its code, one
random omocode, two random one-character substitutions and two random adjacent swaps; then 200 codes with a correct check character and a random
birthplace code (letter + 3 digits), to exercise python's birthplace check.
Columns: code, is_valid (0/1), python's error class (syntax, digit, date, birthplace, cin
or -),
and for valid codes: sex, birth date (python's century choice), birthplace code.

How to rerun (the venv is not committed):

    python3 -m venv /tmp/cfvenv && /tmp/cfvenv/bin/pip install python-codicefiscale==0.12.1
    /tmp/cfvenv/bin/python tools/crosscheck_python.py

Python's `decode` picks the century from the current date, so the file records the date it
was generated on in its first line. The output is deterministic for a given seed and date.
"""

import datetime
import random

from codicefiscale import codicefiscale as cf
from codicefiscale.data import get_municipalities_data, get_countries_data

assert cf.__name__ == "codicefiscale.codicefiscale"

OUT = "tests/data/python_codicefiscale_0.12.1.tsv"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def error_class(code):
    try:
        data = cf.decode(code)
    except ValueError as err:
        text = str(err)
        for needle, name in [
            ("invalid syntax", "syntax"),
            ("invalid date", "date"),
            ("wrong birthplace", "birthplace"),
            ("wrong CIN", "cin"),
            # a letter other than LMNPQRSTUV where a digit is expected: int() fails
            ("invalid literal for int()", "digit"),
        ]:
            if needle in text:
                return name, None
        return "other:" + text.replace("\t", " "), None
    return "-", data


def main():
    rng = random.Random(20261122)
    places = [
        p
        for p in get_municipalities_data() + get_countries_data()
        if len(p["code"]) == 4 and p["code"] != "ND"
    ]
    lines = [f"# generated {datetime.date.today().isoformat()} by tools/crosscheck_python.py with python-codicefiscale 0.12.1\n"]
    start = datetime.date(1930, 1, 1).toordinal()
    end = datetime.date(2025, 12, 31).toordinal()
    made = 0
    while made < 500:
        birth = datetime.date.fromordinal(rng.randint(start, end))
        day = birth.isoformat()
        candidates = [
            p
            for p in rng.sample(places, 50)
            if p["date_created"][:10] <= day and (not p["date_deleted"] or day <= p["date_deleted"][:10])
        ]
        if not candidates:
            continue
        place = candidates[0]["code"]
        sex = rng.choice("MF")
        surname = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(2, 10)))
        name = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(2, 10)))
        first15 = cf.encode_lastname(surname) + cf.encode_firstname(name) + cf.encode_birthdate(birth.isoformat(), sex) + place
        code = first15 + cf.encode_cin(first15)
        variants = [code, rng.choice(cf._get_omocodes(code)[1:])]
        for _ in range(2):
            chars = list(rng.choice(variants))
            pos = rng.randrange(16)
            chars[pos] = rng.choice(ALPHABET.replace(chars[pos], ""))
            variants.append("".join(chars))
        for _ in range(2):
            chars = list(rng.choice(variants[:2]))
            pos = rng.randrange(15)
            chars[pos], chars[pos + 1] = chars[pos + 1], chars[pos]
            variants.append("".join(chars))
        for variant in variants:
            err, data = error_class(variant)
            if data is None:
                lines.append(f"{variant}\t0\t{err}\t\t\t\n")
            else:
                lines.append(
                    f"{variant}\t1\t-\t{data['gender']}\t{data['birthdate'].date().isoformat()}\t{data['birthplace']['code']}\n"
                )
        made += 1
    # Codes with a correct check character but a random birthplace code (often not in the table,
    # or not valid on the birth date), to exercise python's birthplace check.
    for _ in range(200):
        birth = datetime.date.fromordinal(rng.randint(start, end))
        sex = rng.choice("MF")
        place = rng.choice("ABCDEFGHILMZ") + f"{rng.randrange(1000):03}"
        first15 = "RSSMRA" + cf.encode_birthdate(birth.isoformat(), sex) + place
        variant = first15 + cf.encode_cin(first15)
        err, data = error_class(variant)
        if data is None:
            lines.append(f"{variant}\t0\t{err}\t\t\t\n")
        else:
            lines.append(
                f"{variant}\t1\t-\t{data['gender']}\t{data['birthdate'].date().isoformat()}\t{data['birthplace']['code']}\n"
            )
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("".join(lines))
    print(f"wrote {OUT}: {len(lines) - 1} rows")


if __name__ == "__main__":
    main()
