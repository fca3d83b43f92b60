"""Voeten's plenary roll calls (1946–2019) as votes of the General Assembly: `import_voeten(directory)`.

One transaction, idempotent: the files' checksums tell a release already imported (nothing is read); a newer
release is compared roll call by roll call with what is stored, and only what changed is written, and named.
What the files say is kept as given (`RollCall`); what it means for Tally is the vote beside it:

- the draft: the draft that became the resolution (one a committee report or a verbatim record already gave,
  found by its resolution), else a draft known by the resolution's symbol (A/RES/55/132); a roll call with no
  resolution gets a draft of its own, "Voeten/<rcid>";
- subject whole / paragraph / amendment where the data code it, "not coded" where they do not; outcome
  "adopted" only for a numbered whole resolution, else "not recorded" (see parsing.voeten);
- one position per Member on the date: yes/no/abstain as listed, absent for a Member not listed; a State listed
  that was not a Member on that date keeps its listed position and the roll call is flagged, as it is when its
  lists disagree with the recorded tally, when the date is a placeholder, or a State is listed twice.

Positions are written in bulk (COPY on PostgreSQL) and the stored figures follow in the same transaction
(`votes.figures`).
"""

from __future__ import annotations

import datetime
import io
import time
from contextlib import contextmanager
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from django.db import connection, transaction
from django.db.models import F, Q

from parsing import voeten as files
from reference.voeten import UnmappedName, VoetenCountries

from . import bulk, figures, reconcile
from .models import Body, Dataset, Draft, IssueTag, Membership, Position, RollCall, Session, Vote

SLUG = "voeten"
DRAFT_PREFIX = "Voeten/"  # symbol of the draft of a roll call without a resolution
DATASET = {
    "name": "United Nations General Assembly Voting Data (Erik Voeten)",
    "release": "R package unvotes, February 2021 download; recorded tallies from descriptions1-70 (July 2016)",
    "citation": (
        "Erik Voeten, Anton Strezhnev and Michael Bailey, \u201cUnited Nations General Assembly Voting Data\u201d,"
        " Harvard Dataverse, hdl:1902.1/12379"
    ),
    "licence": "CC0 1.0 (public domain dedication)",
    "url": "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
}
POSITION_BATCH = 20_000


@dataclass
class ImportResult:
    """What an import did; `str()` is the report the command prints."""

    skipped: bool = False  # the same files were imported before: nothing read
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    positions: int = 0
    changes: list[str] = field(default_factory=list)  # what changed, per roll call, for a newer release
    flags: dict[int, list[str]] = field(default_factory=dict)  # rcid -> what is questionable about it
    paired: list[str] = field(default_factory=list)  # roll calls that joined a verbatim record's vote, described
    seconds: dict[str, float] = field(default_factory=dict)

    def flag_counts(self) -> Counter:
        return Counter(flag.split(":")[0] for flags in self.flags.values() for flag in flags)

    def summary(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "unchanged": self.unchanged,
            "positions": self.positions,
            "flagged": len(self.flags),
            "flags": dict(self.flag_counts()),
            "changes": self.changes[:200],
        }

    def __str__(self) -> str:
        if self.skipped:
            return "Voeten dataset: these files were imported before; nothing changed."
        lines = [
            f"Voeten dataset: {self.created:,} roll calls created, {self.updated:,} updated, {self.deleted:,} deleted,"
            f" {self.unchanged:,} unchanged; {self.positions:,} positions written.",
            f"  flagged: {len(self.flags):,} roll calls"
            + "".join(f"\n    {count:5,} × {kind}" for kind, count in sorted(self.flag_counts().items())),
        ]
        lines += [f"  changed: {change}" for change in self.changes[:50]]
        lines += ["  beside a verbatim record's vote: " + found.replace("\n", "\n    ") for found in self.paired]
        if len(self.changes) > 50:
            lines.append(f"  … and {len(self.changes) - 50:,} more changes")
        lines.append("  time: " + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in self.seconds.items()))
        return "\n".join(lines)

    def flag_lines(self) -> list[str]:
        return [f"roll call {rcid}: {flag}" for rcid, flags in sorted(self.flags.items()) for flag in flags]


