"""Country analysis from stored figures: which States vote most and least like a given one over a range of
sessions, in one body or all (each with its n), two States' agreement by session, and a State's share of yes / no
/ abstain by session. The figure (`CountrySession`, a row per country, session and body) is kept by
`votes.figures` with the pair arithmetic of `votes.agreement` (matrix products), a session recounted whole when one
of its votes changes: a session is at most a few hundred votes, and a row per pair and session (~900,000 for the
plenary record) cost more to write on each import than the pages gained. Figures over all bodies are the sums of
the bodies' rows (a vote is in one body)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from django.db.models import Sum

from ..agreement import pair_counts
from ..models import CountrySession, Position, Vote


def encode_pairs(entries) -> str:
    """`CountrySession.pairs` from (other, votes, agreed) triples: "BRA 3 1,CHN 3 0,…"."""
    return ",".join(f"{other} {votes} {agreed}" for other, votes, agreed in entries)


def decode_pairs(text: str) -> list[tuple[str, int, int]]:
    if not text:
        return []
    triples = []
    for entry in text.split(","):
        other, votes, agreed = entry.split(" ")
        triples.append((other, int(votes), int(agreed)))
    return triples


def session_rows(session_id: int, leaving_out=()) -> list[CountrySession]:
    """One session's rows, a row per country and body, counted from its recorded votes' positions (but those of
    the votes `leaving_out`): a country's positions by value and, for every other country with a vote in common
    in that body, the votes both cast and those they cast alike."""
    votes = Vote.objects.recorded().filter(session_id=session_id).exclude(pk__in=list(leaving_out))
    rows = []
    for body_id in sorted(set(votes.values_list("body_id", flat=True))):
        positions = Position.objects.filter(vote__in=votes.filter(body_id=body_id))
        tallies: dict[str, dict[str, int]] = defaultdict(lambda: {"yes": 0, "no": 0, "abstain": 0, "absent": 0})
        for iso3, value in positions.values_list("country_id", "position"):
            tallies[iso3][value] += 1
        codes = sorted(tallies)
        counts = pair_counts(positions, codes)
        for i, iso3 in enumerate(codes):
            others = np.nonzero(counts.votes[i])[0].tolist()
            pairs = encode_pairs((codes[j], int(counts.votes[i, j]), int(counts.agreed[i, j])) for j in others if j != i)
            rows.append(CountrySession(country_id=iso3, session_id=session_id, body_id=body_id, pairs=pairs, **tallies[iso3]))
    return rows


def recount_sessions(session_ids, leaving_out=()) -> int:
    """Replace the rows of the given sessions (every body) by a count of their votes as stored now, but the votes
    `leaving_out` (a change takes its votes out before it changes or deletes them)."""
    session_ids = sorted(set(session_ids))
    CountrySession.objects.filter(session_id__in=session_ids).delete()
    written = 0
    for session_id in session_ids:
        rows = session_rows(session_id, leaving_out)
        CountrySession.objects.bulk_create(rows, batch_size=500)
        written += len(rows)
    return written


def sessions_of(vote_ids) -> set[int]:
    return set(Vote.objects.filter(pk__in=vote_ids).values_list("session_id", flat=True).distinct())


def rebuild() -> int:
    CountrySession.objects.all().delete()
    return recount_sessions(Vote.objects.recorded().values_list("session_id", flat=True).distinct())


# --- what pages read --------------------------------------------------------------------------------------------


def _rows(iso3: str, first: int | None, last: int | None, body: str | None):
    rows = CountrySession.objects.filter(country_id=iso3)
    if first is not None:
        rows = rows.filter(session_id__gte=first)
    if last is not None:
        rows = rows.filter(session_id__lte=last)
    if body is not None:
        rows = rows.filter(body_id=body)
    return rows


def most_and_least_like(iso3: str, first: int | None = None, last: int | None = None, limit: int = 5, min_votes: int = 1,
                        body: str | None = None):
    """([(other, votes, agreed, score)] most alike, [...] least alike) over sessions first..last (inclusive), in
    the body given (all bodies when None)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for text in _rows(iso3, first, last, body).values_list("pairs", flat=True):
        for other, votes, agreed in decode_pairs(text):
            totals[other][0] += votes
            totals[other][1] += agreed
    scored = [(other, n, g, g / n) for other, (n, g) in totals.items() if n >= min_votes]
    scored.sort(key=lambda row: (-row[3], -row[1], row[0]))
    least = sorted(scored, key=lambda row: (row[3], -row[1], row[0]))
    return scored[:limit], least[:limit]


def agreement_by_session(a: str, b: str, body: str | None = None) -> list[tuple[int, int, int]]:
    """(session, votes, agreed) of two countries, oldest first, in the body given (summed over bodies when None)."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for session_id, text in _rows(a, None, None, body).values_list("session_id", "pairs"):
        for other, votes, agreed in decode_pairs(text):
            if other == b:
                totals[session_id][0] += votes
                totals[session_id][1] += agreed
    return [(session_id, votes, agreed) for session_id, (votes, agreed) in sorted(totals.items())]


def shares_by_session(iso3: str, body: str | None = None) -> list[dict]:
    """A country's yes / no / abstain / absent by session, oldest first, in the body given (or all)."""
    return list(
        _rows(iso3, None, None, body).order_by("session_id").values("session_id")
        .annotate(yes=Sum("yes"), no=Sum("no"), abstain=Sum("abstain"), absent=Sum("absent"))
    )
