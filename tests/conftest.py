"""Shared fixtures: the country reference and the seed report, loaded into the test database through the same
code paths `make run` uses (no hand-built copies of the data)."""

from pathlib import Path

import pytest
from django.test import Client

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_ZH = FIXTURES / "reports" / "first-committee-79-item106.txt"
SEED_EN = FIXTURES / "reports" / "first-committee-79-item106.en.txt"
SEED_SYMBOL = "A/C.1/79/L.53/Rev.1"


def _request_reading_streams_to_the_end(request_of_client):
    """A WSGI server closes every response (PEP 3333), which closes a streamed export's generator and its
    server-side cursor at once. Django's test client closes one only when a test reads it to the end; one left
    half-read is finalised later by the garbage collector, possibly in the middle of another query on the same
    connection, where psycopg's cursor close waits forever for the connection's lock (the suite hung so on
    PostgreSQL). So every client in the suite reads a streamed response whole, and closes it, before returning it."""

    def request(self, **request):
        response = request_of_client(self, **request)
        if response.streaming:
            chunks = list(response.streaming_content)  # read to the end: the client's wrapper closes the response
            response.streaming_content = chunks
        return response

    return request


Client.request = _request_reading_streams_to_the_end(Client.request)


@pytest.fixture
def countries(db):
    """The reference countries (193 members, 2 observers, former States) with names and memberships."""
    from votes.countries import load_countries

    load_countries()


@pytest.fixture
def seed(countries):
    """The real Chinese First Committee report ingested; returns its Draft."""
    from votes.ingest import ingest_report_file
    from votes.models import Draft

    ingest_report_file(SEED_ZH)
    return Draft.objects.get(symbol=SEED_SYMBOL)


def restore_reference_rows():
    """A transactional test's flush empties the tables, the bodies a data migration loaded too (the staff groups
    come back by themselves: `post_migrate`). Not serialized_rollback: under Playwright's sync API, Django's
    per-context connection is another object than the one that holds the serialized contents; and its rows
    collide with the groups a flush has made again."""
    from votes.models import Body
    from votes.reference_data import body_rows

    for row in body_rows():
        Body.objects.update_or_create(code=row.pop("code"), defaults={**row, "order": int(row["order"])})


@pytest.fixture
def reference_rows(transactional_db):
    """For a transactional test (its rows committed, seen by other connections and processes): the rows data
    migrations load, which an earlier transactional test's flush may have emptied."""
    restore_reference_rows()


@pytest.fixture(autouse=True)
def _downloads_in_a_temporary_folder(request, tmp_path):
    """The bulk download (votes.dump) is written under tmp_path, never into the checkout (where Django runs:
    the parser's tests also run without it)."""
    try:
        settings = request.getfixturevalue("settings")
    except pytest.FixtureLookupError:
        return
    settings.DOWNLOADS_DIR = tmp_path / "downloads"
