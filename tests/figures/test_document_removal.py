"""Deleting an ingested document in the admin (votes.removal): what it alone produced goes, what another source
also gives stays, every stored figure equals a recount afterwards, the file can be ingested again, and the
admin log says who deleted what."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.test import Client
from django.urls import reverse

from tests.conftest import SEED_EN, SEED_SYMBOL, SEED_ZH
from tests.figures.test_figures import from_scratch, snapshot
from votes import figures
from votes.analysis import similarity
from votes.ingest import ingest_report_file
from votes.models import Document, Draft, DraftSearchText, IdealPointFit, IntendedPosition, Paragraph, Position, RollCall, Sponsorship, Vote
from votes.plenary import ingest_plenary_file
from votes.removal import remove_documents
from votes.voeten import import_voeten

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def without_ideal_points(figures_by_name: dict) -> dict:
    return {name: rows for name, rows in figures_by_name.items() if name != "ideal points"}


def delete_url(document) -> str:
    return reverse("admin:votes_document_delete", args=[document.pk])


def test_an_editor_deletes_a_document_and_everything_it_alone_produced(seed, editor_client, editor):
    document = Document.objects.get()
    votes = list(seed.votes.values_list("pk", flat=True))
    positions = Position.objects.filter(vote__draft=seed).count()
    assert len(votes) == 3 and positions == 579  # the seed: three recorded votes of 193 Members
    confirmation = editor_client.get(delete_url(document)).content.decode()
    assert f"Drafts: {SEED_SYMBOL}" in confirmation
    assert "Votes: 3" in confirmation and "Positions: 579" in confirmation
    assert f"Sponsorships: {seed.sponsorships.count()}" in confirmation
    assert editor_client.post(delete_url(document), {"post": "yes"}).status_code == 302

    assert not Document.objects.exists() and not Draft.objects.filter(symbol=SEED_SYMBOL).exists()
    assert not Vote.objects.filter(pk__in=votes).exists() and not Position.objects.filter(vote_id__in=votes).exists()
    assert not IntendedPosition.objects.filter(vote_id__in=votes).exists()
    assert not Paragraph.objects.exists() and not Sponsorship.objects.exists() and not DraftSearchText.objects.exists()
    assert snapshot() == from_scratch()
    entry = LogEntry.objects.get(action_flag=DELETION, content_type__model="document")
    assert entry.user == editor and entry.object_repr == str(document)
    assert f"Drafts: {SEED_SYMBOL}" in entry.change_message and "Positions: 579" in entry.change_message

    # Its checksum no longer marks the file as ingested: the same file gives the same record again.
    again = ingest_report_file(SEED_ZH)
    assert not again.already_ingested and again.created["votes"] == 3 and again.created["positions"] == 579
    assert snapshot() == from_scratch()


def test_a_report_in_another_language_keeps_the_draft_and_its_votes(seed, editor_client):
    zh = Document.objects.get()
    ingest_report_file(SEED_EN)
    en = Document.objects.get(language="en")
    votes = sorted(seed.votes.values_list("pk", "yes_count", "no_count", "abstain_count"))
    assert set(seed.votes.values_list("document_id", flat=True)) == {zh.pk}  # votes name the first report read

    confirmation = editor_client.get(delete_url(zh)).content.decode()
    assert "Drafts: none" in confirmation and "Votes: 0" in confirmation and "Positions: 0" in confirmation
    assert "they lose only their link to this one): " + SEED_SYMBOL in confirmation
    assert "Votes also read from another document, which they now name: 3" in confirmation
    assert editor_client.post(delete_url(zh), {"post": "yes"}).status_code == 302

    draft = Draft.objects.get(symbol=SEED_SYMBOL)
    assert list(draft.documents.all()) == [en]
    assert sorted(draft.votes.values_list("pk", "yes_count", "no_count", "abstain_count")) == votes
    assert set(draft.votes.values_list("document_id", flat=True)) == {en.pk}
    assert Position.objects.filter(vote__draft=draft).count() == 579
    assert snapshot() == from_scratch()

    # The other language's report, deleted in turn, takes the rest; the Chinese file can be ingested again.
    assert editor_client.post(delete_url(en), {"post": "yes"}).status_code == 302
    assert not Draft.objects.exists() and not Vote.objects.exists() and not Position.objects.exists()
    assert snapshot() == from_scratch()
    assert ingest_report_file(SEED_ZH).created["drafts"] == 1


def test_both_languages_deleted_at_once_recount_a_session_once(seed, editor_client, monkeypatch):
    ingest_report_file(SEED_EN)
    recounted = []
    recount_sessions = similarity.recount_sessions
    monkeypatch.setattr(similarity, "recount_sessions", lambda sessions, **kw: recounted.append(list(sessions)) or recount_sessions(sessions, **kw))
    ids = [str(pk) for pk in Document.objects.values_list("pk", flat=True)]
    changelist = reverse("admin:votes_document_changelist")
    confirmation = editor_client.post(changelist, {"action": "delete_selected", "_selected_action": ids}).content.decode()
    assert "Positions: 579" in confirmation  # the draft is read from these two documents only: it goes
    response = editor_client.post(changelist, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert response.status_code == 302 and not Document.objects.exists() and not Vote.objects.exists()
    # The session's agreement is counted once, when the change ends (not as its votes are taken out, nor once
    # per vote).
    assert [sessions for sessions in recounted if sessions] == [[79]]
    assert snapshot() == from_scratch()
    assert LogEntry.objects.filter(action_flag=DELETION, content_type__model="document").count() == 2


def test_a_viewer_cannot_delete_a_document(seed, viewer_client):
    document = Document.objects.get()
    assert viewer_client.get(delete_url(document)).status_code == 403
    assert viewer_client.post(delete_url(document), {"post": "yes"}).status_code == 403
    assert Document.objects.filter(pk=document.pk).exists() and seed.votes.count() == 3


def test_a_verbatim_record_deleted_gives_its_vote_back_to_the_dataset(countries):
    import_voeten(ROOT / "tests" / "fixtures" / "voeten")
    figures.recount(["ideal points"])
    dataset_vote = RollCall.objects.get(rcid=3739).vote
    dataset_lists = dict(dataset_vote.positions.exclude(position="absent").values_list("country_id", "position"))
    ingest_plenary_file(ROOT / "corpus" / "plenary" / "A-48-PV.46_en.txt")
    record = Document.objects.get()
    vote = RollCall.objects.get(rcid=3739).vote
    assert vote.document == record and vote.positions.get(country="MNG").position == "yes"  # the record's lists
    assert without_ideal_points(snapshot()) == without_ideal_points(from_scratch())
    figures.recount(["ideal points"])

    removal = remove_documents([record])
    assert removal.votes_to_dataset == [vote.pk]
    vote.refresh_from_db()
    roll_call = RollCall.objects.get(rcid=3739)
    assert roll_call.vote == vote and vote.document is None and roll_call.listed is None
    assert dict(vote.positions.exclude(position="absent").values_list("country_id", "position")) == dataset_lists
    # Ideal points are refitted on demand (minutes at full scale): a change of plenary votes marks them stale.
    assert IdealPointFit.objects.get().stale
    assert without_ideal_points(snapshot()) == without_ideal_points(from_scratch())
    # The vote keeps the record's date and stated tally until the dataset is compared again, which rewrites the
    # one vote in the dataset's own terms (no vote made twice, none lost); then the record can be ingested again.
    again = import_voeten(ROOT / "tests" / "fixtures" / "voeten", force=True)
    assert (again.created, again.updated, again.deleted) == (0, 1, 0)
    assert RollCall.objects.get(rcid=3739).vote_id == vote.pk
    assert any("roll call 3739" in found for found in ingest_plenary_file(ROOT / "corpus" / "plenary" / "A-48-PV.46_en.txt").paired)
