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
    """(vote_id, country_id, position) rows, ordered by vote, cut into chunks of whole votes."""
    chunk: list[tuple[int, str, str]] = []
    votes_in_chunk = 0
    last_vote = None
    rows = positions.order_by("vote_id").values_list("vote_id", "country_id", "position")
    for row in rows.iterator(chunk_size=10000):
        if row[0] != last_vote:
            if votes_in_chunk == votes_per_chunk:
                yield chunk
                chunk, votes_in_chunk = [], 0
            votes_in_chunk += 1
            last_vote = row[0]
        chunk.append(row)
    if chunk:
        yield chunk


@dataclass
class PairCounts:
    """Square int64 matrices indexed like the country codes they were counted for (see the module docstring)."""

    common: np.ndarray
    same: np.ndarray
    votes: np.ndarray
    agreed: np.ndarray


def pair_counts(positions, codes: list[str], votes_per_chunk: int = VOTES_PER_CHUNK) -> PairCounts:
    """The pair counts over the given Position queryset."""
    index = {code: i for i, code in enumerate(codes)}
    size = len(codes)
    counts = PairCounts(*(np.zeros((size, size), dtype=np.int64) for _ in range(4)))

    def product(matrix: np.ndarray) -> np.ndarray:
        return np.rint(matrix @ matrix.T).astype(np.int64)

    for chunk in _position_chunks(positions, votes_per_chunk):
        vote_index: dict[int, int] = {}
        for vote_id, _, _ in chunk:
            vote_index.setdefault(vote_id, len(vote_index))
        matrices = {value: np.zeros((size, len(vote_index)), dtype=np.float64) for value in VALUES}
        for vote_id, country_id, position in chunk:
            row = index.get(country_id)
            if row is not None:
                matrices[position][row, vote_index[vote_id]] = 1.0
        cast = matrices["yes"] + matrices["no"] + matrices["abstain"]
        agreed = sum(product(matrices[value]) for value in CAST)
        counts.agreed += agreed
        counts.same += agreed + product(matrices["absent"])
        counts.votes += product(cast)
        counts.common += product(cast + matrices["absent"])
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


# Increments applied in SQL, one statement executed for many rows: creating ~37,000 model objects, or updating
# them one by one, costs seconds where this costs a fraction of one. Both PostgreSQL and SQLite (3.24+) accept it.
_COLUMNS = "country_id, other_id, common, same, votes, agreed, score"
_ON_CONFLICT_ADD = """
ON CONFLICT (country_id, other_id) DO UPDATE SET
    common = {table}.common + excluded.common,
    same = {table}.same + excluded.same,
    votes = {table}.votes + excluded.votes,
    agreed = {table}.agreed + excluded.agreed,
    score = CASE WHEN {table}.votes + excluded.votes = 0 THEN NULL
                 ELSE ({table}.agreed + excluded.agreed) * 1.0 / ({table}.votes + excluded.votes) END
"""
_ADD = "INSERT INTO {table} (" + _COLUMNS + ") VALUES (%s, %s, %s, %s, %s, %s, %s)" + _ON_CONFLICT_ADD
# PostgreSQL: the same upsert as one statement over arrays (executemany makes a round trip per row there).
_ADD_POSTGRES = (
    "INSERT INTO {table} (" + _COLUMNS + ") SELECT * FROM UNNEST(%s::varchar[], %s::varchar[], %s::integer[],"
    " %s::integer[], %s::integer[], %s::integer[], %s::double precision[])" + _ON_CONFLICT_ADD
)
# Taking a vote out: every pair it touched exists. PostgreSQL: one statement over arrays again.
_SUBTRACT_POSTGRES = """
UPDATE {table} AS t SET
    common = t.common - d.common,
    same = t.same - d.same,
    votes = t.votes - d.votes,
    agreed = t.agreed - d.agreed,
    score = CASE WHEN t.votes - d.votes = 0 THEN NULL ELSE (t.agreed - d.agreed) * 1.0 / (t.votes - d.votes) END
FROM UNNEST(%s::varchar[], %s::varchar[], %s::integer[], %s::integer[], %s::integer[], %s::integer[])
    AS d(country_id, other_id, common, same, votes, agreed)
WHERE t.country_id = d.country_id AND t.other_id = d.other_id
"""
_SUBTRACT = """
UPDATE {table} SET
    common = common - %(common)s,
    same = same - %(same)s,
    votes = votes - %(votes)s,
    agreed = agreed - %(agreed)s,
    score = CASE WHEN votes - %(votes)s = 0 THEN NULL ELSE (agreed - %(agreed)s) * 1.0 / (votes - %(votes)s) END
WHERE country_id = %(country)s AND other_id = %(other)s
"""


