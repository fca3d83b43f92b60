"""A paragraph vote must point at a paragraph of the same draft, enforced by the database; and the seven bodies.

PostgreSQL gets a composite foreign key (vote.paragraph_id, vote.draft_id) -> paragraph (id, draft_id).
SQLite cannot add a constraint to an existing table, so it gets triggers that abort the write instead.
"""

from django.db import migrations

PG_FORWARD = """
ALTER TABLE votes_vote ADD CONSTRAINT vote_paragraph_same_draft
    FOREIGN KEY (paragraph_id, draft_id) REFERENCES votes_paragraph (id, draft_id);
"""
PG_BACKWARD = "ALTER TABLE votes_vote DROP CONSTRAINT vote_paragraph_same_draft;"

SQLITE_CHECK = """
CREATE TRIGGER vote_paragraph_same_draft_{event} BEFORE {event_sql} ON votes_vote
WHEN NEW.paragraph_id IS NOT NULL
 AND NEW.draft_id IS NOT (SELECT draft_id FROM votes_paragraph WHERE id = NEW.paragraph_id)
BEGIN SELECT RAISE(ABORT, 'vote_paragraph_same_draft: the paragraph belongs to another draft'); END;
"""
SQLITE_PARAGRAPH_MOVE = """
CREATE TRIGGER paragraph_keeps_votes_draft BEFORE UPDATE OF draft_id ON votes_paragraph
WHEN EXISTS (SELECT 1 FROM votes_vote WHERE paragraph_id = NEW.id AND draft_id IS NOT NEW.draft_id)
BEGIN SELECT RAISE(ABORT, 'vote_paragraph_same_draft: a vote on this paragraph belongs to its draft'); END;
"""


def add_same_draft_constraint(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(PG_FORWARD)
    elif connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_CHECK.format(event="insert", event_sql="INSERT"))
        schema_editor.execute(SQLITE_CHECK.format(event="update", event_sql="UPDATE OF paragraph_id, draft_id"))
        schema_editor.execute(SQLITE_PARAGRAPH_MOVE)


def drop_same_draft_constraint(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    elif connection.vendor == "sqlite":
        for name in ("vote_paragraph_same_draft_insert", "vote_paragraph_same_draft_update", "paragraph_keeps_votes_draft"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


def load_bodies(apps, schema_editor):
    from votes.reference_data import body_rows

    Body = apps.get_model("votes", "Body")
    for row in body_rows():
        Body.objects.update_or_create(code=row.pop("code"), defaults={**row, "order": int(row["order"])})


class Migration(migrations.Migration):
    dependencies = [("votes", "0001_initial")]

    operations = [
        migrations.RunPython(add_same_draft_constraint, drop_same_draft_constraint),
        migrations.RunPython(load_bodies, migrations.RunPython.noop),
    ]
