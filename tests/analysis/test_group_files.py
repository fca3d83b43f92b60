"""The group reference files (reference/data/groups.csv, group_memberships.csv) against their sources."""

import csv
import re
from datetime import date

import pytest

from reference import CountryDirectory
from reference.countries import DATA_DIR
from reference.groups import GroupDirectory

REGIONAL = ("AFR", "APG", "EEG", "GRULAC", "WEOG")


@pytest.fixture(scope="module")
def groups():
    return GroupDirectory.from_files()


@pytest.mark.parametrize("filename", ["groups.csv", "group_memberships.csv"])
def test_files_name_their_sources(filename):
    lines = (DATA_DIR / filename).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    header = " ".join(line for line in lines if line.startswith("#"))
    assert "ource" in header


def test_uncertainty_markers_name_real_columns():
    path = DATA_DIR / "group_memberships.csv"
    rows = list(csv.DictReader(line for line in path.open(encoding="utf-8") if not line.startswith("#")))
    for row in rows:
        for column in re.findall(r"uncertain: (\w+)", row["note"]):
            assert column in row, f"{row['group']} {row['country']}: unknown column {column!r}"


def test_european_union_by_date(groups):
    # EU: 28 Member States until the United Kingdom left at the end of 31 January 2020.
    assert len(groups.members_on("EU", date(2019, 12, 31))) == 28
    assert "GBR" in groups.members_on("EU", date(2020, 1, 31))
    assert len(groups.members_on("EU", date(2020, 2, 1))) == 27
    # The enlargements: 9 (1973), 10 (1981), 12 (1986), 15 (1995), 25 (2004-05-01), 27 (2007), 28 (2013-07-01).
    # Before 1973 the Federal Republic of Germany was not a UN Member: five of the six founders count.
    assert len(groups.members_on("EU", date(1972, 12, 31))) == 5
    assert len(groups.members_on("EU", date(1973, 9, 18))) == 9  # the FRG admitted to the UN that day
    assert len(groups.members_on("EU", date(1981, 1, 1))) == 10
    assert len(groups.members_on("EU", date(1986, 1, 1))) == 12
    assert len(groups.members_on("EU", date(1995, 1, 1))) == 15
    assert len(groups.members_on("EU", date(2004, 4, 30))) == 15
    assert len(groups.members_on("EU", date(2004, 5, 1))) == 25
    assert len(groups.members_on("EU", date(2007, 1, 1))) == 27
    assert len(groups.members_on("EU", date(2013, 7, 1))) == 28


def test_regional_groups_today(groups):
    # DGACM: 54 African, 23 Eastern European, 33 Latin American and Caribbean, 28 WEOG members plus the United
    # States as observer; Asia-Pacific 53 without Kiribati, with Türkiye taking part in it as well.
    day = date(2024, 11, 6)
    assert len(groups.members_on("AFR", day)) == 54
    assert len(groups.members_on("EEG", day)) == 23
    assert len(groups.members_on("GRULAC", day)) == 33
    assert len(groups.members_on("WEOG", day, roles=("member",))) == 28
    assert groups.members_on("WEOG", day, roles=("observer",)) == ["USA"]
    assert len(groups.members_on("APG", day, roles=("member",))) == 53
    assert groups.members_on("APG", day, roles=("participant",)) == ["TUR"]
    assert "TUR" in groups.members_on("WEOG", day, roles=("member",))


@pytest.mark.parametrize("day", [date(1946, 6, 1), date(1970, 1, 1), date(1990, 1, 1), date(2019, 12, 31), date(2024, 11, 6)])
def test_regional_groups_cover_the_members_on_a_date(groups, day):
    members = {record.iso3 for record in CountryDirectory.default().members_on(day)}
    covered = {iso3 for code in REGIONAL for iso3 in groups.members_on(code, day)}
    assert covered <= members  # never a State that was not a Member that day
    expected_outside = {"KIR"} | ({"ISR"} if day < date(2000, 5, 1) else set())
    assert members - covered == expected_outside & members
    # Each Member in exactly one group as a member, Türkiye (participant) and the United States (observer) aside.
    for iso3 in members - expected_outside:
        as_member = [code for code in REGIONAL if iso3 in groups.members_on(code, day, roles=("member",))]
        assert len(as_member) == (0 if iso3 == "USA" else 1), (iso3, as_member)


def test_former_states_in_their_groups_only_while_members(groups):
    assert "SUN" in groups.members_on("EEG", date(1991, 12, 23))
    assert "SUN" not in groups.members_on("EEG", date(1991, 12, 24))
    assert "RUS" in groups.members_on("EEG", date(1991, 12, 24))
    assert "DDR" in groups.members_on("EEG", date(1980, 1, 1)) and "DDR" not in groups.members_on("EEG", date(1990, 10, 3))
    assert "ISR" not in groups.groups_of("ISR", date(1999, 12, 31)) and groups.groups_of("ISR", date(2000, 5, 1)) == ["WEOG"]


def test_arab_league_by_date(groups):
    # 22 members today, Palestine among them (not a UN Member, so never counted on a vote); Syria suspended
    # 2011-11-16 to 2023-05-07; Egypt suspended 1979-1989.
    day = date(2024, 11, 6)
    assert len(groups.members_on("LAS", day)) == 21
    assert "SYR" not in groups.members_on("LAS", date(2015, 1, 1)) and "SYR" in groups.members_on("LAS", day)
    assert "EGY" not in groups.members_on("LAS", date(1985, 1, 1)) and "EGY" in groups.members_on("LAS", date(1990, 1, 1))
    assert len(groups.members_on("LAS", date(1985, 1, 1))) == 20  # 22 listed then (no Comoros yet), less Egypt and Palestine


def test_african_union_by_date(groups):
    """From the launch (2002-07-09): the 53 OAU members but the Sahrawi Republic, i.e. every African UN Member but
    Morocco; South Sudan the 54th member from 2011-07-26; Morocco the 55th from 2017-01-30 (the Union's counts
    include the Sahrawi Republic, which is not a UN Member)."""
    assert not groups.members_on("AU", date(2002, 7, 8))  # the OAU before the launch is not listed
    launch = set(groups.members_on("AU", date(2002, 7, 9)))
    assert len(launch) == 53 - 1 and "MAR" not in launch and "ZAF" in launch and "EGY" in launch
    assert launch == set(groups.members_on("AFR", date(2002, 7, 9))) - {"MAR"}
    assert "SSD" not in groups.members_on("AU", date(2011, 7, 25)) and len(groups.members_on("AU", date(2011, 7, 26))) == 54 - 1
    assert "MAR" not in groups.members_on("AU", date(2017, 1, 29))
    today = set(groups.members_on("AU", date(2024, 11, 6)))
    assert len(today) == 55 - 1 and "MAR" in today and today == set(groups.members_on("AFR", date(2024, 11, 6)))
