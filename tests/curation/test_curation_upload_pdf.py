"""Uploading a report's PDF in the admin: its text is extracted (parsing/pdf.py) and previewed as a text is."""

import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from votes.models import Vote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parsing"))
from pdf_helpers import make_pdf, text_pages  # noqa: E402  (the parser tests' PDF writer)

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "reports" / "single.en.txt"


@pytest.fixture
def report_pdf(tmp_path) -> Path:
    path = tmp_path / "single.en.pdf"
    path.write_bytes(make_pdf(text_pages(REPORT.read_text(encoding="utf-8"), lines_per_page=40)))
    return path


@pytest.mark.django_db
def test_the_admin_upload_previews_a_pdf(countries, editor_client, report_pdf):
    upload = reverse("admin:votes_document_upload")
    assert 'accept=".pdf,.txt' in editor_client.get(upload).content.decode()
    response = editor_client.post(upload, {"report": SimpleUploadedFile("single.en.pdf", report_pdf.read_bytes()),
                                           "_preview": "Preview"})
    assert response.status_code == 200
    result = response.context["result"]
    assert result.dry_run and result.created["votes"] == 2 and Vote.objects.count() == 0


@pytest.mark.django_db
def test_the_admin_upload_refuses_a_pdf_name_on_text(countries, editor_client):
    upload = reverse("admin:votes_document_upload")
    response = editor_client.post(upload, {"report": SimpleUploadedFile("single.en.pdf", REPORT.read_bytes()),
                                           "_preview": "Preview"})
    assert "named .pdf but is not a PDF" in response.content.decode()


@pytest.mark.django_db
def test_the_admin_upload_takes_a_plenary_records_pdf(countries, editor_client):
    """The real A/79/PV.29 as its PDF: previewed, then ingested on confirmation as the plenary's vote."""
    pdf = (Path(__file__).resolve().parents[2] / "corpus" / "plenary" / "A-79-PV.29_en.pdf").read_bytes()
    upload = reverse("admin:votes_document_upload")
    response = editor_client.post(upload, {"report": SimpleUploadedFile("A-79-PV.29_en.pdf", pdf), "_preview": "Preview"})
    assert response.status_code == 200
    result = response.context["result"]
    assert result.dry_run and result.created["votes"] == 1 and Vote.objects.count() == 0
    response = editor_client.post(upload, {"_confirm": "1", "sha256": response.context["sha256"]})
    assert response.status_code == 302
    vote = Vote.objects.get()
    assert vote.body_id == "GA" and vote.document.symbol == "A/79/PV.29" and vote.draft.resolution == "A/RES/79/6"
    assert (vote.yes_count, vote.no_count, vote.abstain_count) == (113, 10, 30)
