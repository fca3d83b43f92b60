"""Which entity of countries.csv each country name of Voeten's roll-call data stands for, on a date
(data/voeten_countries.csv: its header names the sources). Plain Python.

A name can stand for two entities over time — "Russia" is the USSR until 1991-12-23 and the Russian Federation
from the next day; "Yugoslavia" is the SFRY seat until 2000-10-31 and the Federal Republic of Yugoslavia (Serbia)
from 2000-11-01 — so the lookup takes the roll call's date; a name with no dated rows holds throughout.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reference.countries import DATA_DIR, _data_lines, _date

COUNTRIES_FILE = DATA_DIR / "voeten_countries.csv"


class UnmappedName(LookupError):
    """A name (and code) of the dataset that the mapping does not cover on that date."""

    def __init__(self, name: str, code: str, on_date: date | None):
        self.name, self.code, self.on_date = name, code, on_date
        super().__init__(name)

    def __str__(self) -> str:
        when = f" on {self.on_date}" if self.on_date else ""
        return f"{self.name!r} (code {self.code or 'blank'}) is not in voeten_countries.csv{when}"


@dataclass(frozen=True)
class MappedName:
    name: str
    code: str
    iso3: str
    start: date | None  # first day, inclusive; None: from the start
    end: date | None  # last day, inclusive; None: to this day
    note: str

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, on_date: date) -> bool:
        return (self.start is None or self.start <= on_date) and (self.end is None or on_date <= self.end)


class VoetenCountries:
    """The mapping, indexed by (name, code)."""

    def __init__(self, rows: list[MappedName]):
        self.rows = rows
        self._by_key: dict[tuple[str, str], list[MappedName]] = {}
        self._by_entity: dict[str, list[MappedName]] = {}
        for row in rows:
            self._by_key.setdefault((row.name, row.code), []).append(row)
            self._by_entity.setdefault(row.iso3, []).append(row)
        for named in self._by_entity.values():
            named.sort(key=lambda row: not row.dated)  # a name dated for the entity before its undated one

    @classmethod
    def from_file(cls, path: Path = COUNTRIES_FILE) -> "VoetenCountries":
        rows = []
        for i, row in enumerate(csv.DictReader(_data_lines(path)), start=1):
            where = f"{path.name} row {i} ({row.get('name')!r})"
            rows.append(
                MappedName(
                    name=row["name"],
                    code=row["code"],
                    iso3=row["iso3"].strip(),
                    start=_date(row["from"], where),
                    end=_date(row["to"], where),
                    note=row["note"].strip(),
                )
            )
        return cls(rows)

    def names(self) -> set[tuple[str, str]]:
        return set(self._by_key)

    def entity(self, name: str, code: str, on_date: date | None) -> str:
        """The ISO3 code of the entity `name` (with `code`) stands for on `on_date` (None: a date the dataset does
        not give, which only an undated row covers — or the earliest row, as a session-1 placeholder is)."""
        rows = self._by_key.get((name, code))
        if not rows:
            raise UnmappedName(name, code, on_date)
        if on_date is None:
            return rows[0].iso3
        for row in rows:
            if row.holds_on(on_date):
                return row.iso3
        raise UnmappedName(name, code, on_date)

    def dataset_name(self, iso3: str, on_date: date) -> tuple[str, str] | None:
        """The (name, code) the dataset gives the entity on that date — the reverse of `entity`, for exports in
        the dataset's shape; None for an entity the dataset never names."""
        for row in self._by_entity.get(iso3, ()):
            if row.holds_on(on_date):
                return row.name, row.code
        return None
