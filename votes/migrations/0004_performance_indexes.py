"""Indexes for the pages at full-history scale (5 million positions): see benchmarks/findings.md.

- `vote_newest_first_idx` / `vote_oldest_first_idx`: the vote lists' default order (date, newest first, undated
  last, then id) as an index, so that a page of 50 is read from the index instead of sorting every vote — and,
  with a country filter, so that PostgreSQL walks the newest votes and probes the country's position on each
  (nested loop, stops after 50) instead of joining all of the country's positions and sorting them.
- `*_trgm` (PostgreSQL only, extension pg_trgm): trigram GIN indexes on the expressions Django's `icontains`
  writes (`UPPER(col::text) LIKE UPPER('%text%')`), for the `q=` text filter and the search page: the paragraph
  texts and the draft titles in English and Chinese, and draft symbols. Besides the index scans, their
  statistics give the planner real estimates for those LIKEs (without them it expects 85 matching paragraphs
  where there are 59,000, and picks a nested loop that takes 16 s); hence the ANALYZE after creating them.

These are vendor-specific (NULLS LAST, operator classes, an extension), so they are created here with SQL and
are not in the models' `Meta.indexes`: Django's model state does not know them, and `makemigrations` leaves them
alone. Only additive: dropping them (migrating backwards) returns the schema to 0003.
"""

from django.db import migrations

TRIGRAM_INDEXES = {
    "paragraph_text_en_trgm": ("votes_paragraph", "UPPER(text_en::text)"),
    "paragraph_text_zh_trgm": ("votes_paragraph", "UPPER(text_zh::text)"),
    "draft_title_en_trgm": ("votes_draft", "UPPER(title_en::text)"),
    "draft_title_zh_trgm": ("votes_draft", "UPPER(title_zh::text)"),
    "draft_symbol_trgm": ("votes_draft", "UPPER(symbol::text)"),
}

ORDER_INDEXES = {
    # name: (PostgreSQL columns, SQLite columns: NULLs sort first ascending there, so DESC puts them last)
    "vote_newest_first_idx": ("date DESC NULLS LAST, id DESC", "date DESC, id DESC"),
    "vote_oldest_first_idx": ("date ASC NULLS LAST, id ASC", "date ASC, id ASC"),
}


def create_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, (postgres, other) in ORDER_INDEXES.items():
        columns = postgres if vendor == "postgresql" else other
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON votes_vote ({columns})")
    if vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, (table, expression) in TRIGRAM_INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression} gin_trgm_ops)")
        # The expressions' statistics (what fixes the estimates) are gathered by ANALYZE, not by CREATE INDEX.
        for table in sorted({table for table, _ in TRIGRAM_INDEXES.values()}):
            schema_editor.execute(f"ANALYZE {table}")


def drop_indexes(apps, schema_editor):
    names = list(ORDER_INDEXES)
    if schema_editor.connection.vendor == "postgresql":
        names += list(TRIGRAM_INDEXES)  # the extension stays: other schemas may use it
    for name in names:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("votes", "0003_agreementscore")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
