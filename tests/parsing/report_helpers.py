"""Helpers for the parser's tests: fixture reports (copied into tests/fixtures/reports/, never read from
the shared corpus), line lookup, and a field-by-field comparison that names the first difference.

(A module of its own rather than conftest.py: tests/conftest.py already claims the module name "conftest".)
"""

from __future__ import annotations

from pathlib import Path

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


def report_text(name: str) -> str:
    return (REPORTS / name).read_text(encoding="utf-8")


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line containing ``needle``."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} (occurrence {occurrence}) not in the text")


def replace_once(text: str, old: str, new: str, occurrence: int = 1) -> str:
    """``text`` with the ``occurrence``-th ``old`` replaced (a test mutation must hit exactly its target)."""
    start = -1
    for _ in range(occurrence):
        start = text.find(old, start + 1)
        assert start >= 0, f"{old!r} (occurrence {occurrence}) not in the text"
    return text[:start] + new + text[start + len(old):]


def first_difference(actual, expected, path: str = "$") -> str | None:
    """The path of the first field where ``actual`` differs from ``expected``, with both values."""
    if type(actual) is not type(expected):
        return f"{path}: {actual!r} != {expected!r}"
    if isinstance(actual, dict):
        if list(actual) != list(expected):
            return f"{path}: keys {list(actual)} != {list(expected)}"
        for key in actual:
            found = first_difference(actual[key], expected[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(actual, list):
        for i, (a, e) in enumerate(zip(actual, expected)):
            found = first_difference(a, e, f"{path}[{i}]")
            if found:
                return found
        if len(actual) != len(expected):
            return f"{path}: {len(actual)} items != {len(expected)} items"
        return None
    return None if actual == expected else f"{path}: {actual!r} != {expected!r}"
