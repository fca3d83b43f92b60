"""PDF input (parsing/pdf.py): the UN's real PDFs give the text of their text export, a report's PDF parses
as its text does, and a PDF without a text layer or a damaged one is a clear problem."""

import io
import re
import unicodedata
from pathlib import Path

import pytest

from parsing import ReportError, parse_report
from parsing.cli import main
from parsing.pdf import PAGE_BREAK, extract_text, looks_like_pdf

from pdf_helpers import make_pdf, text_pages
from report_helpers import REPORTS, report_text

# The real plenary records, copied from the shared corpus with their text exports (corpus/plenary/).
PLENARY = Path(__file__).resolve().parents[2] / "corpus" / "plenary"


def without_whitespace(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", ["A-48-PV.46_en", "A-79-PV.29_en"])
def test_real_pdfs_give_the_text_of_their_text_export_modulo_whitespace(name):
    text = extract_text((PLENARY / f"{name}.pdf").read_bytes())
    expected = (PLENARY / f"{name}.txt").read_text(encoding="utf-8")
    assert without_whitespace(text) == without_whitespace(expected)
    # one line per printed line, pages marked: what the layout step relies on
    assert text.count(PAGE_BREAK) == (28 if "48" in name else 38) - 1
    assert abs(text.count("\n") - expected.count("\n")) < expected.count("\n") // 2


def test_a_plenary_record_is_refused_as_a_report_with_line_numbered_problems():
    with pytest.raises(ReportError) as e:
        parse_report((PLENARY / "A-79-PV.29_en.pdf").read_bytes())
    assert e.value.problems and all(p.line >= 1 for p in e.value.problems)


def test_pdf_is_told_by_its_header_not_its_name():
    assert looks_like_pdf((PLENARY / "A-48-PV.46_en.pdf").read_bytes())
    assert looks_like_pdf(b"\r\n%PDF-1.7\n...")
    assert not looks_like_pdf(report_text("single.en.txt").encode())


@pytest.mark.parametrize("name", ["single.en.txt", "multi.en.txt", "renumber.en.txt", "small.fr.txt"])
def test_a_report_as_pdf_parses_exactly_as_its_text(name, directory):
    text = report_text(name)
    pdf = make_pdf(text_pages(text, lines_per_page=45))
    assert parse_report(pdf, directory).to_json() == parse_report(text, directory).to_json()


def test_page_breaks_of_a_pdf_are_page_starts_inside_a_vote_list(directory):
    text = report_text("single.en.txt")
    lines = [line for line in text.split("\n") if line.strip()]
    cut = lines.index("Against:")  # a page ends between two lists of a vote
    pdf = make_pdf([lines[:cut], lines[cut:]])
    assert parse_report(pdf, directory).to_json() == parse_report(text, directory).to_json()


def test_a_pdf_without_a_text_layer_is_a_clear_problem():
    scan = make_pdf(text_pages(report_text("single.en.txt")), with_text=False)
    with pytest.raises(ReportError, match="no text layer") as e:
        parse_report(scan)
    assert [p.line for p in e.value.problems] == [1]


def test_a_damaged_pdf_is_a_clear_problem():
    pdf = make_pdf(text_pages(report_text("single.en.txt")))
    with pytest.raises(ReportError, match="PDF"):
        parse_report(pdf[: len(pdf) // 3])


def test_command_line_reads_a_pdf(tmp_path):
    path = tmp_path / "single.en.pdf"
    path.write_bytes(make_pdf(text_pages(report_text("single.en.txt"))))
    out, err = io.StringIO(), io.StringIO()
    assert main([str(path), "--json"], out, err) == 0, err.getvalue()
    assert out.getvalue() == parse_report(report_text("single.en.txt")).to_json() + "\n"
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([["x"]], with_text=False))
    out, err = io.StringIO(), io.StringIO()
    assert main([str(scan), "--json"], out, err) == 1
    assert out.getvalue() == "" and "line 1: the PDF has no text layer" in err.getvalue()


def _winansi(c: str) -> bool:
    try:
        c.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def pages_with_drawn_rules(text: str) -> list[list[str]]:
    """The report's pages as a PDF whose footnote separator is a drawn rule: no "_____" line in its text, and
    no link lines (links are annotations, not text); a page ends after its footnotes."""
    pages, page, in_notes = [], [], False
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("_____"):
            in_notes = True
            continue
        if stripped.startswith("https://"):
            if in_notes and page:
                pages.append(page)
                page, in_notes = [], False
            continue
        page.append(line)
    return pages + [page]


@pytest.mark.parametrize("name", ["multi.en.txt", "first-committee-79-item106.en.txt"])
def test_footnotes_under_a_drawn_rule_are_footnotes(name, directory):
    # the tests' PDF font is WinAnsi: letters outside it lose their accent ("ē" in a paragraph, not a list)
    text = "".join(c for c in unicodedata.normalize("NFKD", report_text(name)) if _winansi(c))
    pdf = make_pdf(pages_with_drawn_rules(text))
    assert "_____" not in extract_text(pdf)
    assert parse_report(pdf, directory).to_json() == parse_report(text, directory).to_json()
