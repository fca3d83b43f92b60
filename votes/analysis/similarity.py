"""Country analysis from stored figures: which States vote most and least like a given one over a range of
sessions, in one body or all (each with its n), two States' agreement by session, and a State's share of yes / no
/ abstain by session. The figure (`CountrySession`, a row per country, session and body) is kept by
`votes.figures` with the pair arithmetic of `votes.agreement` (matrix products), a session recounted whole when one
of its votes changes: a session is at most a few hundred votes, and a row per pair and session (~900,000 for the
plenary record) cost more to write on each import than the pages gained. Figures over all bodies read one row
per country and session, not one per body (a range of 20 sessions in seven bodies was 140 texts to decode, ~17 ms
at full scale): a session that voted in several bodies has a row over all of them (body empty); in a session of
one body (most of the plenary record's) that body's rows are marked as such (`sole_body`), not copied."""

from __future__ import annotations

import math
from itertools import compress, groupby
from operator import itemgetter
from typing import NamedTuple

from django.db.models import Q

from ..agreement import VALUES, count_pairs
from ..models import AgreementScore, Country, CountrySession, Position, Vote


def encode_pairs(others, votes, agreed) -> str:
    """`CountrySession.pairs` from three parallel sequences, the partners' codes, the votes both cast and those
    they cast alike: "BRA 3 1,CHN 3 0,…"."""
    return ",".join([f"{other} {n} {same}" for other, n, same in zip(others, votes, agreed)])


def decode_pairs(text: str) -> list[tuple[str, int, int]]:
    if not text:
        return []
    # One split of the whole text and slices of it: a tenth faster than splitting each entry (a country's
    # whole record is 70-odd texts of ~190 entries each, decoded for "votes most and least like").
    fields = text.replace(",", " ").split(" ")
    return list(zip(fields[0::3], map(int, fields[1::3]), map(int, fields[2::3])))


def pair_entry(text: str, other: str) -> tuple[int, int] | None:
    """(votes, agreed) of `other` in an encoded pairs text, found without decoding the other entries (a text lists
    up to ~190 partners, and a comparison needs one): by plain search, a twentieth of a regular expression's time
    over a country's 70-odd session texts."""
    key = other + " "
    if text.startswith(key):
        start = len(key)
    else:
        found = text.find("," + key)
        if found < 0:
            return None
        start = found + 1 + len(key)
    end = text.find(",", start)
    votes, agreed = text[start:end if end >= 0 else None].split(" ")
    return int(votes), int(agreed)


def _body_rows(session_id: int, body_id: str | None, positions: list[tuple[int, str, str]], codes: list[str]) -> list[CountrySession]:
    """The rows of one session and body (None: all its bodies) from its (vote_id, country_id, position) rows, whole
    votes: a row per country with a position there, with its positions by value and, for every other country
    with a vote in common, the votes both cast and those they cast alike."""
    counts = count_pairs([positions], codes)
    # As lists: a numpy scalar read per pair (~36,000 a session) cost more than the products.
    votes_rows, agreed_rows = counts.votes.tolist(), counts.agreed.tolist()
    held = {value: counts.held[value].tolist() for value in VALUES}
    rows = []
    for i, iso3 in enumerate(codes):
        tally = {value: held[value][i] for value in VALUES}
        if not any(tally.values()):
            continue  # no position in this body and session
        both, alike = votes_rows[i], agreed_rows[i]
        partner = list(map(bool, both))  # those with a vote both cast, itself not
        partner[i] = False
        pairs = encode_pairs(compress(codes, partner), compress(both, partner), compress(alike, partner))
        rows.append(CountrySession(country_id=iso3, session_id=session_id, body_id=body_id, pairs=pairs, **tally))
    return rows


def country_codes() -> list[str]:
    return list(Country.objects.order_by("iso3").values_list("iso3", flat=True))


def session_rows(session_id: int, leaving_out=(), codes: list[str] | None = None) -> list[CountrySession]:
    """One session's rows (`_body_rows` of each body; of all of them where it voted in several, else its one
    body's rows marked `sole_body`), counted from its recorded votes' positions but those of the votes
    `leaving_out`. `codes`: every country's, sorted (read once by a caller counting many sessions)."""
    if codes is None:
        codes = country_codes()
    votes = Vote.objects.recorded().filter(session_id=session_id).exclude(pk__in=list(leaving_out))
    # The session's positions in one query, in order of body and vote (a query per body planned its subquery
    # again each time); a session is at most a few hundred votes a body.
    positions = (
        Position.objects.filter(vote__in=votes).order_by("vote__body_id", "vote_id")
        .values_list("vote__body_id", "vote_id", "country_id", "position")
    )
    rows, every_body = [], []
    for body_id, body_positions in groupby(positions, key=itemgetter(0)):
        in_body = [row[1:] for row in body_positions]
        rows += _body_rows(session_id, body_id, in_body, codes)
        every_body += in_body
    if len({row.body_id for row in rows}) > 1:
        rows += _body_rows(session_id, None, every_body, codes)
    else:
        for row in rows:
            row.sole_body = True
    return rows


