"""What a plenary verbatim record says about votes: plain dataclasses and their JSON form.

A record (A/79/PV.29) is one meeting: its session, number and date, the agenda items taken up, and the
actions taken on drafts in the order the record gives them.  Speeches are not kept.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field

from parsing.model import Intention, Tally


@dataclass(frozen=True)
class DraftRef:
    """The draft an action is on, as the record names it.

    Either by its own symbol ("A/79/L.8"), or — for a draft a Main Committee recommended — by the committee's
    report and the draft's place in it ("draft resolution II in the report of the Third Committee
    (A/65/456)"): ``report`` is the report's symbol, ``number`` the draft's numeral (None when the report
    recommends a single, unnumbered text)."""

    kind: str  # resolution | decision
    symbol: str | None = None
    report: str | None = None
    number: int | None = None
    committee: str | None = None  # "C.3" when the record says which committee's report

    def key(self) -> str:
        if self.symbol:
            return self.symbol
        roman = "" if self.number is None else " " + _roman(self.number)
        return f"{self.report} draft {self.kind}{roman}"


@dataclass
class PlenaryAction:
    """One decision of the plenary: a recorded vote or an adoption without a vote."""

    draft: DraftRef
    subject: str  # "whole" | "PP8" | "OP7" | "amendment:<symbol>" (the committee parser's vocabulary)
    method: str  # recorded | without_vote
    outcome: str  # adopted | retained | rejected
    tally: Tally | None
    agenda_item: int | None
    resolution: str | None = None  # "48/14" as printed in "(resolution 48/14)"
    decision: str | None = None  # "65/530" as printed in "(decision 65/530)"
    yes: list[str] = field(default_factory=list)  # ISO3, sorted
    no: list[str] = field(default_factory=list)
    abstain: list[str] = field(default_factory=list)
    intended: list[Intention] = field(default_factory=list)
    line: int = 0  # line of the sentence stating the outcome
    title: str = ""  # the draft's title when the President gave it ('entitled "..."'), else blank

    @property
    def resolution_symbol(self) -> str | None:
        """The symbol of the resolution or decision this action made: "A/RES/48/14", "A/DEC/65/530"."""
        if self.resolution:
            return f"A/RES/{self.resolution}"
        if self.decision:
            return f"A/DEC/{self.decision}"
        return None


@dataclass
class PlenaryRecord:
    language: str
    symbol: str | None  # "A/79/PV.29"
    session: int
    meeting: int
    date: datetime.date
    agenda_items: list[tuple[int, str]]  # (number, title) in the order taken up
    actions: list[PlenaryAction]

    def to_dict(self) -> dict:
        return {
            "language": self.language,
            "symbol": self.symbol,
            "session": self.session,
            "meeting": self.meeting,
            "date": self.date.isoformat(),
            "agenda_items": [{"number": n, "title": t} for n, t in self.agenda_items],
            "actions": [_action_dict(a) for a in self.actions],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)


def _action_dict(action: PlenaryAction) -> dict:
    tally = action.tally
    ref = action.draft
    return {
        "draft": {"kind": ref.kind, "symbol": ref.symbol, "report": ref.report, "number": ref.number,
                  "committee": ref.committee},
        "subject": action.subject,
        "method": action.method,
        "outcome": action.outcome,
        "agenda_item": action.agenda_item,
        "tally": None if tally is None else {"yes": tally.yes, "no": tally.no, "abstain": tally.abstain},
        "yes": sorted(action.yes),
        "no": sorted(action.no),
        "abstain": sorted(action.abstain),
        "intended": [{"country": i.country, "position": i.position} for i in action.intended],
        "resolution": action.resolution,
        "decision": action.decision,
        "line": action.line,
        "title": action.title,
    }


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out
