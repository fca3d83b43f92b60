"""Cutting a stretch of a country list into names, where what may stand between two names also stands inside one.

A list's last two names may be joined by the language's "and" (和, and, et, y, и, و), which also occurs inside
names (特立尼达和多巴哥, Trinidad and Tobago); a pasted list may also have a name cut by a line break ("白" /
"俄罗斯"). So such a separator is only a *possible* boundary: :func:`split_names` cuts a stretch into the fewest
names that resolve, never on the word alone. How a name resolves is the caller's to say: the report parser
(parsing/names.py) caches its look-ups and tries inflected forms, the staff form (curation/lists.py) asks the
directory as it is.

Plain Python (no Django), like the rest of reference/.
"""

from __future__ import annotations

from typing import Callable, NamedTuple, Pattern

__all__ = ["ListedName", "split_names"]

_MAX_NAME_PIECES = 8  # no country name spans more than this many pieces (lines, "and"s)
_UNKNOWN_COST = 1000  # a piece left unknown costs more than any number of known names


class ListedName(NamedTuple):
    """A name cut out of a list, as it reads, and the State it resolves to (None: no known name covers it)."""

    text: str
    iso3: str | None


def _as_printed(separator: str, before: str) -> str:
    return separator


def split_names(
    text: str,
    separators: Pattern[str],
    resolve: Callable[[str], str | None],
    *,
    separator_in_name: Callable[[str, str], str] = _as_printed,
    skip_empty_pieces: bool = False,
) -> list[ListedName]:
    """``text`` cut at matches of ``separators`` (a pattern without groups) into the fewest names that
    ``resolve`` (name -> ISO3 or None) knows, in order. Among equally few, the longest last name wins, so two
    names are cut at the first separator where both sides are known.

    A name that spans a separator reads it as ``separator_in_name(separator, name_before_it)`` says (by
    default as printed). Pieces that no known name covers are kept together as one unknown name, so a message
    names what was printed. With ``skip_empty_pieces``, a piece left empty between two separators (a line
    break just before "和") is dropped with the separator before it; otherwise it stays, and no name covers it.
    """
    pieces, between = separators.split(text), separators.findall(text)
    if skip_empty_pieces:
        kept, kept_between = [], []
        for index, piece in enumerate(pieces):
            if piece.strip():
                if kept:
                    kept_between.append(between[index - 1])
                kept.append(piece)
        pieces, between = kept, kept_between

    def reading(i: int, j: int) -> str:
        """The name pieces[i:j] make."""
        name = pieces[i]
        for separator, piece in zip(between[i : j - 1], pieces[i + 1 : j]):
            name += separator_in_name(separator, name) + piece
        return name.strip()

    # best[j] = (cost, cuts) for pieces[:j], a cut being (i, j, iso3); a known name costs 1, an unknown piece
    # _UNKNOWN_COST. A piece may always stand alone, unknown, so every prefix gets a cut.
    n = len(pieces)
    best: list[tuple[int, list[tuple[int, int, str | None]]] | None] = [(0, [])] + [None] * n
    for j in range(1, n + 1):
        for i in range(max(0, j - _MAX_NAME_PIECES), j):
            iso3 = resolve(reading(i, j))
            if iso3 is not None:
                cost = best[i][0] + 1
            elif j - i == 1:
                cost = best[i][0] + _UNKNOWN_COST
            else:
                continue
            if best[j] is None or cost < best[j][0]:
                best[j] = (cost, best[i][1] + [(i, j, iso3)])
    cuts: list[tuple[int, int, str | None]] = []
    for i, j, iso3 in best[n][1]:
        if iso3 is None and cuts and cuts[-1][2] is None:  # consecutive unknown pieces are one name, as printed
            cuts[-1] = (cuts[-1][0], j, None)
        else:
            cuts.append((i, j, iso3))
    return [ListedName(reading(i, j), iso3) for i, j, iso3 in cuts]
