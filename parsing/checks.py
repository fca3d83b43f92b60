"""Checks that make a parsed report trustworthy.  Each failure is a Problem naming its line; the parser
raises them together.  "Missing beats wrong": a report whose lists disagree with its tallies is refused.
"""

from __future__ import annotations

from parsing.actions import POSITION_LISTS, ReadDraft
from parsing.errors import Problem
from parsing.model import Paragraph
from parsing.phrases.base import PhraseTable
from parsing.labels import format_label, label_parts
from reference import CountryDirectory


def check_votes(draft: ReadDraft, table: PhraseTable, directory: CountryDirectory, problems: list[Problem]) -> None:
    """For each recorded vote: every list counts what the tally says; no State is listed twice; every
    State listed was a Member on the vote's date (when the date is known)."""
    default_labels = {}
    for label, position in table.list_positions.items():
        default_labels.setdefault(position, label)
    membership: dict[tuple, bool] = {}
    for read in draft.actions:
        action = read.action
        if action.method != "recorded":
            continue
        for position in POSITION_LISTS:
            stated = getattr(action.tally, position)
            names = read.names.get(position)
            if names is None:
                if stated:
                    problems.append(Problem(action.line, f"no list under {default_labels[position]}, "
                                                         f"tally says {stated}"))
                continue
            label, line = read.labels[position]
            if len(names) != stated:
                problems.append(Problem(line, f"{len(names)} names listed under {label}, tally says {stated}"))
        where: dict[str, str] = {}
        for position in POSITION_LISTS:
            label = read.labels.get(position, (default_labels[position], 0))[0]
            for name in read.names.get(position, []):
                if name.iso3 in where:
                    first = where[name.iso3]
                    detail = f"twice under {label}" if first == label else f"under {first} and under {label}"
                    problems.append(Problem(name.line, f"{name.text} ({name.iso3}) is listed {detail}"))
                else:
                    where[name.iso3] = label
                key = (name.iso3, action.date)
                if key not in membership:
                    membership[key] = action.date is None or directory.is_member(name.iso3, action.date)
                if not membership[key]:
                    problems.append(Problem(name.line, f"{name.text} ({name.iso3}) is listed under {label} but was "
                                                       f"not a Member State on {action.date.isoformat()}"))


def check_paragraphs(draft: ReadDraft, paragraphs: list[Paragraph], problems: list[Problem]) -> None:
    """A paragraph retained by a separate vote must be in the recommended text (under its voted label)."""
    if not paragraphs:
        return
    voted = {p.voted_label for p in paragraphs}
    for read in draft.actions:
        action = read.action
        if action.subject[:2] not in ("PP", "OP") or action.outcome == "rejected":
            continue
        for subject in action.subject.split("+"):  # "OP2+OP3": one vote on both
            label = format_label(label_parts(subject))
            if label not in voted:
                kind = subject[:2]
                count = sum(1 for p in paragraphs if p.label.startswith(kind) and "(" not in p.label)
                problems.append(Problem(action.line, f"{subject} was {action.outcome} by a separate vote, "
                                                     f"but the recommended text has no such paragraph "
                                                     f"({count} {'preambular' if kind == 'PP' else 'operative'} "
                                                     f"paragraphs)"))
