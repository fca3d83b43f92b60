"""The Main Committee report parser: plain Python (no Django), usable and testable alone.

    from parsing import parse_report, ReportError
    report = parse_report(Path("report.txt").read_bytes())
    print(report.to_json())

``parse_report`` returns a :class:`~parsing.model.Report` or raises :class:`ReportError` listing every
problem found (each with its line).  Languages are detected from the text; each language is a phrase table
in ``parsing/phrases/``.  The command line is ``python -m parsing FILE [--json]`` (see parsing/cli.py).
"""

from parsing.errors import Problem, ReportError
from parsing.model import Action, AgendaItem, Draft, Intention, Paragraph, Report, Tally
from parsing.parser import parse_report

__all__ = [
    "parse_report",
    "ReportError",
    "Problem",
    "Report",
    "AgendaItem",
    "Draft",
    "Action",
    "Tally",
    "Intention",
    "Paragraph",
]
