"""The plenary verbatim record parser (A/79/PV.29 and so on): plain Python, no Django.

    from parsing.plenary import parse_plenary
    record = parse_plenary(Path("A-79-PV.29_en.txt").read_bytes())
    print(record.to_json())

``parse_plenary`` returns a :class:`~parsing.plenary.model.PlenaryRecord` or raises
:class:`parsing.ReportError` listing every problem found, each with its line.  See README.md here.
"""

from __future__ import annotations

from parsing.errors import Problem, ReportError
from parsing.layout import decode
from parsing.pdf import extract_text, looks_like_pdf
from parsing.plenary.engine import PlenaryReader
from parsing.plenary.model import DraftRef, PlenaryAction, PlenaryRecord
from parsing.plenary.phrases import TABLES, detect_language
from reference import CountryDirectory

def record_text(source: str | bytes) -> str:
    """The text of a record given as text or as the bytes of a .txt or .pdf file (parsing.pdf extracts a PDF's)."""
    return decode(source)


def parse_plenary(source: str | bytes, directory: CountryDirectory | None = None) -> PlenaryRecord:
    """Parse one plenary verbatim record.  Raises ReportError."""
    text = record_text(source)
    if not text.strip():
        raise ReportError([Problem(1, "the file is empty")])
    table = detect_language(text)
    if table is None:
        raise ReportError([Problem(1, f"language not recognised (plenary records known: {', '.join(TABLES)})")])
    return PlenaryReader(table, directory or CountryDirectory.default()).read(text)


def looks_like_plenary(source: str | bytes) -> bool:
    """Whether a document is a plenary verbatim record rather than a committee report (its symbol A/79/PV.29
    near the top), so that one command can take both."""
    if isinstance(source, bytes) and looks_like_pdf(source):
        try:
            source = extract_text(source)
        except ReportError:
            return False
    head = source[:6000]
    if isinstance(head, bytes):
        head = head.decode("utf-8", errors="replace")
    lines = head.splitlines()[:120]
    return any(table.record_symbol.fullmatch(line.strip()) for table in TABLES.values() for line in lines) \
        and any(table.meeting.search(" ".join(head.split())) for table in TABLES.values())


__all__ = ["parse_plenary", "record_text", "looks_like_plenary", "PlenaryRecord", "PlenaryAction", "DraftRef"]
