"""Reading a draft's section: who sponsored it, and each action taken on it (with its lists and the
intentions stated in footnotes)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from parsing.errors import Problem
from parsing.layout import Footnote, Span
from parsing.model import Action, Intention, Tally
from parsing.names import Name, NameResolver
from parsing.phrases.base import DRAFT_SYMBOL, PhraseTable
from parsing.structure import Unit, clean_text, list_span, split_units

_DRAFT_SYMBOL = re.compile(DRAFT_SYMBOL)
POSITION_LISTS = ("yes", "no", "abstain")


@dataclass
class Context:
    """What carries over from one paragraph to the next: the meeting being reported on."""

    session: int
    meeting: int | None = None
    date: datetime.date | None = None


@dataclass
class SeePara:
    """Where an action says its text is: "(见第 9 段，决议草案二)" / "(see para. 9, draft resolution II)"."""

    para: int
    kind: str | None
    num: int | None


@dataclass
class ReadAction:
    """An action and what the checks and the text matching need besides it."""

    action: Action
    names: dict[str, list[Name]] = field(default_factory=dict)  # position -> names as printed
    labels: dict[str, tuple[str, int]] = field(default_factory=dict)  # position -> (label, line)
    see: SeePara | None = None
    symbol: str | None = None  # the draft symbol the action names, if any


@dataclass
class ReadDraft:
    symbol: str
    kind: str
    line: int
    title: str = ""
    sponsors: list[str] = field(default_factory=list)
    later_sponsors: list[str] = field(default_factory=list)
    sponsor_groups: list[str] = field(default_factory=list)  # keys of groups named among the sponsors
    actions: list[ReadAction] = field(default_factory=list)
    revision: str | None = None  # the latest revision of ``symbol`` the section names ("…/Rev.1")


class DraftReader:
    """Reads the sections of the drafts of one report, in order (the meeting context carries over)."""

    def __init__(self, table: PhraseTable, resolver: NameResolver, context: Context, problems: list[Problem]):
        self.table = table
        self.resolver = resolver
        self.context = context
        self.problems = problems
        self.used_footnotes: set[Footnote] = set()

    # -- a section

    def read(self, symbol: str | None, kind: str, heading_line: int, lines) -> ReadDraft:
        draft = ReadDraft(symbol or "", kind, heading_line)
        sponsors_seen = False
        for unit in split_units(lines, self.table):
            span = Span(unit.lines, self.table.joiner)
            text = span.text
            for m in _DRAFT_SYMBOL.finditer(text):
                if draft.symbol and m.group().startswith(draft.symbol + "/Rev."):
                    draft.revision = m.group()
            if not sponsors_seen:
                sponsors_seen = self._sponsors(draft, text, span)
            later = self.table.later_sponsors.search(text)
            if later:
                names = self.resolver.resolve_list(later["names"], span, later.start("names"), self.context.date)
                draft.later_sponsors += [n.iso3 for n in names if n.iso3 not in draft.later_sponsors]
            if not draft.title:
                m = self.table.title.search(text)
                if m:
                    draft.title = clean_text(m["title"], self.table)
            self._actions(draft, unit, text, span)
            self._update_context(text, span)  # what the next paragraph's "at the same meeting" refers to
        return draft

    def _update_context(self, text: str, span: Span, end: int | None = None) -> None:
        """The meeting the text up to ``end`` reports on: the last one it names.  "At the same meeting"
        keeps the one before; a meeting named in a form the table cannot read ("at its 31st and 32nd
        meetings") clears it, so that no action is dated with a stale meeting."""
        table = self.table
        text = text if end is None else text[:end]
        last = None
        for last in table.meeting_date.finditer(text):
            pass
        if last:
            self.context.meeting = int(last["meeting"])
            self.context.date = self._date(last, span)
        elif table.meeting_mention.search(text) and not table.same_meeting.search(text):
            self.context.meeting = self.context.date = None

    def _date(self, m: re.Match, span: Span) -> datetime.date | None:
        month_text = m["month"]
        month = int(month_text) if month_text.isdigit() else self.table.months.get(month_text.lower())
        if m["year"]:
            year = int(m["year"])
        else:
            # The year is left out in running text: the session opens in September 1945 + session and
            # runs into the next year, so January to August belong to the year after it opened.
            year = 1945 + self.context.session + (1 if month and month < 9 else 0)
        try:
            return datetime.date(year, month or 0, int(m["day"]))
        except (TypeError, ValueError):
            self.problems.append(Problem(span.line_at(m.start()), f"unreadable date {m.group().strip()!r}"))
            return None

    def _sponsors(self, draft: ReadDraft, text: str, span: Span) -> bool:
        """Sponsors from "X, also on behalf of A, B and C, submitted" or "introduced by the representative
        of X ... sponsored by A, B and C".  The introducing State comes first."""
        table = self.table
        m = table.on_behalf.search(text)
        if m:
            intro = self._intro(m, span)
            names = self._sponsor_names(draft, m["names"], span, m.start("names"))
            draft.sponsors = _unique(([intro.iso3] if intro else []) + [n.iso3 for n in names])
            return True
        listed = table.sponsors_list.search(text)
        introduced = next((m for p in table.introduced_by if (m := p.search(text))), None)
        if listed:
            intro = self._intro(introduced, span) if introduced else None
            names = self._sponsor_names(draft, listed["names"], span, listed.start("names"))
            draft.sponsors = _unique(([intro.iso3] if intro else []) + [n.iso3 for n in names])
            return True
        submitted = table.submitted_by.search(text) if table.submitted_by else None
        if submitted:  # a list of States submitted it, nobody introducing: the list is the sponsor list
            listed_names = submitted["names"]
            prefix = table.intro_prefix.match(listed_names)  # "the delegation of Chile submitted"
            if prefix and prefix.end():
                listed_names = " " * prefix.end() + listed_names[prefix.end():]
            names = self._sponsor_names(draft, listed_names, span, submitted.start("names"))
            draft.sponsors = _unique([n.iso3 for n in names])
            return True
        if introduced and not draft.sponsors and not table.amendment.search(text):  # not an amendment's author
            # "X代表介绍了…" with no list (yet): the introducing State is the first sponsor; a list in a
            # later paragraph still replaces this, since the section's sponsors are not yet seen.
            intro = self._intro(introduced, span)
            draft.sponsors = [intro.iso3] if intro else []
        return False

    def _sponsor_names(self, draft: ReadDraft, text: str, span: Span, offset: int) -> list[Name]:
        """The States of a sponsor list.  A group named in it ("the Group of 77 and China") is kept by its
        key in ``draft.sponsor_groups``, not expanded into its members (the report does not list them, and
        the reference has no group memberships); the State speaking for it is a sponsor as printed."""
        table = self.table
        for pattern, key in table.sponsor_groups:
            if pattern.search(text):
                draft.sponsor_groups = _unique(draft.sponsor_groups + [key])
                text = pattern.sub(lambda g: " " * len(g.group()), text)  # blanked: offsets keep their lines
        if not text.strip():
            return []
        # "… and the Group of 77" / "the Group of 77 and China and Mexico": a conjunction left at an end
        while True:  # separators and a conjunction left at the start: blank them
            head = len(text) - len(text.lstrip())
            lead = table.list_separator.match(text, head) or table.leading_conjunction.match(text[head:])
            if not lead or not lead.group().strip():
                break
            size = lead.end() - (head if lead.re is table.list_separator else 0)
            text = text[:head] + " " * size + text[head + size:]
        ends = [c for c in table.conjunction.finditer(text.rstrip() + " ") if c.end() >= len(text.rstrip())]
        if ends:
            text = text[:ends[-1].start()] + " " * (len(text) - ends[-1].start())
        return self.resolver.resolve_list(text, span, offset, self.context.date)

    def _intro(self, m: re.Match, span: Span) -> Name | None:
        name = self.table.intro_prefix.sub("", m["intro"].strip())
        return self.resolver.resolve_one(name, span.line_at(m.start("intro")), self.context.date)

    # -- actions

    def _actions(self, draft: ReadDraft, unit: Unit, text: str, span: Span) -> None:
        table = self.table
        found: list[tuple[int, str, re.Match]] = []
        for method, patterns in (("recorded", table.recorded_vote), ("without_vote", table.without_vote)):
            for pattern in patterns:
                found += [(m.start(), method, m) for m in pattern.finditer(text)]
        found.sort(key=lambda f: f[0])
        kept, end = [], -1
        for start, method, m in found:  # two patterns may read the same sentence: keep the first
            if start >= end:
                kept.append((method, m))
                end = m.end()
        if not kept:
            if unit.lists:
                self.problems.append(Problem(unit.lists[0].line, "vote lists without a recorded vote before them"))
            return
        for line in unit.all_lines():
            if line.loose_mark is not None:
                self.problems.append(Problem(line.number, f"footnote mark {line.loose_mark} but no footnote "
                                                          f"{line.loose_mark} follows"))
        recorded = [i for i, (method, _) in enumerate(kept) if method == "recorded"]
        for i, (method, m) in enumerate(kept):
            self._update_context(text, span, m.end())  # the last meeting named up to this action's end
            read = self._action(method, m, unit, span)
            if read is None:
                continue
            if method == "recorded" and i == recorded[-1]:
                self._lists(read, unit)
            read.action.intended = self._intentions(unit) if i == len(kept) - 1 else []
            see = table.see_para.search(text, m.start())
            if see:
                kind = see["kind"]
                read.see = SeePara(
                    int(see["para"]),
                    None if kind is None else ("decision" if table.decision_word.search(kind) else "resolution"),
                    table.parse_draft_number(see["num"]) if see["num"] else None,
                )
            draft.actions.append(read)
        if unit.lists and not recorded:
            self.problems.append(Problem(unit.lists[0].line, "vote lists after an action without a vote"))

    def _action(self, method: str, m: re.Match, unit: Unit, span: Span) -> ReadAction | None:
        table = self.table
        line = unit.line
        outcome = next((o for p, o in table.outcomes if p.search(m["outcome"])), None)
        subject = self._subject(m["subject"], span.line_at(m.start()))
        if subject is None or outcome is None:
            return None
        tally = None
        if method == "recorded":
            abstain = m.groupdict().get("abstain")
            tally = Tally(self._count(m["yes"]), self._count(m["no"]), 0 if abstain is None else self._count(abstain))
            if outcome in ("adopted", "retained") and tally.yes <= tally.no:
                self.problems.append(Problem(line, f"{outcome} with {tally.yes} in favour and {tally.no} against"))
            if outcome == "rejected" and tally.yes > tally.no:
                self.problems.append(Problem(line, f"rejected with {tally.yes} in favour and {tally.no} against"))
        symbol = _DRAFT_SYMBOL.search(m["subject"])
        action = Action(
            subject=subject,
            method=method,
            outcome=outcome,
            meeting=self.context.meeting,
            date=self.context.date,
            tally=tally,
            line=line,
        )
        return ReadAction(action, symbol=symbol.group() if symbol else None)

    def _count(self, text: str) -> int:
        return int(text) if text.isdigit() else self.table.count_words[text.lower()]

    def _subject(self, text: str, line: int) -> str | None:
        try:
            return parse_subject(text, self.table)
        except ValueError as e:
            self.problems.append(Problem(line, str(e)))
            return None

    def _lists(self, read: ReadAction, unit: Unit) -> None:
        seen: set[str] = set()
        for vote_list in unit.lists:
            if vote_list.position in seen:
                self.problems.append(Problem(vote_list.line, f"a second list under {vote_list.label}"))
                continue
            seen.add(vote_list.position)
            span = list_span(vote_list, self.table)
            names = self.resolver.resolve_list(span.text, span, 0, self.context.date)
            read.names[vote_list.position] = names
            read.labels[vote_list.position] = (vote_list.label, vote_list.line)
            setattr(read.action, vote_list.position, sorted(n.iso3 for n in names))  # the contract: sorted

    def _intentions(self, unit: Unit) -> list[Intention]:
        intentions: list[Intention] = []
        for line in unit.all_lines():
            for footnote in line.marks:
                if not self.table.intention_hint.search(footnote.text):
                    continue  # a footnote citing meeting records or a treaty
                self.used_footnotes.add(footnote)
                intentions += self.read_intentions(footnote)
        return intentions

    def read_intentions(self, footnote: Footnote) -> list[Intention]:
        table = self.table
        found: list[Intention] = []
        fake_span = _FootnoteSpan(footnote.line)
        for pattern in table.intention:
            for m in pattern.finditer(footnote.text):
                position = next((p for rx, p in table.intention_positions if rx.search(m["pos"])), None)
                if position is None:
                    continue
                names = self.resolver.resolve_list(m["names"], fake_span, 0, self.context.date)
                found += [Intention(n.iso3, position, footnote.text, footnote.line) for n in names]
        if not found:
            self.problems.append(
                Problem(footnote.line, f"footnote {footnote.number} states an intention that cannot be read: "
                                       f"{footnote.text!r}")
            )
        return found


def parse_subject(text: str, table: PhraseTable) -> str:
    """What a vote was on, from the words that name it: "whole", "PP18", "OP4(a)", "OP2+OP3" (one vote on
    several paragraphs) or "amendment:<symbol>".  ValueError for several paragraphs named in a form the
    table's ``paragraph_lists`` cannot read ("subparagraphs (a) and (b)")."""
    amendment = table.amendment.search(text)
    if amendment:
        return f"amendment:{amendment['symbol']}"
    for pattern, prefix in table.paragraph_lists:
        m = pattern.search(text)
        if m:
            return "+".join(f"{prefix}{n}" for n in _numbers(m["nums"], table))
    if table.several_paragraphs.search(text):
        raise ValueError(f"a vote on several paragraphs at once is not supported: {' '.join(text.split())!r}")
    for prefix, patterns in (("PP", table.preambular), ("OP", table.operative)):
        for pattern in patterns:
            m = pattern.search(text)
            if not m:
                continue
            try:
                number = table.parse_number(m["n"])
            except ValueError:
                continue  # "the same preambular paragraph": not a number, try the next pattern
            groups = m.groupdict()
            sub = (groups.get("sub") or "") + (groups.get("sub2") or "")
            return f"{prefix}{number}" + "".join(f"({table.sub_letter(s)})" for s in re.findall(r"[^\s()（）]+", sub))
    return "whole"


def _numbers(text: str, table: PhraseTable) -> list[int]:
    """"2 and 3" -> [2, 3]; "2 to 4" / "2至4" -> [2, 3, 4] (the numbers of a paragraph list)."""
    numbers: list[int] = []
    in_range = False
    for m in table.paragraph_list_token.finditer(text):
        if m["range"]:
            in_range = True
            continue
        n = table.parse_number(m["n"])
        if in_range and numbers:
            numbers += range(numbers[-1] + 1, n)
        in_range = False
        numbers.append(n)
    return numbers


class _FootnoteSpan:
    """Stands in for a Span over a footnote: every name in it is reported at the footnote's line."""

    def __init__(self, line: int):
        self._line = line

    def line_at(self, offset: int) -> int:
        return self._line


def _unique(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(codes))


__all__ = ["Context", "DraftReader", "ReadAction", "ReadDraft", "SeePara", "POSITION_LISTS", "parse_subject"]
