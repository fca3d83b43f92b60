"""The plenary engine: from the text of a verbatim record to its checked actions.  No words of any language
live here; they are in the phrase tables (parsing/plenary/phrases/).

The record is read line by line, with the page furniture dropped.  Three things are read; the speeches
between them are skipped:
- where we are: the agenda item headings, the committee reports they list, and the President's procedural
  sentences ("The Assembly will now take a decision on draft resolution A/79/L.8") that say which draft the
  next outcome is on (the *focus*);
- a recorded vote: "A recorded vote was taken." (or a list label after "A recorded vote has been
  requested"), its lists, and the outcome sentence that closes them ("... was adopted by 113 votes to 10,
  with 30 abstentions (resolution 79/6).");
- an adoption without a vote: an outcome sentence at a line start that gives a resolution or decision number
  or says "without a vote" — an outcome sentence that gives neither is narrative (a speaker recalling last
  year's text) and is not an action;
- an intention note ("[Subsequently the delegation of the Sudan informed the Secretariat that it had intended
  to abstain.]"), which belongs to the recorded vote just before it.
Every problem names its line; any problem refuses the record (parsing.ReportError).
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field

from parsing.actions import parse_subject
from parsing.errors import Problem, ReportError
from parsing.layout import Line, Span
from parsing.model import Intention, Tally
from parsing.names import Name, NameResolver
from parsing.numerals import roman
from parsing.plenary.model import DraftRef, PlenaryAction, PlenaryRecord
from parsing.plenary.phrases.base import PlenaryPhrases
from reference import CountryDirectory

POSITION_LISTS = ("yes", "no", "abstain")
_HEADING_LINES = 120  # the heading (symbol, session, meeting, date) is within the first lines
_MAX_VOTE_LINES = 80  # a recorded vote's lists never run longer: past that, the outcome sentence is missing
_SENTENCE_LINES = 6  # an outcome sentence or an intention note spans at most this many lines
_COMMITTEE_CODES = {"First": "C.1", "Second": "C.2", "Third": "C.3", "Fourth": "C.4", "Fifth": "C.5",
                    "Sixth": "C.6", None: "C.4"}  # unnamed ordinal: the Special Political and Decolonization


@dataclass
class _List:
    position: str
    label: str
    line: int
    lines: list[Line] = field(default_factory=list)


@dataclass
class _Vote:
    """A recorded vote being read: from "A recorded vote was taken" to its outcome sentence."""

    line: int
    lists: list[_List] = field(default_factory=list)


@dataclass
class _Read:
    """An action and what the checks need to know about where its names were printed."""

    action: PlenaryAction
    names: dict[str, list[Name]] = field(default_factory=dict)
    labels: dict[str, tuple[str, int]] = field(default_factory=dict)


class PlenaryReader:
    def __init__(self, table: PlenaryPhrases, directory: CountryDirectory):
        self.table = table
        self.committee = table.committee
        self.directory = directory
        self.problems: list[Problem] = []
        self.resolver = NameResolver(directory, table.committee, self.problems)

    # --- top level ----------------------------------------------------------------------------------------

    def read(self, text: str) -> PlenaryRecord:
        raw = text.split("\n")
        self.lines = [
            Line(number, stripped, False, False)
            for number, stripped in ((n, s.strip()) for n, s in enumerate(raw, start=1))
            if stripped and not any(p.fullmatch(stripped) for p in self.table.furniture)
        ]
        self._numbers = [line.number for line in self.lines]
        self._heading(raw)
        self._events()
        self._walk()
        for read in self.reads:
            self._check(read)
        if self.problems:
            raise ReportError(self.problems)
        return PlenaryRecord(
            language=self.table.code,
            symbol=self.symbol,
            session=self.session,
            meeting=self.meeting,
            date=self.date,
            agenda_items=self.agenda_items,
            actions=[r.action for r in self.reads],
        )

    def _heading(self, raw: list[str]) -> None:
        table = self.table
        first_item = next((line.number for line in self.lines if table.agenda_item.fullmatch(line.text)), len(raw))
        head = " ".join(s.strip() for s in raw[: min(first_item, _HEADING_LINES)] if s.strip())
        # The symbol stands alone on a line of the heading (1990s: after the corrections notice); a symbol in
        # running text ("see A/79/PV.26") is another record.
        symbol = next((m for m in (table.record_symbol.fullmatch(s.strip()) for s in raw[:_HEADING_LINES]) if m), None)
        self.symbol = symbol["symbol"] if symbol else None
        self.session = self.meeting = 0
        self.date = None
        session = table.session.search(head)
        try:
            self.session = self.committee.parse_number(session["n"]) if session else 0
        except ValueError:
            pass
        if not self.session:
            self.problems.append(Problem(1, "no session found in the heading"))
        meeting = table.meeting.search(head)
        if meeting:
            self.meeting = int(meeting["n"])
        else:
            self.problems.append(Problem(1, "no meeting number found in the heading (\"29th plenary meeting\")"))
        date = table.meeting_date.search(head)
        if date:
            self.date = datetime.date(int(date["year"]), self.committee.months[date["month"].lower()], int(date["day"]))
        else:
            self.problems.append(Problem(1, "no date found in the heading"))
        if self.symbol and self.session and not self.symbol.startswith(f"A/{self.session}/"):
            self.problems.append(Problem(1, f"the record {self.symbol} is not of the {self.session}th session"))

    def _events(self) -> None:
        """The report and focus mentions, found in the text joined across lines, by the line they start on."""
        parts, starts = [], []
        offset = 0
        for line in self.lines:
            starts.append(offset)
            parts.append(line.text)
            offset += len(line.text) + 1
        joined = " ".join(parts)
        self.events: dict[int, list[tuple[str, re.Match]]] = {}

        def add(kind: str, m: re.Match) -> None:
            index = bisect.bisect_right(starts, m.start()) - 1
            self.events.setdefault(index, []).append((m.start(), kind, m))

        for m in self.table.committee_report.finditer(joined):
            add("report", m)
        for m in self.table.report_named.finditer(joined):
            add("report_named", m)
        for m in self.table.vote_requested.finditer(joined):
            add("requested", m)
        for pattern in self.table.focus:
            for m in pattern.finditer(joined):
                add("focus", m)
        for events in self.events.values():
            events.sort(key=lambda e: e[0])

    # --- the walk -----------------------------------------------------------------------------------------

    def _walk(self) -> None:
        table, lines = self.table, self.lines
        self.reads: list[_Read] = []
        self.agenda_items: list[tuple[int, str]] = []
        self.item: int | None = None
        self.report: tuple[str, str | None] | None = None  # (symbol, committee code)
        self.reports: dict[str, str | None] = {}  # the reports listed under the agenda item
        self.report_named = False  # a sentence named the report in use (several may be listed)
        self.focus: DraftRef | None = None
        self.focus_amendment: str | None = None
        self.requested = False  # a recorded vote was requested since the last action
        self.titles: dict[DraftRef, str] = {}  # titles given in the President's sentences
        vote: _Vote | None = None
        index = 0
        while index < len(lines):
            line = lines[index]
            for _, kind, m in self.events.get(index, ()):
                self._event(kind, m, line.number)
            if table.agenda_item.fullmatch(line.text) and vote is None:
                index = self._agenda_item(index)
                continue
            label = self.committee.list_label.fullmatch(line.text)
            if vote is None and table.vote_taken.fullmatch(line.text):
                vote = _Vote(line.number)
            elif vote is None and label and self.committee.list_positions.get(label["label"]) == "yes":
                if not self.requested:  # lists out of nowhere: a vote whose announcement was not read
                    self.problems.append(Problem(line.number, "vote lists where no recorded vote was requested"))
                    index += 1
                    continue
                vote = _Vote(line.number)  # lists printed without "A recorded vote was taken."
            if vote is not None:
                if label:
                    vote.lists.append(_List(self.committee.list_positions[label["label"]], label["label"],
                                            line.number))
                    if label["rest"].strip():
                        vote.lists[-1].lines.append(Line(line.number, label["rest"].strip(), False, False))
                elif (table.outcome_start.match(line.text) or table.outcome.match(line.text)) and self._outcome(index, vote):
                    # Any subject whose verb is on its first line closes the vote: it must not pass for names.
                    vote = None
                elif vote.lists:
                    vote.lists[-1].lines.append(line)
                elif not table.vote_taken.fullmatch(line.text):
                    self.problems.append(Problem(line.number, f"a recorded vote (line {vote.line}) without its "
                                                              f"lists: {line.text!r}"))
                    vote = None
                if vote is not None and line.number - vote.line > _MAX_VOTE_LINES:
                    self.problems.append(Problem(vote.line, "a recorded vote whose outcome sentence was not found"))
                    vote = None
            elif table.outcome_start.match(line.text):
                self._outcome(index, None)
            elif table.intention_start.match(line.text):
                self._intention(index)
            index += 1
        if vote is not None:
            self.problems.append(Problem(vote.line, "a recorded vote whose outcome sentence was not found"))

    def _agenda_item(self, index: int) -> int:
        """Reads the heading at ``index`` and the title under it; returns the index of the next line."""
        line = self.lines[index]
        heading = self.table.agenda_item.fullmatch(line.text)
        numbers = [int(heading["n"])] + [int(n) for n in re.findall(r"\d+", heading["more"])]
        # Items taken up together: which one an action falls under is not said (missing beats wrong).
        self.item = numbers[0] if len(numbers) == 1 else None
        self.report = None
        self.reports: dict[str, str | None] = {}
        self.report_named = False
        self.focus = None
        self.focus_amendment = None
        index += 1
        title: list[str] = []
        while index < len(self.lines):
            text = self.lines[index].text
            if title and not (text.isupper() and title[-1].isupper()) or text.startswith("(") \
                    or self.table.committee_report.search(text) or self.table.agenda_item.fullmatch(text):
                break
            for _, kind, m in self.events.get(index, ()):  # a title line is read for its mentions too
                self._event(kind, m, self.lines[index].number)
            title.append(text)
            index += 1
        title_text = " ".join(title)
        for number in numbers:
            if not any(known == number for known, _ in self.agenda_items):
                self.agenda_items.append((number, title_text))
        return index

    def _event(self, kind: str, m: re.Match, line: int) -> None:
        if kind == "requested":
            self.requested = True
            return
        if kind == "report":
            # A report listed under the agenda item heading (a line of its own), or named in a sentence.
            self.reports[m["report"]] = _COMMITTEE_CODES.get(m["ord"] and m["ord"].title())
            self.report = (m["report"], self.reports[m["report"]])
            if not self.table.committee_report.fullmatch(self.lines[self._line_index(line)].text):
                self.report_named = True
            return
        if kind == "report_named":
            if self.table.committee_report.fullmatch(self.lines[self._line_index(line)].text):
                return  # the listing under the heading, read above
            report = m["report"]
            committee = self.reports.get(report) or (self.report[1] if self.report else None)
            self.reports.setdefault(report, committee)
            self.report = (report, committee)
            self.report_named = True
            return
        target = m["target"]
        amendment = self.table.amendment_symbol.search(target)
        if amendment and not self.table.draft.match(target.strip()):
            self.focus_amendment = amendment["symbol"]
            return
        ref = self._draft_ref(target, line, quiet=True)
        if ref is not None:
            if ref != self.focus:
                self.focus_amendment = None
            self.focus = ref
            title = self.committee.title.search(target + ".")
            if title:
                self.titles[ref] = " ".join(title["title"].split())

    def _line_index(self, number: int) -> int:
        return bisect.bisect_left(self._numbers, number)

    def _draft_ref(self, text: str, line: int, quiet: bool = False) -> DraftRef | None:
        """The draft ``text`` names: by symbol, by its numeral in the current committee report, or — for "the
        draft resolution" — the one in focus, or the single text of the current committee report."""
        m = self.table.draft.search(text)
        if m is None:
            return None
        kind = "decision" if m["kind"] == "decision" else "resolution"
        if m["symbol"]:
            return DraftRef(kind, symbol=m["symbol"])
        if m["num"]:
            if self.report is None:
                if not quiet:
                    self.problems.append(Problem(line, f"draft {kind} {m['num']}: which committee report is it "
                                                       f"in? (no report named under agenda item {self.item})"))
                return None
            if len(self.reports) > 1 and not self.report_named:
                if not quiet:
                    self.problems.append(Problem(line, f"draft {kind} {m['num']}: which report is it in? "
                                                       f"{', '.join(self.reports)} are listed, none is named"))
                return None
            return DraftRef(kind, report=self.report[0], number=roman(m["num"]), committee=self.report[1])
        if self.focus is not None and self.focus.kind == kind:
            return self.focus
        if self.report is not None and (len(self.reports) <= 1 or self.report_named):
            return DraftRef(kind, report=self.report[0], number=None, committee=self.report[1])
        return None

    # --- outcomes -----------------------------------------------------------------------------------------

    def _sentence(self, index: int) -> tuple[str, list[Line]]:
        taken: list[Line] = []
        for line in self.lines[index:index + _SENTENCE_LINES]:
            if taken and (self.committee.list_label.fullmatch(line.text) or self.table.agenda_item.fullmatch(line.text)):
                break
            taken.append(line)
            if re.search(r"\.(?:\s|$)|\]", line.text):
                break
        return " ".join(line.text for line in taken), taken

    def _outcome(self, index: int, vote: _Vote | None) -> bool:
        """Reads an outcome sentence at ``index``; True when it is one (and the action was recorded)."""
        table = self.table
        line = self.lines[index].number
        text, _ = self._sentence(index)
        m = table.outcome.match(text)
        if m is None:
            return False
        subject_text, rest = m["subject"], m["rest"]
        outcome = "rejected" if m["outcome"] in ("rejected",) or m["outcome"].startswith("not") else m["outcome"]
        tally = table.tally.search(rest)
        number = table.resolution_number.search(rest)
        words = subject_text.lower()
        names_something = any(w in words for w in ("draft", "paragraph", "amendment"))
        if vote is None:
            if not names_something:
                return False
            if tally:
                self.problems.append(Problem(line, f"a tally without the lists of a recorded vote: {text!r}"))
                return True
            if not number and not table.without_vote.search(rest):
                return False  # narrative: no number, no "without a vote"
        elif not names_something:
            self.problems.append(Problem(line, f"cannot tell what the recorded vote of line {vote.line} was on: "
                                               f"{subject_text!r}"))
            return True
        elif tally is None:
            self.problems.append(Problem(line, f"the recorded vote of line {vote.line} ends in an outcome with no "
                                               f"tally: {text!r}"))
            return True
        amendment = table.amendment_symbol.search(subject_text)
        try:
            subject = f"amendment:{amendment['symbol']}" if amendment else parse_subject(subject_text, self.committee)
        except ValueError as e:
            self.problems.append(Problem(line, str(e)))
            return True
        unread = self._unread_words(subject_text)
        if unread or (subject == "whole" and "paragraph" in words) or len(re.findall(r"A/\S+/L\.\d+", subject_text)) > 1:
            self.problems.append(Problem(line, f"cannot tell exactly what was voted on: {subject_text!r}"))
            return True
        if subject == "whole" and "amendment" in words:
            if self.focus_amendment is None:
                self.problems.append(Problem(line, f"which amendment? none is named before {subject_text!r}"))
                return True
            subject = f"amendment:{self.focus_amendment}"
        if subject.startswith("amendment:"):
            draft = self.focus  # the draft the amendment would change
        else:
            before = len(self.problems)
            draft = self._draft_ref(subject_text, line) if "draft" in words else self.focus
            if len(self.problems) > before:
                return True  # _draft_ref said why
        if draft is None:
            self.problems.append(Problem(line, f"which draft? none is in focus for {subject_text!r}"))
            return True
        action = PlenaryAction(
            draft=draft,
            subject=subject,
            method="recorded" if vote is not None else "without_vote",
            outcome=outcome,
            tally=self._tally(tally) if tally else None,
            agenda_item=self.item,
            line=line,
            title=self.titles.get(draft, ""),
        )
        if number:
            kind, printed = number["kind"], re.sub(r"\s+", "", number["number"])
            if subject != "whole" or outcome != "adopted":
                self.problems.append(Problem(line, f"a {kind} number for a vote that adopts no text: {text!r}"))
            elif kind == "resolution":
                action.resolution = printed
            else:
                action.decision = printed
        read = _Read(action)
        self.requested = False
        if vote is not None:
            self._lists(read, vote)
        self.reads.append(read)
        self.focus = draft
        return True

    def _unread_words(self, subject: str) -> str:
        """What is left of a subject once its draft, paragraph, amendment and the usual words are taken out:
        "Section II of draft resolution A/79/L.5" leaves "Section II" — a vote on a part the output cannot
        name, which must not be read as a vote on the whole."""
        rest = self.table.draft.sub(" ", subject)
        rest = self.table.amendment_symbol.sub(" ", rest)
        for pattern in self.committee.preambular + self.committee.operative:
            rest = pattern.sub(" ", rest)
        rest = self.table.subject_words.sub(" ", rest)
        return " ".join(re.findall(r"[^\W\d_]{2,}", rest))

    def _tally(self, m: re.Match) -> Tally:
        words = self.committee.count_words

        def count(text: str | None) -> int:
            if text is None:
                return 0
            return int(text) if text.isdigit() else words[text.lower()]

        return Tally(count(m["yes"]), count(m["no"]), count(m["abstain"]))

    def _lists(self, read: _Read, vote: _Vote) -> None:
        action = read.action
        for vote_list in vote.lists:
            if vote_list.position in read.names:
                self.problems.append(Problem(vote_list.line, f"a second list under {vote_list.label}"))
                continue
            span = Span(vote_list.lines, self.committee.joiner) if vote_list.lines else None
            names = self.resolver.resolve_list(span.text, span, 0, self.date) if span else []
            read.names[vote_list.position] = names
            read.labels[vote_list.position] = (vote_list.label, vote_list.line)
            setattr(action, vote_list.position, sorted(n.iso3 for n in names))

    # --- intentions ---------------------------------------------------------------------------------------

    def _intention(self, index: int) -> None:
        text, taken = self._sentence(index)
        line = self.lines[index].number
        note = text.strip().lstrip("[").rstrip("]").strip()
        if not self.table.intention_hint.search(note):
            return  # "Subsequently, ..." in a speech
        last = self.reads[-1] if self.reads else None
        if last is None or last.action.method != "recorded":
            self.problems.append(Problem(line, "an intention note that follows no recorded vote"))
            return
        # A note naming another vote than the one just taken ("… in favour of operative paragraph 7" after the
        # vote on the whole) cannot be placed: refused rather than put on the wrong vote.
        named = parse_subject(note, self.committee) if "paragraph" in note.lower() else last.action.subject
        symbol = self.table.draft.search(note)
        if named != last.action.subject or (symbol and symbol["symbol"] and symbol["symbol"] != last.action.draft.symbol):
            self.problems.append(Problem(line, f"an intention note about another vote than the one of line "
                                               f"{last.action.line}: {note!r}"))
            return
        found: list[Intention] = []
        span = Span(taken, " ")
        for pattern in self.table.intention:
            for m in pattern.finditer(span.text):
                position = next((p for rx, p in self.committee.intention_positions if rx.search(m["pos"])), None)
                if position is None:
                    continue
                names = self.resolver.resolve_list(m["names"], span, m.start("names"), self.date)
                found += [Intention(n.iso3, position, note, line) for n in names]
        if not found:
            self.problems.append(Problem(line, f"an intention note that cannot be read: {note!r}"))
        last.action.intended += found

    # --- checks -------------------------------------------------------------------------------------------

    def _check(self, read: _Read) -> None:
        """A recorded vote's lists count what its tally says; nobody is listed twice; everyone listed was a
        Member on the date; an intention is stated by a Member."""
        action = read.action
        if action.method != "recorded":
            return
        labels = {}
        for label, position in self.committee.list_positions.items():
            labels.setdefault(position, label)
        for position in POSITION_LISTS:
            stated = getattr(action.tally, position)
            names = read.names.get(position)
            if names is None:
                if stated:
                    self.problems.append(Problem(action.line, f"no list under {labels[position]}, tally says {stated}"))
                continue
            label, line = read.labels[position]
            if len(names) != stated:
                self.problems.append(Problem(line, f"{len(names)} names listed under {label}, tally says {stated}"))
        where: dict[str, str] = {}
        for position in POSITION_LISTS:
            label = read.labels.get(position, (labels[position], 0))[0]
            for name in read.names.get(position, []):
                if name.iso3 in where:
                    first = where[name.iso3]
                    detail = f"twice under {label}" if first == label else f"under {first} and under {label}"
                    self.problems.append(Problem(name.line, f"{name.text} ({name.iso3}) is listed {detail}"))
                else:
                    where[name.iso3] = label
                if self.date and not self.directory.is_member(name.iso3, self.date):
                    self.problems.append(Problem(name.line, f"{name.text} ({name.iso3}) is listed under {label} but "
                                                            f"was not a Member State on {self.date.isoformat()}"))
        for intention in action.intended:
            if self.date and not self.directory.is_member(intention.country, self.date):
                self.problems.append(Problem(intention.line, f"{intention.country} states an intention but was not "
                                                             f"a Member State on {self.date.isoformat()}"))
