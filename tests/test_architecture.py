"""The direction of dependencies, read from the source: plain-Python cores (`parsing`, `reference`) ← the record
(`votes`) ← staff work (`curation`) and development tools (`benchmarks`). Every import counts, those inside
functions too (a late import is still a dependency)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package -> the project packages and libraries it must never import.
FORBIDDEN = {
    "parsing": {"django", "votes", "curation", "benchmarks", "config"},
    "reference": {"django", "votes", "curation", "benchmarks", "config", "parsing"},
    "votes": {"curation", "benchmarks"},
    "curation": {"benchmarks"},
}


def imported_packages(path: Path) -> set[tuple[str, int]]:
    """(top-level package, line) of every absolute import in a file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {(alias.name.split(".")[0], node.lineno) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add((node.module.split(".")[0], node.lineno))
    return found


def test_the_layers_exist():
    # A renamed package would leave its rules checking nothing.
    for package in FORBIDDEN:
        assert list((ROOT / package).rglob("*.py")), package


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_one_way(package):
    offending = [
        f"{path.relative_to(ROOT)}:{line} imports {imported}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for imported, line in sorted(imported_packages(path))
        if imported in FORBIDDEN[package]
    ]
    assert not offending, "\n".join(offending)


def test_the_check_sees_a_late_import(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("def f():\n    from curation.models import X\n    import benchmarks.run\n", encoding="utf-8")
    assert imported_packages(source) == {("curation", 2), ("benchmarks", 3)}


# Page paths are the URLconf's business: code and templates link by name (reverse(), {% url %}).
# A page path: "/votes/…", f"{prefix}votes/…", or a bare "votes/" to append (template names, "votes/x.html", are
# not paths).
_PAGES = r"(?:votes|drafts|countries|search|sources)"
HAND_BUILT_PATH = re.compile(rf"""["']/{_PAGES}\b|\}}{_PAGES}/|["']{_PAGES}/["']""")


def test_no_page_path_is_built_by_hand():
    offending = []
    for package in ("votes", "curation", "benchmarks", "config"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path.name == "urls.py" or "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if HAND_BUILT_PATH.search(line) and not line.lstrip().startswith("#"):
                    offending.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offending, "\n".join(offending)


# Markup is the templates' business: Python may build one element (a link in an admin column, a template tag's
# single element), never rows, cells, blocks or form controls.
BUILT_MARKUP = re.compile(r"""["'][^"']*<(?:tr|td|th|table|div|ul|ol|li|select|option|input|form|p)[\s>]""")


def test_no_markup_is_built_in_python():
    offending = []
    for package in ("votes", "curation"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if BUILT_MARKUP.search(line):
                    offending.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offending, "\n".join(offending)
