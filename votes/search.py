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


def _joined(parts: Iterable[str]) -> str:
    return "\n".join(key for key in map(search_key, parts) if key)


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
    for draft_id, symbol, *titles in drafts.values_list("pk", "symbol", *(f"title_{lang}" for lang in LANGUAGES)).iterator(
        chunk_size=5000
    ):
        rows.append(DraftSearchText(draft_id=draft_id, heading=_joined([symbol, *titles]), body=_joined(texts.get(draft_id, []))))
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
