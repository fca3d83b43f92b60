"""What goes wrong in a report: problems, each naming its line, raised together as one ReportError."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing the parser could not read faithfully, at a 1-based line of the source text."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class ReportError(Exception):
    """A report that cannot be parsed faithfully.  ``problems`` lists every problem found, in line order.

    The parser collects problems instead of stopping at the first, so one run shows everything to fix;
    ``str(error)`` is one line per problem ("line 212: 87 names listed under 赞成, tally says 88").
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.line)  # stable: same-line problems keep their order
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return self.args[0]