@dataclass
class PlannedVote:
    """A roll call in Tally's terms, before it is written; compared with the stored one on a re-import."""

    row: files.RollCallRow
    draft_symbol: str
    fields: dict
    positions: dict[str, str]  # iso3 -> yes/no/abstain/absent
    tags: list[str]
    flags: list[str]


class _Memberships:
    """Who was a Member on a date, from the stored memberships (read once)."""

    def __init__(self):
        self.periods: dict[str, list[tuple[datetime.date, datetime.date | None]]] = defaultdict(list)
        for iso3, start, end in Membership.objects.values_list("country_id", "start", "end"):
            self.periods[iso3].append((start, end))
        self._on: dict[datetime.date, frozenset[str]] = {}

    def on(self, day: datetime.date) -> frozenset[str]:
        if day not in self._on:
            self._on[day] = frozenset(
                iso3 for iso3, periods in self.periods.items() if any(s <= day and (e is None or day <= e) for s, e in periods)
            )
        return self._on[day]


def _membership_date(row: files.RollCallRow) -> datetime.date:
    # A placeholder date (session 1) is read as the session's: members on 1 December of its year, as for a
    # committee vote whose date its report does not state (votes.ingest).
    return row.vote_date or datetime.date(1945 + row.session, 12, 1)


def plan(data: files.Dataset, countries: VoetenCountries, memberships: _Memberships) -> tuple[list[PlannedVote], list[str]]:
    """Every roll call in Tally's terms; and the names the mapping does not cover (which refuse the import)."""
    unmapped: set[str] = set()
    planned = []
    order_in_draft: Counter = Counter()
    for rcid in sorted(data.roll_calls):
        row = data.roll_calls[rcid]
        flags = []
        day = _membership_date(row)
        if row.vote_date is None:
            flags.append(f"placeholder date: the dataset gives {row.date}; Members counted as on {day}")
        listed: dict[str, str] = {}
        for name, code, position in data.votes.get(rcid, []):
            try:
                iso3 = countries.entity(name, code, row.vote_date or day)
            except UnmappedName as error:
                unmapped.add(str(error))
                continue
            if iso3 in listed:
                flags.append(f"listed twice: {iso3} ({name}) as {listed[iso3]} and {position}; the first kept")
                continue
            listed[iso3] = position
        members = memberships.on(day)
        outsiders = sorted(set(listed) - members)
        if outsiders:
            flags.append(f"listed but not a Member on the date: {', '.join(outsiders)} on {day} (kept as listed)")
        positions = {iso3: "absent" for iso3 in members}
        positions.update(listed)
        stated = data.tallies.get(rcid)
        counted = tuple(sum(1 for p in listed.values() if p == value) for value in files.CAST)
        if stated is not None and stated != counted:
            flags.append(
                "lists disagree with the tally: listed {}–{}–{}, recorded {}–{}–{}".format(*counted, *stated)
            )
        if row.resolution and row.resolution == row.unres.strip() and not row.unres.startswith("A/RES/"):
            flags.append(f"resolution symbol not in a known form: {row.unres!r} kept as given")
        symbol = row.resolution or f"{DRAFT_PREFIX}{rcid}"
        order_in_draft[symbol] += 1
        planned.append(
            PlannedVote(
                row=row,
                draft_symbol=symbol,
                fields={
                    "subject": row.subject,
                    "subject_label": f"RC{rcid}",
                    "method": Vote.Method.RECORDED,
                    "outcome": Vote.Outcome.ADOPTED if row.adopted else Vote.Outcome.NOT_RECORDED,
                    "session_id": row.session,
                    "date": row.vote_date,
                    "order": order_in_draft[symbol],
                    "stated_yes": stated[0] if stated else None,
                    "stated_no": stated[1] if stated else None,
                    "stated_abstain": stated[2] if stated else None,
                },
                positions=positions,
                tags=sorted(data.issues.get(rcid, [])),
                flags=flags,
            )
        )
    return planned, sorted(unmapped)


