"""Country lists as printed in a report ("A、B和C", "A, B and C"), split into names and resolved to ISO codes.

Plain Python (no Django), like the resolver it uses. Staff paste the lists of a recorded vote as printed: with
the report's line breaks (a name may be cut by one: "白" / "俄罗斯", "Côte" / "d'Ivoire", "Guinea-" / "Bissau"),
one name a line, or separated by commas, 、, semicolons. A list's last two names may be joined by the language's
"and" (和, et, y, и, و), which also occurs inside names (特立尼达和多巴哥, Trinidad and Tobago).

So a line break or an "and" is only a *possible* boundary: each piece between separators is cut into the fewest
names that the directory knows (never on the word alone), by ``reference.split_names``, which the report parser
uses too. Pieces that cannot be cut into known names are kept together, so the message names what was pasted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from reference import LANGUAGES, CountryDirectory, UnknownCountryName, split_names

__all__ = ["CountryLists", "detect_language", "resolve_country_list", "split_country_list"]


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


def _separator_in_name(language: str, separator: str, before: str) -> str:
    """How a separator reads inside a name: a line break as a space (none in Chinese, none after a hyphen, so
    "Guinea-" + "Bissau" gives "Guinea-Bissau"); an "and" as itself, the spaces and line breaks around it as one
    space (none in Chinese)."""
    if not separator.strip():  # a line break
        return "" if language == "zh" or before.endswith("-") else " "
    return re.sub(r"\s+", "" if language == "zh" else " ", separator)


def split_country_list(
    text: str, language: str, directory: CountryDirectory | None = None, on_date: date | None = None
) -> list[str]:
    """The names in a pasted list, in order, as printed (a name cut by a line break joined again).

    >>> split_country_list("安提瓜和巴布达、白\\n俄罗斯和特立尼达和多巴哥。", "zh")
    ['安提瓜和巴布达', '白俄罗斯', '特立尼达和多巴哥']
    """
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; expected one of {', '.join(LANGUAGES)}")
    directory = directory or CountryDirectory.default()
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    text = _HEADING.sub("", text, count=1).strip()
    # A full stop ends the printed list; one before a line break (a list per paragraph) is a separator too.
    text = re.sub(r"[.。]\s*(?:\n|$)", "\n", text).strip()

    def iso3(name: str) -> str | None:
        record = directory.try_resolve(name, language, on_date)
        return record.iso3 if record else None

    names: list[str] = []
    for piece in _HARD_SEPARATORS.split(text):
        # Pastes leave empty pieces (",,", a line break just before "和"): skipped, not reported.
        found = split_names(
            piece.strip(),
            _SOFT_SEPARATORS[language],
            iso3,
            separator_in_name=partial(_separator_in_name, language),
            skip_empty_pieces=True,
        )
        names += [name.text for name in found]
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
