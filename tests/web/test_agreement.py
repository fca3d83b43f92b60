"""Stored pairwise agreement and country tallies (votes.agreement, kept by votes.figures), full refresh and
incremental, checked against a direct count."""

import itertools
import random

import pytest

from votes import agreement, figures
from votes.models import AgreementScore, CountryTally, Position, Vote

from .factories import CountryFactory, DraftFactory, make_vote

CODES = [f"C{n:02d}" for n in range(12)]


def direct() -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """(common, same, votes, agreed) of each ordered pair, counted the slow, obvious way."""
    by_vote: dict[int, dict[str, str]] = {}
    for vote_id, country, position in Position.objects.values_list("vote_id", "country_id", "position"):
        by_vote.setdefault(vote_id, {})[country] = position
    result: dict[tuple[str, str], list[int]] = {}
    for positions in by_vote.values():
        for a, b in itertools.permutations(positions, 2):
            pair = result.setdefault((a, b), [0, 0, 0, 0])
            pair[0] += 1
            pair[1] += positions[a] == positions[b]
            if "absent" not in (positions[a], positions[b]):
                pair[2] += 1
                pair[3] += positions[a] == positions[b]
    return {pair: tuple(v) for pair, v in result.items()}


def direct_tallies() -> dict[str, dict[str, int]]:
    """Each country's counts by position and with the vote's most common cast position, from the positions."""
    tallies: dict[str, dict[str, int]] = {}
    for vote in Vote.objects.prefetch_related("positions"):
        counts = {value: vote.positions.filter(position=value).count() for value in ("yes", "no", "abstain")}
        ranked = sorted(counts.values(), reverse=True)
        majority = next((v for v, n in counts.items() if n == ranked[0]), None) if ranked[0] > ranked[1] else None
        for position in vote.positions.all():
            tally = tallies.setdefault(position.country_id, dict.fromkeys(CountryTally.FIELDS, 0))
            tally[position.position] += 1
            tally["with_majority"] += position.position == majority
    return tallies


def stored() -> dict[tuple[str, str], tuple[int, int, int, int]]:
    scores = {}
    for s in AgreementScore.objects.all():
        assert s.score == (pytest.approx(s.agreed / s.votes) if s.votes else None)
        scores[(s.country_id, s.other_id)] = (s.common, s.same, s.votes, s.agreed)
    return scores


def stored_tallies() -> dict[str, dict[str, int]]:
    return {t.country_id: {name: getattr(t, name) for name in CountryTally.FIELDS} for t in CountryTally.objects.all()}


def random_votes(rng, count):
    """Votes created as ingest creates them: their figures added at the end of the change."""
    votes = []
    with figures.changing() as change:
        votes = _random_votes(rng, count)
        change.created(votes=[vote.pk for vote in votes])
    return votes


def _random_votes(rng, count):
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


def test_refresh_matches_a_direct_count(rng):
    random_votes(rng, 25)
    AgreementScore.objects.all().delete()
    CountryTally.objects.all().delete()
    pairs = agreement.refresh_pairs(votes_per_chunk=4)  # several chunks
    agreement.refresh_tallies()
    assert stored() == direct()
    assert stored_tallies() == direct_tallies()
    assert pairs == len(direct())
    # Both directions are stored.
    for (a, b), counts in stored().items():
        assert stored()[(b, a)] == counts


def test_incremental_add_and_remove_match_a_direct_count(rng):
    random_votes(rng, 10)  # added through votes.figures
    assert stored() == direct()
    assert stored_tallies() == direct_tallies()
    # A correction: the vote's old contribution is taken out, the new one put in.
    vote = Vote.objects.first()
    with figures.changing(votes=[vote.pk]):
        vote.positions.filter(position="yes").update(position="no")
    assert stored() == direct()
    assert stored_tallies() == direct_tallies()
    # Deleting votes (or a draft with its votes) takes them out.
    votes = list(Vote.objects.all())
    votes[1].draft.delete()
    for v in votes[2:5]:
        v.delete()
    assert stored() == direct()
    assert {iso3: t for iso3, t in stored_tallies().items() if any(t.values())} == direct_tallies()


def test_incremental_from_empty(rng):
    random_votes(rng, 3)
    assert stored() == direct()
    assert stored_tallies() == direct_tallies()
    assert agreement.apply_pairs([], +1) == 0


def test_counts_held_over_a_change_line_up_when_a_country_is_added_meanwhile():
    """A change's pair counts from before and after are laid over the union of their countries' codes."""
    import numpy as np

    from votes.agreement import PAIR_FIELDS, PairCounts, VoteCounts, _on_codes, add_counts

    def counts(codes, value):
        size = len(codes)
        return VoteCounts(codes, PairCounts(*(np.full((size, size), value, dtype=np.int64) for _ in PAIR_FIELDS), held={}))

    summed = add_counts(counts(["BRA", "USA"], 1), counts(["BRA", "CHN", "USA"], 2))
    assert summed.codes == ["BRA", "CHN", "USA"]
    assert summed.counts.votes.tolist() == [[3, 2, 3], [2, 2, 2], [3, 2, 3]]
    assert _on_codes(None, "agreed", ["BRA"]).tolist() == [[0]]
