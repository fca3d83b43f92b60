"""Lists of country names ("阿尔及利亚、安哥拉、…和津巴布韦", "Belarus, Burundi, ... and Zimbabwe") to ISO3.

Names are never matched by substring: a list is cut at its separators into items, and each item is
resolved whole by the country directory.  The last two names of a list may be joined by a conjunction
("和", "and") that also occurs inside names (特立尼达和多巴哥, Trinidad and Tobago), so an item that does
not resolve is cut at its conjunctions into the fewest names that resolve (``reference.split_names``, which
also splits the lists staff paste), and accepted when that makes two names.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from parsing.errors import Problem
from parsing.layout import Span
from parsing.phrases.base import PhraseTable
from reference import CountryDirectory, UnknownCountryName, split_names


@dataclass(frozen=True)
class Name:
    text: str  # as printed (lines joined)
    iso3: str
    line: int


class NameResolver:
    """Resolves lists for one report, collecting unknown names as problems."""

    def __init__(self, directory: CountryDirectory, table: PhraseTable, problems: list[Problem]):
        self.directory = directory
        self.table = table
        self.problems = problems
        # The same names recur in every vote of a report: resolve each (name, date) once.
        self._cache: dict[tuple[str, datetime.date | None], str | None] = {}

    def resolve_list(self, text: str, span: Span, offset: int, on_date: datetime.date | None) -> list[Name]:
        """The names in ``text`` (a list cut out of ``span`` at ``offset``).  Unknown names become
        problems and are left out of the result."""
        table = self.table
        items: list[tuple[str, int]] = []
        position = 0
        for part in table.list_separator.split(text) if text else []:
            start = text.find(part, position) if part else position
            position = start + len(part)
            item = part.strip().rstrip(table.list_end + ".。")
            if item:
                items.append((item, offset + start + (len(part) - len(part.lstrip()))))
        if len(items) == 1 and table.empty_list.fullmatch(items[0][0]):
            return []
        names: list[Name] = []
        for index, (item, at) in enumerate(items):
            line = span.line_at(at)
            if index and index == len(items) - 1:
                item = table.leading_conjunction.sub("", item)  # serial comma: ", and Zimbabwe"
            names += self._resolve_item(item, line, on_date)
        return names

    def _lookup(self, name: str, on_date: datetime.date | None) -> str | None:
        key = (name, on_date)
        if key not in self._cache:
            record = self.directory.try_resolve(name, self.table.code, on_date)
            iso3 = record.iso3 if record else None
            if iso3 is None and self.table.name_forms is not None:
                iso3 = self._lookup_forms(name, on_date)
            self._cache[key] = iso3
        return self._cache[key]

    def _lookup_forms(self, name: str, on_date: datetime.date | None) -> str | None:
        """The State an inflected or prefixed name stands for (see PhraseTable.name_forms): the one all its
        other spellings that resolve agree on; None when none resolves or they disagree."""
        found = set()
        for form in self.table.name_forms(name):
            if form != name:
                record = self.directory.try_resolve(form, self.table.code, on_date)
                if record is not None:
                    found.add(record.iso3)
        return found.pop() if len(found) == 1 else None

    def _resolve_item(self, item: str, line: int, on_date: datetime.date | None) -> list[Name]:
        iso3 = self._lookup(item, on_date)
        if iso3 is not None:  # most items are one known name: cutting is for the others
            return [Name(item, iso3, line)]
        names = split_names(item, self.table.conjunction, lambda name: self._lookup(name, on_date))
        # Only the last two names of a printed list are joined by a conjunction: an item is one name or two.
        if len(names) == 2 and all(name.iso3 for name in names):
            return [Name(name.text, name.iso3, line) for name in names]
        self.problems.append(Problem(line, self.unknown_message(item, on_date)))
        return []

    def unknown_message(self, item: str, on_date: datetime.date | None) -> str:
        try:
            self.directory.resolve(item, self.table.code, on_date)
        except UnknownCountryName as e:
            if e.suggestions:
                return f"unknown country name {item!r} (did you mean {', '.join(e.suggestions[:3])}?)"
        return f"unknown country name {item!r}"

    def resolve_one(self, name: str, line: int, on_date: datetime.date | None) -> Name | None:
        """A single name (the introducing State); a problem when unknown."""
        iso3 = self._lookup(name, on_date)
        if iso3 is None:
            self.problems.append(Problem(line, self.unknown_message(name, on_date)))
            return None
        return Name(name, iso3, line)
