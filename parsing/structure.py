"""The report's skeleton: its heading, its numbered sections, and inside a draft's section the "units" that
carry the facts.

A unit is one numbered paragraph ("5. 在…第 31次会议上…") or sub-item ("(a) 经记录表决…") with the vote
lists that follow it ("赞成：…", "反对：…", "弃权：…").  A list is closed by its final full stop; text after
a closed list that is not another label starts a new unit, so a vote written as running text after the
lists of a previous one is read on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.layout import Line, Span
from parsing.numerals import roman
from parsing.patterns import width
from parsing.phrases.base import REPORT_SYMBOL, PhraseTable

_REPORT_SYMBOL = re.compile(REPORT_SYMBOL)
_CLOSERS = "”\"’'」』)）]»"


def ends_sentence(text: str, table: PhraseTable) -> bool:
    """True when ``text`` ends with punctuation that can close a paragraph (closing quotes ignored)."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in table.sentence_end + "：:"


def clean_text(text: str, table: PhraseTable) -> str:
    """Whitespace of joined text as published: Chinese keeps no spaces (PDF extraction scatters them)
    except between two Latin letters or digits; other languages one space."""
    if table.joiner:
        return " ".join(text.split())
    return re.sub(r"\s+", lambda m: _latin_gap(text, m), text).strip()


def _latin_gap(text: str, m: re.Match) -> str:
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    return " " if before.isascii() and after.isascii() and before.isalnum() and after.isalnum() else ""


# ------------------------------------------------------------------------------------------- heading


@dataclass
class Heading:
    """What the report's heading says (anything it does not say stays None / empty)."""

    session: int | None = None
    body: str | None = None
    agenda_items: list[tuple[int, str]] = field(default_factory=list)
    symbol: str | None = None


def parse_heading(lines: list[Line], table: PhraseTable) -> Heading:
    """Session, agenda item(s) and title, committee, and the report symbol if printed, from the lines
    before the first section."""
    heading = Heading()
    for line in lines:
        m = table.session.search(line.text)
        if m:
            try:
                heading.session = table.parse_number(m["n"])
                break
            except ValueError:
                continue  # "Resumed session"-like words that are not a number
    agenda_index = next((i for i, l in enumerate(lines) if table.agenda_item.match(l.text)), None)
    for line in lines[:agenda_index]:  # the cover ("United Nations A/79/408"), not the title
        m = _REPORT_SYMBOL.search(line.text)
        if m:
            heading.symbol = m.group()
            break
    report_index = None
    for i, line in enumerate(lines):
        pair = line.text + (table.joiner + lines[i + 1].text if i + 1 < len(lines) else "")
        m = table.committee_report.search(pair)
        if m and m.start() < len(line.text):
            ordinal = table.committee_ordinals.get(m["ord"])
            if ordinal:
                heading.body = f"C.{ordinal}"
            report_index = i
            break
    if agenda_index is not None:
        numbers = [int(n) for n in re.findall(r"\d+", table.agenda_item.match(lines[agenda_index].text)["nums"])]
        end = report_index if report_index is not None and report_index > agenda_index else agenda_index + 1
        title_lines = lines[agenda_index + 1: end]
        heading.agenda_items = list(zip(numbers, _titles(title_lines, len(numbers), table)))
    return heading


def _titles(lines: list[Line], count: int, table: PhraseTable) -> list[str]:
    """One title per agenda item of the heading ("Agenda items 96 and 97", then a title block per item).
    A block is a line, or lines wrapped at the measure: a line shorter than the longest ends its title.
    When that does not give one block per item, every item gets the whole text (a known gap)."""
    def clean(block: list[Line]) -> str:
        return clean_text(Span(block, table.joiner).text, table) if block else ""

    if count > 1 and lines:
        widest = max(width(line.text) for line in lines)
        blocks: list[list[Line]] = []
        for line in lines:
            if not blocks or len(lines) == count or width(blocks[-1][-1].text) < 0.8 * widest:
                blocks.append([line])
            else:
                blocks[-1].append(line)
        if len(blocks) == count:
            return [clean(block) for block in blocks]
    return [clean(lines)] * count


# ------------------------------------------------------------------------------------------ sections


