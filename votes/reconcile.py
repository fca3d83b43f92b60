"""Two sources, one vote: a plenary vote read from a verbatim record that Voeten's roll-call data also hold.

The verbatim record is the primary source, so its vote stays the record's; the dataset's roll call joins it
(`RollCall.vote`), keeping its own lists (`RollCall.listed`) and, in words, where the two differ
(`RollCall.differences`: "Voeten's roll call 3739 lists Monaco as voting yes; the verbatim record A/48/PV.46
lists it as absent"). The vote the import had made of the roll call is deleted, in the same change of the
stored figures.

A roll call is the same vote when it is on the same resolution, on a compatible subject (a whole-draft vote and
a roll call coded whole or not coded; a paragraph vote and one coded paragraph or not coded; likewise an
amendment), within three days (the dataset's dates are sometimes a day or more off), and its tally is within
`MAX_TALLY_DISTANCE` of the record's — and it is the only roll call that close. Anything less certain stays
two votes: missing beats wrong. `reconcile()` runs at the end of a plenary ingest and of a Voeten import;
`manage.py compare_sources` prints every pair and its differences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from . import figures
from .models import Country, RollCall, Vote

MAX_TALLY_DISTANCE = 6  # |Δyes| + |Δno| + |Δabstain| between the two sources' tallies
MAX_DAYS = 3
COMPATIBLE = {"whole": {"whole", "not_coded"}, "paragraph": {"paragraph", "not_coded"}, "amendment": {"amendment", "not_coded"}}
WORDS = {"yes": "voting yes", "no": "voting no", "abstain": "abstaining", "absent": "absent"}


@dataclass
class Pair:
    vote: Vote
    roll_call: RollCall
    differences: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        head = f"{self.vote.draft.symbol} {self.vote.subject_label} ({self.vote.date}) = roll call {self.roll_call.rcid}"
        return head + "".join(f"\n  {line}" for line in self.differences or ["the two sources agree"])


def _tally(vote: Vote) -> tuple[int, int, int]:
    return vote.yes_count, vote.no_count, vote.abstain_count


def _distance(a: tuple, b: tuple) -> int:
    return sum(abs(x - y) for x, y in zip(a, b))


def recorded_votes_without_roll_call(vote_ids: Iterable[int] | None = None):
    """Plenary votes read from a document (a verbatim record) on a draft with a resolution, not yet paired."""
    votes = Vote.objects.filter(body_id="GA", method="recorded", document__isnull=False, roll_call__isnull=True).exclude(draft__resolution="")
    if vote_ids is not None:
        votes = votes.filter(pk__in=list(vote_ids))
    return votes.select_related("draft", "document")


def candidate(vote: Vote) -> RollCall | None:
    """The one roll call that is the same vote as `vote`, or None (none, or more than one as close)."""
    roll_calls = (
        RollCall.objects.filter(vote__draft__resolution=vote.draft.resolution, vote__document__isnull=True)
        .select_related("vote", "dataset")
    )
    scored = []
    for roll_call in roll_calls:
        other = roll_call.vote
        if other.subject not in COMPATIBLE.get(vote.subject, ()):
            continue
        if vote.date and other.date and abs((vote.date - other.date).days) > MAX_DAYS:
            continue
        distance = _distance(_tally(vote), _tally(other))
        if distance <= MAX_TALLY_DISTANCE:
            days = abs((vote.date - other.date).days) if vote.date and other.date else MAX_DAYS + 1
            scored.append(((distance, days), roll_call))
    scored.sort(key=lambda pair: pair[0])
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def differences(roll_call: RollCall, listed: dict[str, str], vote: Vote, names: dict[str, str] | None = None) -> list[str]:
    """In words, every State whose position differs between the dataset's lists and the vote's, and the dates."""
    recorded = dict(vote.positions.values_list("country_id", "position"))
    names = names or dict(Country.objects.values_list("iso3", "name_en"))
    record = vote.document.symbol or vote.document.file_name
    said = []
    for iso3 in sorted(set(listed) | {c for c, p in recorded.items() if p != "absent"}, key=lambda c: names.get(c, c)):
        dataset, verbatim = listed.get(iso3, "absent"), recorded.get(iso3, "absent")
        if dataset != verbatim:
            said.append(
                f"Voeten's roll call {roll_call.rcid} lists {names.get(iso3, iso3)} as {WORDS[dataset]};"
                f" the verbatim record {record} lists it as {WORDS.get(verbatim, verbatim)}"
            )
    if vote.date and roll_call.date and roll_call.date != vote.date.isoformat():
        said.append(f"Voeten's roll call {roll_call.rcid} is dated {roll_call.date}; the verbatim record {record}, {vote.date}")
    return said


def pair(vote: Vote, roll_call: RollCall) -> Pair:
    """Make the roll call join the verbatim record's vote (see the module docstring)."""
    made = roll_call.vote
    listed = dict(made.positions.exclude(position="absent").values_list("country_id", "position"))
    tags = list(made.issue_tags.values_list("code", flat=True))
    # The verbatim record's vote is named too: it takes the roll call's issue tags, which the figures by issue count;
    # and its draft is searched by the roll call's descriptions from now on: its search row is rewritten.
    with figures.changing(votes=[made.pk, vote.pk], drafts=[vote.draft_id]):
        roll_call.listed = listed
        roll_call.differences = differences(roll_call, listed, vote)
        roll_call.vote = vote
        roll_call.save(update_fields=["vote", "listed", "differences"])
        Vote.objects.filter(pk=made.pk).delete()
        vote.issue_tags.add(*tags)
        from .voeten import delete_emptied_drafts  # late: votes.voeten calls this module at the end of an import

        delete_emptied_drafts([made.draft_id])
    return Pair(vote, roll_call, roll_call.differences)


def reconcile(vote_ids: Iterable[int] | None = None) -> list[Pair]:
    """Pair every verbatim record's plenary vote (of `vote_ids`, or all) with its roll call where there is one."""
    pairs = []
    for vote in recorded_votes_without_roll_call(vote_ids):
        roll_call = candidate(vote)
        if roll_call is not None:
            pairs.append(pair(vote, roll_call))
    return pairs


def refresh(roll_call: RollCall, listed: dict[str, str]) -> None:
    """A newer release's lists for a roll call that has joined a verbatim record's vote."""
    roll_call.listed = listed
    roll_call.differences = differences(roll_call, listed, roll_call.vote)
    roll_call.save(update_fields=["listed", "differences"])


def paired() -> list[Pair]:
    """Every vote both sources give, with its differences (what `compare_sources` prints)."""
    roll_calls = RollCall.objects.filter(listed__isnull=False).select_related("vote__draft", "vote__document").order_by("rcid")
    return [Pair(roll_call.vote, roll_call, roll_call.differences) for roll_call in roll_calls]

