"""Per-language phrase tables.  To add a language, write ``parsing/phrases/<code>.py`` building a
:class:`~parsing.phrases.base.PhraseTable` (copy en.py and translate its patterns) and list it here."""

from __future__ import annotations

import re

from parsing.phrases import ar, en, es, fr, ru, zh
from parsing.phrases.base import PhraseTable

TABLES: dict[str, PhraseTable] = {t.code: t for t in (zh.TABLE, en.TABLE, fr.TABLE, es.TABLE, ru.TABLE, ar.TABLE)}

_SAMPLE = 4000  # the heading and introduction are enough to tell the language
# What is the same in every language and so says nothing about it: link lines, document symbols and other
# tokens with a slash ("A/C.1/79/PV.2", "24-20817"), numbers.  A report whose first pages list meeting
# records and their undocs.org links is judged by its prose.
_NOT_PROSE = re.compile(r"(?:https?://|www\.)\S+|[^\s、，,;；()（）]*/[^\s、，,;；()（）]*|[\d.\-–]+")


def prose(text: str, size: int = _SAMPLE) -> str:
    """The first ``size`` characters of ``text`` without links, symbols and numbers."""
    out, length, start = [], 0, 0
    while length < size and start < len(text):
        chunk = _NOT_PROSE.sub(" ", text[start:start + 2 * size])
        start += 2 * size
        out.append(chunk)
        length += len(chunk) - chunk.count(" ")
    return "".join(out)[: 2 * size]


def detect_language(text: str) -> PhraseTable | None:
    """The table of the language the text is written in, or None when no table recognises it."""
    sample = prose(text)
    score, table = max(((t.detect(sample), t) for t in TABLES.values()), key=lambda st: st[0])
    return table if score >= 0.3 else None


__all__ = ["PhraseTable", "TABLES", "detect_language"]
