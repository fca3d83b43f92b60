"""Plenary phrase tables, one per language.  To add a language, copy en.py, translate its patterns, and list
it here (its committee-report table in ``parsing/phrases/`` must exist: the plenary table leans on it)."""

from __future__ import annotations

from parsing.plenary.phrases import en
from parsing.plenary.phrases.base import PlenaryPhrases

TABLES: dict[str, PlenaryPhrases] = {t.code: t for t in (en.TABLE,)}


def detect_language(text: str) -> PlenaryPhrases | None:
    """The table whose committee table recognises the language of ``text``; None when none does."""
    sample = text[:4000]
    score, table = max(((t.committee.detect(sample), t) for t in TABLES.values()), key=lambda st: st[0])
    return table if score >= 0.3 else None


__all__ = ["PlenaryPhrases", "TABLES", "detect_language"]
