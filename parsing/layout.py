"""From PDF-extracted text to the lines that carry the report, with the page furniture taken out.

What a PDF leaves in the text, and what happens to it here:
- blank lines between lines: dropped (but remembered: a line that follows another without a blank one
  between them starts a new page in the layout the corpus uses, so its indentation says nothing);
- running headers, footers and page numbers ("A/79/408", "24-20817 (C)", "2/10"): dropped; a standalone
  report symbol is kept as the report's own symbol;
- URL lines (the PDF's hyperlinks, gathered at the end of each page): dropped;
- footnote blocks (a separator "_____" then entries "1 text...", or in a PDF's text without the separator, a
  drawn rule, the marked entries at a page's end): taken out into :class:`Footnote`s, so a list or paragraph
  interrupted by a page end continues after the block;
- footnote reference marks glued to text ("表决情况如下：2", "Weapons,1 the"): removed from the line's text
  and kept in :attr:`Line.marks`, resolved to their footnote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from parsing.errors import Problem, ReportError
from parsing.patterns import width
from parsing.pdf import extract_text, looks_like_pdf
from parsing.phrases.base import REPORT_SYMBOL, PhraseTable


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str  # lines joined by the language's joiner
    line: int  # line of the entry "2 科特迪瓦代表团..."
    block: int  # index of the footnote block (one per page that has footnotes)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source
    text: str  # stripped, footnote marks removed
    indented: bool  # began with whitespace
    page_start: bool  # first line of a page: its indentation is not a paragraph indent
    marks: tuple[Footnote, ...] = ()  # footnotes whose reference marks this line carried
    loose_mark: int | None = None  # a mark at the end of the line ("as follows:2") whose footnote is missing


@dataclass
class Layout:
    lines: list[Line]
    footnotes: list[Footnote]
    symbols: list[tuple[str, int]] = field(default_factory=list)  # report symbols on header lines
    # Whether the extraction kept paragraph indents: some lines inside pages are indented and most are
    # not (continuation lines).  When it did not, paragraph breaks are guessed from punctuation alone.
    indentation_kept: bool = True
    full_width: int = 0  # printed width of a full line (90th percentile), to tell a paragraph's short last line


# ------------------------------------------------------------------------------------------ decoding


# Bidirectional formatting characters (marks, embeddings, isolates): right-to-left extraction puts them
# around Latin symbols and digits; they are invisible and carry no text.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def decode(source: str | bytes) -> str:
    """Text of the report: UTF-8 (BOM optional) with LF line ends and no bidirectional controls.  Bad
    bytes are a ReportError naming the byte and its line, so a mis-encoded file is refused clearly instead
    of crashing later.  The bytes of a PDF are its extracted text (parsing/pdf.py)."""
    if isinstance(source, bytes) and looks_like_pdf(source):
        text = extract_text(source)
    elif isinstance(source, bytes):
        try:
            text = source.decode("utf-8")
        except UnicodeDecodeError as e:
            line = source.count(b"\n", 0, e.start) + 1
            message = f"not UTF-8: byte 0x{source[e.start]:02x} at line {line}"
            raise ReportError([Problem(line, message)]) from None
    else:
        text = source
    if text.startswith("\ufeff"):
        text = text[1:]
    return _BIDI_CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --------------------------------------------------------------------------------------- page furniture

_URL = re.compile(r"(?:https?://|www\.)\S+")
_SEPARATOR = re.compile(r"_{5,}")
# One token of a running header or footer: a report symbol, a job number with its language letter, a
# page number "2/10", a barcode, a date.  A header line consists of such tokens only.
_HEADER_TOKEN = (
    rf"{REPORT_SYMBOL}"
    r"|(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?"
    r"|\*\d{7,}\*"
    r"|\d{1,3}\s*/\s*\d{1,3}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)
_HEADER = re.compile(rf"(?:{_HEADER_TOKEN})(?:\s+(?:{_HEADER_TOKEN}))*")
_DATE_ONLY = re.compile(r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_REPORT_SYMBOL = re.compile(REPORT_SYMBOL)
# Footnote marks and entries: see PhraseTable.footnote_mark / footnote_entry (parsing/patterns.py).
# Where digits after a full stop belong to an abbreviation or a symbol ("Rev.1", "L.53", "para.6").
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|Rev|Add|Corr|Amend|para|paras|No|Nos|vol|p|pp|art|Sect|sect|[\d/])\.$"
)
_SYMBOL_TOKEN = re.compile(r"\S*/\S*$")  # the digits are the end of a symbol like "A/77/96"
_MARK_AFTER = ":：;；.。)）”،؛"  # punctuation after which line-final digits can only be a mark


def _is_header(stripped: str) -> bool:
    return bool(_HEADER.fullmatch(stripped)) and not _DATE_ONLY.fullmatch(stripped)


def layout(text: str, table: PhraseTable) -> Layout:
    """Split ``text`` into content lines and footnotes (see the module docstring)."""
    if table.prepare is not None:
        text = table.prepare(text)
    raw = text.split("\n")
    # The corpus layout puts a blank line after every text line; a line following another directly
    # starts a page.  Only trust that signal when the document is written that way.
    texts = [i for i, s in enumerate(raw) if s.strip()]
    followed_by_blank = sum(1 for i in texts if i + 1 < len(raw) and not raw[i + 1].strip())
    blank_style = bool(texts) and followed_by_blank / len(texts) > 0.5
    # The measure (a full line's width): the 90th percentile of line widths; every third line is plenty.
    widths = sorted(width(raw[i].strip()) for i in texts[::3] if not _URL.fullmatch(raw[i].strip())) or [0]
    full_width = widths[int(len(widths) * 0.9)]

    def footnote_goes_on(line: str, indented: bool, was_blank: bool) -> bool:
        """Whether ``line`` continues the open footnote rather than resuming the page's text."""
        if indented or (blank_style and not was_blank):
            return False  # the page's text resumes indented, or (blank-line layout) without a blank line
        if table.paragraph_number.match(line) or table.sub_item.match(line) or table.list_label.fullmatch(line):
            return False
        last = entries[-1][1][-1]
        # a footnote line that ends a sentence short of the measure ends the footnote
        return not (last.rstrip()[-1:] in ".。" and width(last) < 0.8 * full_width)

    lines: list[tuple[int, str, bool, bool]] = []  # (number, raw text, indented, page_start)
    footnotes: list[Footnote] = []
    symbols: list[tuple[str, int]] = []
    entries: list[list] = []  # open footnote of the current block: [number, [texts], line]
    block = -1
    in_footnotes = False
    prev_blank = True
    after_furniture = True  # the next content line starts a page

    def close_block():
        for number, parts, line in entries:
            footnotes.append(Footnote(number, table.joiner.join(parts), line, block))
        entries.clear()

    unruled = _unruled_footnotes(raw, table) if "\f" in text else set()
    for index, raw_line in enumerate(raw):
        number = index + 1
        page_feed = "\f" in raw_line
        s = raw_line.replace("\f", "")
        stripped = s.strip()
        if page_feed and in_footnotes:  # a PDF's page ends its footnotes
            close_block()
            in_footnotes = False
        if index in unruled:  # a footnote block whose separator is a drawn rule, not text
            if in_footnotes:
                close_block()
            block += 1
            in_footnotes = True
        if not stripped:
            prev_blank = True
            continue
        was_blank, prev_blank = prev_blank, False
        if _URL.fullmatch(stripped):
            if in_footnotes:
                close_block()
                in_footnotes = False
            after_furniture = True
            continue
        if _SEPARATOR.fullmatch(stripped):
            if in_footnotes:
                close_block()
            block += 1
            in_footnotes = True
            continue
        if _is_header(stripped):
            symbols += [(m.group(), number) for m in _REPORT_SYMBOL.finditer(stripped)]
            if in_footnotes:
                close_block()
                in_footnotes = False
            after_furniture = True
            continue
        indented = s[:1].isspace()
        new_page = page_feed or after_furniture or (blank_style and not was_blank)
        if in_footnotes:
            m = table.footnote_entry.fullmatch(stripped)
            if m and (not entries or entries[-1][0] < int(m["n"]) <= entries[-1][0] + 3
                      or (int(m["n"]) == 1 and entries[-1][1][-1].rstrip()[-1:] in ".。")):
                # numbering restarts with each recommended text: "5 …" then "1 …" in one block, or two
                # footnotes 1 (a restart only after a footnote that ended its sentence)
                entries.append([int(m["n"]), [m["text"]], number])
                continue
            if entries and footnote_goes_on(stripped, indented, was_blank):
                entries[-1][1].append(stripped)
                continue
            close_block()
            in_footnotes = False
            new_page = True
        lines.append((number, stripped, indented, new_page))
        after_furniture = False
    if in_footnotes:
        close_block()

    finder = _FootnoteFinder(footnotes)
    content = []
    for i, (number, stripped, indented, page_start) in enumerate(lines):
        following = lines[i + 1][1] if i + 1 < len(lines) else ""
        clean, marks, loose = _take_marks(stripped, number, finder, table, following)
        if clean:
            content.append(Line(number, clean, indented, page_start, marks, loose))
    in_page = [l for l in content if not l.page_start]
    indented_share = sum(l.indented for l in in_page) / len(in_page) if in_page else 0.0
    return Layout(content, footnotes, symbols, indentation_kept=0.0 < indented_share < 0.8, full_width=full_width)


