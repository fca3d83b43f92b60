"""Every figure stored beside the record — derived from it, kept so that pages need not count on each request —
has its home here: a registry of named steps, each able to recount everything or only given votes or drafts.

    FIGURES = vote counts → country tallies → agreement → search rows → group cohesion → group cohesion by issue
              → agreement by session → ideal points

The order is part of the rule: a country's `with_majority` tally reads its votes' counts, so the counts are
recounted first; the tallies and agreement figures take a vote's contribution out while its old positions and
counts are still stored.

Every write path of the record says which votes or drafts it changes, and nothing else:

    with figures.changing(votes=[vote.pk]):    # their contributions are taken out here...
        ... change the positions ...
    # ... and the new ones put in here, in the same transaction as the change.

    with figures.changing() as change:
        ... create votes ...
        change.created(votes=new_ids, drafts=[draft.pk])   # records made inside: nothing to take out
        change.include(votes=[other.pk])                    # an existing vote about to change, named late

Changes nest: an inner `changing` joins the outer one. Deletions need no call: a vote's `pre_delete` takes its
contribution out (`vote_deleting`), and saved or deleted drafts and paragraphs mark their search rows
(`draft_saved`, `paragraph_saved`, `paragraph_deleted`), through the receivers connected in `votes.apps`. `recount()` rebuilds every figure from the
record (`manage.py recount`, bulk loads). Adding a figure = one `Figure` subclass below, in `FIGURES`, and its
model: `migrate` counts a figure whose table it finds empty (`fill_missing`).
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from django.db import connection, transaction

from . import agreement, search
from .analysis import cohesion, idealpoints, similarity
from .models import (
    AgreementScore,
    CountrySession,
    CountryTally,
    Draft,
    DraftSearchText,
    GroupCohesion,
    GroupIssueCohesion,
    IdealPoint,
    Position,
    Vote,
)

# --- the figures ---------------------------------------------------------------------------------------------


class Figure:
    """One kind of stored figure. `model` holds it, one row per `key`; `fields` are the columns it writes."""

    name: str
    description: str
    model: type
    key: tuple[str, ...]
    fields: tuple[str, ...]

    def recount_all(self) -> int:
        """Rebuild every row from the record; returns the number of rows written."""
        raise NotImplementedError

    def missing(self) -> bool:
        """Whether the figure has no rows although the record would give it some (a figure added since)."""
        return not self.model.objects.exists() and Position.objects.exists()

    # `held`: inside a change, a dict of this figure's own that lives from the change's first take_out to its
    # put_in, for what a figure reads before the change and writes after it (None outside a change: write now).

    def take_out(self, vote_ids: list[int], held: dict | None = None) -> None:
        """Before the given votes change: take out what they contribute now (figures summed over votes)."""

    def put_in(self, vote_ids: list[int], draft_ids: list[int], held: dict | None = None) -> None:
        """After the change: add (or recount) what the given votes and drafts contribute now."""

    def votes_deleted(self, votes: list, held: dict | None = None) -> None:
        """After the rows of these votes are deleted (figures that recount a group of votes whole, not by
        increments): once for all the votes a change deletes."""


class VoteCounts(Figure):
    """Each vote's counts of its positions (yes, no, abstain, absent) and margin (yes − no): lists sort and
    filter on them."""

    name = "vote counts"
    description = "each vote's yes, no, abstain and absent counts and margin, from its positions"
    model = Vote
    key = ("id",)
    fields = ("yes_count", "no_count", "abstain_count", "absent_count", "margin")

    # One statement for any number of votes (UPDATE … FROM: PostgreSQL, SQLite 3.33+). Votes without positions
    # (adopted without a vote, or all positions removed) get zeros from the LEFT JOIN.
    _UPDATE = """
        UPDATE {vote} SET yes_count = c.yes, no_count = c.no, abstain_count = c.abstain, absent_count = c.absent,
            margin = c.yes - c.no
        FROM (
            SELECT v.id AS vote_id,
                COUNT(CASE WHEN p.position = 'yes' THEN 1 END) AS yes,
                COUNT(CASE WHEN p.position = 'no' THEN 1 END) AS no,
                COUNT(CASE WHEN p.position = 'abstain' THEN 1 END) AS abstain,
                COUNT(CASE WHEN p.position = 'absent' THEN 1 END) AS absent
            FROM {vote} v LEFT JOIN {position} p ON p.vote_id = v.id
            {where}
            GROUP BY v.id
        ) AS c
        WHERE {vote}.id = c.vote_id
    """
    CHUNK = 500  # votes per statement when given ids (SQLite's limit of bound parameters)

    def _update(self, where: str = "", params: list | None = None) -> int:
        sql = self._UPDATE.format(vote=Vote._meta.db_table, position=Position._meta.db_table, where=where)
        with connection.cursor() as cursor:
            cursor.execute(sql, params or [])
            return cursor.rowcount

    def recount_all(self) -> int:
        return self._update()

    def missing(self) -> bool:
        return False  # columns of the votes themselves, written with them

    def put_in(self, vote_ids, draft_ids, held=None) -> None:
        for start in range(0, len(vote_ids), self.CHUNK):
            chunk = vote_ids[start : start + self.CHUNK]
            self._update(f"WHERE v.id IN ({', '.join(['%s'] * len(chunk))})", chunk)


class SummedOverVotes(Figure):
    """A figure that is a sum over votes: a change takes the votes' terms out and adds them back."""

    def apply(self, vote_ids: list[int], sign: int) -> None:
        raise NotImplementedError

    def take_out(self, vote_ids, held=None) -> None:
        self.apply(vote_ids, -1)

    def put_in(self, vote_ids, draft_ids, held=None) -> None:
        if vote_ids and not self.model.objects.exists():
            # Nothing stored (a record's first import): the sums over every vote are the recount's, in SQL, at a
            # fraction of the time of adding each vote's terms (the Voeten record's group cohesion: ~2 s, not ~6).
            self.recount_all()
        else:
            self.apply(vote_ids, +1)


