"""What the parser accepts as input: UTF-8 bytes or text, with or without BOM, CRLF or LF line ends; bytes
that are not UTF-8 are a ReportError naming the byte and its line."""

import pytest

from parsing import ReportError, parse_report

from report_helpers import REPORTS, report_text

NAMES = ["single.zh.txt", "single.en.txt", "multi.zh.txt", "multi.en.txt"]


@pytest.mark.parametrize("name", NAMES)
def test_crlf_and_bom_give_the_same_report(name, directory):
    plain = parse_report((REPORTS / name).read_bytes(), directory).to_dict()
    crlf = b"\xef\xbb\xbf" + report_text(name).replace("\n", "\r\n").encode("utf-8")
    assert parse_report(crlf, directory).to_dict() == plain
    assert parse_report("\ufeff" + report_text(name), directory).to_dict() == plain  # str with a BOM


@pytest.mark.parametrize("name", NAMES)
def test_crlf_keeps_line_numbers(name, directory):
    plain = parse_report(report_text(name), directory)
    crlf = parse_report(report_text(name).replace("\n", "\r\n").encode("utf-8"), directory)
    assert [a.line for d in crlf.drafts for a in d.actions] == [a.line for d in plain.drafts for a in d.actions]


@pytest.mark.parametrize("name", ["single.zh.txt", "single.en.txt"])
def test_bytes_that_are_not_utf8(name, directory):
    lines = (REPORTS / name).read_bytes().split(b"\n")
    lines[20] = lines[20][:3] + b"\xff" + lines[20][3:]
    with pytest.raises(ReportError) as caught:
        parse_report(b"\n".join(lines), directory)
    assert [(p.line, p.message) for p in caught.value.problems] == [(21, "not UTF-8: byte 0xff at line 21")]
    assert str(caught.value) == "line 21: not UTF-8: byte 0xff at line 21"


def test_form_feed_page_break_inside_a_list(directory):
    """pdftotext marks a new page with a form feed glued to the page's first line."""
    text = report_text("single.en.txt").replace("\nChile, Trinidad", "\n\fChile, Trinidad")
    text = text.replace("Belarus, Chile, Trinidad and Tobago.", "Belarus,\n\f Chile, Trinidad and Tobago.", 1)
    report = parse_report(text, directory)
    assert report.drafts[0].actions[0].yes == ["BLR", "CHL", "TTO"]


def test_text_in_an_unknown_language(directory):
    with pytest.raises(ReportError) as caught:
        parse_report("Neunundsiebzigste Tagung\n\nBericht des Ersten Ausschusses\n", directory)
    assert caught.value.problems[0].line == 1
    assert "language not recognised" in caught.value.problems[0].message


def test_empty_input(directory):
    with pytest.raises(ReportError):
        parse_report(b"", directory)
