"""Small plenary records written for the tests, in today's layout, and the real ones in corpus/plenary/.

(A module of its own: tests/conftest.py already claims the module name "conftest".)"""

from __future__ import annotations

from pathlib import Path

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


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} (occurrence {occurrence}) not in the text")
