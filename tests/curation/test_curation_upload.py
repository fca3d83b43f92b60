"""Uploading a report in the admin: a preview (dry run) that writes nothing, then the ingest on confirmation."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from curation.views import SESSION_KEY
from tests.conftest import SEED_EN, SEED_SYMBOL, SEED_ZH
from votes.models import Document, Draft, Paragraph, Position, Sponsorship, Vote

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/votes/document/upload/"


def table_sizes():
    return {model.__name__: model.objects.count() for model in (Document, Draft, Sponsorship, Paragraph, Vote, Position)}


def upload(client, path, name=None):
    return client.post(UPLOAD, {"report": SimpleUploadedFile(name or path.name, path.read_bytes()), "_preview": "Preview"})


def test_the_upload_page_is_linked_from_the_index_and_the_documents(editor_client):
    assert reverse("admin:votes_document_upload") == UPLOAD
    assert UPLOAD in editor_client.get(reverse("admin:index")).content.decode()
    assert UPLOAD in editor_client.get(reverse("admin:votes_document_changelist")).content.decode()
    assert editor_client.get(reverse("admin:votes_document_add")).url == UPLOAD
    page = editor_client.get(UPLOAD)
    assert page.status_code == 200 and 'type="file"' in page.content.decode()


def test_an_upload_writes_nothing_until_confirmed(countries, editor_client, editor):
    before = table_sizes()
    response = upload(editor_client, SEED_ZH)
    assert response.status_code == 200
    result = response.context["result"]
    assert result.dry_run and result.created["votes"] == 3 and result.created["positions"] == 579
    page = response.content.decode()
    assert 'data-kind="positions"' in page and "579" in page and 'name="_confirm"' in page
    assert table_sizes() == before  # the preview wrote nothing

    sha256 = hashlib.sha256(SEED_ZH.read_bytes()).hexdigest()
    assert response.context["sha256"] == sha256
    response = editor_client.post(UPLOAD, {"_confirm": "Ingest", "sha256": sha256})
    assert response.status_code == 302
    document = Document.objects.get()
    assert response.url == reverse("admin:votes_document_change", args=[document.pk])
    assert document.sha256 == sha256 and document.ingested_by == "editor"
    assert Draft.objects.get().symbol == SEED_SYMBOL and Position.objects.count() == 579
    assert SEED_ZH.name in editor_client.get(response.url).content.decode()  # the document page
    # The bytes are gone from the session once ingested: confirming again finds nothing.
    assert sha256 not in editor_client.session.get(SESSION_KEY, {})
    response = editor_client.post(UPLOAD, {"_confirm": "Ingest", "sha256": sha256}, follow=True)
    assert "upload the file again" in response.content.decode()


def test_a_confirmation_must_name_the_previewed_bytes(countries, editor_client):
    upload(editor_client, SEED_ZH)
    before = table_sizes()
    other = hashlib.sha256(b"something else").hexdigest()
    response = editor_client.post(UPLOAD, {"_confirm": "Ingest", "sha256": other}, follow=True)
    assert "upload the file again" in response.content.decode()
    # Bytes changed while waiting (here: in the session) do not match the checksum they were kept under.
    session = editor_client.session
    pending = session[SESSION_KEY]
    sha256 = next(iter(pending))
    pending[sha256]["data"] = pending[sha256]["data"][:-8] + "AAAAAAA="
    session[SESSION_KEY] = pending
    session.save()
    response = editor_client.post(UPLOAD, {"_confirm": "Ingest", "sha256": sha256}, follow=True)
    assert "upload the file again" in response.content.decode()
    assert table_sizes() == before


def test_a_report_that_cannot_be_read_is_refused_with_its_problems(countries, editor_client):
    broken = SEED_ZH.read_bytes().replace("阿尔及利亚、".encode(), "亚特兰蒂斯、".encode(), 1)
    response = editor_client.post(UPLOAD, {"report": SimpleUploadedFile("broken.txt", broken)})
    assert response.status_code == 200
    assert "亚特兰蒂斯" in response.content.decode()
    assert response.context["problems"] and "result" not in response.context
    assert table_sizes()["Document"] == 0 and not editor_client.session.get(SESSION_KEY)


def test_the_preview_of_a_report_already_in_the_record_lists_the_hand_corrections(seed, editor_client):
    position = Position.objects.get(vote__draft=seed, vote__subject_label="PP18", country_id="CIV")
    editor_client.post(
        reverse("admin:votes_position_change", args=[position.pk]), {"position": "abstain", "reason": "Footnote 2."}
    )
    before = table_sizes()
    response = upload(editor_client, SEED_EN)
    assert response.status_code == 200, response.content.decode()[:3000]
    conflicts = response.context["result"].conflicts
    assert any("CIV" in conflict for conflict in conflicts)
    assert "CIV" in response.content.decode()
    assert table_sizes() == before
    if response.context["writes"]:  # the English texts are new: ingest them, the correction stays
        sha256 = response.context["sha256"]
        response = editor_client.post(UPLOAD, {"_confirm": "Ingest", "sha256": sha256}, follow=True)
        assert "Hand correction kept" in response.content.decode()
    position.refresh_from_db()
    assert position.position == "abstain"


def test_viewers_cannot_upload(countries, viewer_client):
    assert viewer_client.get(UPLOAD).status_code == 403
    response = viewer_client.post(UPLOAD, {"report": SimpleUploadedFile("r.txt", SEED_ZH.read_bytes())})
    assert response.status_code == 403
    assert table_sizes()["Document"] == 0