class UnmappedNames(Exception):
    def __init__(self, names: list[str]):
        self.names = names
        super().__init__("the dataset names countries the mapping does not cover:\n" + "\n".join(f"  - {n}" for n in names))


ROLL_CALL_FIELDS = ("session", "date", "unres", "amend", "para", "important", "short", "descr", "flags")


def _roll_call_fields(planned: PlannedVote) -> dict:
    row = planned.row
    return {
        "session": row.session,
        "date": row.date,
        "unres": row.unres,
        "amend": row.amend,
        "para": row.para,
        "important": row.importantvote,
        "short": row.short,
        "descr": row.descr,
        "flags": planned.flags,
    }


class _Stored:
    """What a previous import stored, by rcid: the vote's fields, positions, tags and roll-call fields."""

    VOTE_FIELDS = ("subject", "subject_label", "method", "outcome", "session_id", "date", "order", "stated_yes", "stated_no", "stated_abstain")

    def __init__(self):
        self.vote_ids: dict[int, int] = {}
        self.fields: dict[int, dict] = {}
        self.draft_ids: dict[int, int] = {}
        # Roll calls that joined a verbatim record's vote (votes.reconcile): their lists are their own.
        self.listed: dict[int, dict[str, str]] = {}
        for rcid, vote_id, draft_id, listed, *values in RollCall.objects.values_list(
            "rcid", "vote_id", "vote__draft_id", "listed", *(f"vote__{name}" for name in self.VOTE_FIELDS), *ROLL_CALL_FIELDS
        ):
            self.vote_ids[rcid] = vote_id
            self.draft_ids[rcid] = draft_id
            if listed is not None:
                self.listed[rcid] = listed
            self.fields[rcid] = dict(zip((*self.VOTE_FIELDS, *(f"rc_{n}" for n in ROLL_CALL_FIELDS)), values))

    def positions(self, vote_ids: Iterable[int]) -> dict[int, dict[str, str]]:
        stored: dict[int, dict[str, str]] = defaultdict(dict)
        ids = list(vote_ids)
        for start in range(0, len(ids), 500):
            for vote_id, iso3, position in Position.objects.filter(vote_id__in=ids[start : start + 500]).values_list(
                "vote_id", "country_id", "position"
            ):
                stored[vote_id][iso3] = position
        return stored

    def tags(self) -> dict[int, list[str]]:
        through = Vote.issue_tags.through
        tags: dict[int, list[str]] = defaultdict(list)
        for vote_id, code in through.objects.filter(vote__roll_call__isnull=False).values_list("vote_id", "issuetag_id"):
            tags[vote_id].append(code)
        return {vote_id: sorted(codes) for vote_id, codes in tags.items()}


def _differences(planned: PlannedVote, stored_fields: dict, draft_moved: bool, stored_positions: dict, stored_tags: list) -> list[str]:
    """What changed for one roll call, in words (empty: unchanged)."""
    said = []
    if draft_moved:
        said.append(f"now on {planned.draft_symbol}")
    for name, value in planned.fields.items():
        if stored_fields[name] != value:
            said.append(f"{name} {stored_fields[name]!r} → {value!r}")
    for name, value in _roll_call_fields(planned).items():
        if stored_fields[f"rc_{name}"] != value and name != "flags":
            said.append(f"{name} {stored_fields[f'rc_{name}']!r} → {value!r}")
    moved = sorted(iso3 for iso3 in set(stored_positions) | set(planned.positions) if stored_positions.get(iso3) != planned.positions.get(iso3))
    if moved:
        said.append(
            "positions of "
            + ", ".join(f"{iso3} {stored_positions.get(iso3, '–')} → {planned.positions.get(iso3, '–')}" for iso3 in moved[:10])
            + (f" and {len(moved) - 10} more" if len(moved) > 10 else "")
        )
    if stored_tags != planned.tags:
        said.append(f"issues {stored_tags} → {planned.tags}")
    return said


