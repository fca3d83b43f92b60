"""Small plenary records written for the tests, in today's layout, and the real ones in corpus/plenary/.

(A module of its own: tests/conftest.py already claims the module name "conftest".)"""

from __future__ import annotations

from pathlib import Path

from tests.parsing.report_helpers import line_of  # noqa: F401  (the report tests' line finder serves both)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "plenary"
EXPECTED = Path(__file__).resolve().parent / "expected"

HEADING = """United Nations  A/65/PV.71
General Assembly
Sixty-fifth session
71st plenary meeting
Tuesday, 21 December 2010, 10 a.m.
New York

Official Records

A/65/PV.71 21/12/2010

10-70133 2/38

The meeting was called to order at 10 a.m.
"""

THIRD_COMMITTEE_ITEM = """Agenda item 64 (continued)
Promotion and protection of human rights
Report of the Third Committee (A/65/456)
The President: The Assembly has before it three draft resolutions recommended by
the Third Committee in paragraph 40 of its report.
"""

# A recorded vote of 3 in favour, 1 against, 2 abstaining, as today's records print one.
LISTS = """A recorded vote was taken.
In favour:
Albania, Andorra, Argentina

Against:
Belarus

Abstaining:
China, Cuba
"""


def record(*parts: str) -> str:
    return HEADING + "".join(parts) + "The meeting rose at 1 p.m.\n"


# A plenary meeting of the 79th session acting on the Third Committee's report A/79/457, whose drafts are
# tests/fixtures/reports/multi.en.txt: I (A/C.3/79/L.10), II (A/C.3/79/L.11), the draft decision (A/C.3/79/L.12).
THIRD_COMMITTEE_79 = """United Nations  A/79/PV.50
General Assembly
Seventy-ninth session
50th plenary meeting
Tuesday, 17 December 2024, 10 a.m.
New York

Agenda item 71 (continued)
Promotion and protection of human rights
Report of the Third Committee (A/79/457)
The President: The Assembly has before it two draft resolutions and a draft decision recommended by
the Third Committee in paragraph 30 of its report. We turn first to draft resolution I. The Third
Committee adopted it without a vote. May I take it that the Assembly wishes to do the same?
Draft resolution I was adopted (resolution 79/160).
The President: We now turn to draft resolution II. A recorded vote has been requested.
A recorded vote was taken.
In favour:
Albania, Andorra, Argentina

Against:
Belarus

Abstaining:
China, Cuba
Draft resolution II was adopted by 3 votes to 1, with 2 abstentions (resolution 79/161).
[Subsequently, the delegation of Cuba informed the Secretariat that it had intended to vote in favour.]
The President: We turn next to the draft decision recommended by the Committee. May I take it that the
Assembly decides to adopt the draft decision?
The draft decision was adopted (decision 79/530).
The meeting rose at 1 p.m.
"""
