"""The parser's output: plain dataclasses, and their JSON form (the contract in corpus SCHEMA.md).

The dataclasses keep what the text says in the order it says it (sponsors as printed, introducing State
first); ``Report.to_dict`` gives the published shape, where code lists are sorted.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field

POSITIONS = ("yes", "no", "abstain", "non_participation")


@dataclass
class Intention:
    """A State's later statement of how it had meant to vote (from a footnote); never changes the lists."""

    country: str  # ISO3
    position: str  # yes | no | abstain | non_participation
    footnote: str  # the footnote's text as printed, lines joined
    line: int  # line of the footnote


@dataclass
class Tally:
    """The counts as the text states them (not as counted from the lists)."""

    yes: int
    no: int
    abstain: int


@dataclass
class Action:
    """One decision on a draft: a recorded vote or an adoption without a vote, on the whole or a part."""

    # "whole" | "PP18" | "OP2" | "OP4(a)" (numbering of the draft as voted) | "OP2+OP3" (one vote on several
    # paragraphs) | "amendment:<symbol>"
    subject: str
    method: str  # recorded | without_vote
    outcome: str  # adopted | retained | rejected
    meeting: int | None
    date: datetime.date | None
    tally: Tally | None
    yes: list[str] = field(default_factory=list)  # ISO3, sorted
    no: list[str] = field(default_factory=list)
    abstain: list[str] = field(default_factory=list)
    intended: list[Intention] = field(default_factory=list)
    line: int = 0  # line where the action starts (1-based)


@dataclass
class Paragraph:
    """One paragraph of a recommended text."""

    label: str  # label in the text as published: "PP1", "OP3", "OP4(a)"
    voted_label: str  # label of the same paragraph in the draft as voted on (differs after a rejection)
    text: str
    line: int = 0  # line where the paragraph starts (not part of the JSON)


@dataclass
class Draft:
    """A draft resolution or decision as the report takes it up."""

    symbol: str
    kind: str  # resolution | decision
    title: str
    agenda_item: int | None
    sponsors: list[str]  # ISO3 in the order printed, introducing State first
    later_sponsors: list[str]  # ISO3 in the order printed
    actions: list[Action]
    paragraphs: list[Paragraph]
    line: int  # line of the heading that opens the draft's section
    rejected_labels: list[str] = field(default_factory=list)  # voted labels of paragraphs not retained
    # Groups named as sponsors ("on behalf of the Group of 77 and China" -> "G77"; keys in parsing/README.md),
    # in the order printed; their members are not listed in ``sponsors``.
    sponsor_groups: list[str] = field(default_factory=list)
    # Whether the report recommends it to the plenary (a recommended text was matched to it), and its numeral
    # there ("draft resolution II" = 2; None for a single unnumbered text): how a verbatim record names it.
    # Not part of the JSON.
    recommended: bool = False
    recommended_number: int | None = None


@dataclass
class AgendaItem:
    number: int
    title: str


@dataclass
class Report:
    """A Main Committee report: its heading and its drafts in the order the report takes them up."""

    language: str
    symbol: str | None
    session: int
    body: str  # "C.1".."C.6" | "GA"
    agenda_items: list[AgendaItem]
    drafts: list[Draft]

    def to_dict(self) -> dict:
        """The SCHEMA.md shape, keys in its order."""
        return {
            "language": self.language,
            "symbol": self.symbol,
            "session": self.session,
            "body": self.body,
            "agenda_items": [{"number": a.number, "title": a.title} for a in self.agenda_items],
            "drafts": [_draft_dict(d) for d in self.drafts],
        }

    def to_json(self) -> str:
        """``to_dict`` as the published JSON text (no trailing newline), byte for byte stable."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)


def _draft_dict(draft: Draft) -> dict:
    out = {
        "symbol": draft.symbol,
        "kind": draft.kind,
        "title": draft.title,
        "sponsors": sorted(draft.sponsors),
        "later_sponsors": sorted(draft.later_sponsors),
    }
    if draft.sponsor_groups:  # only when there are any: the output of every other report is unchanged
        out["sponsor_groups"] = list(draft.sponsor_groups)
    out["actions"] = [_action_dict(a) for a in draft.actions]
    out["paragraphs"] = [{"label": p.label, "text": p.text} for p in draft.paragraphs]
    return out


def _action_dict(action: Action) -> dict:
    tally = action.tally
    return {
        "subject": action.subject,
        "method": action.method,
        "outcome": action.outcome,
        "meeting": action.meeting,
        "date": action.date.isoformat() if action.date else None,
        "tally": None if tally is None else {"yes": tally.yes, "no": tally.no, "abstain": tally.abstain},
        "yes": sorted(action.yes),
        "no": sorted(action.no),
        "abstain": sorted(action.abstain),
        "intended": [{"country": i.country, "position": i.position} for i in action.intended],
    }
