"""Backup and restore as README documents them (issue 18): a restored copy equals the original, table by table
(every row of every table: the record, its stored figures, history, accounts).

SQLite: `sqlite3 tally.sqlite3 ".backup backup.sqlite3"`, restored by copying the file back. PostgreSQL (when the
suite runs on it and pg_dump is installed): `pg_dump --format=custom`, then `pg_restore` into a new database."""

import shutil
import sqlite3
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests import processes
from tests.conftest import SEED_EN, SEED_ZH

RESTORED_DATABASE = "tally_hardening_restore"


def tables_of(cursor, names: list[str]) -> dict[str, list[tuple]]:
    contents = {}
    for name in names:
        cursor.execute(f'SELECT * FROM "{name}"')
        contents[name] = sorted(cursor.fetchall(), key=repr)
    return contents


def sqlite_tables(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as database:
        cursor = database.cursor()
        names = [row[0] for row in cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return tables_of(cursor, names)


def postgresql_tables(url: str) -> dict[str, list[tuple]]:
    with psycopg.connect(url) as database, database.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        return tables_of(cursor, [row[0] for row in cursor.fetchall()])


def ingest(url: str) -> None:
    for path in (SEED_ZH, SEED_EN):
        completed = processes.manage(url, "ingest_report", str(path))
        assert completed.returncode == 0, completed.stderr


def test_an_sqlite_backup_restores_every_table(tmp_path):
    original = tmp_path / "tally.sqlite3"
    shutil.copyfile(processes.sqlite_template(tmp_path), original)
    ingest(f"sqlite:///{original}")
    backup = tmp_path / "backup.sqlite3"
    if shutil.which("sqlite3"):
        subprocess.run(["sqlite3", str(original), f".backup '{backup}'"], check=True, timeout=60)
    else:  # the same online backup, through Python's sqlite3 module (README names both)
        with sqlite3.connect(original) as source, sqlite3.connect(backup) as target:
            source.backup(target)
    restored = tmp_path / "restored.sqlite3"
    shutil.copyfile(backup, restored)
    before, after = sqlite_tables(original), sqlite_tables(restored)
    assert len(before["votes_position"]) == 579 and len(before["votes_agreementscore"]) > 30_000
    assert after.keys() == before.keys()
    for name in before:
        assert after[name] == before[name], name


@pytest.mark.django_db(transaction=True)
def test_a_postgresql_dump_restores_every_table(reference_rows, countries, tmp_path):
    if connection.vendor != "postgresql" or not shutil.which("pg_dump"):
        pytest.skip("PostgreSQL and pg_dump are needed")
    original = processes.postgresql_url(connection.settings_dict)
    ingest(original)
    dump = tmp_path / "tally.dump"
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", original], check=True, timeout=300)
    server = original.rsplit("/", 1)[0]
    restored = f"{server}/{RESTORED_DATABASE}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {RESTORED_DATABASE}")
        admin.execute(f"CREATE DATABASE {RESTORED_DATABASE}")
    try:
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={restored}", str(dump)], check=True, timeout=300)
        before, after = postgresql_tables(original), postgresql_tables(restored)
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {RESTORED_DATABASE}")
    assert len(before["votes_position"]) == 579 and len(before["votes_agreementscore"]) > 30_000
    assert after.keys() == before.keys()
    for name in before:
        assert after[name] == before[name], name
