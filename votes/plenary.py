"""Storing a plenary verbatim record (`parsing.plenary`): its actions become votes of body "GA" on their drafts.

The same rules as a committee report's ingestion (votes.ingest), through the same writer: one transaction per
record, the figures kept in step (`votes.figures`), the same file twice or a second copy changes nothing, a
record that disagrees with what is stored is refused with the difference named, hand corrections win.

Which draft a plenary action is on:
- a draft named by its symbol (A/79/L.8): that draft, created (body GA) if Tally does not have it — a
  committee's draft keeps its body, the plenary's vote is beside the committee's own;
- a draft a committee recommended ("draft resolution II", under "Report of the Third Committee (A/65/456)"):
  the committee's draft stored from that report with that numeral (Draft.committee_report, report_number);
  when that report is not in Tally, a draft keyed by what the record gives — symbol
  "A/65/456 draft resolution II", body the committee's — which becomes the committee's draft, symbol and all,
  when the report is ingested later (votes.ingest).
The resolution or decision number ("(resolution 48/14)") is kept on the draft (Draft.resolution "A/RES/48/14");
with the vote's date and tally it is what matches a vote to a dataset's roll call of the same decision.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.db import transaction

from parsing.labels import VotedLabel
from parsing.model import Action
from parsing.model import AgendaItem as ParsedAgendaItem
from parsing.plenary import PlenaryAction, PlenaryRecord, looks_like_plenary, parse_plenary
from reference import CountryDirectory

from . import figures, reconcile
from .ingest import PART_BY_PREFIX, IngestRefused, IngestResult, _ReportWriter, ingest_report
from .models import Body, Draft, IntendedPosition, Paragraph, Position, Session, Vote

PLENARY = "GA"


def ingest_document(source: bytes, file_name: str, **options) -> IngestResult:
    """A committee report or a plenary verbatim record (text or PDF), told apart by what it says: the staff
    upload takes either."""
    if looks_like_plenary(source):
        return ingest_plenary(source, file_name, **options)
    return ingest_report(source, file_name, **options)


def ingest_plenary_file(path: str | Path, **options) -> IngestResult:
    path = Path(path)
    return ingest_plenary(path.read_bytes(), path.name, **options)


def ingest_plenary(
    source: bytes,
    file_name: str,
    *,
    dry_run: bool = False,
    user=None,
    directory: CountryDirectory | None = None,
) -> IngestResult:
    """Parse, check and store one plenary record in one transaction. Raises `parsing.ReportError` or
    `IngestRefused`; then nothing is written."""
    record = parse_plenary(source, directory)
    result = IngestResult(file_name=file_name, sha256=hashlib.sha256(source).hexdigest(), language=record.language)
    result.dry_run = dry_run
    with transaction.atomic():
        with figures.changing() as change:
            writer = _PlenaryWriter(record, result, user)
            writer.write()
            change.created(votes=result.new_vote_ids, drafts=writer.draft_ids)
        # The same votes in Voeten's roll calls, if imported: one vote each, the differences named (once the new
        # votes' counts are stored, which the pairing compares).
        result.paired = [str(found) for found in reconcile.reconcile(result.new_vote_ids)]
        if dry_run:
            transaction.set_rollback(True)
    result.figure_seconds = dict(change.seconds)
    if dry_run:
        result.document_id = None
        result.new_vote_ids = []
    return result


class _PlenaryWriter(_ReportWriter):
    """The committee report's writer, fed a plenary record: votes, positions and intentions are written and
    compared exactly as a report's are; what differs is how drafts and paragraphs are found."""

    def __init__(self, record: PlenaryRecord, result: IngestResult, user):
        super().__init__(record, result, user)
        self.record = record

    def write(self) -> None:
        record = self.record
        self.session = Session.for_number(record.session)
        self.body = Body.objects.get(code=PLENARY)
        self.document = self._document()
        self.agenda_items = {n: self._agenda_item(ParsedAgendaItem(n, title)) for n, title in record.agenda_items}
        orders: dict[int, int] = {}
        drafts: dict[str, Draft | None] = {}
        for action in record.actions:
            key = action.draft.key()
            if key not in drafts:  # a draft's several actions (paragraphs, then the whole) are one draft
                drafts[key] = self._plenary_draft(action)
            draft = drafts[key]
            if draft is None:
                continue
            if draft.pk not in orders:  # after the committee's actions on the same draft
                orders[draft.pk] = draft.votes.exclude(body=self.body).count()
                self.draft_ids.append(draft.pk)
            paragraphs = self._voted_paragraph(draft, action)
            self._vote(draft, paragraphs, self._as_action(action), orders[draft.pk])
            orders[draft.pk] += 1
            self._resolution(draft, action)
        if self.problems:
            raise IngestRefused(self.result.file_name, self.problems)
        Position.objects.bulk_create(self.new_positions)
        IntendedPosition.objects.bulk_create(self.new_intentions)
        self.document.summary = self.result.summary()
        self.document.save(update_fields=["summary"])
        self.result.document_id = self.document.pk

    def _as_action(self, action: PlenaryAction) -> Action:
        return Action(
            subject=action.subject,
            method=action.method,
            outcome=action.outcome,
            meeting=self.record.meeting,
            date=self.record.date,
            tally=action.tally,
            yes=action.yes,
            no=action.no,
            abstain=action.abstain,
            intended=action.intended,
            line=action.line,
        )

    # --- drafts -------------------------------------------------------------------------------------------

    def _plenary_draft(self, action: PlenaryAction) -> Draft | None:
        ref = action.draft
        where = f"line {action.line}"
        if ref.symbol:
            draft = Draft.objects.filter(symbol=ref.symbol).first()
            defaults = {"symbol": ref.symbol, "body": self.body}
        else:
            candidates = list(Draft.objects.filter(committee_report=ref.report, kind=ref.kind, report_number=ref.number))
            if len(candidates) > 1:
                self.problems.append(f"{where}: {ref.key()} is {len(candidates)} drafts in the record: "
                                     f"{', '.join(d.symbol for d in candidates)}")
                return None
            draft = candidates[0] if candidates else None
            committee = Body.objects.filter(code=ref.committee).first() if ref.committee else None
            defaults = {"symbol": ref.key(), "body": committee or self.body, "committee_report": ref.report,
                        "report_number": ref.number}
        agenda_item = self.agenda_items.get(action.agenda_item)
        title_field = f"title_{self.language}"
        if draft is None:
            draft = Draft.objects.create(
                kind=ref.kind, session=self.session, agenda_item=agenda_item, **{title_field: action.title}, **defaults
            )
            self._count("drafts", True, False)
            self._written_draft(draft, True, [])
        else:
            before = {"agenda item": draft.agenda_item, f"title ({self.language})": getattr(draft, title_field)}
            for name, stored, read in (("kind", draft.kind, ref.kind), ("session", draft.session_id, self.session.number)):
                if stored != read:
                    self.problems.append(f"{where}: draft {draft.symbol}: {name} is {read!r} here but {stored!r} in the record")
            changed = draft.agenda_item_id is None and agenda_item is not None
            if changed:
                draft.agenda_item = agenda_item
            # A title the draft lacks; a committee report's own title is not overwritten by the President's words.
            if not getattr(draft, title_field) and self._set_text(draft, title_field, action.title, "draft", self.corrected_drafts):
                changed = True
            if changed:
                draft.save()
            self._count("drafts", False, changed)
            after = {"agenda item": draft.agenda_item, f"title ({self.language})": getattr(draft, title_field)}
            self._written_draft(draft, False, [(name, before[name], after[name]) for name in before])
        draft.documents.add(self.document)
        return draft

    def _resolution(self, draft: Draft, action: PlenaryAction) -> None:
        symbol = action.resolution_symbol
        if symbol is None or draft.resolution == symbol:
            return
        if draft.resolution:
            if (draft.pk, "resolution") in self.corrected_drafts:
                self.result.conflicts.append(f"draft {draft.symbol}: resolution corrected by hand to {draft.resolution}; "
                                             f"the record says {symbol}")
            else:
                self.problems.append(f"line {action.line}: draft {draft.symbol} became {symbol} here but "
                                     f"{draft.resolution} in the record")
            return
        self._draft_changed(draft, f"resolution: (none) → {symbol}")
        draft.resolution = symbol
        draft.save(update_fields=["resolution"])
        self.result.updated["resolutions"] += 1

    def _voted_paragraph(self, draft: Draft, action: PlenaryAction) -> dict[str, Paragraph]:
        """The paragraph a paragraph vote is on: the plenary votes on the text before it, so a paragraph of a
        committee's recommended text is found by its label as published, then by its voted label; a draft
        with no stored text gets a text-less paragraph."""
        if not VotedLabel.is_label(action.subject):
            return {}
        label = action.subject
        paragraph = draft.paragraphs.filter(label=label).first() or draft.paragraphs.filter(voted_label=label).first()
        if paragraph is None:
            parts = VotedLabel.parse(label)
            paragraph = Paragraph.objects.create(
                draft=draft,
                part=PART_BY_PREFIX[parts.part],
                number=parts.number,
                sub_label=parts.sub_label,
                voted_label=label,
                in_adopted_text=action.outcome != Vote.Outcome.REJECTED,
                order=draft.paragraphs.count(),
            )
            self.result.created["paragraphs"] += 1
            self._draft_changed(draft, f"paragraph added: {label}")
        return {label: paragraph}