def recount_sessions(session_ids, leaving_out=()) -> int:
    """Replace the rows of the given sessions (every body) by a count of their votes as stored now, but the votes
    `leaving_out` (a change takes its votes out before it changes or deletes them)."""
    session_ids = sorted(set(session_ids))
    CountrySession.objects.filter(session_id__in=session_ids).delete()
    written, codes = 0, country_codes()
    for session_id in session_ids:
        rows = session_rows(session_id, leaving_out, codes)
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
        return rows.filter(body_id=body)
    return rows.filter(Q(body__isnull=True) | Q(sole_body=True))  # a session's row over all its bodies


# Who is ranked by default: partners with at least this share of the largest n among them. A partner of one
# vote (Zanzibar in 1964) agrees 100 % or 0 % and would top both lists; a tenth keeps every State that sat
# through a good part of the period and is visible on the page (and settable: ?min_votes=).
RANKED_SHARE_OF_LARGEST_N = 0.1


class Likeness(NamedTuple):
    """The States most and least like one, [(other, votes, agreed, score)] each, and the n a State needed to be
    ranked."""

    most: list[tuple[str, int, int, float]]
    least: list[tuple[str, int, int, float]]
    min_votes: int


def most_and_least_like(iso3: str, first: int | None = None, last: int | None = None, limit: int = 5,
                        min_votes: int | None = None, body: str | None = None) -> Likeness:
    """The States voting most and least like `iso3` over sessions first..last (inclusive), in the body given (all
    bodies when None), among those with at least `min_votes` votes both cast (by default a tenth of the largest
    such n, at least 1)."""
    if first is None and last is None and body is None:
        # The whole record in every body is the agreement figure's own (AgreementScore, the same counts): its
        # ~200 rows, not some 550 session texts decoded (~40 ms at full scale).
        pairs = AgreementScore.objects.filter(country_id=iso3, votes__gt=0).values_list("other_id", "votes", "agreed")
        totals = {other: [votes, agreed] for other, votes, agreed in pairs}
    else:
        totals = _summed_pairs(iso3, first, last, body)
    if min_votes is None:
        largest = max((n for n, _ in totals.values()), default=0)
        min_votes = max(1, math.ceil(largest * RANKED_SHARE_OF_LARGEST_N))
    scored = [(other, n, g, g / n) for other, (n, g) in totals.items() if n >= min_votes]
    scored.sort(key=lambda row: (-row[3], -row[1], row[0]))
    least = sorted(scored, key=lambda row: (row[3], -row[1], row[0]))
    return Likeness(scored[:limit], least[:limit], min_votes)


def _summed_pairs(iso3: str, first: int | None, last: int | None, body: str | None) -> dict[str, list[int]]:
    """[votes, agreed] of `iso3` with each partner, summed over its session rows in the range and body."""
    totals: dict[str, list[int]] = {}
    for text in _rows(iso3, first, last, body).values_list("pairs", flat=True):
        for other, votes, agreed in decode_pairs(text):
            total = totals.get(other)
            if total is None:
                totals[other] = [votes, agreed]
            else:
                total[0] += votes
                total[1] += agreed
    return totals


def agreement_by_session(a: str, b: str, body: str | None = None) -> list[tuple[int, int, int]]:
    """(session, votes, agreed) of two countries, oldest first, in the body given (all bodies when None): one row a
    session either way (`_rows`)."""
    rows = _rows(a, None, None, body).order_by("session_id").values_list("session_id", "pairs")
    return [(session_id, *entry) for session_id, text in rows if (entry := pair_entry(text, b)) is not None]


def shares_by_session(iso3: str, body: str | None = None) -> list[dict]:
    """A country's yes / no / abstain / absent by session, oldest first, in the body given (or all)."""
    return list(_rows(iso3, None, None, body).order_by("session_id").values("session_id", "yes", "no", "abstain", "absent"))
