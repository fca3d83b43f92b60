"""Bulk loads on PostgreSQL: a table's secondary indexes (and, for the largest loads, its foreign keys) are dropped
before the load and built or checked once after it, far cheaper than maintaining them row by row (the synthetic
corpus, the search rows, Voeten's positions)."""

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


_FOREIGN_KEYS = "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'"


def drop_foreign_keys(cursor, table: str) -> list[str]:
    """Drop `table`'s foreign keys; returns the statements that add them back as migrated (names, deferral).

    Added back after a load, a key is checked by one join over the table; kept, a deferred key queues a check per
    row inserted, run one by one at commit (two per position: some 1.9 million for Voeten's record). PostgreSQL
    refuses to alter a table with checks still queued in the transaction: the caller runs them first
    (SET CONSTRAINTS ALL IMMEDIATE)."""
    cursor.execute(_FOREIGN_KEYS, [table])
    quoted = connection.ops.quote_name(table)
    statements = []
    for name, definition in cursor.fetchall():
        cursor.execute(f"ALTER TABLE {quoted} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        statements.append(f"ALTER TABLE {quoted} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
    return statements


def analyze(models) -> None:
    """PostgreSQL: fresh planner statistics for the tables of `models` after a bulk load, within the load's transaction (plain
    ANALYZE sees the transaction's own rows). Without them the planner keeps the empty table's figures until
    autovacuum comes round (if it is on): pages and the stored figures' own queries were planned for a few hundred
    positions, not a million."""
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
