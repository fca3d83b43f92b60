"""Small PDFs written by the tests themselves: a text layer in a standard font (WinAnsi: English and the
other Latin-script languages), or a page with no text at all (what a scan looks like to a text extractor).

Written byte by byte (objects, cross-reference table, trailer) so the tests need no PDF writer library.
"""

from __future__ import annotations

_LINE_HEIGHT = 12
_TOP = 800


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")  # WinAnsiEncoding, close enough for the standard fonts
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content(lines: list[str]) -> bytes:
    out = [b"BT /F1 9 Tf"]
    y = _TOP
    for line in lines:
        indent = len(line) - len(line.lstrip())
        out.append(b"1 0 0 1 %d %d Tm " % (40 + 5 * indent, y) + _pdf_string(line.strip()) + b" Tj")
        y -= _LINE_HEIGHT
    out.append(b"ET")
    return b"\n".join(out)


def make_pdf(pages: list[list[str]], with_text: bool = True) -> bytes:
    """A PDF of ``pages`` (each a list of printed lines; leading spaces indent).  ``with_text=False`` gives
    the same pages with a filled rectangle instead of text: no text layer."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: pages (filled below)
    font = len(objects) + 1
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream = _content(lines) if with_text else b"0.5 g 40 40 500 700 re f"
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content, font))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_pages(text: str, lines_per_page: int = 60) -> list[list[str]]:
    """``text`` as printed pages: its non-blank lines, ``lines_per_page`` to a page."""
    lines = [line for line in text.split("\n") if line.strip()]
    return [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