class CountryTallies(SummedOverVotes):
    """Each country's whole record in figures (`CountryTally`): the unfiltered country page and the count of a
    country's votes read one row."""

    name = "country tallies"
    description = "each country's votes by position and with the majority"
    model = CountryTally
    key = ("country_id",)
    fields = CountryTally.FIELDS

    def recount_all(self) -> int:
        return agreement.refresh_tallies()

    def apply(self, vote_ids, sign) -> None:
        agreement.apply_tallies(vote_ids, sign)


class Agreement(SummedOverVotes):
    """How each pair of countries stood relative to each other (`AgreementScore`, both directions).

    Inside a change, what the votes counted before is held in memory and only the difference is written when it
    ends: a vote touches every pair of the ~190 States on it (~37,000 rows), and taking it out and putting it
    back wrote them all twice, where a corrected position changes a few hundred."""

    name = "agreement"
    description = "each pair of countries' votes in common and in agreement"
    model = AgreementScore
    key = ("country_id", "other_id")
    fields = ("common", "same", "votes", "agreed", "score")

    def recount_all(self) -> int:
        return agreement.refresh_pairs()

    def apply(self, vote_ids, sign) -> None:
        agreement.apply_pairs(vote_ids, sign)

    def take_out(self, vote_ids, held=None) -> None:
        if held is None:
            self.apply(vote_ids, -1)
        else:
            held["before"] = agreement.add_counts(held.get("before"), agreement.counts_of_votes(vote_ids))

    def put_in(self, vote_ids, draft_ids, held=None) -> None:
        before = held.pop("before", None) if held is not None else None
        agreement.apply_pair_difference(before, agreement.counts_of_votes(vote_ids))


