"""votes.agreement: stored pairwise agreement, full refresh and incremental, checked against a direct count."""

import itertools
import random

import pytest

from votes import agreement
from votes.models import AgreementScore, Position

from .factories import CountryFactory, DraftFactory, make_vote

CODES = [f"C{n:02d}" for n in range(12)]


def direct() -> dict[tuple[str, str], tuple[int, int]]:
    """Agreement counted the slow, obvious way."""
    by_vote: dict[int, dict[str, str]] = {}
    for vote_id, country, position in Position.objects.values_list("vote_id", "country_id", "position"):
        by_vote.setdefault(vote_id, {})[country] = position
    result: dict[tuple[str, str], list[int]] = {}
    for positions in by_vote.values():
        cast = {c: p for c, p in positions.items() if p != "absent"}
        for a, b in itertools.permutations(cast, 2):
            pair = result.setdefault((a, b), [0, 0])
            pair[0] += 1
            pair[1] += cast[a] == cast[b]
    return {pair: tuple(v) for pair, v in result.items()}


def stored() -> dict[tuple[str, str], tuple[int, int]]:
    scores = {}
    for s in AgreementScore.objects.all():
        assert s.score == pytest.approx(s.agreed / s.votes)
        scores[(s.country_id, s.other_id)] = (s.votes, s.agreed)
    return scores


def random_votes(rng, count):
    votes = []
    for _ in range(count):
        groups = {"yes": [], "no": [], "abstain": [], "absent": []}
        for code in CODES:
            if rng.random() < 0.85:  # some countries are not members on some dates: no row at all
                groups[rng.choice(list(groups))].append(code)
        votes.append(make_vote(DraftFactory(), "whole", **groups))
    return votes


@pytest.fixture
def rng(db):
    for code in CODES:
        CountryFactory(iso3=code)
    return random.Random(7)


def test_refresh_all_matches_a_direct_count(rng):
    random_votes(rng, 25)
    pairs = agreement.refresh_all(votes_per_chunk=4)  # several chunks
    assert stored() == direct()
    assert pairs == len(direct())
    # Both directions are stored.
    for (a, b), figures in stored().items():
        assert stored()[(b, a)] == figures


def test_incremental_add_and_remove_match_a_full_refresh(rng):
    random_votes(rng, 10)
    agreement.refresh_all()
    new = random_votes(rng, 5)
    agreement.add_votes([v.pk for v in new])
    assert stored() == direct()
    # A correction: take a vote out, change its positions, put it back.
    vote = new[0]
    agreement.remove_votes([vote.pk])
    vote.positions.filter(position="yes").update(position="no")
    agreement.add_votes([vote.pk])
    assert stored() == direct()
    # Removing votes entirely.
    agreement.remove_votes([v.pk for v in new])
    for v in new:
        v.delete()
    assert stored() == direct()


def test_incremental_from_empty(rng):
    votes = random_votes(rng, 3)
    agreement.add_votes([v.pk for v in votes])
    assert stored() == direct()
    assert agreement.add_votes([]) == 0
