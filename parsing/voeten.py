"""Erik Voeten's UN General Assembly roll-call data (the R package `unvotes` as gzipped CSV), read as it is.

Plain Python: the four files in, their rows out, and what the rows mean in Tally's terms — the resolution's
symbol, what a roll call was on, whether the data imply its outcome. Which entity a country name stands for on a
date is reference data (`reference.voeten`). `votes.voeten` stores the result.

The dataset's quirks (its README, corpus/voeten/README.md) decide the reading: only yes/no/abstain are listed
(absence is derived from membership, elsewhere); "NA" is Namibia, not a missing value (the csv module keeps
every field a string, so nothing is turned into a missing value); a blank `amend` or `para` is "not coded", not
"no"; session 1 dates are partly placeholders (1946-01-01).
"""

from __future__ import annotations

import csv
import datetime
import gzip
import hashlib
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROLL_CALLS = "un_roll_calls.csv.gz"
VOTES = "un_votes.csv.gz"
ISSUES = "un_roll_call_issues.csv.gz"
TALLIES = "descriptions_totals.csv.gz"
FILES = (ROLL_CALLS, VOTES, ISSUES, TALLIES)

ROLL_CALL_COLUMNS = ("rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr")
VOTE_COLUMNS = ("rcid", "country", "country_code", "vote")
CAST = ("yes", "no", "abstain")

# The placeholder the dataset uses where it lacks a session-1 date: no roll call was held before 10 January 1946.
PLACEHOLDER_DATE = "1946-01-01"


class DatasetError(ValueError):
    """A file is missing or not in the dataset's shape; says which file and line."""


@dataclass(frozen=True)
class RollCallRow:
    """One row of un_roll_calls, every field as given."""

    rcid: int
    session: int
    importantvote: str
    date: str
    unres: str
    amend: str
    para: str
    short: str
    descr: str

    @property
    def vote_date(self) -> datetime.date | None:
        """The date of the roll call, or None where the dataset has only its placeholder."""
        return None if self.date == PLACEHOLDER_DATE else datetime.date.fromisoformat(self.date)

    @property
    def subject(self) -> str:
        """What the roll call was on, as far as the data code it: "amendment", "paragraph", "whole" or
        "not_coded" (`amend` and `para` both blank, or `para` blank with `amend` 0)."""
        if self.amend == "1":
            return "amendment"
        if self.para == "1":
            return "paragraph"
        if self.amend == "0" and self.para == "0":
            return "whole"
        return "not_coded"

    @property
    def resolution(self) -> str:
        """The resolution's official-style symbol, or "" if the row has none."""
        return resolution_symbol(self.unres)

    @property
    def adopted(self) -> bool:
        """Whether the data imply the outcome: a roll call coded as on a whole resolution that has a number was
        the vote that adopted it. Nothing else is implied (an amendment or paragraph vote can go either way)."""
        return self.subject == "whole" and bool(self.resolution)


@dataclass
class Dataset:
    """The four files, read: roll calls by rcid, each roll call's listed votes, issues and recorded tally."""

    roll_calls: dict[int, RollCallRow]
    votes: dict[int, list[tuple[str, str, str]]]  # rcid -> [(country, country_code, vote)] in file order
    issues: dict[int, list[str]]  # rcid -> issue short names
    issue_names: dict[str, str]  # short name -> issue
    tallies: dict[int, tuple[int, int, int]]  # rcid -> (yes, no, abstain) as recorded
    checksums: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256 of its bytes


_RESOLUTION_FORMS = (
    # R/55/132, R/4/358A, R/1/1/A (a letter after a stray slash): regular sessions.
    (re.compile(r"R/(\d+)/(\d+)/?([A-Z]{0,2})"), "A/RES/{0}/{1}{2}"),
    (re.compile(r"A/RES/(\d+)/(\d+)([A-Z]{0,2})"), "A/RES/{0}/{1}{2}"),
    (re.compile(r"A/RES/ES-(\d+)/(\d+)([A-Z]{0,2})"), "A/RES/ES-{0}/{1}{2}"),
    # Emergency special sessions (ESS/10/14) and special sessions (SS/9/9).
    (re.compile(r"ESS/(\d+)/(\d+)/?([A-Z]{0,2})"), "A/RES/ES-{0}/{1}{2}"),
    (re.compile(r"SS/(\d+)/(\d+)/?([A-Z]{0,2})"), "A/RES/S-{0}/{1}{2}"),
)


