"""Voted labels of paragraphs — "PP18", "OP4", "OP4(a)", "OP4(a)(ii)" — in one place: what a label is, how it
sorts (in the order of the text: preambular before operative, then by number, then by sub-item, so "(ix)"
comes after "(v)"), and how a label typed by a user ("op 4(a)", "pp18") is read.

A sub-item's first level is a letter ("(a)" = 1) and deeper levels are Roman numerals ("(ii)" = 2); a first
level of more than one letter ("(ii)") is read as a Roman numeral too, as the reports number some lists so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.numerals import roman

PREAMBULAR, OPERATIVE = "PP", "OP"

_LABEL = re.compile(r"(PP|OP)(\d+)((?:\([a-z]+\))*)")
_SUB_ITEM = re.compile(r"\(([a-z]+)\)")
_TYPED = re.compile(r"^\s*(pp|op)\s*(\d+)\s*(.*?)\s*$", re.IGNORECASE)


def _roman_lower(n: int) -> str:
    out = ""
    for value, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out


def label_parts(label: str) -> tuple:
    """"OP4(a)" -> ("OP", 4, 1); "PP18" -> ("PP", 18); "OP4(a)(ii)" -> ("OP", 4, 1, 2). ValueError otherwise."""
    match = _LABEL.fullmatch(label)
    if not match:
        raise ValueError(f"not a paragraph label: {label!r}")
    sub_items = (
        ord(sub) - 96 if depth == 0 and len(sub) == 1 else roman(sub) for depth, sub in enumerate(_SUB_ITEM.findall(match[3]))
    )
    return (match[1], int(match[2]), *sub_items)


def format_label(parts: tuple) -> str:
    """The inverse of `label_parts`: ("OP", 4, 1, 2) -> "OP4(a)(ii)"."""
    label = f"{parts[0]}{parts[1]}"
    for depth, n in enumerate(parts[2:]):
        label += f"({chr(96 + n)})" if depth == 0 else f"({_roman_lower(n)})"
    return label


@dataclass(frozen=True, order=True)
class VotedLabel:
    """A paragraph's label as voted on. Instances order as the paragraphs stand in the text."""

    part_rank: int  # 0 preambular, 1 operative: first field, so that the dataclass order is the text's order
    number: int
    sub_items: tuple[int, ...] = ()
    # The sub-items as printed ("(a)(ii)"): kept, not re-derived, since a first-level "(ix)" and "(i)" both read 9.
    sub_label: str = field(default="", compare=False)

    @classmethod
    def parse(cls, label: str) -> "VotedLabel":
        """"OP4(a)" -> VotedLabel(1, 4, (1,), "(a)"); ValueError when `label` is not a voted label."""
        part, number, *sub_items = label_parts(label)
        return cls(0 if part == PREAMBULAR else 1, number, tuple(sub_items), _LABEL.fullmatch(label)[3])

    @staticmethod
    def is_label(text: str) -> bool:
        return _LABEL.fullmatch(text) is not None

    @property
    def part(self) -> str:
        """"PP" or "OP"."""
        return PREAMBULAR if self.part_rank == 0 else OPERATIVE

    def __str__(self) -> str:
        return f"{self.part}{self.number}{self.sub_label}"


def normalize_typed_label(value: str) -> str:
    """A label as a user types it, in the stored form: "pp18" -> "PP18", "op 4(a)" -> "OP4(a)"; anything else is
    returned stripped (and will match nothing)."""
    match = _TYPED.match(value or "")
    if not match:
        return (value or "").strip()
    prefix, number, rest = match.groups()
    return f"{prefix.upper()}{int(number)}{rest}"
