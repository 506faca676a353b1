#!/usr/bin/env python3
"""Cross-check the crate's codice fiscale against python-codicefiscale 0.12.1 (MIT).

Two fixtures, each read by a Rust test in tests/codice_fiscale.rs:

decode: tests/data/python_codicefiscale_0.12.1.tsv (test `python_codicefiscale_agreement`)
    What python-codicefiscale's `decode` says about 3.200 codes. Rows: 500 random people
    (surname/name from random letters, sex, birth date 1930-2025, a birthplace row of the
    package's own table valid on the birth date), each giving its code, one random omocode, two
    random one-character substitutions and two random adjacent swaps; then 200 codes with a
    correct check character and a random birthplace code (letter + 3 digits), to exercise
    python's birthplace check. Columns: code, is_valid (0/1), python's error class (syntax,
    digit, date, birthplace, cin or -), and for valid codes: sex, birth date (python's century
    choice), birthplace code. Python's `decode` picks the century from the current date, so the
    file records the date it was generated on in its first line.

encode: tests/data/python_codicefiscale_0.12.1_encode.tsv (test
    `python_codicefiscale_encode_agreement`)
    What python-codicefiscale's `encode` computes for 10.000 generated people, then for a short
    list of edge cases. The people: surnames and names drawn from Italian ones (with accents,
    apostrophes, spaces and hyphens), foreign ones (umlauts, `ß`, `ø`, `ł`, `ñ`, Vietnamese
    tones), short ones (`Fo`, `Al`, `O`) and random letter strings, some with an accent, an
    apostrophe or a second part added; names with four or more consonants; both sexes; birth
    dates uniform over 1900-01-01 .. 2010-12-31 (every month, every day); birthplaces drawn from
    the package's table (comuni and foreign states) among the rows valid on the birth date.
    The edge cases are inputs where the crate and python are expected to differ, each listed
    with its reason in tests/data/python_codicefiscale_0.12.1_encode_divergences.tsv.
    Columns: id (`p1`..`p10000`, `e1`..), surname, name, sex, birth date, birthplace code,
    python's code or `error`.

How to rerun (the venv is not committed):

    python3 -m venv /tmp/cfvenv && /tmp/cfvenv/bin/pip install python-codicefiscale==0.12.1
    /tmp/cfvenv/bin/python tools/crosscheck_python.py encode    # or: decode, or both (default)

The output is deterministic for a given seed (and, for decode, date).
"""

import datetime
import random
import sys

from codicefiscale import codicefiscale as cf
from codicefiscale.data import get_municipalities_data, get_countries_data

assert cf.__name__ == "codicefiscale.codicefiscale"

OUT = "tests/data/python_codicefiscale_0.12.1.tsv"
ENCODE_OUT = "tests/data/python_codicefiscale_0.12.1_encode.tsv"
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


def decode_fixture():
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


# --- encode -------------------------------------------------------------------------------

SURNAMES = [
    "Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
    "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
    "D'Angelo", "Dell'Acqua", "D'Àlessio", "Lo Iacono", "Della Rovere", "De' Medici",
    "Poggi-Longostrevi", "Cantù", "Mazzà", "Forlì", "Papà", "Niccolò", "Santoro",
    "Fo", "Re", "Ai", "O", "Ng", "Li", "Wu", "Eco", "Ue",
    "Müller", "Weiß", "Schröder", "Østergaard", "Łukasiewicz", "Núñez", "Çelik", "Šimić",
    "Dvořák", "Nguyễn", "Ærø", "Groß-Öhler", "O'Brien", "MacLeod", "Van der Berg",
]
NAMES = [
    "Mario", "Giulia", "Luca", "Anna Maria", "Francesco", "Chiara", "Gianfranco", "Maria Grazia",
    "Pier Luigi", "Christian", "Alessandro", "Stefano", "Giuseppe", "Sveva", "Nicolò", "Niccolò",
    "Noemi", "Andrea", "Ilaria", "Federica", "Gian Maria", "Maria Cristina", "Jacopo",
    "Al", "Ugo", "Ea", "Io", "Eva", "Ida", "Bo", "Yu", "Ian", "Oto",
    "Yvonne", "Jürgen", "Björn", "Zoë", "Françoise", "Søren", "Łucja", "José", "Thảo", "Kjell",
]
CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ"
VOWELS = "AEIOU"
ACCENTED = "àèéìíòóùÀÈÉÌÒÙäöüÄÖÜßøØåÅæÆłŁñÑçÇšŠžŽčČěřőűğşıăţșț"


