"""Groups of States — the UN regional groups and blocs such as the EU — with the dates of each membership.

Plain Python (no Django), like ``reference.countries``. The data live in ``reference/data/groups.csv`` and
``reference/data/group_memberships.csv``; their ``#`` headers name the sources and what is uncertain.

Membership is always asked on a date (the vote's), never "now": a period is half-open like the country
reference's (``end`` = first day outside the group), a blank start or end stands for the State's own UN
membership, and a State counts in a group only on a day it is a UN Member.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reference.countries import DATA_DIR, CountryDirectory, _data_lines

__all__ = ["GROUP_KINDS", "ROLES", "GroupRecord", "GroupMembershipRecord", "GroupDirectory"]

GROUP_KINDS = ("regional", "bloc")
ROLES = ("member", "participant", "observer")


@dataclass(frozen=True)
class GroupRecord:
    code: str
    kind: str
    name_en: str
    name_zh: str
    source: str


@dataclass(frozen=True)
class GroupMembershipRecord:
    group: str
    country: str
    start: date | None
    end: date | None
    role: str
    note: str

    def covers(self, on_date: date) -> bool:
        return (self.start is None or self.start <= on_date) and (self.end is None or on_date < self.end)


def _date(value: str, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{where}: bad date {value!r}") from error


def load_groups(path: Path) -> list[GroupRecord]:
    rows = list(csv.DictReader(_data_lines(path)))
    groups = [GroupRecord(r["code"], r["kind"], r["name_en"], r["name_zh"], r["source"]) for r in rows]
    for group in groups:
        if group.kind not in GROUP_KINDS:
            raise ValueError(f"{path.name}: group {group.code}: unknown kind {group.kind!r}")
    return groups


def load_memberships(path: Path) -> list[GroupMembershipRecord]:
    memberships = []
    for number, row in enumerate(csv.DictReader(_data_lines(path)), start=1):
        where = f"{path.name} row {number}"
        record = GroupMembershipRecord(
            row["group"], row["country"], _date(row["start"], where), _date(row["end"], where), row["role"], row["note"]
        )
        if record.role not in ROLES:
            raise ValueError(f"{where}: unknown role {record.role!r}")
        if record.start and record.end and record.end <= record.start:
            raise ValueError(f"{where}: ends before it starts")
        memberships.append(record)
    return memberships


class GroupDirectory:
    """The groups and their memberships, checked against the country reference."""

    def __init__(self, groups: list[GroupRecord], memberships: list[GroupMembershipRecord], countries: CountryDirectory):
        self.groups = {group.code: group for group in groups}
        self.memberships = memberships
        self.countries = countries
        for record in memberships:
            if record.group not in self.groups:
                raise ValueError(f"membership of {record.country} in unknown group {record.group}")
            countries.get(record.country)  # KeyError for a code the country reference does not know

    @classmethod
    def from_files(cls, data_dir: Path = DATA_DIR, countries: CountryDirectory | None = None) -> "GroupDirectory":
        return cls(
            load_groups(data_dir / "groups.csv"),
            load_memberships(data_dir / "group_memberships.csv"),
            countries or CountryDirectory.from_files(data_dir),
        )

    def all(self) -> list[GroupRecord]:
        return list(self.groups.values())

    def members_on(self, code: str, on_date: date, roles: tuple[str, ...] = ROLES) -> list[str]:
        """ISO3 codes of the States in group `code` on `on_date` (UN Members on that day only), sorted."""
        return sorted(
            {
                record.country
                for record in self.memberships
                if record.group == code
                and record.role in roles
                and record.covers(on_date)
                and self.countries.is_member(record.country, on_date)
            }
        )

    def groups_of(self, iso3: str, on_date: date) -> list[str]:
        return sorted(
            {
                record.group
                for record in self.memberships
                if record.country == iso3 and record.covers(on_date) and self.countries.is_member(iso3, on_date)
            }
        )