class SearchRows(Figure):
    """Each draft's normalised text (`DraftSearchText`), which the text search looks in."""

    name = "search rows"
    description = "each draft's symbol, titles and paragraphs, normalised for the text search"
    model = DraftSearchText
    key = ("draft_id",)
    fields = ("heading", "body")

    def recount_all(self) -> int:
        return search.rebuild_search_texts()

    def missing(self) -> bool:
        return not self.model.objects.exists() and Draft.objects.exists()

    def put_in(self, vote_ids, draft_ids, held=None) -> None:
        if draft_ids:
            search.refresh_search_texts(draft_ids)


class GroupFigures(SummedOverVotes):
    """Each group's cohesion by session and body (`GroupCohesion`) and each member's dissent from its group's
    majority (`GroupDissent`), from the positions and the group memberships on each vote's date."""

    name = "group cohesion"
    description = "each group's Agreement Index by session and body, and its members' dissents"
    model = GroupCohesion
    key = ("group_id", "session_id", "body_id")
    fields = cohesion.COHESION_FIELDS

    def recount_all(self) -> int:
        return cohesion.rebuild()

    def missing(self) -> bool:
        from .models import GroupMembership

        return not self.model.objects.exists() and GroupMembership.objects.exists() and Position.objects.exists()

    def apply(self, vote_ids, sign) -> None:
        cohesion.apply_terms(cohesion.vote_terms(vote_ids), sign)


class GroupCohesionByIssue(SummedOverVotes):
    """Each group's cohesion on the votes a dataset tags with an issue (`GroupIssueCohesion`), from the positions,
    the tags and the group memberships on each vote's date. Only tagged votes contribute: the terms are counted
    for those alone."""

    name = "group cohesion by issue"
    description = "each group's Agreement Index on the votes tagged with each issue"
    model = GroupIssueCohesion
    key = ("group_id", "issue_id")
    fields = cohesion.COHESION_FIELDS

    def recount_all(self) -> int:
        return cohesion.rebuild_issues()

    def missing(self) -> bool:
        from .models import GroupMembership

        tagged = Vote.issue_tags.through.objects.exists()
        return not self.model.objects.exists() and tagged and GroupMembership.objects.exists() and Position.objects.exists()

    def apply(self, vote_ids, sign) -> None:
        cohesion.apply_issue_terms(cohesion.vote_terms(vote_ids, tagged_only=True), sign)


class AgreementBySession(Figure):
    """Each country's positions per session and body and its agreement with every other country there
    (`CountrySession`): the country analysis over a range of sessions and a body, and the compare page's chart.
    Not a sum kept by increments: a changed vote's session is counted again whole, every body
    (`similarity.recount_sessions`), once when a change ends: the sessions its votes were in before (held) and
    are in after."""

    name = "agreement by session"
    description = (
        "each country's positions per session and body, and its votes in common and in agreement with each other country"
    )
    model = CountrySession
    key = ("country_id", "session_id", "body_id")
    fields = ("yes", "no", "abstain", "absent", "sole_body", "pairs")

    def recount_all(self) -> int:
        return similarity.rebuild()

    def take_out(self, vote_ids, held=None) -> None:
        if held is None:
            similarity.recount_sessions(similarity.sessions_of(vote_ids), leaving_out=vote_ids)
        else:
            held.setdefault("sessions", set()).update(similarity.sessions_of(vote_ids))

    def put_in(self, vote_ids, draft_ids, held=None) -> None:
        sessions = held.pop("sessions", set()) if held is not None else set()
        if vote_ids:
            sessions |= similarity.sessions_of(vote_ids)
        if sessions:
            similarity.recount_sessions(sessions)

    def votes_deleted(self, votes, held=None) -> None:
        sessions = {vote.session_id for vote in votes}
        if held is None:
            similarity.recount_sessions(sorted(sessions))
        else:
            held.setdefault("sessions", set()).update(sessions)  # counted with the rest when the change ends


