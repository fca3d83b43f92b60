"""Country lists as printed in a report ("A、B和C", "A, B and C"), split into names and resolved to ISO codes.

Plain Python (no Django), like the resolver it uses. Staff paste the lists of a recorded vote as printed: with
the report's line breaks (a name may be cut by one: "白" / "俄罗斯", "Côte" / "d'Ivoire", "Guinea-" / "Bissau"),
one name a line, or separated by commas, 、, semicolons. A list's last two names may be joined by the language's
"and" (和, et, y, и, و), which also occurs inside names (特立尼达和多巴哥, Trinidad and Tobago).

So a line break or an "and" is only a *possible* boundary: each piece between separators is cut into the fewest
names that the directory knows (never on the word alone). A piece that cannot be cut into known names is kept
whole, so the message names what was pasted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from reference import CountryDirectory, UnknownCountryName

__all__ = ["LIST_LANGUAGES", "CountryLists", "detect_language", "resolve_country_list", "split_country_list"]

LIST_LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")

# Always a boundary between two names: commas (Latin, ideographic, Arabic), 、, semicolons, full stops at a line end.
_HARD_SEPARATORS = re.compile(r"[,，、;；،؛]")
# Possibly a boundary: a line break, or the language's "and" (kept in the name when the whole is a known name).
_SOFT_SEPARATORS = {
    "en": re.compile(r"\s*\n\s*|\s+and\s+", re.IGNORECASE),
    "fr": re.compile(r"\s*\n\s*|\s+et\s+", re.IGNORECASE),
    "es": re.compile(r"\s*\n\s*|\s+[ye]\s+", re.IGNORECASE),
    "ru": re.compile(r"\s*\n\s*|\s+и\s+", re.IGNORECASE),
    "zh": re.compile(r"\s*\n\s*|\s*和\s*"),
    # Arabic writes "and" as a prefix: "… وزمبابوي".
    "ar": re.compile(r"\s*\n\s*|\s+و(?=\S)"),
}
# A heading pasted with the list ("In favour:", "赞成：") ends with a colon; no country name contains one.
_HEADING = re.compile(r"^[^\n:：]*[:：]\s*")
_MAX_NAME_PIECES = 8  # no country name spans more than this many lines/"and"s
_UNKNOWN_COST = 1000  # a piece left unknown costs more than any number of known names


def _join(pieces: list[str], separators: list[str], language: str) -> str:
    """The pieces with the separators that stood between them; a line break reads as a space (none in Chinese,
    none after a hyphen, so "Guinea-" + "Bissau" gives "Guinea-Bissau")."""
    text = pieces[0]
    for separator, piece in zip(separators, pieces[1:]):
        if not separator.strip():  # a line break
            separator = "" if language == "zh" or text.endswith("-") else " "
        else:  # "and" with the spaces or line break around it
            separator = re.sub(r"\s+", "" if language == "zh" else " ", separator)
        text += separator + piece
    return text


def _split_piece(piece: str, language: str, directory: CountryDirectory, on_date: date | None) -> list[str]:
    """Cut one piece between hard separators into the fewest known names (unknown runs kept together)."""
    splitter = _SOFT_SEPARATORS[language]
    pieces = [p.strip() for p in splitter.split(piece)]
    separators = splitter.findall(piece)
    # Drop empty pieces (blank lines) with the separator before them.
    kept, kept_separators = [], []
    for index, text in enumerate(pieces):
        if not text:
            continue
        if kept:
            kept_separators.append(separators[index - 1])
        kept.append(text)
    if not kept:
        return []
    n = len(kept)

    def known(i: int, j: int) -> bool:
        name = _join(kept[i:j], kept_separators[i : j - 1], language)
        return directory.try_resolve(name, language, on_date) is not None

    # best[i] = (cost, cuts) for kept[:i]; a known name costs 1, an unknown single piece _UNKNOWN_COST.
    best: list[tuple[int, list[tuple[int, int, bool]]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for j in range(1, n + 1):
        for i in range(max(0, j - _MAX_NAME_PIECES), j):
            if best[i] is None:
                continue
            if known(i, j):
                candidate = (best[i][0] + 1, best[i][1] + [(i, j, True)])
            elif j - i == 1:
                candidate = (best[i][0] + _UNKNOWN_COST, best[i][1] + [(i, j, False)])
            else:
                continue
            if best[j] is None or candidate[0] < best[j][0]:
                best[j] = candidate
    names: list[str] = []
    unknown_start = None  # consecutive unknown pieces are reported as one name, as pasted
    for i, j, is_known in best[n][1] + [(n, n, True)]:
        if not is_known:
            unknown_start = i if unknown_start is None else unknown_start
            continue
        if unknown_start is not None:
            names.append(_join(kept[unknown_start:i], kept_separators[unknown_start : i - 1], language))
            unknown_start = None
        if i < j:
            names.append(_join(kept[i:j], kept_separators[i : j - 1], language))
    return names


def split_country_list(
    text: str, language: str, directory: CountryDirectory | None = None, on_date: date | None = None
) -> list[str]:
    """The names in a pasted list, in order, as printed (a name cut by a line break joined again).

    >>> split_country_list("安提瓜和巴布达、白\\n俄罗斯和特立尼达和多巴哥。", "zh")
    ['安提瓜和巴布达', '白俄罗斯', '特立尼达和多巴哥']
    """
    if language not in LIST_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; expected one of {', '.join(LIST_LANGUAGES)}")
    directory = directory or CountryDirectory.default()
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    text = _HEADING.sub("", text, count=1).strip()
    # A full stop ends the printed list; one before a line break (a list per paragraph) is a separator too.
    text = re.sub(r"[.。]\s*(?:\n|$)", "\n", text).strip()
    names: list[str] = []
    for piece in _HARD_SEPARATORS.split(text):
        if piece.strip():
            names.extend(_split_piece(piece.strip(), language, directory, on_date))
    return names


@dataclass
class CountryLists:
    """Three pasted lists, resolved: ISO codes per list, and what could not be resolved or is listed twice."""

    language: str
    codes: dict[str, list[str]] = field(default_factory=dict)  # "yes" -> ["DZA", ...], in pasted order
    unknown: dict[str, list[UnknownCountryName]] = field(default_factory=dict)
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # list -> names listed before

    @property
    def ok(self) -> bool:
        return not any(self.unknown.values()) and not any(self.duplicates.values())

    def positions(self) -> dict[str, str]:
        """{iso3: "yes" | "no" | "abstain"} for the listed countries."""
        return {iso3: key for key, codes in self.codes.items() for iso3 in codes}


def resolve_country_list(
    lists: dict[str, str], language: str, on_date: date | None = None, directory: CountryDirectory | None = None
) -> CountryLists:
    """Split and resolve the pasted lists ({"yes": text, "no": text, "abstain": text}); a country listed twice
    (in one list or two) is reported under the list where it appears again."""
    directory = directory or CountryDirectory.default()
    result = CountryLists(language=language)
    seen: dict[str, str] = {}  # iso3 -> list it was first found in
    for key, text in lists.items():
        result.codes[key], result.unknown[key], result.duplicates[key] = [], [], []
        for name in split_country_list(text, language, directory, on_date):
            try:
                record = directory.resolve(name, language, on_date)
            except UnknownCountryName as error:
                result.unknown[key].append(error)
                continue
            if record.iso3 in seen:
                result.duplicates[key].append(f"{name} (already listed under {seen[record.iso3]})")
                continue
            seen[record.iso3] = key
            result.codes[key].append(record.iso3)
    return result


def detect_language(texts: list[str], directory: CountryDirectory | None = None, on_date: date | None = None) -> str:
    """The language of pasted lists, from their script (Han, Arabic, Cyrillic); for Latin script the one of
    en/fr/es in which the fewest names are unknown (English when tied)."""
    text = "\n".join(t for t in texts if t)
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    if re.search(r"[\u0600-\u06ff]", text):
        return "ar"
    if re.search(r"[\u0400-\u04ff]", text):
        return "ru"
    directory = directory or CountryDirectory.default()

    def unknown_count(language: str) -> int:
        return sum(
            directory.try_resolve(name, language, on_date) is None
            for t in texts
            for name in split_country_list(t, language, directory, on_date)
        )

    return min(("en", "fr", "es"), key=unknown_count)