def _unruled_footnotes(raw: list[str], table: PhraseTable) -> set[int]:
    """Indices of the lines where a footnote block starts on a PDF page that prints its separator as a drawn
    rule (so the extracted text has none).  Pages are told by form feeds.  The block is the run of lines at
    the page's end (before its footer) from an entry "n text" on: its entries number on by one, each number
    is glued as a mark to a word above it on the page, and no entry is a count ("2 票弃权")."""
    starts: set[int] = set()
    bounds = [0] + [i for i, line in enumerate(raw) if "\f" in line] + [len(raw)]
    for a, b in zip(bounds, bounds[1:]):
        page = [(i, raw[i].replace("\f", "").strip()) for i in range(a, b)]
        page = [(i, line) for i, line in page if line]
        if any(_SEPARATOR.fullmatch(line) for _, line in page):
            continue
        while page and (_is_header(page[-1][1]) or _URL.fullmatch(page[-1][1])):
            page.pop()
        for k, (index, line) in enumerate(page):
            first = table.footnote_entry.fullmatch(line)
            if not first or (table.quantity_after is not None and table.quantity_after.match(first["text"])):
                continue
            above = {int(m["n"]) for _, text in page[:k] for m in table.footnote_mark.finditer(text)}
            expected, ok = int(first["n"]), True
            for _, rest in page[k:]:
                entry = table.footnote_entry.fullmatch(rest)
                if entry and int(entry["n"]) == expected:
                    ok = ok and expected in above
                    expected += 1
                elif entry and int(entry["n"]) < 100 and rest is page[k][1]:
                    ok = False
            if ok and int(first["n"]) in above:
                starts.add(index)
                break
    return starts


