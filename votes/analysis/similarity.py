"""Country analysis from stored figures: which States vote most and least like a given one over a range of
sessions (each with its n), two States' agreement by session, and a State's share of yes / no / abstain by
session. The figures (`PairSession`, `CountrySession`) are kept by `votes.figures` with the pair arithmetic of
`votes.agreement` (matrix products), counted per session."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from django.db.models import F, Q, Sum

from ..agreement import CountsTable, pair_counts
from ..models import CountrySession, PairSession, Position, Vote

PAIR_SESSIONS = CountsTable(
    PairSession,
    keys={"country_id": "varchar", "other_id": "varchar", "session_id": "integer"},
    counts={"votes": "integer", "agreed": "integer"},
)
COUNTRY_SESSIONS = CountsTable(
    CountrySession,
    keys={"country_id": "varchar", "session_id": "integer"},
    counts={name: "integer" for name in ("yes", "no", "abstain", "absent")},
)


def _session_terms(positions) -> tuple[list[tuple], list[tuple]]:
    """The pair rows (country < other) and country rows that `positions` (one session's) contribute."""
    rows = list(positions.values_list("country_id", "position"))
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: {"yes": 0, "no": 0, "abstain": 0, "absent": 0})
    for iso3, value in rows:
        tallies[iso3][value] += 1
    codes = sorted(tallies)
    counts = pair_counts(positions, codes)
    pairs = []
    upper_i, upper_j = np.nonzero(np.triu(counts.votes, k=1))
    for i, j in zip(upper_i.tolist(), upper_j.tolist()):
        pairs.append((codes[i], codes[j], int(counts.votes[i, j]), int(counts.agreed[i, j])))
    return pairs, [(iso3, *(t[v] for v in ("yes", "no", "abstain", "absent"))) for iso3, t in tallies.items()]


def apply(vote_ids: list[int] | None, sign: int) -> int:
    """Add (+1) or take out (−1) the given votes' terms (all recorded votes when None, on empty tables)."""
    votes = Vote.objects.recorded()
    if vote_ids is not None:
        votes = votes.filter(pk__in=vote_ids)
    by_session: dict[int, list[int]] = defaultdict(list)
    for pk, session in votes.values_list("pk", "session_id"):
        by_session[session].append(pk)
    written = 0
    for session, ids in sorted(by_session.items()):
        positions = Position.objects.filter(vote__session_id=session) if vote_ids is None else Position.objects.filter(vote_id__in=ids)
        pairs, tallies = _session_terms(positions)
        pairs = [(a, b, session, n, agreed) for a, b, n, agreed in pairs]
        tallies = [(iso3, session, *counts) for iso3, *counts in tallies]
        if sign > 0:
            # One statement per session and table (UNNEST on PostgreSQL): bulk_create of ~1.5 million model objects
            # took minutes at full scale.
            if pairs:
                PAIR_SESSIONS.add(pairs)
            if tallies:
                COUNTRY_SESSIONS.add(tallies)
        else:
            if pairs:
                PAIR_SESSIONS.subtract(pairs)
            if tallies:
                COUNTRY_SESSIONS.subtract(tallies)
        written += len(pairs) + len(tallies)
    if sign < 0:
        PairSession.objects.filter(votes__lte=0).delete()
        CountrySession.objects.filter(yes=0, no=0, abstain=0, absent=0).delete()
    return written


def rebuild() -> int:
    PairSession.objects.all().delete()
    CountrySession.objects.all().delete()
    return apply(None, +1)


# --- what pages read --------------------------------------------------------------------------------------------


def _sessions(rows, first: int | None, last: int | None):
    if first is not None:
        rows = rows.filter(session_id__gte=first)
    if last is not None:
        rows = rows.filter(session_id__lte=last)
    return rows


def most_and_least_like(iso3: str, first: int | None = None, last: int | None = None, limit: int = 5, min_votes: int = 1):
    """([(other, votes, agreed, score)] most alike, [...] least alike) over sessions first..last (inclusive)."""
    rows = _sessions(PairSession.objects.filter(Q(country_id=iso3) | Q(other_id=iso3)), first, last)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a, b, n, agreed in rows.values_list("country_id", "other_id").annotate(n=Sum("votes"), g=Sum("agreed")).values_list("country_id", "other_id", "n", "g"):
        other = b if a == iso3 else a
        totals[other][0] += n
        totals[other][1] += agreed
    scored = [(other, n, g, g / n) for other, (n, g) in totals.items() if n >= min_votes]
    scored.sort(key=lambda row: (-row[3], -row[1], row[0]))
    least = sorted(scored, key=lambda row: (row[3], -row[1], row[0]))
    return scored[:limit], least[:limit]


def agreement_by_session(a: str, b: str) -> list[tuple[int, int, int]]:
    """(session, votes, agreed) of two countries, oldest first."""
    first, second = sorted((a, b))
    return list(PairSession.objects.filter(country_id=first, other_id=second).order_by("session_id").values_list("session_id", "votes", "agreed"))


def shares_by_session(iso3: str) -> list[dict]:
    return list(CountrySession.objects.filter(country_id=iso3).order_by("session_id").values("session_id", "yes", "no", "abstain", "absent"))
