"""Per-language phrase tables.  To add a language, write ``parsing/phrases/<code>.py`` building a
:class:`~parsing.phrases.base.PhraseTable` (copy en.py and translate its patterns) and list it here."""

from __future__ import annotations

from parsing.phrases import ar, en, es, fr, ru, zh
from parsing.phrases.base import PhraseTable

TABLES: dict[str, PhraseTable] = {t.code: t for t in (zh.TABLE, en.TABLE, fr.TABLE, es.TABLE, ru.TABLE, ar.TABLE)}

_SAMPLE = 4000  # the heading and introduction are enough to tell the language


def detect_language(text: str) -> PhraseTable | None:
    """The table of the language the text is written in, or None when no table recognises it."""
    sample = text[:_SAMPLE]
    score, table = max(((t.detect(sample), t) for t in TABLES.values()), key=lambda st: st[0])
    return table if score >= 0.3 else None


__all__ = ["PhraseTable", "TABLES", "detect_language"]