class _FootnoteFinder:
    """Finds the footnote a mark on a given line refers to: numbering restarts (the recommended text has
    its own footnotes 1, 2, ...), so it is the entry of that number in the first footnote block after
    the line, or in the next block when the first one stops short of that number (a page without it)."""

    def __init__(self, footnotes: list[Footnote]):
        # block -> number -> its footnotes in order (two when numbering restarted inside the block)
        self._blocks: dict[int, dict[int, list[Footnote]]] = {}
        for f in footnotes:
            self._blocks.setdefault(f.block, {}).setdefault(f.number, []).append(f)
        self._used: dict[tuple[int, int], int] = {}
        self._order = sorted(self._blocks, key=lambda b: min(f[0].line for f in self._blocks[b].values()))
        self._starts = [min(f[0].line for f in self._blocks[b].values()) for b in self._order]

    def find(self, number: int, line: int) -> Footnote | None:
        """The footnote of a mark; marks are asked for in text order, so when a block holds two footnotes
        of one number, the first such mark gets the first, the next mark the second."""
        i = bisect.bisect_right(self._starts, line)
        for block in self._order[i:i + 2]:
            entries = self._blocks[block]
            if number in entries:
                same = entries[number]
                used = self._used.get((block, number), 0)
                self._used[(block, number)] = used + 1
                return same[min(used, len(same) - 1)]
            if max(entries) > number:
                return None
        return None


def _take_marks(text: str, number: int, finder: _FootnoteFinder, table: PhraseTable, following: str = ""):
    """``text`` without its footnote marks, the footnotes they refer to, and the number of a mark left
    at the end of the line after punctuation whose footnote cannot be found (lost in extraction).
    ``following`` is the next content line: digits ending a line whose next line opens with a measure word
    ("…对 5" / "票、9 票弃权") are a count split by the line break, not a mark."""
    marks: list[Footnote] = []
    cuts: list[tuple[int, int]] = []
    loose = None
    for m in table.footnote_mark.finditer(text):
        before = text[: m.start()]
        last = before[-1]
        if last in table.no_mark_after or last in "/-–—":
            continue  # "第4", "76/234", "COVID-19"
        if (last == "." or last.isalnum()) and (_ABBREVIATION.search(before) or _SYMBOL_TOKEN.search(before)):
            continue  # "Rev.1", "L.53", the tail of a symbol
        if table.quantity_after is not None and (
            table.quantity_after.match(text, m.end())
            or (not text[m.end():].strip() and following and table.quantity_after.match(following))
        ):
            continue  # "、2 票弃权": a count, not a mark
        footnote = finder.find(int(m["n"]), number)
        if footnote is None:
            if last in _MARK_AFTER and (m.end() == len(text.rstrip()) or last in "。；："):
                loose = int(m["n"])
            continue
        marks.append(footnote)
        cuts.append(m.span())
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
    return text.strip(), tuple(marks), loose


# ------------------------------------------------------------------------------------------ spans


class Span:
    """Text joined from consecutive lines, remembering the source line of every character, so a problem
    found anywhere in a joined paragraph can name its line."""

    __slots__ = ("text", "_starts", "_numbers")

    def __init__(self, lines: list[Line], joiner: str, first: str | None = None):
        parts: list[str] = []
        self._starts: list[int] = []
        self._numbers: list[int] = []
        offset = 0
        for i, line in enumerate(lines):
            piece = first if (i == 0 and first is not None) else line.text
            if parts:
                sep = "" if _joins_without_space(parts[-1], piece) else joiner
                parts.append(sep)
                offset += len(sep)
            self._starts.append(offset)
            self._numbers.append(line.number)
            parts.append(piece)
            offset += len(piece)
        self.text = "".join(parts)

    def line_at(self, offset: int) -> int:
        """The source line of the character at ``offset``."""
        if not self._numbers:
            return 0
        return self._numbers[max(0, bisect.bisect_right(self._starts, offset) - 1)]


def _joins_without_space(before: str, after: str) -> bool:
    # "Guinea-" + "Bissau": a line break after a hyphen inside a word joins without a space.
    return len(before) >= 2 and before[-1] in "-\u2010\u2011" and before[-2].isalpha() and after[:1].isalpha()
