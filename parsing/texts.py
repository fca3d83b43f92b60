"""The recommended texts (section III of a report): which texts there are, and their paragraphs.

A text begins with its heading ("决议草案二" / "Draft resolution II"), then its title, then "大会，" / "The
General Assembly," for a resolution; a decision's text is one paragraph.  Paragraph boundaries come from
the layout: a new paragraph is an indented line after a line that ends a sentence.  At a page start the
indentation is lost, so there a new paragraph needs a sentence end before it and, in cased scripts, a
capital after it, or in Chinese a short line before it (the last line of a paragraph rarely fills it) or
one of the words that open preambular paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.errors import Problem
from parsing.labels import format_label, label_parts
from parsing.layout import Line, Span
from parsing.model import Paragraph
from parsing.phrases.base import PhraseTable
from parsing.patterns import width
from parsing.structure import clean_text, ends_sentence

_ROMAN_SUB = re.compile(r"[ivxl]+")


@dataclass
class RecommendedText:
    para: int | None  # the report paragraph that recommends it ("6.")
    kind: str  # resolution | decision
    num: int | None  # "二" / "II"; None for an unnumbered single text
    line: int
    title: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)


def parse_recommendations(lines: list[Line], table: PhraseTable, problems: list[Problem],
                          indentation_kept: bool = True, full_width: int = 0) -> list[RecommendedText]:
    """The texts of the recommendations section, each with the number of the report paragraph that
    recommends it ("20. The Third Committee recommends …"), its kind and number, title and paragraphs."""
    texts: list[RecommendedText] = []
    para: int | None = None
    current: RecommendedText | None = None
    loose: list[Line] = []  # lines after a recommending paragraph, before any text heading
    for i, line in enumerate(lines):
        number = table.paragraph_number.match(line.text)
        if number and (current is None or _recommends(lines[i: i + 4], table)):
            _unlabelled_text(para, loose, texts, table)
            para, current, loose = int(number["n"]), None, [line]
            continue
        heading = table.text_heading.fullmatch(line.text)
        if heading:
            kind = "decision" if table.decision_word.search(heading["kind"]) else "resolution"
            num = table.parse_draft_number(heading["num"]) if heading["num"] else None
            current = RecommendedText(para, kind, num, line.number)
            texts.append(current)
            loose = []
        elif current is not None:
            current.body.append(line)
        else:
            loose.append(line)
    _unlabelled_text(para, loose, texts, table)
    for text in texts:
        _read_text(text, table, problems, indentation_kept, full_width)
    return texts


def _unlabelled_text(para: int | None, loose: list[Line], texts: list[RecommendedText], table: PhraseTable) -> None:
    """A single text printed without its "Draft decision" label: the recommending paragraph ("4. The
    Committee recommends … the following draft decision:"), then the text's title and "The General Assembly
    decides …".  Its kind is the one the paragraph names."""
    if para is None or not loose or any(t.para == para for t in texts):
        return
    end = next((i for i, l in enumerate(loose) if l.text.rstrip().endswith((":", "："))), None)
    if end is None or end + 1 >= len(loose):
        return
    intro = Span(loose[: end + 1], table.joiner).text
    if not table.recommend_intro.search(intro):
        return
    kind = "decision" if table.decision_word.search(intro) else "resolution"
    texts.append(RecommendedText(para, kind, None, loose[end + 1].number, body=loose[end + 1:]))


def _recommends(lines: list[Line], table: PhraseTable) -> bool:
    """Whether the numbered paragraph starting ``lines`` (its own lines only) recommends texts."""
    own = lines[:1]
    for line in lines[1:]:
        if table.paragraph_number.match(line.text) or table.text_heading.fullmatch(line.text):
            break
        own.append(line)
    return bool(table.recommend_intro.search(Span(own, table.joiner).text))


def _read_text(text: RecommendedText, table: PhraseTable, problems: list[Problem], indentation_kept: bool,
               full_width: int) -> None:
    body = text.body
    start = next((i for i, l in enumerate(body) if table.assembly_line.fullmatch(l.text)), None)
    if start is not None and text.kind == "resolution":
        text.title = clean_text(Span(body[:start], table.joiner).text, table)
        text.paragraphs = split_paragraphs(body[start + 1:], table, problems, indentation_kept, full_width)
        return
    # A decision, or a resolution written as one sentence: the title runs up to "The General Assembly".
    start = next((i for i, l in enumerate(body) if i and table.assembly_start.match(l.text)), None)
    if start is None:
        if text.kind == "resolution" or len(body) < 2:
            problems.append(Problem(text.line, "recommended text without a line opening with the General Assembly"))
            return
        start = 1
    text.title = clean_text(Span(body[:start], table.joiner).text, table)
    rest = _until_annex(body[start:], table)
    if rest:
        text.paragraphs = [Paragraph("OP1", "OP1", clean_text(Span(rest, table.joiner).text, table), rest[0].number)]


def _until_annex(lines: list[Line], table: PhraseTable) -> list[Line]:
    end = next((i for i, l in enumerate(lines) if table.annex_heading.fullmatch(l.text)), len(lines))
    return lines[:end]


def split_paragraphs(lines: list[Line], table: PhraseTable, problems: list[Problem], indentation_kept: bool = True,
                     full_width: int = 0) -> list[Paragraph]:
    """Labelled paragraphs of a resolution's text (after "The General Assembly,").  ``indentation_kept``
    and ``full_width`` describe the whole document's layout (see :class:`parsing.layout.Layout`)."""
    lines = _until_annex(lines, table)
    if not lines:
        return []
    full = full_width or max(width(l.text) for l in lines)

    groups: list[list[Line]] = []
    prev: Line | None = None
    for line in lines:
        if prev is None or _starts_paragraph(line, prev, table, full, indentation_kept):
            groups.append([line])
        else:
            groups[-1].append(line)
        prev = line

    paragraphs: list[Paragraph] = []
    preambular = 0
    operative: int | None = None  # number of the current operative paragraph
    letter: str | None = None  # current (a)-level sub-paragraph
    for group in groups:
        first = group[0].text
        number = table.paragraph_number.match(first)
        sub = table.sub_item.match(first)
        if number:
            operative, letter = int(number["n"]), None
            label, rest = f"OP{operative}", first[number.end():]
        elif sub:
            parent = f"OP{operative}" if operative is not None else f"PP{preambular}"
            if operative is None and preambular == 0:
                problems.append(Problem(group[0].number, "sub-paragraph before any paragraph"))
                continue
            mark = table.sub_letter(sub["l"])
            if letter is not None and _ROMAN_SUB.fullmatch(mark) and mark != chr(ord(letter) + 1):
                label = f"{parent}({letter})({mark})"  # (i) inside (a), unless (i) simply follows (h)
            else:
                letter = mark
                label = f"{parent}({mark})"
            rest = first[sub.end():]
        elif operative is None:
            preambular += 1
            label, rest = f"PP{preambular}", first
        else:
            # Unnumbered text after operative paragraphs continues the paragraph before it.
            previous = paragraphs[-1]
            extra = clean_text(Span(group, table.joiner).text, table)
            previous.text = clean_text(previous.text + table.joiner + extra, table)
            continue
        text = clean_text(Span(group, table.joiner, first=rest).text, table)
        paragraphs.append(Paragraph(label, label, text, group[0].number))
    return paragraphs


def _starts_paragraph(line: Line, prev: Line, table: PhraseTable, full: int, indentation_kept: bool) -> bool:
    ends = ends_sentence(prev.text, table)
    if table.paragraph_number.match(line.text) or table.sub_item.match(line.text):
        return ends
    if indentation_kept and not line.page_start:
        return line.indented and ends
    if not ends:
        return False
    if table.cased:
        return line.text[:1].isupper()
    # No capitals: a short line before (a paragraph's last line rarely fills the measure), or a line
    # opening with a word that opens paragraphs ("回顾", "重申").
    return width(prev.text) < 0.8 * full or bool(table.paragraph_opener and table.paragraph_opener.match(line.text))


# ------------------------------------------------------------------------------------- voted labels


def assign_voted_labels(paragraphs: list[Paragraph], rejected: list[str]) -> None:
    """Set each paragraph's label in the draft as voted on: the published text numbers its paragraphs
    afresh after one was not retained, so published paragraph n is voted paragraph n plus the number of
    rejected siblings before it (at every level: preambular, operative, sub-paragraphs)."""
    rejected_parts = {label_parts(r) for r in rejected}
    published_to_voted: dict[tuple, tuple] = {}
    last_voted: dict[tuple, int] = {}  # voted parent -> last voted index used under it
    for paragraph in paragraphs:
        parts = label_parts(paragraph.label)
        parent = (parts[0],) if len(parts) == 2 else published_to_voted.get(parts[:-1], parts[:-1])
        index = last_voted.get(parent, 0) + 1
        while parent + (index,) in rejected_parts:
            index += 1
        last_voted[parent] = index
        published_to_voted[parts] = parent + (index,)
        paragraph.voted_label = format_label(parent + (index,))
