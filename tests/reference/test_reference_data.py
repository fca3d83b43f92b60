"""Integrity of reference/data/*.csv: codes, dates, names, successors, and no name meaning two States at once."""

import csv
import re
from datetime import date

import pytest

from reference import LANGUAGES, CountryDirectory, normalise
from reference.countries import DATA_DIR

TODAY = date(2024, 11, 6)  # the date of the seed report's votes


@pytest.fixture(scope="module")
def directory():
    return CountryDirectory.default()


@pytest.fixture(scope="module")
def records(directory):
    return directory.all()


def _overlaps(a_from, a_to, b_from, b_to):
    """Half-open periods [from, to), None = open ended."""
    return (a_to is None or b_from is None or b_from < a_to) and (b_to is None or a_from is None or a_from < b_to)


# ------------------------------------------------------------------------------------------ the files


@pytest.mark.parametrize("filename", ["countries.csv", "country_names.csv"])
def test_files_start_with_comment_header_naming_sources(filename):
    lines = (DATA_DIR / filename).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert lines[0].startswith("#"), "the file must start with its # comment header"
    text = " ".join(header)
    assert "Sources:" in text and "Changed against the starting point" in text and "ncertain" in text


def test_uncertainty_markers_name_real_columns():
    path = DATA_DIR / "countries.csv"
    rows = list(csv.DictReader(line for line in path.open(encoding="utf-8") if not line.startswith("#")))
    for row in rows:
        for column in re.findall(r"uncertain: (\w+)", row["notes"]):
            assert column in row, f"{row['iso3']}: notes mark unknown column {column!r}"


# ---------------------------------------------------------------------------------------------- codes


def test_counts_today(directory, records):
    assert len(directory.members_on(TODAY)) == 193
    assert len([r for r in records if r.kind == "member"]) == 193
    assert sorted(r.iso3 for r in records if r.kind == "observer") == ["PSE", "VAT"]


def test_51_original_members(directory):
    originals = directory.members_on(date(1946, 1, 1))
    assert len(originals) == 51
    codes = {r.iso3 for r in originals}
    # The former States and the renamed SSRs are among them; the Russian Federation is not yet (SUN holds it).
    assert {"SUN", "YUG", "CSK", "BLR", "UKR", "SYR", "EGY", "CHN"} <= codes
    assert "RUS" not in codes


# The UN's "Growth in United Nations membership" totals at the end of each year with a change: checks every
# admission date, merger and gap at once.
UN_MEMBERSHIP_TOTALS = {
    1945: 51, 1946: 55, 1947: 57, 1948: 58, 1949: 59, 1950: 60, 1955: 76, 1956: 80, 1957: 82, 1958: 82,
    1960: 99, 1961: 104, 1962: 110, 1963: 113, 1964: 115, 1965: 117, 1966: 122, 1967: 123, 1968: 126,
    1970: 127, 1971: 132, 1973: 135, 1974: 138, 1975: 144, 1976: 147, 1977: 149, 1978: 151, 1979: 152,
    1980: 154, 1981: 157, 1983: 158, 1984: 159, 1990: 159, 1991: 166, 1992: 179, 1993: 184, 1994: 185,
    1999: 188, 2000: 189, 2002: 191, 2006: 192, 2011: 193,
}


@pytest.mark.parametrize("year,total", sorted(UN_MEMBERSHIP_TOTALS.items()))
def test_membership_totals_match_un_growth_table(directory, year, total):
    assert len(directory.members_on(date(year, 12, 31))) == total


def test_codes_unique_and_well_formed(records):
    for attr, pattern in (("iso3", r"[A-Z]{3}"), ("iso2", r"[A-Z]{2}"), ("m49", r"\d{3}")):
        values = [getattr(r, attr) for r in records if getattr(r, attr) is not None]
        assert len(values) == len(set(values)), f"duplicate {attr}"
        for v in values:
            assert re.fullmatch(pattern, v), f"bad {attr} {v!r}"
    # Only Zanzibar lacks ISO codes (its made-up iso3 is in the user-assigned X range).
    assert [r.iso3 for r in records if r.iso2 is None] == ["XZN"]


def test_names_present(records):
    for r in records:
        if r.kind in ("member", "observer"):
            assert set(r.names) == set(LANGUAGES), f"{r.iso3}: missing names {set(LANGUAGES) - set(r.names)}"
        assert r.names.get("en"), f"{r.iso3}: no English name"
        for lang, name in r.names.items():
            assert name == name.strip() and "  " not in name, f"{r.iso3} {lang}: stray spaces in {name!r}"
            assert r.name(lang) == name
        assert r.name("xx") == r.names["en"]  # fallback


def test_kind_specific_fields(directory, records):
    iso3s = {r.iso3 for r in records}
    for r in records:
        if r.kind == "former":
            assert r.ended and r.successors and r.memberships, r.iso3
            assert r.memberships[-1][1] == r.ended, r.iso3
            for s in r.successors:
                assert s in iso3s and directory.get(s).kind == "member", f"{r.iso3}: bad successor {s}"
                # A successor is a Member on the day the former State's membership ended (or later).
                assert directory.get(s).admitted is not None
        else:
            assert r.ended is None and r.successors == (), r.iso3
        if r.kind == "observer":
            assert r.admitted is None and r.memberships == (), r.iso3
        if r.kind == "member":
            assert r.admitted and r.memberships and r.memberships[-1][1] is None, r.iso3


def test_membership_periods_ordered(records):
    for r in records:
        previous_end = None
        for start, end in r.memberships:
            assert end is None or start < end, r.iso3
            assert previous_end is None or previous_end <= start, r.iso3
            previous_end = end
        if r.memberships and r.iso3 != "RUS":  # RUS: admitted is the USSR's date, seat held from 1991-12-24
            assert r.memberships[0][0] == r.admitted, r.iso3


def test_continuations_have_no_gap_or_overlap(directory):
    # The seat passes on the same day, so no date counts both or neither.
    assert directory.get("SUN").ended == directory.get("RUS").memberships[0][0] == date(1991, 12, 24)
    assert directory.get("YUG").ended == directory.get("SRB").admitted == date(2000, 11, 1)


# ---------------------------------------------------------------------------------------------- names


def test_other_names_well_formed(directory, records):
    primary = {(r.iso3, lang, normalise(n, lang)) for r in records for lang, n in r.names.items()}
    seen = set()
    for o in directory.other_names():
        assert o.language in LANGUAGES and o.name.strip() == o.name and o.name, o
        directory.get(o.iso3)  # exists
        if o.valid_from and o.valid_to:
            assert o.valid_from < o.valid_to, o
        key = (o.iso3, o.language, normalise(o.name, o.language))
        assert key not in primary, f"{o.name!r} repeats a short name of {o.iso3}"
        assert key not in seen, f"duplicate other name {o.name!r} ({o.language})"
        seen.add(key)


def test_no_name_means_two_entities_at_the_same_date(directory):
    for (lang, key), entries in directory.names_index().items():
        for i, (iso_a, from_a, to_a) in enumerate(entries):
            for iso_b, from_b, to_b in entries[i + 1:]:
                if iso_a != iso_b:
                    assert not _overlaps(from_a, to_a, from_b, to_b), (
                        f"{lang} {key!r} means {iso_a} {from_a}..{to_a} and {iso_b} {from_b}..{to_b}"
                    )


def test_other_names_returns_copies(directory):
    names = directory.other_names()
    names.clear()
    assert directory.other_names()
