"""Text out of a PDF, for any UN document the parsers read (committee reports here, plenary records later).

    from parsing.pdf import extract_text, looks_like_pdf
    if looks_like_pdf(data):
        text = extract_text(data)          # str (pages joined by "\\n\\f"), or ReportError

The text is pypdf's (BSD licence) plain extraction, page by page: one line per printed line, in reading
order, with the running headers, footers and footnote blocks of each page where the page prints them (the
report parser's layout step knows how to take those out).  Each page after the first starts with a form
feed ("\\n\\f" between pages), which the layout step reads as a page start.  On the UN's own PDFs (tested
on A/48/PV.46 and A/79/PV.29, corpus/plenary/) the text equals the Official Document System's text export
modulo whitespace.

A PDF without a text layer (a scan) or one that cannot be opened is a :class:`ReportError` saying so, never
an empty text: the caller would otherwise report "language not recognised" about an image.
"""

from __future__ import annotations

import io
import logging

from parsing.errors import Problem, ReportError

PAGE_BREAK = "\n\f"

_MAGIC = b"%PDF-"
# A PDF's header may follow some junk bytes (the specification allows up to 1024 of them).
_HEADER_WINDOW = 1024
# Fewer printable characters than this on every page: only page numbers or a stamp, no text layer.
_MIN_TEXT_PER_PAGE = 20


# Latin ligatures some PDFs carry as single characters ("ﬁrst"): the parsers' phrases spell them out.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})


def looks_like_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF file (by its "%PDF-" header, not by a file name)."""
    return _MAGIC in data[:_HEADER_WINDOW]


def extract_text(data: bytes) -> str:
    """The text of every page of the PDF ``data``, pages joined by :data:`PAGE_BREAK`.

    Raises ReportError (at line 1) when the PDF cannot be read, is encrypted with a password, or has no
    text layer (a scanned document: run OCR first)."""
    # pypdf's own import is deferred: text reports, the usual input, never need it.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on sloppy PDFs are not our problems
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportError([Problem(1, "the PDF is protected by a password: cannot extract its text")])
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReportError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as e:
        # pypdf signals a damaged file with several exception types, depending on where the damage is.
        raise ReportError([Problem(1, f"not a readable PDF ({type(e).__name__}: {e})")]) from None
    if not pages:
        raise ReportError([Problem(1, "the PDF has no pages")])
    if all(len("".join(page.split())) < _MIN_TEXT_PER_PAGE for page in pages):
        raise ReportError([Problem(1, f"the PDF has no text layer ({len(pages)} page(s) of images, a scan?): "
                                      f"extract its text with OCR first")])
    return PAGE_BREAK.join(page.rstrip("\n") for page in pages).translate(_LIGATURES)


__all__ = ["extract_text", "looks_like_pdf", "PAGE_BREAK"]