def apply_pairs(vote_ids: Iterable[int], sign: int) -> int:
    """Add (sign +1) or take out (-1) the given votes' contribution to the pairs; returns the pairs touched."""
    vote_ids = list(vote_ids)
    if not vote_ids:
        return 0
    positions = Position.objects.filter(vote_id__in=vote_ids)
    codes = sorted(set(positions.values_list("country_id", flat=True)))
    pairs = list(_pairs(codes, pair_counts(positions, codes)))
    table = AgreementScore._meta.db_table
    if not pairs:
        return 0
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if sign > 0 and postgres:
            cursor.execute(_ADD_POSTGRES.format(table=table), [list(column) for column in zip(*pairs)])
        elif sign > 0:
            cursor.executemany(_ADD.format(table=table), pairs)
        elif postgres:
            cursor.execute(_SUBTRACT_POSTGRES.format(table=table), [list(column) for column in zip(*pairs)][:6])
        else:
            keys = ("country", "other", "common", "same", "votes", "agreed")
            cursor.executemany(_SUBTRACT.format(table=table), [dict(zip(keys, pair)) for pair in pairs])
    if sign < 0:
        AgreementScore.objects.filter(common__lte=0).delete()
    return len(pairs)


# The tallies' increments, one statement for all countries of the votes like the pairs' (Django's bulk_update
# of ~200 rows builds a CASE per field and row: a quarter of a second in Python). Taken out, every row exists.
_TALLY_COLUMNS = ("country_id", *CountryTally.FIELDS)
_ON_CONFLICT_ADD_TALLY = " ON CONFLICT (country_id) DO UPDATE SET " + ", ".join(
    f"{name} = {{table}}.{name} + excluded.{name}" for name in CountryTally.FIELDS
)
_ADD_TALLY = (
    "INSERT INTO {table} (" + ", ".join(_TALLY_COLUMNS) + ") VALUES (" + ", ".join(["%s"] * len(_TALLY_COLUMNS)) + ")"
    + _ON_CONFLICT_ADD_TALLY
)
_ADD_TALLY_POSTGRES = (
    "INSERT INTO {table} (" + ", ".join(_TALLY_COLUMNS) + ") SELECT * FROM UNNEST(%s::varchar[], "
    + ", ".join(["%s::integer[]"] * len(CountryTally.FIELDS)) + ")" + _ON_CONFLICT_ADD_TALLY
)
_SUBTRACT_TALLY = (
    "UPDATE {table} SET " + ", ".join(f"{name} = {name} - %s" for name in CountryTally.FIELDS) + " WHERE country_id = %s"
)
_SUBTRACT_TALLY_POSTGRES = (
    "UPDATE {table} AS t SET " + ", ".join(f"{name} = t.{name} - d.{name}" for name in CountryTally.FIELDS)
    + " FROM UNNEST(%s::varchar[], " + ", ".join(["%s::integer[]"] * len(CountryTally.FIELDS)) + ") AS d("
    + ", ".join(_TALLY_COLUMNS) + ") WHERE t.country_id = d.country_id"
)


def apply_tallies(vote_ids: Iterable[int], sign: int) -> None:
    """Add (sign +1) or take out (-1) the given votes' contribution to the countries' tallies."""
    vote_ids = list(vote_ids)
    if not vote_ids:
        return
    positions = Position.objects.filter(vote_id__in=vote_ids)
    rows = [(row["country_id"], *(row[name] for name in CountryTally.FIELDS)) for row in positions.tallies_by_country()]
    if not rows:
        return
    table = CountryTally._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            statement = _ADD_TALLY_POSTGRES if sign > 0 else _SUBTRACT_TALLY_POSTGRES
            cursor.execute(statement.format(table=table), [list(column) for column in zip(*rows)])
        elif sign > 0:
            cursor.executemany(_ADD_TALLY.format(table=table), rows)
        else:
            cursor.executemany(_SUBTRACT_TALLY.format(table=table), [(*row[1:], row[0]) for row in rows])
    if sign < 0:  # a country whose every vote was taken out has no tally, as after a full recount
        CountryTally.objects.filter(pk__in=[row[0] for row in rows], **dict.fromkeys(CountryTally.FIELDS, 0)).delete()
