"""A database that separate processes share (tests/processes.py)."""

import pytest

from tests import processes


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    return processes.sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture
def shared_database(request, tmp_path, transactional_db):
    """DATABASE_URL of a database holding the country reference and nothing else, which child processes
    share: on PostgreSQL the test database itself (its rows committed: a transactional test), on SQLite a file
    copied from a migrated template (the test database is in this process's memory)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        request.getfixturevalue("reference_rows")
        request.getfixturevalue("countries")
        return processes.postgresql_url(connection.settings_dict)
    return processes.copy_sqlite(request.getfixturevalue("sqlite_template"), tmp_path)
