"""parse_report: the whole pipeline, from the bytes of a report to a checked :class:`~parsing.model.Report`.

decode -> detect language -> layout (furniture and footnotes out) -> heading and sections -> each draft's
sponsors and actions -> recommended texts, matched to their drafts -> checks.  Every problem met on the way
is collected; if there is any, a ReportError lists them all and nothing is returned.
"""

from __future__ import annotations

from collections import Counter

from parsing.actions import Context, DraftReader, ReadDraft
from parsing.checks import check_paragraphs, check_votes
from parsing.errors import Problem, ReportError
from parsing.layout import Layout, decode, layout
from parsing.model import AgendaItem, Draft, Report
from parsing.names import NameResolver
from parsing.phrases import TABLES, PhraseTable, detect_language
from parsing.structure import parse_heading, split_sections
from parsing.texts import RecommendedText, assign_voted_labels, parse_recommendations
from reference import CountryDirectory


def parse_report(source: str | bytes, directory: CountryDirectory | None = None) -> Report:
    """Parse one Main Committee report (text extracted from its PDF).  Raises ReportError."""
    text = decode(source)
    if not text.strip():
        raise ReportError([Problem(1, "the file is empty")])
    table = detect_language(text)
    if table is None:
        raise ReportError([Problem(1, f"language not recognised (known: {', '.join(TABLES)})")])
    return _Parser(table, directory or CountryDirectory.default()).parse(text)


class _Parser:
    def __init__(self, table: PhraseTable, directory: CountryDirectory):
        self.table = table
        self.directory = directory
        self.problems: list[Problem] = []
        self.resolver = NameResolver(directory, table, self.problems)

    def parse(self, text: str) -> Report:
        table, problems = self.table, self.problems
        page = layout(text, table)
        head, sections = split_sections(page.lines, table)
        heading = parse_heading(head, table)
        if heading.session is None:
            problems.append(Problem(1, "no session found in the heading"))
        if heading.body is None:
            problems.append(Problem(1, "no committee found in the heading (the report of which committee?)"))

        context = Context(session=heading.session or 0)
        reader = DraftReader(table, self.resolver, context, problems)
        read_drafts: list[ReadDraft] = []
        texts: list[RecommendedText] = []
        for section in sections:
            if section.kind == "draft":
                read_drafts.append(reader.read(section.symbol, section.draft_kind, section.heading.number,
                                               section.lines))
            elif section.kind == "recommendations":
                texts += parse_recommendations(section.lines, table, problems, page.indentation_kept,
                                               page.full_width)
        if not read_drafts:
            problems.append(Problem(1, "no draft resolution or decision found"))
        self._unread_intentions(page, reader)

        agenda_items = [AgendaItem(n, title) for n, title in heading.agenda_items]
        agenda_item = agenda_items[0].number if len(agenda_items) == 1 else None
        matches = self._match_texts(read_drafts, texts)
        drafts = []
        for read in read_drafts:
            check_votes(read, self.table, self.directory, problems)
            drafts.append(self._draft(read, matches.get(id(read)), agenda_item))
        if problems:
            raise ReportError(problems)
        return Report(
            language=table.code,
            symbol=_running_symbol(page) or heading.symbol,
            session=heading.session,
            body=heading.body,
            agenda_items=agenda_items,
            drafts=drafts,
        )

    def _draft(self, read: ReadDraft, text: RecommendedText | None, agenda_item: int | None) -> Draft:
        actions = [r.action for r in read.actions]
        rejected = [label for a in actions if a.subject[:2] in ("PP", "OP") and a.outcome == "rejected"
                    for label in a.subject.split("+")]  # "OP2+OP3": one vote on two paragraphs
        paragraphs = text.paragraphs if text is not None else []
        assign_voted_labels(paragraphs, rejected)
        check_paragraphs(read, paragraphs, self.problems)
        return Draft(
            symbol=_voted_symbol(read),
            kind=read.kind,
            title=read.title or (text.title if text else ""),
            agenda_item=agenda_item,
            sponsors=read.sponsors,
            later_sponsors=read.later_sponsors,
            actions=actions,
            paragraphs=paragraphs,
            line=read.line,
            rejected_labels=rejected,
            sponsor_groups=read.sponsor_groups,
            recommended=text is not None,
            recommended_number=text.num if text is not None else None,
        )

    def _match_texts(self, drafts: list[ReadDraft], texts: list[RecommendedText]) -> dict[int, RecommendedText]:
        """Each adopted draft's recommended text: the one its action points to ("see para. 9, draft
        resolution II"); failing that the one with its title; failing that, when one draft and one text
        are left, that one."""
        matches: dict[int, RecommendedText] = {}
        free = list(texts)
        waiting: list[ReadDraft] = []
        for draft in drafts:
            whole = [r for r in draft.actions if r.action.subject == "whole"]
            if not whole or whole[-1].action.outcome != "adopted":
                continue  # rejected, withdrawn or not acted on: no text
            see = next((r.see for r in reversed(whole) if r.see), None)
            text = None
            if see is not None:
                candidates = [t for t in free if t.para == see.para
                              and (see.kind is None or t.kind == see.kind) and (see.num is None or t.num == see.num)]
                if len(candidates) > 1 and see.num is None:
                    candidates = [t for t in candidates if t.kind == draft.kind]
                if len(candidates) == 1:
                    text = candidates[0]
                else:
                    self.problems.append(Problem(whole[-1].action.line, f"no single recommended text at paragraph "
                                                                         f"{see.para} for {draft.symbol}"))
                    continue
            if text is None:
                waiting.append(draft)
                continue
            matches[id(draft)] = text
            free.remove(text)
        for draft in list(waiting):
            same_title = [t for t in free if draft.title and t.title == draft.title and t.kind == draft.kind]
            if len(same_title) == 1:
                matches[id(draft)] = same_title[0]
                free.remove(same_title[0])
                waiting.remove(draft)
        if len(waiting) == 1 and len(free) == 1:
            matches[id(waiting[0])] = free.pop()
            waiting.clear()
        for draft in waiting:
            self.problems.append(Problem(draft.line, f"no recommended text found for adopted draft {draft.symbol}"))
        for text in free:
            self.problems.append(Problem(text.line, "recommended text that no adopted draft points to"))
        return matches

    def _unread_intentions(self, page: Layout, reader: DraftReader) -> None:
        """A footnote stating an intention that no vote carries the mark of would be lost: say so."""
        for footnote in page.footnotes:
            if footnote not in reader.used_footnotes and self.table.intention_hint.search(footnote.text):
                self.problems.append(Problem(footnote.line, f"footnote {footnote.number} states an intention, "
                                                            f"but no vote carries its mark"))


def _voted_symbol(read: ReadDraft) -> str:
    """The symbol of the draft as voted on: the heading's, or the revision of it that the vote on the whole
    names, or else the latest revision the section names (heading "A/C.2/79/L.20", action on
    "A/C.2/79/L.20/Rev.1")."""
    for r in read.actions:
        if r.symbol and r.action.subject == "whole" and r.symbol.startswith(read.symbol or r.symbol):
            return r.symbol
    return read.revision or read.symbol


def _running_symbol(page: Layout) -> str | None:
    counts = Counter(symbol for symbol, _ in page.symbols)
    return counts.most_common(1)[0][0] if counts else None


__all__ = ["parse_report"]