def _write_positions(rows: list[tuple[int, str, str]]) -> None:
    """(vote_id, country_id, position) rows: COPY on PostgreSQL, one executemany on SQLite."""
    table = Position._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} (vote_id, country_id, position) FROM STDIN") as copy:
                buffer = io.StringIO()
                for vote_id, iso3, position in rows:
                    buffer.write(f"{vote_id}\t{iso3}\t{position}\n")
                copy.write(buffer.getvalue())
        else:
            cursor.executemany(f"INSERT INTO {table} (vote_id, country_id, position) VALUES (%s, %s, %s)", rows)


@contextmanager
def _bulk_positions(adding: int):
    """On PostgreSQL, a load at least as large as the positions stored runs without the table's secondary index
    and foreign keys, built and checked once after it (votes.bulk): maintaining the index row by row cost most of
    the COPY, and checking the keys row by row more than the COPY itself."""
    if connection.vendor != "postgresql" or adding < max(Position.objects.count(), 1):
        yield False
        return
    table = Position._meta.db_table
    with connection.cursor() as cursor:
        # DDL refuses a table with foreign-key checks queued (deferred) in this transaction: run them first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        definitions = bulk.drop_secondary_indexes(cursor, table)
        keys = bulk.drop_foreign_keys(cursor, table)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        yield True
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in (*definitions, *keys):
            cursor.execute(statement)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _position_rows(vote_id: int, positions: dict[str, str]) -> list[tuple[int, str, str]]:
    return [(vote_id, iso3, position) for iso3, position in sorted(positions.items())]


