"""The text search's own index: one normalised row per draft (DraftSearchText), and the rule by which both the
stored text and a query are normalised, so that they compare with a plain, case-sensitive `contains` — the
LIKE that PostgreSQL's trigram index (migration 0007) serves.

Normalised means lower-cased (Python's rule, on both sides) with every run of whitespace made one space. Parts
(the symbol, each title, each paragraph) are joined by a line break, which a normalised query never contains:
a phrase matches within one part, never across two.
"""

from __future__ import annotations

import re
from typing import Iterable

from django.db import connection, transaction

from .bulk import drop_secondary_indexes
from .models import LANGUAGES, Draft, DraftSearchText, Paragraph, RollCall

BATCH_SIZE = 1000


def search_key(text: str) -> str:
    return " ".join((text or "").split()).lower()


# A quoted run is one phrase; every other run of non-space is one word.
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def search_terms(query: str) -> list[str]:
    """The normalised terms of a query, each of which must match (in any order): quoted phrases kept whole."""
    terms = (phrase or word for phrase, word in _TERM.findall(query or ""))
    return [key for key in map(search_key, terms) if key]


# --- symbols and their fragments ------------------------------------------------------------------------------

# A term shaped like a document symbol or a fragment of one: "a/c.1/79/l.53", "79/6", "a/res/55/132", "l.53",
# "c.1/79". It has a digit, and either a "/" or a letter run followed by "." and a digit ("l.53", "c.1").
_SYMBOL_SHAPE = re.compile(r"^(?=.*\d)(?:[\w.()-]*/[\w./()-]*|(?:[\w./()-]*/)?[a-z]+\.\d[\w./()-]*)$")
# Where a symbol part begins: the start, a "/" (between parts), whitespace or an opening bracket (a symbol
# cited in running text or stored on its own line of the search row).
_PART_START = r"(?:^|[\s/(])"


def is_symbol_fragment(term: str) -> bool:
    """Whether a normalised term (see `search_terms`) names a symbol or some of its parts, which must then match
    at part boundaries: "79/6" is in A/RES/79/6 (and 79/6 A), not in A/RES/79/60 nor A/RES/179/6."""
    return bool(_SYMBOL_SHAPE.match(term))


def symbol_pattern(term: str) -> str:
    """A regular expression (the same in Python's `re` and PostgreSQL's AREs) for a symbol fragment at part
    boundaries in normalised text: a part begins before it and ends after it — the end, a "/", whitespace or
    punctuation, or a letter after a final number (the parts of one resolution: 50/22 A, 50/22a)."""
    end = r"(?:$|[\s/),;:]|\.(?:$|\s)" + (r"|[a-z]" if term[-1].isdigit() else "") + ")"
    return _PART_START + re.escape(term) + end


def term_lookup(term: str, case_insensitive: bool = False) -> tuple[str, str]:
    """The lookup and value by which a column holds `term`: a word or phrase anywhere (`contains`), a symbol
    fragment at part boundaries (`regex`); `case_insensitive` for the record's own columns, which are not
    normalised (the search rows are lower-cased already)."""
    if is_symbol_fragment(term):
        return ("iregex" if case_insensitive else "regex"), symbol_pattern(term)
    return ("icontains" if case_insensitive else "contains"), term


# --- snippets -------------------------------------------------------------------------------------------------

# Scripts written without spaces between words (Chinese, Japanese kana, Korean ideographs): a cut between two
# of their characters splits no word.
_UNSPACED = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
ELLIPSIS = "…"


def _cut_is_clean(text: str, index: int) -> bool:
    """Whether cutting `text` before `index` splits no word: a space on either side, or a character of a script
    without spaces (punctuation belongs to its word: never "(Biological" without its ")")."""
    if index <= 0 or index >= len(text):
        return True
    before, after = text[index - 1], text[index]
    return before.isspace() or after.isspace() or bool(_UNSPACED.match(before) or _UNSPACED.match(after))


