"""Staff confirming the same upload at the same moment (issue 18, fault 2): one ingests it, the others are
told it was already ingested; no error page, no second document, one "added" entry in the admin's log."""

import hashlib
import threading

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.db import connection
from django.test import Client

from curation.services import create_staff_user
from tests.conftest import FIXTURES, SEED_ZH
from tests.curation.conftest import PASSWORD
from tests.curation.test_curation_upload import UPLOAD, upload
from votes.ingest import ingest_report_file
from votes.models import Document, Position

STAFF = 4


@pytest.mark.django_db(transaction=True)
def test_simultaneous_confirmations_ingest_once(reference_rows, countries):
    if connection.vendor != "postgresql":
        pytest.skip("threads share SQLite's in-memory test database, which answers 'locked' instead of waiting")
    # Another report of the session stored first: the race is on the document, not on creating the session.
    ingest_report_file(FIXTURES / "reports" / "single.en.txt")
    clients = []
    for number in range(STAFF):
        client = Client()
        client.force_login(create_staff_user(f"editor{number}", PASSWORD, "editors"))
        assert upload(client, SEED_ZH).status_code == 200  # each previewed it: the bytes wait in their session
        clients.append(client)
    sha256 = hashlib.sha256(SEED_ZH.read_bytes()).hexdigest()
    together = threading.Barrier(STAFF)
    responses = [None] * STAFF

    def confirm(number):
        try:
            together.wait()
            responses[number] = clients[number].post(UPLOAD, {"_confirm": "Ingest", "sha256": sha256}, follow=True)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=confirm, args=(number,)) for number in range(STAFF)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [response.status_code for response in responses] == [200] * STAFF
    said = sorted(str(message) for response in responses for message in response.context["messages"])
    assert said == sorted([f"Ingested {SEED_ZH.name}: created."] + [f"{SEED_ZH.name} was already ingested: nothing changed."] * (STAFF - 1))
    assert Document.objects.filter(sha256=sha256).count() == 1 and Position.objects.filter(vote__draft__documents__sha256=sha256).count() == 579
    assert LogEntry.objects.filter(action_flag=ADDITION).count() == 1
