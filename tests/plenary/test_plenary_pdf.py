"""The real records read from their PDFs as from their text (parsing.pdf extracts the text)."""

from pathlib import Path

import pytest

from parsing.plenary import looks_like_plenary, parse_plenary

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "plenary"


@pytest.mark.parametrize("stem", ["A-48-PV.46_en", "A-79-PV.29_en"])
def test_a_records_pdf_parses_as_its_text(stem):
    pdf = (CORPUS / f"{stem}.pdf").read_bytes()
    assert looks_like_plenary(pdf)
    assert parse_plenary(pdf).to_json() == parse_plenary((CORPUS / f"{stem}.txt").read_bytes()).to_json()
