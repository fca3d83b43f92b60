"""Ingestion: map a parsed report (`parsing.Report`) onto the models, in one place, once.

One transaction per report. The same report twice, or its versions in other languages, give one record:
facts are matched on natural keys (draft symbol; vote = draft + body + subject), texts are added per language,
and a version that disagrees on a fact (a tally, a list, an outcome) is refused with the difference named.
Hand corrections (`Correction`) win over the report: a difference they explain is listed as a conflict,
never silently undone. A dry run does the same work inside a transaction that is rolled back.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from parsing import Report, parse_report
from parsing.labels import VotedLabel
from parsing.model import Action
from parsing.model import Draft as ParsedDraft
from parsing.plenary.model import DraftRef
from reference import CountryDirectory

from . import figures
from .models import (
    AgendaItem,
    Body,
    Correction,
    Country,
    Document,
    Draft,
    IntendedPosition,
    Paragraph,
    Position,
    Session,
    Sponsorship,
    Vote,
)

PART_BY_PREFIX = {"PP": Paragraph.Part.PREAMBULAR, "OP": Paragraph.Part.OPERATIVE}


class IngestRefused(Exception):
    """The report contradicts what is stored (and no hand correction explains it). Nothing was written."""

    def __init__(self, file_name: str, problems: list[str]):
        self.file_name = file_name
        self.problems = problems
        super().__init__(f"{file_name}: refused:\n" + "\n".join(f"  - {problem}" for problem in problems))


@dataclass
class Written:
    """One record an ingest writes or finds unchanged, in words: what the upload's preview lists, and what the
    write reports after it (the same list, from the same code)."""

    kind: str  # "draft", "sponsors", "vote"
    name: str  # "A/C.1/79/L.53/Rev.1", "A/C.1/79/L.53/Rev.1: OP2"
    status: str  # "created", "changed" or "unchanged"
    detail: str = ""  # a draft's title, a vote's tally "87–53–22", a sponsor list
    changes: list[str] = field(default_factory=list)  # for a change: what, old → new

    def as_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "status": self.status, "detail": self.detail, "changes": list(self.changes)}


def _shown(value) -> str:
    """An old or new value in a change, as staff read it."""
    if value in (None, ""):
        return "(none)"
    text = str(value)
    return f"“{text if len(text) <= 80 else text[:79] + '…'}”"


@dataclass
class IngestResult:
    """What ingesting one report did (or, for a dry run, would do)."""

    file_name: str
    sha256: str
    language: str
    dry_run: bool = False
    document_id: int | None = None
    already_ingested: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    new_vote_ids: list[int] = field(default_factory=list)
    figure_seconds: dict[str, float] = field(default_factory=dict)  # time spent on each stored figure
    paired: list[str] = field(default_factory=list)  # votes found in a dataset too (votes.reconcile), described
    written: list[Written] = field(default_factory=list)  # each draft, sponsor list and vote, in report order

    @property
    def status(self) -> str:
        if +self.created:  # unary plus drops zero counts
            return "created"
        if +self.updated:
            return "updated"
        return "unchanged"

    def summary(self) -> dict:
        return {
            "status": self.status,
            "created": dict(+self.created),
            "updated": dict(+self.updated),
            "unchanged": dict(+self.unchanged),
            "conflicts": list(self.conflicts),
        }

    def __str__(self) -> str:
        def counts(counter: Counter) -> str:
            return ", ".join(f"{n} {name}" for name, n in sorted(counter.items()) if n) or "nothing"

        prefix = "would be " if self.dry_run else ""
        lines = [f"{self.file_name} ({self.language}): {prefix}{self.status}"]
        if self.already_ingested:
            lines[0] += " (this file was ingested before)"
        lines.append(f"  created: {counts(self.created)}")
        lines.append(f"  updated: {counts(self.updated)}")
        lines.append(f"  unchanged: {counts(self.unchanged)}")
        for item in self.written:
            lines.append(f"  {item.kind} {item.name}: {prefix}{item.status}" + (f" ({item.detail})" if item.detail else ""))
            lines += [f"    {change}" for change in item.changes]
        for conflict in self.conflicts:
            lines.append(f"  conflict (hand correction kept): {conflict}")
        for found in self.paired:
            lines.append("  also in a dataset, now one vote: " + found.replace("\n", "\n    "))
        return "\n".join(lines)


def ingest_report_file(path: str | Path, **options) -> IngestResult:
    path = Path(path)
    return ingest_report(path.read_bytes(), path.name, **options)


def ingest_report(
    source: bytes,
    file_name: str,
    *,
    dry_run: bool = False,
    user=None,
    directory: CountryDirectory | None = None,
) -> IngestResult:
    """Parse, check and store one report, with the stored figures of what it adds (`votes.figures`), in one
    transaction. Raises `parsing.ReportError` or `IngestRefused`; then nothing is written."""
    report = parse_report(source, directory)
    result = IngestResult(file_name=file_name, sha256=hashlib.sha256(source).hexdigest(), language=report.language)
    result.dry_run = dry_run
    with transaction.atomic():
        with figures.changing() as change:
            writer = _ReportWriter(report, result, user)
            writer.write()
            # Positions and paragraphs were written in bulk, without signals: name what they changed.
            change.created(votes=result.new_vote_ids, drafts=writer.draft_ids)
        if dry_run:
            transaction.set_rollback(True)
    result.figure_seconds = dict(change.seconds)
    if dry_run:
        result.document_id = None
        result.new_vote_ids = []
    return result


def _default_vote_date(session: Session) -> datetime.date:
    # A vote whose date the report does not state is placed mid-session for membership purposes.
    return datetime.date(session.start_year, 12, 1)


class _ReportWriter:
    """Writes one parsed report; collects the differences that refuse it."""

    def __init__(self, report: Report, result: IngestResult, user):
        self.report = report
        self.result = result
        self.user = user
        self.language = report.language
        self.problems: list[str] = []
        self.corrected_positions = Correction.objects.latest_values(Position)
        self.corrected_paragraphs = Correction.objects.latest_values(Paragraph)
        self.corrected_votes = Correction.objects.latest_values(Vote)
        self.corrected_drafts = Correction.objects.latest_values(Draft)
        self.sponsorships_by_hand = Correction.objects.sponsorships_by_hand
        self.members_by_date: dict[datetime.date, set[str]] = {}
        self.draft_ids: list[int] = []  # drafts written, whose search rows votes.figures rewrites
        # Rows of new votes, written in one statement each at the end of the report.
        self.new_positions: list[Position] = []
        self.new_intentions: list[IntendedPosition] = []
        self.written_drafts: dict[int, Written] = {}  # by draft id, for changes found after the draft's own
        self._country_names: dict[str, str] | None = None

    # --- top level ----------------------------------------------------------------------------------------

    def write(self) -> None:
        report = self.report
        self.session = Session.for_number(report.session)
        self.body = Body.objects.get(code=report.body)
        self.document = self._document()
        self.agenda_items = {item.number: self._agenda_item(item) for item in report.agenda_items}
        for parsed in report.drafts:
            self._draft(parsed)
        if self.problems:
            raise IngestRefused(self.result.file_name, self.problems)
        Position.objects.bulk_create(self.new_positions)
        IntendedPosition.objects.bulk_create(self.new_intentions)
        self.document.summary = self.result.summary()
        self.document.save(update_fields=["summary"])
        self.result.document_id = self.document.pk

    def _document(self) -> Document:
        document = Document.objects.filter(sha256=self.result.sha256).first()
        if document:
            self.result.already_ingested = True
            self.result.unchanged["documents"] += 1
            return document
        self.result.created["documents"] += 1
        return Document.objects.create(
            symbol=self.report.symbol or "",
            language=self.language,
            body=self.body,
            session=self.session,
            file_name=self.result.file_name,
            sha256=self.result.sha256,
            ingested_by=getattr(self.user, "username", "") or "ingest_report",
        )

    def _set_text(self, obj, field_name: str, value: str, kind: str, corrected: dict | None = None) -> bool:
        """Fill one language's text; returns True if the object changed. A hand-corrected text is kept."""
        current = getattr(obj, field_name) or ""
        if not value or current == value:
            return False
        if corrected is not None and (obj.pk, field_name) in corrected:
            self.result.conflicts.append(f"{kind} {obj}: {field_name} was corrected by hand; the report's text differs")
            return False
        setattr(obj, field_name, value)
        return True

    def _agenda_item(self, parsed) -> AgendaItem:
        item, created = AgendaItem.objects.get_or_create(session=self.session, number=parsed.number)
        changed = self._set_text(item, f"title_{self.language}", parsed.title, "agenda item")
        if changed:
            item.save()
        self._count("agenda_items", created, changed)
        return item

    def _count(self, kind: str, created: bool, changed: bool) -> None:
        if created:
            self.result.created[kind] += 1
        elif changed:
            self.result.updated[kind] += 1
        else:
            self.result.unchanged[kind] += 1

    # --- drafts -------------------------------------------------------------------------------------------

    def _draft(self, parsed: ParsedDraft) -> None:
        agenda_item = self.agenda_items.get(parsed.agenda_item) if parsed.agenda_item else None
        if agenda_item is None and len(self.agenda_items) == 1:
            agenda_item = next(iter(self.agenda_items.values()))
        draft = Draft.objects.filter(symbol=parsed.symbol).first()
        named_from = None
        if draft is None:
            draft, named_from = self._plenary_placeholder(parsed)
        # Where the plenary finds it: this report and the draft's numeral in it (a verbatim record's "draft
        # resolution II in the report of the Third Committee (A/65/456)"; votes.plenary links by them).
        recommended_in = (self.report.symbol or "") if parsed.recommended else ""
        created = draft is None
        changed = False
        if created:
            draft = Draft.objects.create(
                symbol=parsed.symbol,
                kind=parsed.kind,
                session=self.session,
                body=self.body,
                agenda_item=agenda_item,
                committee_report=recommended_in,
                report_number=parsed.recommended_number if recommended_in else None,
                **{f"title_{self.language}": parsed.title},
            )
        else:
            before = {
                f"title ({self.language})": getattr(draft, f"title_{self.language}"),
                "agenda item": draft.agenda_item,
                "committee report": draft.committee_report,
            }
            for name, stored, read in (
                ("kind", draft.kind, parsed.kind),
                ("body", draft.body_id, self.body.code),
                ("session", draft.session_id, self.session.number),
            ):
                if stored != read:
                    self.problems.append(f"draft {parsed.symbol}: {name} is {read!r} here but {stored!r} in the record")
            changed = self._set_text(draft, f"title_{self.language}", parsed.title, "draft", self.corrected_drafts)
            if draft.agenda_item_id is None and agenda_item is not None:
                draft.agenda_item = agenda_item
                changed = True
            if recommended_in and not draft.committee_report:
                draft.committee_report, draft.report_number = recommended_in, parsed.recommended_number
                changed = True
            if changed:
                draft.save()
        self._count("drafts", created, changed)
        after = {
            f"title ({self.language})": getattr(draft, f"title_{self.language}"),
            "agenda item": draft.agenda_item,
            "committee report": draft.committee_report,
        }
        if named_from:
            before["symbol"], after["symbol"] = named_from, draft.symbol
        self._written_draft(draft, created, [] if created else [(name, before[name], after[name]) for name in before])
        draft.documents.add(self.document)
        self._sponsorships(draft, parsed, created)
        paragraphs = self._paragraphs(draft, parsed)
        self.draft_ids.append(draft.pk)
        for order, action in enumerate(parsed.actions):
            self._vote(draft, paragraphs, action, order)

    def _written_draft(self, draft: Draft, created: bool, compared: list[tuple[str, object, object]]) -> None:
        """The draft in the list of what is written, with what changed in it (name, old, new)."""
        changes = [f"{name}: {_shown(old)} → {_shown(new)}" for name, old, new in compared if old != new]
        if draft.pk in self.written_drafts:  # a plenary record's second action on the same draft
            self.written_drafts[draft.pk].changes += changes
            return
        item = Written("draft", draft.symbol, "created" if created else "changed" if changes else "unchanged", draft.title, changes)
        self.written_drafts[draft.pk] = item
        self.result.written.append(item)

    def _draft_changed(self, draft: Draft, change: str) -> None:
        """A change of the draft found after its own fields (its symbol, paragraph texts, its resolution)."""
        item = self.written_drafts.get(draft.pk)
        if item is None or item.status == "created":  # a new draft's paragraphs are its own, not a change
            return
        item.changes.append(change)
        if item.status == "unchanged":
            item.status = "changed"

    def _country_name(self, iso3: str) -> str:
        if self._country_names is None:
            self._country_names = {country.pk: country.name for country in Country.objects.all()}
        return self._country_names.get(iso3, iso3)

    def _plenary_placeholder(self, parsed: ParsedDraft) -> tuple[Draft | None, str | None]:
        """The draft a plenary record stored under its committee report and numeral, before this report was in
        Tally (votes.plenary): it is this draft, and takes its symbol. Returns it and the symbol it had."""
        if not (parsed.recommended and self.report.symbol):
            return None, None
        key = DraftRef(parsed.kind, report=self.report.symbol, number=parsed.recommended_number).key()
        draft = Draft.objects.filter(symbol=key).first()
        if draft is None:
            return None, None
        draft.symbol = parsed.symbol
        draft.save(update_fields=["symbol"])
        self.result.updated["drafts_named"] += 1
        return draft, key

    def _sponsorships(self, draft: Draft, parsed: ParsedDraft, draft_created: bool) -> None:
        wanted = [(iso3, Sponsorship.Kind.ORIGINAL, order) for order, iso3 in enumerate(parsed.sponsors)]
        wanted += [(iso3, Sponsorship.Kind.LATER, order) for order, iso3 in enumerate(parsed.later_sponsors)]
        stored = {s.country_id: s.kind for s in draft.sponsorships.all()} if not draft_created else {}
        listed = ", ".join(self._country_name(iso3) for iso3 in parsed.sponsors)
        if parsed.later_sponsors:
            listed += "; later: " + ", ".join(self._country_name(iso3) for iso3 in parsed.later_sponsors)
        if wanted:
            self.result.written.append(Written("sponsors", draft.symbol, "created" if not stored else "unchanged", listed))
        if not stored:
            Sponsorship.objects.bulk_create(
                [Sponsorship(draft=draft, country_id=iso3, kind=kind, order=order) for iso3, kind, order in wanted]
            )
            self.result.created["sponsorships"] += len(wanted)
            return
        read = {iso3: kind for iso3, kind, _ in wanted}
        by_hand = self.sponsorships_by_hand(draft.symbol) if read != stored else {}
        differences = []
        for iso3 in sorted(set(read) | set(stored)):
            here, there = read.get(iso3), stored.get(iso3)
            if here == there:
                continue
            if iso3 in by_hand and (by_hand[iso3] or None) == there:
                self.result.conflicts.append(
                    f"draft {draft.symbol}: sponsor {iso3} corrected by hand to {there or 'not a sponsor'}; "
                    f"the report says {here or 'not a sponsor'}"
                )
            else:
                differences.append(f"{iso3}: {here or 'not a sponsor'} here, {there or 'not a sponsor'} in the record")
        if differences:
            self.problems.append(f"draft {draft.symbol}: sponsors differ: " + "; ".join(differences))
        else:
            self.result.unchanged["sponsorships"] += len(stored)

    def _paragraphs(self, draft: Draft, parsed: ParsedDraft) -> dict[str, Paragraph]:
        """The draft's paragraphs by voted label: texts from the recommended text, text-less rows for paragraphs
        struck by a vote or voted on in a draft that was not adopted."""
        stored = {p.voted_label: p for p in draft.paragraphs.all()}
        text_field = f"text_{self.language}"
        in_text = {p.voted_label: p for p in parsed.paragraphs}
        voted = {a.subject for a in parsed.actions if VotedLabel.is_label(a.subject)}
        labels = sorted(set(in_text) | set(parsed.rejected_labels) | voted, key=VotedLabel.parse)
        new_rows, changed_rows = [], []
        for order, voted_label in enumerate(labels):
            paragraph = stored.get(voted_label)
            source = in_text.get(voted_label)
            if paragraph is None:
                label = VotedLabel.parse(voted_label)
                new_rows.append(
                    Paragraph(
                        draft=draft,
                        part=PART_BY_PREFIX[label.part],
                        number=label.number,
                        sub_label=label.sub_label,
                        voted_label=voted_label,
                        label=source.label if source else "",
                        in_adopted_text=source is not None,
                        order=order,
                        **({text_field: source.text} if source else {}),
                    )
                )
                continue
            if source is None:
                self.result.unchanged["paragraphs"] += 1
                continue
            if (paragraph.pk, "label") in self.corrected_paragraphs or (paragraph.pk, "in_adopted_text") in self.corrected_paragraphs:
                if paragraph.label != source.label or not paragraph.in_adopted_text:
                    self.result.conflicts.append(
                        f"paragraph {paragraph}: label or place in the text corrected by hand; the report publishes it as {source.label}"
                    )
            elif paragraph.label and paragraph.label != source.label:
                self.problems.append(
                    f"draft {draft.symbol} {voted_label}: published as {source.label} here, {paragraph.label} in the record"
                )
            if self._set_text(paragraph, text_field, source.text, "paragraph", self.corrected_paragraphs):
                changed_rows.append(paragraph)
            else:
                self.result.unchanged["paragraphs"] += 1
        if stored and new_rows and parsed.paragraphs:
            self.problems.append(
                f"draft {draft.symbol}: paragraphs {', '.join(p.voted_label for p in new_rows)} are not in the record"
            )
        Paragraph.objects.bulk_create(new_rows)
        Paragraph.objects.bulk_update(changed_rows, [text_field])
        if stored and new_rows:
            self._draft_changed(draft, "paragraphs added: " + ", ".join(p.voted_label for p in new_rows))
        if changed_rows:
            self._draft_changed(draft, f"text ({self.language}) added to " + ", ".join(p.voted_label for p in changed_rows))
        self.result.created["paragraphs"] += len(new_rows)
        self.result.updated["paragraphs"] += len(changed_rows)
        return {p.voted_label: p for p in draft.paragraphs.all()}

    # --- votes --------------------------------------------------------------------------------------------

    def _vote(self, draft: Draft, paragraphs: dict[str, Paragraph], action: Action, order: int) -> None:
        if action.subject == "whole":
            subject, paragraph, amendment = Vote.Subject.WHOLE, None, ""
        elif action.subject.startswith("amendment:"):
            subject, paragraph, amendment = Vote.Subject.AMENDMENT, None, action.subject.split(":", 1)[1]
        elif action.subject not in paragraphs:
            # "OP2+OP3" (one vote on several paragraphs, read by the parser since issue 12): the record has
            # no subject for it yet, so the report is refused rather than stored without that vote.
            self.problems.append(f"draft {draft.symbol}, vote on {action.subject} (line {action.line}): a vote on "
                                 f"several paragraphs at once cannot be stored yet")
            return
        else:
            subject, paragraph, amendment = Vote.Subject.PARAGRAPH, paragraphs[action.subject], ""
        tally = action.tally
        facts = {
            "method": action.method,
            "outcome": action.outcome,
            "meeting": action.meeting,
            "date": action.date,
            "stated_yes": tally.yes if tally else None,
            "stated_no": tally.no if tally else None,
            "stated_abstain": tally.abstain if tally else None,
        }
        where = f"draft {draft.symbol}, vote on {action.subject} (line {action.line})"
        vote = Vote.objects.filter(draft=draft, body=self.body, subject_label=action.subject).first()
        tally = f"{tally.yes}–{tally.no}–{tally.abstain}" if tally else str(Vote.Method(action.method).label).lower()
        if vote is None:
            self.result.written.append(Written("vote", f"{draft.symbol}: {action.subject}", "created", tally))
            self._create_vote(draft, action, subject, paragraph, amendment, facts, order)
            return
        self.result.written.append(Written("vote", f"{draft.symbol}: {action.subject}", "unchanged", tally))
        for name, read in facts.items():
            stored = getattr(vote, name)
            if stored == read:
                continue
            if (vote.pk, name) in self.corrected_votes:
                self.result.conflicts.append(f"{where}: {name} corrected by hand to {stored!r}; the report says {read!r}")
            else:
                self.problems.append(f"{where}: {name} is {read!r} here but {stored!r} in the record")
        if action.method == Vote.Method.RECORDED:
            self._compare_positions(vote, action, where)
            self._compare_intentions(vote, action, where)
        self.result.unchanged["votes"] += 1

    def _listed_positions(self, action: Action) -> dict[str, str]:
        listed = {}
        for value, countries in (
            (Position.Value.YES, action.yes),
            (Position.Value.NO, action.no),
            (Position.Value.ABSTAIN, action.abstain),
        ):
            for iso3 in countries:
                listed[iso3] = value
        return listed

    def _create_vote(self, draft, action, subject, paragraph, amendment, facts, order) -> None:
        listed = self._listed_positions(action)
        positions: dict[str, str] = {}
        if action.method == Vote.Method.RECORDED:
            on_date = action.date or _default_vote_date(self.session)
            members = self._members_on(on_date)
            not_members = sorted(set(listed) - members)
            if not_members:
                self.problems.append(
                    f"draft {draft.symbol}, vote on {action.subject} (line {action.line}): "
                    f"not Members on {on_date}: {', '.join(not_members)}"
                )
                return
            positions = {iso3: listed.get(iso3, Position.Value.ABSENT) for iso3 in sorted(members)}
        vote = Vote.objects.create(
            draft=draft,
            subject=subject,
            subject_label=action.subject,
            paragraph=paragraph,
            amendment_symbol=amendment,
            body=self.body,
            session=self.session,
            order=order,
            document=self.document,
            **facts,
        )
        self.new_positions += [Position(vote=vote, country_id=iso3, position=value) for iso3, value in positions.items()]
        self.new_intentions += [
            IntendedPosition(
                vote=vote,
                country_id=intention.country,
                position=intention.position,
                **{f"footnote_{self.language}": intention.footnote},
            )
            for intention in action.intended
        ]
        self.result.created["votes"] += 1
        self.result.new_vote_ids.append(vote.pk)  # its counts are recounted by votes.figures
        self.result.created["positions"] += len(positions)
        self.result.created["intended_positions"] += len(action.intended)

    def _members_on(self, on_date: datetime.date) -> set[str]:
        if on_date not in self.members_by_date:
            self.members_by_date[on_date] = set(Country.objects.members_on(on_date).values_list("iso3", flat=True))
        return self.members_by_date[on_date]

    def _compare_positions(self, vote: Vote, action: Action, where: str) -> None:
        listed = self._listed_positions(action)
        differences = []
        for position in vote.positions.all():
            read = listed.get(position.country_id, Position.Value.ABSENT)
            if read == position.position:
                continue
            if (position.pk, "position") in self.corrected_positions:
                self.result.conflicts.append(
                    f"{where}: the report lists {position.country_id} as {_voting(read)}; "
                    f"a hand correction says {_position_word(position.position)}"
                )
            else:
                differences.append(f"{position.country_id} {read} here, {position.position} in the record")
        stored_countries = set(vote.positions.values_list("country_id", flat=True))
        differences += [f"{iso3} listed here but not a Member in the record" for iso3 in sorted(set(listed) - stored_countries)]
        if differences:
            self.problems.append(f"{where}: lists differ: " + "; ".join(differences))
        else:
            self.result.unchanged["positions"] += len(stored_countries)

    def _compare_intentions(self, vote: Vote, action: Action, where: str) -> None:
        """The same intentions, or the report is refused; the footnotes in this report's language are added
        (each language's report prints them in its own)."""
        stored = {intention.country_id: intention for intention in vote.intended_positions.all()}
        read = {intention.country: intention for intention in action.intended}
        if {iso3: i.position for iso3, i in stored.items()} != {iso3: i.position for iso3, i in read.items()}:
            positions = {iso3: i.position for iso3, i in read.items()}
            in_record = {iso3: i.position for iso3, i in stored.items()}
            self.problems.append(f"{where}: intended positions differ: {positions} here, {in_record} in the record")
            return
        field = f"footnote_{self.language}"
        for iso3, intention in stored.items():
            if self._set_text(intention, field, read[iso3].footnote, "intended position"):
                intention.save(update_fields=[field])
                self.result.updated["intended_positions"] += 1
            else:
                self.result.unchanged["intended_positions"] += 1


def _position_word(position: str) -> str:
    """A position as staff read it ("yes", "abstain"), never the enum's repr."""
    return str(Position.Value(position).label).lower()


def _voting(position: str) -> str:
    """"voting yes", or "absent"."""
    word = _position_word(position)
    return word if position == Position.Value.ABSENT else f"voting {word}"