class IdealPoints(Figure):
    """Each State's ideal point per session from the plenary roll calls (`IdealPoint`). A model fitted to the
    whole record at once: a change of plenary votes does not refit it (minutes, not milliseconds) but records
    that it is stale; `recount "ideal points"` (or `manage.py idealpoints`) refits it after an import or a batch."""

    name = "ideal points"
    description = "each State's one-dimensional ideal point per session, fitted to the plenary roll calls"
    model = IdealPoint
    key = ("country_id", "session_id")
    fields = ("value", "se", "votes")

    def recount_all(self) -> int:
        return idealpoints.refit()

    def missing(self) -> bool:
        return False  # fitted on demand: `migrate` on a full record must not take minutes

    def put_in(self, vote_ids, draft_ids, held=None) -> None:
        if vote_ids:
            idealpoints.mark_stale(vote_ids)


FIGURES: tuple[Figure, ...] = (
    VoteCounts(), CountryTallies(), Agreement(), SearchRows(), GroupFigures(), GroupCohesionByIssue(), AgreementBySession(),
    IdealPoints(),
)


def by_name(names: Iterable[str] | None) -> list[Figure]:
    """The registered figures named (all of them, in order, when `names` is None)."""
    if names is None:
        return list(FIGURES)
    names = set(names)
    unknown = names - {figure.name for figure in FIGURES}
    if unknown:
        raise ValueError(f"unknown figures: {', '.join(sorted(unknown))}")
    return [figure for figure in FIGURES if figure.name in names]


# --- recounting ----------------------------------------------------------------------------------------------


@dataclass
class Recounted:
    figure: Figure
    rows: int
    seconds: float

    def __str__(self) -> str:
        return f"{self.figure.name}: {self.rows:,} rows in {self.seconds:.1f} s"


def recount(names: Iterable[str] | None = None, *, log: Callable[[str], None] | None = None) -> list[Recounted]:
    """Rebuild the figures (all, or those named) from the record, in order, in one transaction."""
    done = []
    with transaction.atomic():
        for figure in by_name(names):
            if log:
                log(f"recounting {figure.name} ({figure.description}) …")
            started = time.perf_counter()
            rows = figure.recount_all()
            done.append(Recounted(figure, rows, time.perf_counter() - started))
    return done


def fill_missing(sender=None, **kwargs) -> None:
    """post_migrate of the votes app: a figure whose table a migration just created is counted now, so a new
    figure needs no backfill migration of its own."""
    missing = [figure.name for figure in FIGURES if figure.missing()]
    if missing:
        recount(missing)


# --- changes of the record -----------------------------------------------------------------------------------


@dataclass
class Change:
    """The votes and drafts a change of the record touches; their figures are recounted when it ends."""

    vote_ids: set[int] = field(default_factory=set)
    draft_ids: set[int] = field(default_factory=set)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per figure, for the benchmark
    deleted: list = field(default_factory=list)  # votes deleted inside the change (their rows are gone)
    held: dict[str, dict] = field(default_factory=dict)  # per figure, what it read before the change (Figure)

    def include(self, *, votes: Iterable[int] = (), drafts: Iterable[int] = ()) -> None:
        """Name stored votes and drafts about to change: votes not named before have their contribution taken
        out now, while their old positions and counts are still stored."""
        new_votes = sorted(set(votes) - self.vote_ids)
        if new_votes:
            self._timed(lambda figure: figure.take_out(new_votes, self._held(figure)))
            self.vote_ids.update(new_votes)
        self.draft_ids.update(drafts)

    def created(self, *, votes: Iterable[int] = (), drafts: Iterable[int] = ()) -> None:
        """Name votes and drafts created inside the change: they contribute only from its end."""
        self.vote_ids.update(votes)
        self.draft_ids.update(drafts)

    def _held(self, figure: Figure) -> dict:
        return self.held.setdefault(figure.name, {})

    def _timed(self, step: Callable[[Figure], None]) -> None:
        for figure in FIGURES:
            started = time.perf_counter()
            step(figure)
            self.seconds[figure.name] = self.seconds.get(figure.name, 0.0) + time.perf_counter() - started

    def finish(self) -> None:
        if self.deleted:
            self._timed(lambda figure: figure.votes_deleted(self.deleted, self._held(figure)))
        vote_ids, draft_ids = sorted(self.vote_ids), sorted(self.draft_ids)
        if vote_ids or draft_ids:
            self._timed(lambda figure: figure.put_in(vote_ids, draft_ids, self._held(figure)))


