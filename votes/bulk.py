"""Bulk loads on PostgreSQL: a table's secondary indexes are dropped before the load and built once after it,
far cheaper than maintaining them row by row (the synthetic corpus, the search rows)."""

from __future__ import annotations

from django.db import connection

# Indexes that back no constraint (primary key, unique): those are the loader's own business.
_SECONDARY_INDEXES = (
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s"
    " AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)"
)


def drop_secondary_indexes(cursor, table: str) -> list[str]:
    """Drop `table`'s secondary indexes; returns their definitions (as migrated, names included), to execute
    after the load."""
    cursor.execute(_SECONDARY_INDEXES, [table, table])
    definitions = []
    for name, definition in cursor.fetchall():
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        definitions.append(definition)
    return definitions