def import_voeten(
    directory: str | Path,
    *,
    countries: VoetenCountries | None = None,
    progress: Callable[[Iterable, int, str], Iterable] | None = None,
    force: bool = False,
) -> ImportResult:
    """Import (or update from) the dataset in `directory`; see the module docstring. `progress(iterable, total,
    label)` wraps long loops (a progress bar in the command). Raises `parsing.voeten.DatasetError` for files not
    in the dataset's shape and `UnmappedNames` for names the mapping lacks; then nothing is written."""
    directory = Path(directory)
    result = ImportResult()
    wrap = progress or (lambda iterable, total, label: iterable)
    clock = time.perf_counter()

    def timed(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.seconds[step] = result.seconds.get(step, 0.0) + now - clock
        clock = now

    checksums = files.checksums(directory)
    existing = Dataset.objects.filter(slug=SLUG).first()
    if existing and existing.files == checksums and not force:
        result.skipped = True
        return result
    data = files.read_dataset(directory)
    timed("read")
    planned, unmapped = plan(data, countries or VoetenCountries.from_file(), _Memberships())
    if unmapped:
        raise UnmappedNames(unmapped)
    timed("plan")

    with transaction.atomic():
        with figures.changing() as change:
            dataset, _ = Dataset.objects.update_or_create(slug=SLUG, defaults={**DATASET, "files": checksums})
            for code, name in sorted(data.issue_names.items()):
                IssueTag.objects.update_or_create(code=code, defaults={"name": name})
            for number in sorted({p.row.session for p in planned}):
                Session.for_number(number)
            stored = _Stored()
            stored_tags = stored.tags()
            drafts = _Drafts(planned)
            timed("drafts")

            planned_by_rcid = {p.row.rcid: p for p in planned}
            gone = sorted(set(stored.vote_ids) - set(planned_by_rcid))
            again = [p for p in planned if p.row.rcid in stored.vote_ids]
            new = [p for p in planned if p.row.rcid not in stored.vote_ids]

            # Roll calls that joined a verbatim record's vote: only the roll call's own fields and lists change.
            for p in [p for p in again if p.row.rcid in stored.listed]:
                listed = {iso3: position for iso3, position in p.positions.items() if position != "absent"}
                fields = _roll_call_fields(p)
                said = [f"{name} {stored.fields[p.row.rcid][f'rc_{name}']!r} → {value!r}" for name, value in fields.items()
                        if name != "flags" and stored.fields[p.row.rcid][f"rc_{name}"] != value]
                if listed != stored.listed[p.row.rcid]:
                    said.append("its lists")
                if said:
                    result.changes.append(f"roll call {p.row.rcid} (beside the verbatim record's vote): " + "; ".join(said))
                    RollCall.objects.filter(rcid=p.row.rcid).update(**fields)
                    reconcile.refresh(RollCall.objects.select_related("vote__document").get(rcid=p.row.rcid), listed)
            again = [p for p in again if p.row.rcid not in stored.listed]

            # Roll calls imported before: compare, and rewrite only those that changed.
            changed: list[PlannedVote] = []
            stored_positions = stored.positions(stored.vote_ids[p.row.rcid] for p in again)
            for p in wrap(again, len(again), "compare"):
                vote_id = stored.vote_ids[p.row.rcid]
                moved = stored.draft_ids[p.row.rcid] != drafts.id_of(p.draft_symbol)
                said = _differences(p, stored.fields[p.row.rcid], moved, stored_positions.get(vote_id, {}), stored_tags.get(vote_id, []))
                if said:
                    changed.append(p)
                    result.changes.append(f"roll call {p.row.rcid}: " + "; ".join(said))
                elif stored.fields[p.row.rcid]["rc_flags"] != p.flags:
                    RollCall.objects.filter(rcid=p.row.rcid).update(flags=p.flags)
            result.unchanged = len(again) - len(changed) + sum(1 for p in planned if p.row.rcid in stored.listed)
            if changed:
                change.include(votes=[stored.vote_ids[p.row.rcid] for p in changed])
                changed_ids = [stored.vote_ids[p.row.rcid] for p in changed]
                Position.objects.filter(vote_id__in=changed_ids).delete()
                Vote.issue_tags.through.objects.filter(vote_id__in=changed_ids).delete()
                for p in changed:
                    Vote.objects.filter(pk=stored.vote_ids[p.row.rcid]).update(draft_id=drafts.id_of(p.draft_symbol), **p.fields)
                    RollCall.objects.filter(rcid=p.row.rcid).update(**_roll_call_fields(p))
            if gone:
                result.changes += [f"roll call {rcid}: not in this release; deleted" for rcid in gone]
                # A verbatim record's vote stays; only the roll call beside it goes.
                RollCall.objects.filter(rcid__in=[rcid for rcid in gone if rcid in stored.listed]).delete()
                Vote.objects.filter(pk__in=[stored.vote_ids[rcid] for rcid in gone if rcid not in stored.listed]).delete()
            if changed or gone:
                delete_emptied_drafts({stored.draft_ids[p.row.rcid] for p in changed} | {stored.draft_ids[rcid] for rcid in gone})
            timed("compare")

            # New roll calls: votes, then their roll-call rows, positions and tags in bulk.
            body = Body.objects.get(code="GA")
            votes = Vote.objects.bulk_create(
                [Vote(draft_id=drafts.id_of(p.draft_symbol), body=body, **p.fields) for p in new], batch_size=2000
            )
            vote_ids = {p.row.rcid: vote.pk for p, vote in zip(new, votes)}
            RollCall.objects.bulk_create(
                [RollCall(rcid=p.row.rcid, dataset=dataset, vote_id=vote_ids[p.row.rcid], **_roll_call_fields(p)) for p in new],
                batch_size=2000,
            )
            timed("votes")
            written = [(vote_ids.get(p.row.rcid) or stored.vote_ids[p.row.rcid], p) for p in (*new, *changed)]
            with _bulk_positions(adding=sum(len(p.positions) for _, p in written)) as bulk_load:
                batch: list[tuple[int, str, str]] = []
                for vote_id, p in wrap(written, len(written), "positions"):
                    batch += _position_rows(vote_id, p.positions)
                    result.positions += len(p.positions)
                    if len(batch) >= POSITION_BATCH:
                        _write_positions(batch)
                        batch = []
                if batch:
                    _write_positions(batch)
            Vote.issue_tags.through.objects.bulk_create(
                [Vote.issue_tags.through(vote_id=vote_id, issuetag_id=code) for vote_id, p in written for code in p.tags],
                batch_size=5000,
            )
            timed("positions")
            if bulk_load:  # the stored figures' queries, then the pages, are planned on these statistics
                bulk.analyze([Position, Vote, RollCall, Draft, Vote.issue_tags.through])
                timed("statistics")

            result.created, result.updated, result.deleted = len(new), len(changed), len(gone)
            result.flags = {p.row.rcid: p.flags for p in planned if p.flags}
            change.created(votes=[vote_id for vote_id, _ in written], drafts=drafts.touched(p.draft_symbol for _, p in written))
        timed("figures")
        # The same votes read from verbatim records, if ingested: one vote each, the differences named (once the
        # new votes' counts are stored, which the pairing compares).
        result.paired = [str(found) for found in reconcile.reconcile()]
        Dataset.objects.filter(pk=dataset.pk).update(summary=result.summary())
    timed("pairing and commit")
    result.seconds.update({f"  of which {name}": seconds for name, seconds in change.seconds.items()})
    return result


def delete_emptied_drafts(draft_ids: Iterable[int]) -> None:
    """Drafts the import made that no roll call is on any more (nothing else was ever stored on them)."""
    Draft.objects.filter(pk__in=list(draft_ids), votes__isnull=True, paragraphs__isnull=True, documents__isnull=True).filter(
        Q(symbol__startswith=DRAFT_PREFIX) | Q(symbol=F("resolution"))
    ).delete()


class _Drafts:
    """The draft each roll call is on: found (by resolution, then symbol) or created, one query each way."""

    def __init__(self, planned: list[PlannedVote]):
        session_by_symbol: dict[str, int] = {}
        title_by_symbol: dict[str, str] = {}
        for p in planned:
            session_by_symbol.setdefault(p.draft_symbol, p.row.session)
            title_by_symbol.setdefault(p.draft_symbol, p.row.short.strip())
        symbols = list(session_by_symbol)
        self.ids: dict[str, int] = {}
        resolutions = [s for s in symbols if not s.startswith(DRAFT_PREFIX)]
        for start in range(0, len(resolutions), 500):
            for pk, resolution, symbol in Draft.objects.filter(resolution__in=resolutions[start : start + 500]).values_list(
                "pk", "resolution", "symbol"
            ):
                # A draft a report or verbatim record gave, that became this resolution, takes its roll calls.
                if resolution not in self.ids or symbol == resolution:
                    self.ids[resolution] = pk
        for start in range(0, len(symbols), 500):
            chunk = [s for s in symbols[start : start + 500] if s not in self.ids]
            for pk, symbol in Draft.objects.filter(symbol__in=chunk).values_list("pk", "symbol"):
                self.ids[symbol] = pk
        body = Body.objects.get(code="GA")
        missing = [s for s in symbols if s not in self.ids]
        created = Draft.objects.bulk_create(
            [
                Draft(
                    symbol=symbol,
                    kind=Draft.Kind.RESOLUTION,
                    title_en=title_by_symbol[symbol],
                    session_id=session_by_symbol[symbol],
                    body=body,
                    resolution="" if symbol.startswith(DRAFT_PREFIX) else symbol,
                )
                for symbol in missing
            ],
            batch_size=2000,
        )
        self.ids.update({draft.symbol: draft.pk for draft in created})

    def id_of(self, symbol: str) -> int:
        return self.ids[symbol]

    def touched(self, symbols: Iterable[str]) -> list[int]:
        return sorted({self.ids[symbol] for symbol in symbols})