_active: ContextVar[Change | None] = ContextVar("figures_change", default=None)

# The key of PostgreSQL's advisory lock for changes of the record: any constant every process shares.
RECORD_LOCK_KEY = int.from_bytes(b"tally", "big")


def lock_the_record() -> None:
    """Wait until no other transaction is changing the record, then hold that right until this one ends.

    One writer at a time: two ingests of the same file would otherwise both find no document and both insert it
    (the second dies on the unique checksum), and two changes summing into the same agreement rows could
    deadlock. The waiting transaction then reads what the first committed (PostgreSQL reads committed rows at
    each statement), so it finds the report stored and reports it unchanged. On SQLite the transaction already
    holds the database's one write lock from its start (`transaction_mode` IMMEDIATE in config/settings.py)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RECORD_LOCK_KEY])


@contextmanager
def changing(*, votes: Iterable[int] = (), drafts: Iterable[int] = ()) -> Iterator[Change]:
    """Wrap a change of the record (see the module docstring): one transaction for the change and its figures."""
    outer = _active.get()
    if outer is not None:
        outer.include(votes=votes, drafts=drafts)
        yield outer
        return
    change = Change()
    with transaction.atomic():
        lock_the_record()
        token = _active.set(change)
        try:
            change.include(votes=votes, drafts=drafts)
            yield change
        finally:
            _active.reset(token)
        change.finish()


# --- receivers (connected in votes.apps) ---------------------------------------------------------------------


def vote_deleting(sender, instance, **kwargs) -> None:
    """pre_delete of a Vote: its positions are still stored, so its contribution can be taken out."""
    change = _active.get()
    if change is not None:
        change.include(votes=[instance.pk])
    else:
        for figure in FIGURES:
            figure.take_out([instance.pk])


def vote_deleted(sender, instance, **kwargs) -> None:
    """post_delete of a Vote: figures counted whole over a group of votes count it again without the vote.
    (`pre_delete` is too early for them: a queryset's delete signals every vote before it deletes any.) Inside
    a change, once when it ends for all the votes it deleted: a batch of votes of one session recounts that
    session once, not once per vote."""
    change = _active.get()
    if change is not None:
        change.deleted.append(instance)
        return
    for figure in FIGURES:
        figure.votes_deleted([instance])


def draft_saved(sender, instance, **kwargs) -> None:
    """post_save of a Draft: its heading may have changed."""
    if not kwargs.get("raw"):
        _drafts_changed([instance.pk])


def paragraph_saved(sender, instance, **kwargs) -> None:
    """post_save of a Paragraph (edited in the admin, corrected): its draft's text changed."""
    if not kwargs.get("raw"):
        _drafts_changed([instance.draft_id])


def paragraph_deleted(sender, instance, **kwargs) -> None:
    """post_delete of a Paragraph. Outside a change, its draft's row is rewritten once the deletion is committed:
    when a whole draft is being deleted, the row would otherwise be written again mid-way and outlive the draft."""
    draft_id = instance.draft_id
    if _active.get() is not None:
        _drafts_changed([draft_id])
    else:
        transaction.on_commit(lambda: search.refresh_search_texts([draft_id]))


def _drafts_changed(draft_ids: list[int]) -> None:
    change = _active.get()
    if change is not None:
        change.created(drafts=draft_ids)  # search rows are rewritten whole: nothing to take out
    else:
        search.refresh_search_texts(draft_ids)
