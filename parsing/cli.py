"""Command line: ``python -m parsing FILE [--json]``.

Prints the report as JSON (``--json``, the SCHEMA.md contract) or as a short readable summary.  On a report
that cannot be parsed faithfully it prints the problems to standard error, nothing to standard output, and
exits with status 1.  The Django command ``parse_report`` wraps :func:`main`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from parsing.errors import ReportError
from parsing.model import Report
from parsing.parser import parse_report

USAGE = "usage: python -m parsing FILE [--json]"


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command with ``argv`` (the arguments, without the program name); return the exit status:
    0 parsed, 1 the report has problems (or cannot be read), 2 wrong usage."""
    argv = sys.argv[1:] if argv is None else list(argv)
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    if any(a in ("-h", "--help") for a in argv):
        print(USAGE, file=stdout)
        return 0
    as_json = "--json" in argv
    files = [a for a in argv if a != "--json"]
    if len(files) != 1 or files[0].startswith("-"):
        print(USAGE, file=stderr)
        return 2
    path = Path(files[0])
    try:
        source = path.read_bytes()
    except OSError as e:
        print(f"{path}: cannot read: {e.strerror or e}", file=stderr)
        return 1
    try:
        report = parse_report(source)
    except ReportError as e:
        for problem in e.problems:
            print(f"{path}: {problem}", file=stderr)  # "report.txt: line 212: 87 names listed under ..."
        return 1
    print(report.to_json() if as_json else summary(report), file=stdout)
    return 0


def summary(report: Report) -> str:
    """A few lines a person can check against the PDF: heading, then per draft its votes."""
    items = ", ".join(f"{a.number} {a.title}" for a in report.agenda_items)
    out = [f"{report.symbol or '(no symbol)'}  session {report.session}  {report.body}  [{report.language}]",
           f"agenda item {items}"]
    for draft in report.drafts:
        out.append(f"{draft.symbol} (draft {draft.kind}): {draft.title}")
        out.append(f"  sponsors {len(draft.sponsors)}, later {len(draft.later_sponsors)}; "
                   f"{len(draft.paragraphs)} paragraphs in the recommended text"
                   + (f"; not retained: {', '.join(draft.rejected_labels)}" if draft.rejected_labels else ""))
        for action in draft.actions:
            when = f"meeting {action.meeting or '?'}, {action.date.isoformat() if action.date else 'date ?'}"
            if action.tally:
                counts = f"{action.tally.yes}-{action.tally.no}-{action.tally.abstain}"
            else:
                counts = "without a vote"
            intended = "".join(f"; {i.country} intended {i.position}" for i in action.intended)
            out.append(f"  {action.subject:<8} {action.outcome:<9} {counts:<15} ({when}){intended}")
    return "\n".join(out)
