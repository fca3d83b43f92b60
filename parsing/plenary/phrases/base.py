"""The shape of a plenary phrase table: everything the plenary engine needs to know about one language.

A plenary table leans on the committee-report table of its language (``committee``) for what the two kinds of
document share — numbers in words, months, paragraph names ("the eighth preambular paragraph"), amendments,
list labels ("In favour:"), name lists and intentions — and adds what only a verbatim record has: its page
furniture, its heading, the President's procedural sentences and the sentence that states an outcome.

Patterns marked "line" are matched against one stripped line; the others are searched in text whose lines
were joined by the committee table's ``joiner``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Pattern

from parsing.phrases.base import PhraseTable


@dataclass(frozen=True)
class PlenaryPhrases:
    code: str
    committee: PhraseTable  # the committee-report table of the same language

    furniture: tuple[Pattern, ...]  # line: running heads, page numbers, job numbers: dropped
    record_symbol: Pattern  # line; group symbol: "A/79/PV.29" alone on a heading line
    session: Pattern  # group n: "Seventy-ninth session"
    meeting: Pattern  # group n: "29th plenary meeting"
    meeting_date: Pattern  # groups day, month, year

    agenda_item: Pattern  # line; groups n, more: "Agenda item 74 (continued)", "Agenda items 12 and 13"
    committee_report: Pattern  # groups ord (optional), report: "Report of the Third Committee (A/65/456)"
    focus: tuple[Pattern, ...]  # group target: a President's sentence naming what is decided next
    draft: Pattern  # groups kind, symbol, num (optional each): "draft resolution A/79/L.8", "draft resolution II"
    amendment_symbol: Pattern  # group symbol
    report_named: Pattern  # group report: a report named in a sentence ("in paragraph 30 of its report (A/79/457)")
    subject_words: Pattern  # the words a subject may hold besides its draft, paragraph or amendment

    vote_taken: Pattern  # line: "A recorded vote was taken."
    vote_requested: Pattern  # "A recorded vote has been requested", wherever it stands (a speech, the President's)
    outcome_start: Pattern  # line: a line that may begin an outcome sentence outside a recorded vote
    outcome: Pattern  # match from a line start: groups subject, outcome, rest (any subject: the engine judges it)
    tally: Pattern  # searched in ``rest``: groups yes, no, abstain (optional)
    without_vote: Pattern  # searched in ``rest``
    resolution_number: Pattern  # searched in ``rest``: groups kind, number: "(resolution 48/14)"
    symbol_suffix: Pattern  # removed from a draft symbol as printed: " and Corr.1", " and Add.1"
    intention_start: Pattern  # line: where an intention note begins ("[Subsequently")
    intention: tuple[Pattern, ...]  # groups names, pos: the note's statement (the committee table's positions)
    intention_hint: Pattern  # a note that states an intention (so an unreadable one is an error)
