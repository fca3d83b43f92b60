"""The upload's preview lists what the ingest will write — each draft (symbol, title), sponsor list and vote
(subject, tally), created, changed or unchanged, and for a change the old and new values — and that list is
what the write then reports (the same code: votes.ingest's result, `IngestResult.written`)."""

import json
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import FIXTURES, SEED_EN, SEED_SYMBOL, SEED_ZH
from votes.models import Country, Document
from votes.plenary import ingest_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parsing"))
from pdf_helpers import make_pdf, text_pages  # noqa: E402  (the parser tests' PDF writer)

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/votes/document/upload/"
PLENARY = Path(__file__).resolve().parents[2] / "corpus" / "plenary"
EXPECTED = json.loads((FIXTURES / "reports" / "first-committee-79-item106.expected.json").read_text(encoding="utf-8"))


def preview(client, name: str, source: bytes):
    response = client.post(UPLOAD, {"report": SimpleUploadedFile(name, source), "_preview": "Preview"})
    assert response.status_code == 200 and response.context["result"].dry_run
    return response


def written(result) -> list[dict]:
    return [item.as_dict() for item in result.written]


def test_the_preview_lists_each_draft_sponsor_list_and_vote_with_its_tally(countries, editor_client):
    response = preview(editor_client, SEED_ZH.name, SEED_ZH.read_bytes())
    items = written(response.context["result"])
    (draft,) = EXPECTED["drafts"]
    assert items[0] == {"kind": "draft", "name": SEED_SYMBOL, "status": "created", "detail": draft["title"], "changes": []}
    sponsors = items[1]
    assert sponsors["kind"] == "sponsors" and sponsors["status"] == "created"
    names = {iso3: Country.objects.get(pk=iso3).name for iso3 in draft["sponsors"] + draft["later_sponsors"]}
    assert all(name in sponsors["detail"] for name in names.values())
    assert sponsors["detail"].index(names[draft["later_sponsors"][0]]) > sponsors["detail"].index("later:")
    votes = [(item["name"], item["status"], item["detail"]) for item in items[2:]]
    assert votes == [
        (f"{SEED_SYMBOL}: {a['subject']}", "created", f"{a['tally']['yes']}–{a['tally']['no']}–{a['tally']['abstain']}")
        for a in draft["actions"]
    ]
    page = response.content.decode()
    assert 'id="upload-written"' in page and "87–53–22" in page and draft["title"] in page
    assert page.count('data-status="created"') == len(items)


def test_the_preview_of_the_other_language_names_each_change_old_and_new(seed, editor_client):
    response = preview(editor_client, SEED_EN.name, SEED_EN.read_bytes())
    items = {(item["kind"], item["name"]): item for item in written(response.context["result"])}
    draft = items[("draft", SEED_SYMBOL)]
    assert draft["status"] == "changed"
    assert any(change.startswith("title (en): (none) → “Promoting international cooperation") for change in draft["changes"])
    assert any(change.startswith("text (en) added to PP1, PP2") for change in draft["changes"])
    assert items[("sponsors", SEED_SYMBOL)]["status"] == "unchanged"
    assert {item["status"] for (kind, _), item in items.items() if kind == "vote"} == {"unchanged"}
    assert "title (en): (none) → “Promoting international cooperation" in response.content.decode()


def report_pdf() -> bytes:
    return make_pdf(text_pages((FIXTURES / "reports" / "single.en.txt").read_text(encoding="utf-8"), lines_per_page=40))


@pytest.mark.parametrize(
    "name, read, first",
    [
        ("first-committee-79-item106.txt", SEED_ZH.read_bytes, None),
        ("first-committee-79-item106.en.txt", SEED_EN.read_bytes, SEED_ZH),  # the other language: changes
        ("single.en.pdf", report_pdf, None),
        ("A-79-PV.29_en.txt", (PLENARY / "A-79-PV.29_en.txt").read_bytes, None),
        ("A-79-PV.29_en.pdf", (PLENARY / "A-79-PV.29_en.pdf").read_bytes, None),
    ],
)
def test_the_preview_is_what_the_write_then_reports(countries, editor_client, name, read, first):
    if first is not None:
        ingest_document(first.read_bytes(), first.name)
    source = read()
    documents = Document.objects.count()
    response = preview(editor_client, name, source)
    previewed = written(response.context["result"])
    assert previewed and any(item["kind"] == "vote" for item in previewed)
    assert Document.objects.count() == documents  # the preview wrote nothing
    assert written(ingest_document(source, name)) == previewed
