"""Removing ingested documents with what they alone produced (staff delete a document in the admin).

For a set of documents D, what goes and what stays (`plan_removal` says it, `remove_documents` does it):

- **A vote read from D** (`Vote.document` in D) goes, with its positions and intentions, unless it was also read
  from another source:
  - another document of the vote's body that the vote's draft was read from too (the same report in another
    language: ingestion finds the vote there by draft, body and subject and keeps `Vote.document` on the first
    report): the vote stays and now names that document;
  - a dataset's roll call that joined it (`votes.reconcile`): the vote stays as the dataset's vote, without a
    document, its positions the roll call's own lists again (its date and stated tally stay the record's until
    the dataset is compared again: `import_voeten --force`).
- Votes entered by hand (no document) or read from other documents stay.
- **A draft read only from D** goes, with its paragraphs, sponsorships and search row, unless one of its votes
  stays; a draft also read from another document (a report in another language, a plenary record) stays and
  only loses its link to D. A kept draft keeps its texts in D's language, its sponsors and its paragraphs: the
  record does not say which report gave a text, and the history keeps every version.
- The documents themselves go: their checksums no longer mark the files as ingested, so the same file can be
  ingested again.

Everything runs as one change of the record (`figures.changing`: under the record's lock, in one transaction,
the stored figures in step).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from . import figures
from .models import Document, Draft, IntendedPosition, Paragraph, Position, RollCall, Sponsorship, Vote


@dataclass
class Removal:
    """What removing the documents deletes and what it keeps."""

    documents: list[Document]
    drafts_deleted: list[Draft] = field(default_factory=list)
    drafts_kept: list[Draft] = field(default_factory=list)  # they lose their link to the documents
    votes_deleted: list[int] = field(default_factory=list)
    votes_moved: dict[int, int] = field(default_factory=dict)  # vote id -> the other document it now names
    votes_to_dataset: list[int] = field(default_factory=list)  # votes that stay as their roll call's
    deleted: Counter = field(default_factory=Counter)  # rows deleted, by kind ("positions": 579)

    def describe(self) -> dict[str, list[str]]:
        """In words, for the confirmation page and the log: {"goes": [...], "stays": [...]}."""
        goes = [
            "Documents: " + "; ".join(str(document) for document in self.documents),
            "Drafts: " + ("; ".join(draft.symbol for draft in self.drafts_deleted) or "none"),
        ]
        goes += [f"{kind.replace('_', ' ').capitalize()}: {n}" for kind, n in self.deleted.items()]
        stays = []
        if self.drafts_kept:
            stays.append(
                "Drafts also read from another document (they lose only their link to this one): "
                + "; ".join(draft.symbol for draft in self.drafts_kept)
            )
        if self.votes_moved:
            stays.append(f"Votes also read from another document, which they now name: {len(self.votes_moved)}")
        if self.votes_to_dataset:
            stays.append(f"Votes a dataset's roll call also gives, kept as the dataset's: {len(self.votes_to_dataset)}")
        return {"goes": goes, "stays": stays}


def plan_removal(documents: Iterable[Document]) -> Removal:
    """What `remove_documents` would delete and keep; writes nothing."""
    documents = list(documents)
    doc_ids = {document.pk for document in documents}
    removal = Removal(documents=documents)
    drafts = list(Draft.objects.filter(documents__in=doc_ids).distinct().order_by("symbol"))
    draft_ids = [draft.pk for draft in drafts]
    # The other documents each draft was read from, with their bodies.
    others: dict[int, list[tuple[int, str]]] = {}
    links = Draft.documents.through.objects.filter(draft_id__in=draft_ids).exclude(document_id__in=doc_ids)
    for draft_id, document_id, body_id in links.order_by("document_id").values_list("draft_id", "document_id", "document__body_id"):
        others.setdefault(draft_id, []).append((document_id, body_id))
    with_roll_call = set(RollCall.objects.filter(vote__document_id__in=doc_ids).values_list("vote_id", flat=True))
    for vote_id, draft_id, body_id in Vote.objects.filter(document_id__in=doc_ids).order_by("pk").values_list("pk", "draft_id", "body_id"):
        also_read_from = [document_id for document_id, body in others.get(draft_id, []) if body == body_id]
        if also_read_from:
            removal.votes_moved[vote_id] = also_read_from[0]
        elif vote_id in with_roll_call:
            removal.votes_to_dataset.append(vote_id)
        else:
            removal.votes_deleted.append(vote_id)
    deleted_votes = set(removal.votes_deleted)
    with_kept_votes = {
        draft_id
        for vote_id, draft_id in Vote.objects.filter(draft_id__in=draft_ids).values_list("pk", "draft_id")
        if vote_id not in deleted_votes
    }
    for draft in drafts:
        if draft.pk in others or draft.pk in with_kept_votes:
            removal.drafts_kept.append(draft)
        else:
            removal.drafts_deleted.append(draft)
    gone_drafts = [draft.pk for draft in removal.drafts_deleted]
    removal.deleted.update(
        {
            "votes": len(removal.votes_deleted),
            "positions": Position.objects.filter(vote_id__in=removal.votes_deleted).count(),
            "intended_positions": IntendedPosition.objects.filter(vote_id__in=removal.votes_deleted).count(),
            "paragraphs": Paragraph.objects.filter(draft_id__in=gone_drafts).count(),
            "sponsorships": Sponsorship.objects.filter(draft_id__in=gone_drafts).count(),
        }
    )
    return removal


def remove_documents(documents: Iterable[Document]) -> Removal:
    """Delete the documents and what they alone produced (see the module docstring), as one change of the
    record; returns what was done."""
    doc_ids = [document.pk for document in documents]
    with figures.changing() as change:
        # Planned under the lock, so that no ingest changes the record between the plan and the deletion.
        removal = plan_removal(Document.objects.filter(pk__in=doc_ids).order_by("pk"))
        change.include(votes=removal.votes_deleted + removal.votes_to_dataset)
        for vote_id, document_id in removal.votes_moved.items():
            Vote.objects.filter(pk=vote_id).update(document_id=document_id)
        for vote_id in removal.votes_to_dataset:
            _give_back_to_dataset(vote_id)
        Vote.objects.filter(pk__in=removal.votes_deleted).delete()  # before the drafts: a paragraph's vote protects it
        Draft.objects.filter(pk__in=[draft.pk for draft in removal.drafts_deleted]).delete()
        Document.objects.filter(pk__in=doc_ids).delete()
    return removal


def _give_back_to_dataset(vote_id: int) -> None:
    """A verbatim record's vote that a roll call joined, its record removed: the roll call's own lists again."""
    roll_call = RollCall.objects.get(vote_id=vote_id)
    listed = roll_call.listed or {}
    positions = list(Position.objects.filter(vote_id=vote_id))
    for position in positions:
        position.position = listed.get(position.country_id, Position.Value.ABSENT)
    Position.objects.bulk_update(positions, ["position"])
    Vote.objects.filter(pk=vote_id).update(document=None)
    roll_call.listed, roll_call.differences = None, []
    roll_call.save(update_fields=["listed", "differences"])
