"""Pairwise agreement between countries, stored in AgreementScore (both directions) for the country pages.

For two countries, `votes` is the number of recorded votes on which both cast yes, no or abstain (absent is not
a position cast), and `agreed` those on which they cast the same; `score = agreed / votes`.

The counts are matrix products: with one 0/1 matrix per position (countries × votes), agreed = Y·Yᵀ + N·Nᵀ +
A·Aᵀ and votes = C·Cᵀ where C = Y + N + A. Positions are read in chunks of votes, so memory stays bounded at
26,000 votes and 5 million positions.

- `refresh_all()` recomputes every score from the stored positions (seconds at full scale).
- `add_votes(ids)` adds the contribution of newly ingested votes to the stored counts; `remove_votes(ids)`
  takes a vote's contribution out again (call it *before* deleting or correcting its positions, then
  `add_votes` after). Calling `add_votes` twice for the same vote counts it twice: ingestion calls it for the
  votes it created, and `refresh_all()` repairs any doubt.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy as np
from django.db import connection, transaction

from .models import AgreementScore, Country, Position

CAST = ("yes", "no", "abstain")
VOTES_PER_CHUNK = 2000
BATCH_SIZE = 2000


def _position_chunks(positions, votes_per_chunk: int) -> Iterator[list[tuple[int, str, str]]]:
    """(vote_id, country_id, position) rows of cast positions, ordered by vote, cut into chunks of whole votes."""
    chunk: list[tuple[int, str, str]] = []
    votes_in_chunk = 0
    last_vote = None
    rows = positions.filter(position__in=CAST).order_by("vote_id").values_list("vote_id", "country_id", "position")
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


def pair_counts(positions, codes: list[str], votes_per_chunk: int = VOTES_PER_CHUNK) -> tuple[np.ndarray, np.ndarray]:
    """(votes, agreed): square int64 matrices indexed like `codes`, over the given Position queryset."""
    index = {code: i for i, code in enumerate(codes)}
    size = len(codes)
    votes = np.zeros((size, size), dtype=np.int64)
    agreed = np.zeros((size, size), dtype=np.int64)
    for chunk in _position_chunks(positions, votes_per_chunk):
        vote_index: dict[int, int] = {}
        for vote_id, _, _ in chunk:
            vote_index.setdefault(vote_id, len(vote_index))
        matrices = {value: np.zeros((size, len(vote_index)), dtype=np.float64) for value in CAST}
        for vote_id, country_id, position in chunk:
            row = index.get(country_id)
            if row is not None:
                matrices[position][row, vote_index[vote_id]] = 1.0
        cast = matrices["yes"] + matrices["no"] + matrices["abstain"]
        votes += np.rint(cast @ cast.T).astype(np.int64)
        agreed += np.rint(sum(m @ m.T for m in matrices.values())).astype(np.int64)
    return votes, agreed


def _pairs(codes: list[str], votes: np.ndarray, agreed: np.ndarray) -> Iterator[tuple[str, str, int, int]]:
    rows, columns = np.nonzero(votes)
    for i, j in zip(rows.tolist(), columns.tolist()):
        if i != j:
            yield codes[i], codes[j], int(votes[i, j]), int(agreed[i, j])


def refresh_all(votes_per_chunk: int = VOTES_PER_CHUNK) -> int:
    """Recompute every AgreementScore from the stored positions; returns the number of pairs stored."""
    codes = list(Country.objects.order_by("iso3").values_list("iso3", flat=True))
    votes, agreed = pair_counts(Position.objects.all(), codes, votes_per_chunk)
    scores = [
        AgreementScore(country_id=a, other_id=b, votes=n, agreed=k, score=k / n)
        for a, b, n, k in _pairs(codes, votes, agreed)
    ]
    with transaction.atomic():
        AgreementScore.objects.all().delete()
        AgreementScore.objects.bulk_create(scores, batch_size=BATCH_SIZE)
    return len(scores)


# Increments applied in SQL, one statement executed for many rows: creating ~37,000 model objects, or updating
# them one by one, costs seconds where this costs a fraction of one. Both PostgreSQL and SQLite (3.24+) accept it.
_ADD = """
INSERT INTO {table} (country_id, other_id, votes, agreed, score) VALUES (%s, %s, %s, %s, %s)
ON CONFLICT (country_id, other_id) DO UPDATE SET
    votes = {table}.votes + excluded.votes,
    agreed = {table}.agreed + excluded.agreed,
    score = ({table}.agreed + excluded.agreed) * 1.0 / ({table}.votes + excluded.votes)
"""
# PostgreSQL: the same upsert as one statement over arrays (executemany makes a round trip per row there).
_ADD_POSTGRES = """
INSERT INTO {table} (country_id, other_id, votes, agreed, score)
SELECT * FROM UNNEST(%s::varchar[], %s::varchar[], %s::integer[], %s::integer[], %s::double precision[])
ON CONFLICT (country_id, other_id) DO UPDATE SET
    votes = {table}.votes + excluded.votes,
    agreed = {table}.agreed + excluded.agreed,
    score = ({table}.agreed + excluded.agreed) * 1.0 / ({table}.votes + excluded.votes)
"""
_SUBTRACT = """
UPDATE {table} SET
    votes = votes - %s,
    agreed = agreed - %s,
    score = CASE WHEN votes - %s = 0 THEN 0 ELSE (agreed - %s) * 1.0 / (votes - %s) END
WHERE country_id = %s AND other_id = %s
"""


def _apply(vote_ids: Iterable[int], sign: int) -> int:
    vote_ids = list(vote_ids)
    if not vote_ids:
        return 0
    positions = Position.objects.filter(vote_id__in=vote_ids)
    codes = sorted(set(positions.filter(position__in=CAST).values_list("country_id", flat=True)))
    if not codes:
        return 0
    votes, agreed = pair_counts(positions, codes)
    pairs = list(_pairs(codes, votes, agreed))
    table = AgreementScore._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        if sign > 0 and connection.vendor == "postgresql":
            columns = [list(column) for column in zip(*[(a, b, n, k, k / n) for a, b, n, k in pairs])]
            cursor.execute(_ADD_POSTGRES.format(table=table), columns)
        elif sign > 0:
            cursor.executemany(_ADD.format(table=table), [(a, b, n, k, k / n) for a, b, n, k in pairs])
        else:
            cursor.executemany(_SUBTRACT.format(table=table), [(n, k, n, k, n, a, b) for a, b, n, k in pairs])
            AgreementScore.objects.filter(votes__lte=0).delete()
    return len(pairs)


def add_votes(vote_ids: Iterable[int]) -> int:
    """Add newly stored votes to the scores; returns the number of (directed) pairs touched."""
    return _apply(vote_ids, +1)


def remove_votes(vote_ids: Iterable[int]) -> int:
    """Take votes out of the scores (before their positions are deleted or corrected)."""
    return _apply(vote_ids, -1)
