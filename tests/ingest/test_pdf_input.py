"""PDF input through the Django side: ``parse_report`` and ``ingest_report`` on a PDF (its text is extracted by
parsing/pdf.py; the record is the one its text gives)."""

import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from parsing import parse_report
from votes.models import Document, Vote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "parsing"))
from pdf_helpers import make_pdf, text_pages  # noqa: E402  (the parser tests' PDF writer)

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "reports" / "single.en.txt"


@pytest.fixture
def report_pdf(tmp_path) -> Path:
    path = tmp_path / "single.en.pdf"
    path.write_bytes(make_pdf(text_pages(REPORT.read_text(encoding="utf-8"), lines_per_page=40)))
    return path


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_parse_report_json_of_a_pdf_is_that_of_its_text(report_pdf):
    out, err = run("parse_report", str(report_pdf), "--json")
    assert (out, err) == (parse_report(REPORT.read_bytes()).to_json() + "\n", "")


def test_parse_report_on_a_scan_says_there_is_no_text_layer(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([["page"]], with_text=False))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("parse_report", str(scan), stdout=StringIO(), stderr=err)
    assert "line 1: the PDF has no text layer" in err.getvalue()


@pytest.mark.django_db
def test_ingest_report_stores_a_pdf_and_then_its_text_adds_nothing(countries, report_pdf):
    out, _ = run("ingest_report", str(report_pdf))
    assert "created:" in out and Vote.objects.count() == 2
    document = Document.objects.get()
    assert document.file_name == "single.en.pdf"
    out, _ = run("ingest_report", str(REPORT))  # the same report as text: same record, nothing new
    assert Vote.objects.count() == 2


@pytest.mark.django_db
def test_a_vote_on_several_paragraphs_is_refused_by_ingestion_not_a_crash(countries, tmp_path):
    # the parser reads "Operative paragraphs 2 and 3" as one vote on OP2+OP3; the record cannot hold it yet
    path = tmp_path / "several.en.txt"
    path.write_text(REPORT.read_text(encoding="utf-8").replace(
        "(a) Operative paragraph 2 was retained", "(a) Operative paragraphs 2 and 3 were retained"), encoding="utf-8")
    assert [a.subject for a in parse_report(path.read_bytes()).drafts[0].actions] == ["OP2+OP3", "whole"]
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 1 report"):
        call_command("ingest_report", str(path), stdout=StringIO(), stderr=err)
    assert "vote on OP2+OP3 (line 23): a vote on several paragraphs at once cannot be stored yet" in err.getvalue()
    assert Vote.objects.count() == 0 and Document.objects.count() == 0
