"""The arithmetic of two stored figures of the registry in `votes.figures`: pairwise agreement between
countries (AgreementScore, both directions) and each country's tally (CountryTally). Only `votes.figures`
calls this module: it decides when.

For two countries: `common` is the number of recorded votes on which both have a position (absent included) and
`same` those on which the positions are equal; `votes` is the number on which both cast yes, no or abstain
(absent is not a position cast), and `agreed` those on which they cast the same; `score = agreed / votes`.

The pair counts are matrix products: with one 0/1 matrix per position value (countries × votes), e.g.
agreed = Y·Yᵀ + N·Nᵀ + A·Aᵀ and votes = C·Cᵀ where C = Y + N + A. Positions are read in chunks of votes, so
memory stays bounded at full scale. The tallies are one GROUP BY query.

`refresh_pairs()` and `refresh_tallies()` recompute a figure from the stored positions; `apply_pairs(ids, ±1)`
and `apply_tallies(ids, ±1)` add or take out the contribution of the given votes (taking out must happen while
their old positions and counts are still stored).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np
from django.db import connection, transaction

from .models import AgreementScore, Country, CountryTally, Position

CAST = ("yes", "no", "abstain")
VALUES = (*CAST, "absent")
VOTES_PER_CHUNK = 2000
BATCH_SIZE = 2000


def _position_chunks(positions, votes_per_chunk: int) -> Iterator[list[tuple[int, str, str]]]:
    """(vote_id, country_id, position) rows of whole votes, `votes_per_chunk` votes at a time: one query per
    chunk, over a range of vote ids (a row at a time through a cursor, cut in Python, cost more than the counting)."""
    vote_ids = list(positions.order_by("vote_id").values_list("vote_id", flat=True).distinct())
    for start in range(0, len(vote_ids), votes_per_chunk):
        chunk = vote_ids[start : start + votes_per_chunk]
        rows = positions.filter(vote_id__gte=chunk[0], vote_id__lte=chunk[-1]).order_by()
        yield list(rows.values_list("vote_id", "country_id", "position"))


@dataclass
class PairCounts:
    """Square int64 matrices indexed like the country codes they were counted for (see the module docstring)."""

    common: np.ndarray
    same: np.ndarray
    votes: np.ndarray
    agreed: np.ndarray
    held: dict[str, np.ndarray]  # per position value, each country's number of votes it held that value on


def pair_counts(positions, codes: list[str], votes_per_chunk: int = VOTES_PER_CHUNK) -> PairCounts:
    """The pair counts over the given Position queryset."""
    return count_pairs(_position_chunks(positions, votes_per_chunk), codes)


def count_pairs(chunks: Iterable[list[tuple[int, str, str]]], codes: list[str]) -> PairCounts:
    """The pair counts of positions given as chunks of (vote_id, country_id, position) rows, each chunk whole
    votes (a vote in two chunks would count as two)."""
    index = {code: i for i, code in enumerate(codes)}
    size = len(codes)
    counts = PairCounts(
        *(np.zeros((size, size), dtype=np.int64) for _ in range(4)),
        held={value: np.zeros(size, dtype=np.int64) for value in VALUES},
    )

    def product(matrix: np.ndarray) -> np.ndarray:
        return np.rint(matrix @ matrix.T).astype(np.int64)

    # float32 for BLAS (half the work of float64): a product's entries count at most a chunk's votes, exact
    # far below float32's 2**24.

    value_index = {value: i for i, value in enumerate(VALUES)}
    for chunk in chunks:
        # The chunk's columns as arrays, its 0/1 matrices filled in one assignment (one numpy write per
        # position cost ~0.4 s of the full record).
        _, columns = np.unique(np.array([row[0] for row in chunk], dtype=np.int64), return_inverse=True)
        rows = np.array([index.get(row[1], -1) for row in chunk], dtype=np.int64)
        planes = np.array([value_index[row[2]] for row in chunk], dtype=np.int64)
        known = rows >= 0
        stacked = np.zeros((len(VALUES), size, int(columns.max()) + 1), dtype=np.float32)
        stacked[planes[known], rows[known], columns[known]] = 1.0
        matrices = dict(zip(VALUES, stacked))
        cast = matrices["yes"] + matrices["no"] + matrices["abstain"]
        agreed = sum(product(matrices[value]) for value in CAST)
        counts.agreed += agreed
        counts.same += agreed + product(matrices["absent"])
        counts.votes += product(cast)
        counts.common += product(cast + matrices["absent"])
        for value in VALUES:
            counts.held[value] += np.rint(matrices[value].sum(axis=1)).astype(np.int64)
    return counts


def _score(votes: int, agreed: int) -> float | None:
    return agreed / votes if votes else None


def _pairs(codes: list[str], counts: PairCounts) -> Iterator[tuple[str, str, int, int, int, int, float | None]]:
    """(country, other, common, same, votes, agreed, score) of every ordered pair with a vote in common."""
    rows, columns = np.nonzero(counts.common)
    for i, j in zip(rows.tolist(), columns.tolist()):
        if i != j:
            votes, agreed = int(counts.votes[i, j]), int(counts.agreed[i, j])
            yield codes[i], codes[j], int(counts.common[i, j]), int(counts.same[i, j]), votes, agreed, _score(votes, agreed)


def refresh_pairs(votes_per_chunk: int = VOTES_PER_CHUNK) -> int:
    """Recompute every agreement pair from the stored positions; returns the number of pairs stored."""
    codes = list(Country.objects.order_by("iso3").values_list("iso3", flat=True))
    counts = pair_counts(Position.objects.all(), codes, votes_per_chunk)
    fields = ("country_id", "other_id", "common", "same", "votes", "agreed", "score")
    scores = [AgreementScore(**dict(zip(fields, pair))) for pair in _pairs(codes, counts)]
    with transaction.atomic():
        AgreementScore.objects.all().delete()
        AgreementScore.objects.bulk_create(scores, batch_size=BATCH_SIZE)
    return len(scores)


def refresh_tallies() -> int:
    """Recompute every country's tally from the stored positions (and the votes' stored counts)."""
    tallies = [
        CountryTally(country_id=row.pop("country_id"), **row) for row in Position.objects.all().tallies_by_country()
    ]
    with transaction.atomic():
        CountryTally.objects.all().delete()
        CountryTally.objects.bulk_create(tallies, batch_size=BATCH_SIZE)
    return len(tallies)


class CountsTable:
    """A table of counts by key (the pairs, the tallies) that a change of votes adds to or takes from, for many
    rows in one statement: creating ~37,000 model objects, or updating them one by one (or Django's bulk_update,
    a CASE per field and row), costs seconds where this costs a fraction of one.

    `keys` and `counts` name the columns with their PostgreSQL types; `derived` are columns recomputed from the
    new counts, as SQL over `{count}` placeholders (the pairs' score). Rows are tuples of keys, counts, then
    derived values. PostgreSQL reads all rows as arrays in one statement (UNNEST); SQLite (3.33+) runs the same
    statement per row. Taken out, every row exists already."""

    def __init__(self, model, keys: dict[str, str], counts: dict[str, str], derived: dict[str, str] | None = None):
        self.model = model
        self.keys, self.counts, self.derived = keys, counts, derived or {}

    def _set(self, new) -> str:
        """SET clauses: each count to `new(count)`, each derived column recomputed from those."""
        values = {name: new(name) for name in self.counts}
        sets = [f"{name} = {value}" for name, value in values.items()]
        sets += [f"{name} = {expression.format(**{c: f'({v})' for c, v in values.items()})}" for name, expression in self.derived.items()]
        return ", ".join(sets)

    def _source(self, columns: dict[str, str], postgres: bool) -> str:
        if postgres:
            arrays = ", ".join(f"%s::{kind}[]" for kind in columns.values())
            return f"UNNEST({arrays}) AS d({', '.join(columns)})"
        return "(SELECT " + ", ".join(f"%s AS {name}" for name in columns) + ") AS d"

    def add(self, rows: list[tuple]) -> None:
        table, postgres = self.model._meta.db_table, connection.vendor == "postgresql"
        columns = {**self.keys, **self.counts, **{name: "double precision" for name in self.derived}}
        values = f"SELECT * FROM {self._source(columns, True)}" if postgres else f"VALUES ({', '.join(['%s'] * len(columns))})"
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) {values} ON CONFLICT ({', '.join(self.keys)}) DO UPDATE SET "
            + self._set(lambda name: f"{table}.{name} + excluded.{name}")
        )
        self._execute(sql, rows, postgres)

    def subtract(self, rows: list[tuple]) -> None:
        table, postgres = self.model._meta.db_table, connection.vendor == "postgresql"
        columns = {**self.keys, **self.counts}
        sql = (
            f"UPDATE {table} AS t SET {self._set(lambda name: f't.{name} - d.{name}')}"
            f" FROM {self._source(columns, postgres)} WHERE "
            + " AND ".join(f"t.{key} = d.{key}" for key in self.keys)
        )
        self._execute(sql, [row[: len(columns)] for row in rows], postgres)

    def add_difference(self, rows: list[tuple]) -> None:
        """Add counts that may be negative (a change's difference) to rows that may not exist yet: the missing
        rows are first inserted with zero counts, then every row is updated. Not `add`: PostgreSQL checks the row
        an INSERT proposes (CHECK agreed ≤ votes, counts ≥ 0) before it finds the conflict, and a difference is
        seldom a valid row by itself; a zero row always is."""
        table, postgres = self.model._meta.db_table, connection.vendor == "postgresql"
        counted = {**self.keys, **self.counts}
        keys = ", ".join(self.keys)
        zeros = ", ".join(["0"] * len(self.counts) + ["NULL"] * len(self.derived))
        insert = (
            f"INSERT INTO {table} ({', '.join([*self.keys, *self.counts, *self.derived])})"
            f" SELECT {keys}, {zeros} FROM {self._source(self.keys, postgres)}"
            # WHERE true: SQLite would read ON CONFLICT as a join's ON without it (its documented ambiguity).
            f" WHERE true ON CONFLICT ({keys}) DO NOTHING"
        )
        self._execute(insert, [row[: len(self.keys)] for row in rows], postgres)
        update = (
            f"UPDATE {table} AS t SET {self._set(lambda name: f't.{name} + d.{name}')}"
            f" FROM {self._source(counted, postgres)} WHERE " + " AND ".join(f"t.{key} = d.{key}" for key in self.keys)
        )
        self._execute(update, [row[: len(counted)] for row in rows], postgres)

    @staticmethod
    def _execute(sql: str, rows: list[tuple], postgres: bool) -> None:
        with connection.cursor() as cursor:
            if postgres:
                cursor.execute(sql, [list(column) for column in zip(*rows)])
            else:
                cursor.executemany(sql, rows)


PAIRS = CountsTable(
    AgreementScore,
    keys={"country_id": "varchar", "other_id": "varchar"},
    counts={name: "integer" for name in ("common", "same", "votes", "agreed")},
    derived={"score": "CASE WHEN {votes} = 0 THEN NULL ELSE {agreed} * 1.0 / {votes} END"},
)
TALLIES = CountsTable(
    CountryTally, keys={"country_id": "varchar"}, counts={name: "integer" for name in CountryTally.FIELDS}
)


def apply_pairs(vote_ids: Iterable[int], sign: int) -> int:
    """Add (sign +1) or take out (-1) the given votes' contribution to the pairs; returns the pairs touched."""
    vote_ids = list(vote_ids)
    if not vote_ids:
        return 0
    positions = Position.objects.filter(vote_id__in=vote_ids)
    codes = sorted(set(positions.values_list("country_id", flat=True)))
    pairs = list(_pairs(codes, pair_counts(positions, codes)))
    if not pairs:
        return 0
    if sign > 0:
        PAIRS.add(pairs)
    else:
        PAIRS.subtract(pairs)
        AgreementScore.objects.filter(common__lte=0).delete()
    return len(pairs)


# --- a change's difference (votes.figures.Agreement) -----------------------------------------------------------


PAIR_FIELDS = ("common", "same", "votes", "agreed")


@dataclass
class VoteCounts:
    """The pair counts of some votes, indexed by every country's code (sorted), so that two such counts from
    before and after a change line up."""

    codes: list[str]
    counts: PairCounts


def counts_of_votes(vote_ids: Iterable[int]) -> VoteCounts | None:
    vote_ids = list(vote_ids)
    if not vote_ids:
        return None
    codes = list(Country.objects.order_by("iso3").values_list("iso3", flat=True))
    return VoteCounts(codes, pair_counts(Position.objects.filter(vote_id__in=vote_ids), codes))


def add_counts(a: VoteCounts | None, b: VoteCounts | None) -> VoteCounts | None:
    """The counts of both sets of votes (a change that names votes twice, or a country added in between)."""
    if a is None or b is None:
        return a or b
    codes = sorted(set(a.codes) | set(b.codes))
    return VoteCounts(codes, PairCounts(*(_on_codes(a, name, codes) + _on_codes(b, name, codes) for name in PAIR_FIELDS), held={}))


def apply_pair_difference(before: VoteCounts | None, after: VoteCounts | None) -> int:
    """Write `after − before` into the stored pairs: only the pairs whose counts differ (a row created for a new
    pair, a row deleted once it has no vote in common left); returns the pairs written."""
    if before is None and after is None:
        return 0
    codes = sorted(set(before.codes if before else ()) | set(after.codes if after else ()))
    delta = {name: _on_codes(after, name, codes) - _on_codes(before, name, codes) for name in PAIR_FIELDS}
    changed = np.logical_or.reduce([matrix != 0 for matrix in delta.values()])
    np.fill_diagonal(changed, False)
    rows, columns = np.nonzero(changed)
    pairs = []
    for i, j in zip(rows.tolist(), columns.tolist()):
        common, same, votes, agreed = (int(delta[name][i, j]) for name in PAIR_FIELDS)
        # The score of a row created now (its counts are these); a row that exists has it recomputed in SQL.
        pairs.append((codes[i], codes[j], common, same, votes, agreed, _score(votes, agreed) if votes > 0 else None))
    if not pairs:
        return 0
    if before is None:
        PAIRS.add(pairs)  # only additions (votes created): valid rows, one statement
    else:
        PAIRS.add_difference(pairs)
    if any(matrix.min() < 0 for matrix in delta.values()):
        AgreementScore.objects.filter(common__lte=0).delete()
    return len(pairs)


def _on_codes(counts: VoteCounts | None, name: str, codes: list[str]) -> np.ndarray:
    """One matrix of `counts` laid out over `codes` (a superset of its own: a country added during a change)."""
    if counts is not None and counts.codes == codes:
        return getattr(counts.counts, name)
    out = np.zeros((len(codes), len(codes)), dtype=np.int64)
    if counts is not None:
        at = np.array([codes.index(code) for code in counts.codes], dtype=np.int64)
        out[np.ix_(at, at)] = getattr(counts.counts, name)
    return out


def apply_tallies(vote_ids: Iterable[int], sign: int) -> None:
    """Add (sign +1) or take out (-1) the given votes' contribution to the countries' tallies."""
    vote_ids = list(vote_ids)
    if not vote_ids:
        return
    positions = Position.objects.filter(vote_id__in=vote_ids)
    rows = [(row["country_id"], *(row[name] for name in CountryTally.FIELDS)) for row in positions.tallies_by_country()]
    if not rows:
        return
    if sign > 0:
        TALLIES.add(rows)
    else:
        TALLIES.subtract(rows)
        # A country whose every vote was taken out has no tally, as after a full recount.
        CountryTally.objects.filter(pk__in=[row[0] for row in rows], **dict.fromkeys(CountryTally.FIELDS, 0)).delete()