def random_word(rng):
    """A random string of letters, pronounceable or not, of length 1-12."""
    length = rng.choice([1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 12])
    if rng.random() < 0.5:
        letters = [rng.choice(CONSONANTS if i % 2 == 0 else VOWELS) for i in range(length)]
    else:
        letters = [rng.choice(CONSONANTS + VOWELS) for _ in range(length)]
    word = "".join(letters).capitalize()
    return word


def decorate(rng, word):
    """Sometimes an accented letter, an apostrophe, or a second part joined by space/hyphen."""
    chars = list(word)
    if rng.random() < 0.15:
        chars[rng.randrange(len(chars))] = rng.choice(ACCENTED)
    word = "".join(chars)
    if rng.random() < 0.1 and len(word) > 1:
        cut = rng.randint(1, min(3, len(word) - 1))
        word = word[:cut] + rng.choice("'’") + word[cut:]
    if rng.random() < 0.1:
        word = word + rng.choice([" ", "-", "  "]) + random_word(rng)
    return word


def pick(rng, pool):
    return rng.choice(pool) if rng.random() < 0.5 else decorate(rng, random_word(rng))


def valid_on(place, day):
    return place["date_created"][:10] <= day and (
        not place["date_deleted"] or day <= place["date_deleted"][:10]
    )


def python_encode(surname, name, sex, birth, place):
    try:
        return cf.encode(surname, name, sex, birth, place)
    except ValueError:
        return "error"


# Inputs where the crate is expected to differ from python-codicefiscale (reasons in
# tests/data/python_codicefiscale_0.12.1_encode_divergences.tsv), and two where both refuse or
# both accept a birthplace outside its validity.
EDGE = [
    ("Rossi2", "Mario", "M", "1985-12-10", "A562"),      # digit: python drops it
    ("Rossi", "Mario!", "M", "1985-12-10", "A562"),      # symbol: python drops it
    ("Иванов", "Mario", "M", "1985-12-10", "A562"),      # Cyrillic: python transliterates
    ("Rossi", "Νίκος", "F", "1985-12-10", "A562"),       # Greek: python transliterates
    ("'", "Mario", "M", "1985-12-10", "A562"),           # no letters: python writes XXX
    ("Rossi", "Mario", "M", "1799-12-10", "A562"),       # year outside 1800-2099
    ("Rossi", "Mario", "M", "1950-01-10", "A021"),       # Acereto, suppressed in 1929
    ("Rossi", "Mario", "M", "1950-01-10", "H000"),       # never issued: both refuse
    ("Rossi", "Mario", "F", "1900-02-28", "Z404"),       # valid from 1900-01-01: both accept
    ("Rossi", "Mario", "M", "1860-01-01", "A006"),       # created 1867: attributable, both accept
]


def encode_fixture():
    rng = random.Random(20261206)
    places = [
        p
        for p in get_municipalities_data() + get_countries_data()
        if len(p["code"]) == 4 and p["code"] != "ND"
    ]
    lines = [
        f"# generated {datetime.date.today().isoformat()} by tools/crosscheck_python.py encode"
        " with python-codicefiscale 0.12.1\n",
        "# id\tsurname\tname\tsex\tbirth date\tbirthplace\tpython's code or error\n",
    ]
    start = datetime.date(1900, 1, 1).toordinal()
    end = datetime.date(2010, 12, 31).toordinal()
    made = 0
    while made < 10_000:
        birth = datetime.date.fromordinal(rng.randint(start, end))
        day = birth.isoformat()
        candidates = [p for p in rng.sample(places, 60) if valid_on(p, day)]
        if not candidates:
            continue
        place = candidates[0]["code"]
        sex = rng.choice("MF")
        surname = pick(rng, SURNAMES)
        name = pick(rng, NAMES)
        code = python_encode(surname, name, sex, datetime.datetime(birth.year, birth.month, birth.day), place)
        made += 1
        lines.append(f"p{made}\t{surname}\t{name}\t{sex}\t{day}\t{place}\t{code}\n")
    for i, (surname, name, sex, day, place) in enumerate(EDGE, start=1):
        birth = datetime.datetime.fromisoformat(day)
        code = python_encode(surname, name, sex, birth, place)
        lines.append(f"e{i}\t{surname}\t{name}\t{sex}\t{day}\t{place}\t{code}\n")
    for line in lines[2:]:
        if line.count("\t") != 6 or "\t\t" in line:
            raise SystemExit(f"bad row {line!r}")
    with open(ENCODE_OUT, "w", encoding="utf-8") as f:
        f.write("".join(lines))
    print(f"wrote {ENCODE_OUT}: {len(lines) - 2} rows")


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "both"
    if which not in ("decode", "encode", "both"):
        raise SystemExit(__doc__)
    if which in ("decode", "both"):
        decode_fixture()
    if which in ("encode", "both"):
        encode_fixture()


if __name__ == "__main__":
    main()