def _term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where the terms occur in `text` (case-insensitively; a symbol fragment at part boundaries), merged."""
    folded = text.lower()
    spans = []
    for term in terms:
        if is_symbol_fragment(term):
            for match in re.finditer(symbol_pattern(term), folded):
                start = match.start() + (0 if folded[match.start():].startswith(term) else 1)
                spans.append((start, start + len(term)))
        else:
            start = folded.find(term)
            while start >= 0:
                spans.append((start, start + len(term)))
                start = folded.find(term, start + len(term))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        # Overlapping, or words side by side ("undue restrictions"): one mark.
        if merged and (start <= merged[-1][1] or text[merged[-1][1] : start].isspace()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, query: str, width: int = 60) -> list[tuple[str, bool]] | None:
    """The part of `text` around the first match of the query's terms, as (text, matched) pieces: about `width`
    characters either side, cut between words (in spaced scripts; between characters in Chinese), with "…"
    where text was left out and every occurrence of a term in it marked. None when no term occurs in `text`.
    Plain text in, plain pieces out: the page escapes them (votes.templatetags.tally.excerpt)."""
    text = " ".join((text or "").split())
    spans = _term_spans(text, search_terms(query))
    if not spans:
        return None
    first_start, first_end = spans[0]
    start, end = max(0, first_start - width), min(len(text), first_end + width)
    # Move each cut inwards to the nearest word boundary (never past the match); a single word longer than the
    # window is cut where it is.
    clean_start = next((i for i in range(start, first_start + 1) if _cut_is_clean(text, i)), start)
    clean_end = next((i for i in range(end, first_end - 1, -1) if _cut_is_clean(text, i)), end)
    start, end = clean_start, clean_end
    pieces: list[tuple[str, bool]] = []
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start > position:
            pieces.append((text[position:span_start], False))
        pieces.append((text[span_start:span_end], True))
        position = span_end
    if position < end:
        pieces.append((text[position:end], False))
    # No space beside the ellipses.
    if pieces and not pieces[0][1]:
        pieces[0] = (pieces[0][0].lstrip(), False)
    if pieces and not pieces[-1][1]:
        pieces[-1] = (pieces[-1][0].rstrip(), False)
    if start > 0:
        pieces.insert(0, (ELLIPSIS, False))
    if end < len(text):
        pieces.append((ELLIPSIS, False))
    return [piece for piece in pieces if piece[0]]


def _joined(parts: Iterable[str]) -> str:
    return "\n".join(key for key in map(search_key, parts) if key)


def heading_parts(symbol: str, resolution: str, titles: Iterable[str]) -> list[str]:
    """A draft's heading: its symbol, the resolution it became (when another symbol: a dataset's roll calls are
    stored under the resolution's), its titles — each its own line."""
    return [symbol, *([resolution] if resolution and resolution != symbol else []), *titles]


def refresh_search_texts(draft_ids: Iterable[int] | None = None) -> int:
    """Rewrite the search rows of the given drafts (all drafts when None); returns the number written."""
    drafts = Draft.objects.order_by()
    paragraphs = Paragraph.objects.order_by("draft_id", "order", "id")
    if draft_ids is not None:
        draft_ids = list(draft_ids)
        drafts, paragraphs = drafts.filter(pk__in=draft_ids), paragraphs.filter(draft_id__in=draft_ids)
    # A dataset's roll calls have no paragraphs; what it says of them (Voeten's descriptions) is searched instead.
    roll_calls = RollCall.objects.order_by("vote__draft_id", "rcid")
    if draft_ids is not None:
        roll_calls = roll_calls.filter(vote__draft_id__in=draft_ids)
    texts: dict[int, list[str]] = {}
    for draft_id, *texts_of_paragraph in paragraphs.values_list("draft_id", *(f"text_{lang}" for lang in LANGUAGES)).iterator(
        chunk_size=5000
    ):
        texts.setdefault(draft_id, []).extend(texts_of_paragraph)
    for draft_id, short, description in roll_calls.values_list("vote__draft_id", "short", "descr").iterator(chunk_size=5000):
        texts.setdefault(draft_id, []).extend((short, description))
    rows = []
    for draft_id, symbol, resolution, *titles in drafts.values_list(
        "pk", "symbol", "resolution", *(f"title_{lang}" for lang in LANGUAGES)
    ).iterator(
        chunk_size=5000
    ):
        rows.append(DraftSearchText(draft_id=draft_id, heading=_joined(heading_parts(symbol, resolution, titles)), body=_joined(texts.get(draft_id, []))))
    DraftSearchText.objects.bulk_create(
        rows, batch_size=BATCH_SIZE, update_conflicts=True, unique_fields=["draft"], update_fields=["heading", "body"]
    )
    return len(rows)


def rebuild_search_texts() -> int:
    """Every draft's row anew, after a bulk load (on PostgreSQL, the trigram indexes dropped during it: see
    votes.bulk)."""
    table = DraftSearchText._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        definitions = drop_secondary_indexes(cursor, table) if connection.vendor == "postgresql" else []
        DraftSearchText.objects.all().delete()
        written = refresh_search_texts()
        if definitions:
            # CREATE INDEX refuses a table with foreign-key checks still queued (deferred) in this transaction:
            # run them now, then defer again as Django's constraints are by default.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for definition in definitions:
                cursor.execute(definition)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    return written