@dataclass
class Section:
    """A numbered section of the report ("二. …", "II. …") or a draft's subsection ("A. Draft …")."""

    kind: str  # "draft" | "recommendations" | "other"
    heading: Line | None
    lines: list[Line] = field(default_factory=list)
    draft_kind: str | None = None  # resolution | decision
    symbol: str | None = None


def split_sections(lines: list[Line], table: PhraseTable) -> tuple[list[Line], list[Section]]:
    """The heading lines, then the sections in order.  Roman-numbered sections must number on from one
    another (一, 二, 三 / I, II, III), and the recommendations are the last section, so numbered parts of a
    recommended text ("I. General provisions") are not taken for sections of the report."""
    head: list[Line] = []
    sections: list[Section] = []
    last_number = 0
    for line in lines:
        section = None
        in_texts = bool(sections) and sections[-1].kind == "recommendations"
        m = None if in_texts else table.section_heading.fullmatch(line.text)
        if m:
            try:
                number = roman(m["num"]) if m["num"].isascii() else table.parse_number(m["num"])
            except ValueError:
                number = None
            if number is not None and (number == last_number + 1 or (not last_number and number <= 2)):
                last_number = number
                section = _classify(line, m["title"], table)
        if section is None and sections and not in_texts:
            d = table.draft_heading.fullmatch(line.text)
            if d:
                section = Section("draft", line, draft_kind=_kind(d["kind"], table), symbol=d["symbol"])
        if section is not None:
            sections.append(section)
        elif sections:
            sections[-1].lines.append(line)
        else:
            head.append(line)
    return head, sections



def _classify(line: Line, title: str, table: PhraseTable) -> Section:
    if table.recommendations_heading.search(title):
        return Section("recommendations", line)
    d = table.draft_mention.search(title)
    if d:
        return Section("draft", line, draft_kind=_kind(d["kind"], table), symbol=d["symbol"])
    return Section("other", line)


def _kind(word: str, table: PhraseTable) -> str:
    return "decision" if table.decision_word.search(word) else "resolution"


# --------------------------------------------------------------------------------------------- units


@dataclass
class VoteList:
    """One list of a recorded vote, from its label to its final full stop."""

    position: str  # yes | no | abstain
    label: str  # as printed ("赞成", "In favour")
    line: int  # line of the label
    lines: list[Line] = field(default_factory=list)
    first: str = ""  # names printed on the label's own line
    closed: bool = False


@dataclass
class Unit:
    """A numbered paragraph or sub-item of a draft's section, with the vote lists that follow it."""

    lines: list[Line]  # the running text (before any list)
    lists: list[VoteList] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.lines[0].number

    def all_lines(self) -> list[Line]:
        return self.lines + [l for v in self.lists for l in v.lines]


def split_units(lines: list[Line], table: PhraseTable) -> list[Unit]:
    """The units of a draft's section, in order (see the module docstring)."""
    units: list[Unit] = []
    current: Unit | None = None
    prev: Line | None = None
    for line in lines:
        label = table.list_label.fullmatch(line.text)
        if label and current is not None:
            position = table.list_positions[" ".join(label["label"].split())]
            vote_list = VoteList(position, " ".join(label["label"].split()), line.number, first=label["rest"])
            vote_list.lines.append(line)
            vote_list.closed = _closes(label["rest"], table)
            current.lists.append(vote_list)
        elif current is not None and current.lists and not current.lists[-1].closed and not _starts_unit(
            line, prev, table
        ):
            current.lists[-1].lines.append(line)
            current.lists[-1].closed = _closes(line.text, table)
        elif current is None or current.lists or _starts_unit(line, prev, table):
            current = Unit([line])
            units.append(current)
        else:
            current.lines.append(line)
        prev = line
    return units


def _starts_unit(line: Line, prev: Line | None, table: PhraseTable) -> bool:
    if not (table.paragraph_number.match(line.text) or table.sub_item.match(line.text)):
        return False
    return prev is None or ends_sentence(prev.text, table)


def _closes(text: str, table: PhraseTable) -> bool:
    return text.rstrip().endswith(table.list_end)


def list_span(vote_list: VoteList, table: PhraseTable) -> Span:
    """The joined text of a list's names (the label replaced by what follows it on its line)."""
    return Span(vote_list.lines, table.joiner, first=vote_list.first)
