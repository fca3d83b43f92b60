"""Fuzzing the parser: the bundled reports, mutated as PDF extraction and typing mangle real ones (lines cut
or joined, names dropped or doubled, numbers changed, footnotes shuffled, stray spaces, page breaks with
running headers, random bytes).
Whatever the input, the parser either parses it or refuses it with line-numbered problems; it never raises
anything else, and never accepts a report whose lists disagree with its tallies.

The default run tries FUZZ_EXAMPLES (300) derandomized cases, the same in every run; set TALLY_FUZZ_EXAMPLES
for more, e.g. ``TALLY_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/parsing/test_parse_fuzz.py -p no:django``
(a count above the default also draws new random cases each run).
"""

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing import ReportError, parse_report

from report_helpers import report_text

FUZZ_EXAMPLES = 300
EXAMPLES = int(os.environ.get("TALLY_FUZZ_EXAMPLES", FUZZ_EXAMPLES))

REPORTS = [
    "first-committee-79-item106.txt", "first-committee-79-item106.en.txt", "single.zh.txt", "single.en.txt",
    "multi.zh.txt", "multi.en.txt", "renumber.zh.txt", "renumber.en.txt", "decision.zh.txt", "decision.en.txt",
    "small.fr.txt", "small.es.txt", "small.ru.txt", "small.ar.txt",
]
TEXTS = {name: report_text(name) for name in REPORTS}
_NAME_SEPARATORS = re.compile(r"[、，,،]\s*")
_NUMBER = re.compile(r"\d+")
_FOOTNOTE_LINE = re.compile(r"^\s*\d{1,2}\s+\S")


def _cut_line(lines, r):
    i = r.randrange(len(lines))
    if len(lines[i]) > 2:
        k = r.randrange(1, len(lines[i]))
        lines[i:i + 1] = [lines[i][:k], "", lines[i][k:]]


def _join_lines(lines, r):
    i = r.randrange(len(lines) - 1)
    lines[i:i + 2] = [lines[i].rstrip() + lines[i + 1].lstrip()]


def _drop_or_double_name(lines, r):
    candidates = [i for i, line in enumerate(lines) if _NAME_SEPARATORS.search(line)]
    if candidates:
        i = r.choice(candidates)
        parts = _NAME_SEPARATORS.split(lines[i])
        j = r.randrange(len(parts))
        if r.random() < 0.5 and len(parts) > 1:
            del parts[j]
        else:
            parts.insert(j, parts[j])
        sep = _NAME_SEPARATORS.search(lines[i]).group()
        lines[i] = sep.join(parts)


def _change_number(lines, r):
    candidates = [i for i, line in enumerate(lines) if _NUMBER.search(line)]
    if candidates:
        i = r.choice(candidates)
        matches = list(_NUMBER.finditer(lines[i]))
        m = r.choice(matches)
        new = str(max(0, int(m.group()) + r.choice([-2, -1, 1, 2, 10])))
        lines[i] = lines[i][:m.start()] + new + lines[i][m.end():]


def _shuffle_footnotes(lines, r):
    notes = [i for i, line in enumerate(lines) if _FOOTNOTE_LINE.match(line)]
    if len(notes) >= 2:
        a, b = r.sample(notes, 2)
        lines[a], lines[b] = lines[b], lines[a]


def _stray_space(lines, r):
    i = r.randrange(len(lines))
    k = r.randrange(len(lines[i]) + 1)
    lines[i] = lines[i][:k] + r.choice([" ", "  ", "\u3000", "\t", "\u00a0"]) + lines[i][k:]


def _page_break(lines, r):
    """A page break as a PDF's text has it: a form feed, then the next page's running header."""
    i = r.randrange(len(lines))
    lines[i:i] = ["\f" + r.choice(["A/79/408", "24-20817 3/10", "A/79/408 24-20817", "3/10"]), ""]


MUTATIONS = [_cut_line, _join_lines, _drop_or_double_name, _change_number, _shuffle_footnotes, _stray_space,
             _page_break]


def _random_bytes(data: bytes, r) -> bytes:
    k = r.randrange(len(data) + 1)
    return data[:k] + bytes(r.randrange(256) for _ in range(r.randrange(1, 6))) + data[k:]


def check_accepted(report) -> None:
    """What an accepted report must satisfy, checked here independently of the parser's own checks."""
    for draft in report.drafts:
        for action in draft.actions:
            if action.method != "recorded":
                assert action.tally is None or action.yes == action.no == action.abstain == []
                continue
            assert (len(action.yes), len(action.no), len(action.abstain)) == (
                action.tally.yes, action.tally.no, action.tally.abstain)
            listed = action.yes + action.no + action.abstain
            assert len(listed) == len(set(listed)), "a State listed twice"


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= FUZZ_EXAMPLES,
          suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(REPORTS), kinds=st.lists(st.integers(0, len(MUTATIONS)), min_size=1, max_size=4),
       r=st.randoms(use_true_random=False))
def test_mutated_reports_parse_or_are_refused_with_line_numbered_problems(name, kinds, r, directory):
    lines = TEXTS[name].split("\n")
    corrupt = False
    for kind in kinds:
        if kind == len(MUTATIONS):
            corrupt = True
        else:
            MUTATIONS[kind](lines, r)
    data = "\n".join(lines).encode("utf-8")
    if corrupt:
        data = _random_bytes(data, r)
    try:
        report = parse_report(data, directory)
    except ReportError as e:
        assert e.problems, "a refusal names at least one problem"
        last = data.count(b"\n") + 1
        assert all(1 <= p.line <= last for p in e.problems), [str(p) for p in e.problems]
        return
    check_accepted(report)