def resolution_symbol(unres: str) -> str:
    """`R/55/132` -> `A/RES/55/132`, letters kept (`R/4/358A` -> `A/RES/4/358A`); special and emergency special
    sessions as A/RES/S-… and A/RES/ES-…. A form the dataset uses only a few times and that says more than
    these (a part in Roman numerals, "R/9 9", "GOAR/1/1288B") is kept as given rather than guessed at."""
    unres = unres.strip()
    for pattern, form in _RESOLUTION_FORMS:
        match = pattern.fullmatch(unres)
        if match:
            return form.format(*match.groups())
    return unres


def _rows(directory: Path, name: str, columns: tuple[str, ...]):
    path = directory / name
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [column for column in columns if column not in (reader.fieldnames or ())]
    if missing:
        raise DatasetError(f"{name}, line 1: no column {', '.join(missing)}")
    for row in reader:
        yield reader.line_num, row


def _int(value: str, name: str, line: int, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise DatasetError(f"{name}, line {line}: {column} {value!r} is not a number") from None


def checksums(directory: Path) -> dict[str, str]:
    """SHA-256 of each of the dataset's files (missing ones left out): what tells one release from another."""
    return {
        name: hashlib.sha256((directory / name).read_bytes()).hexdigest() for name in FILES if (directory / name).exists()
    }


def read_dataset(directory: Path) -> Dataset:
    """Read the four files of `directory`; raises DatasetError naming the file and line of the first fault."""
    directory = Path(directory)
    missing = [name for name in FILES if not (directory / name).exists()]
    if missing:
        raise DatasetError(f"{directory}: missing {', '.join(missing)} (the dataset is the files {', '.join(FILES)})")
    roll_calls: dict[int, RollCallRow] = {}
    for line, row in _rows(directory, ROLL_CALLS, ROLL_CALL_COLUMNS):
        rcid = _int(row["rcid"], ROLL_CALLS, line, "rcid")
        if rcid in roll_calls:
            raise DatasetError(f"{ROLL_CALLS}, line {line}: roll call {rcid} given twice")
        try:
            datetime.date.fromisoformat(row["date"])
        except ValueError:
            raise DatasetError(f"{ROLL_CALLS}, line {line}: date {row['date']!r} is not YYYY-MM-DD") from None
        roll_calls[rcid] = RollCallRow(
            rcid=rcid,
            session=_int(row["session"], ROLL_CALLS, line, "session"),
            importantvote=row["importantvote"],
            date=row["date"],
            unres=row["unres"],
            amend=row["amend"],
            para=row["para"],
            short=row["short"],
            descr=row["descr"],
        )
    votes: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for line, row in _rows(directory, VOTES, VOTE_COLUMNS):
        rcid = _int(row["rcid"], VOTES, line, "rcid")
        if rcid not in roll_calls:
            raise DatasetError(f"{VOTES}, line {line}: roll call {rcid} is not in {ROLL_CALLS}")
        if row["vote"] not in CAST:
            raise DatasetError(f"{VOTES}, line {line}: vote {row['vote']!r} is not one of {', '.join(CAST)}")
        votes[rcid].append((row["country"], row["country_code"], row["vote"]))
    issues: dict[int, list[str]] = defaultdict(list)
    issue_names: dict[str, str] = {}
    for line, row in _rows(directory, ISSUES, ("rcid", "short_name", "issue")):
        rcid = _int(row["rcid"], ISSUES, line, "rcid")
        if rcid in roll_calls and row["short_name"] not in issues[rcid]:
            issues[rcid].append(row["short_name"])
        issue_names[row["short_name"]] = row["issue"]
    tallies: dict[int, tuple[int, int, int]] = {}
    for line, row in _rows(directory, TALLIES, ("rcid", "yes", "no", "abstain")):
        rcid = _int(row["rcid"], TALLIES, line, "rcid")
        tallies[rcid] = tuple(_int(row[column], TALLIES, line, column) for column in CAST)
    return Dataset(roll_calls, dict(votes), dict(issues), issue_names, tallies, checksums(directory))
