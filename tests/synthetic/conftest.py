"""One small synthetic corpus per module, generated once in a transaction that is rolled back at the end.

Each test runs inside it (pytest-django's `db` opens a savepoint there), so tests that generate or replace
again see the corpus and leave it as it was.
"""

import pytest
from django.db import transaction

VOTES = 200
SEED = 7


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """200 recorded votes (about 35,000 positions) on the reference countries; returns the generator's report."""
    from votes.countries import load_countries
    from benchmarks.synthetic import generate_corpus

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_countries()
            yield generate_corpus(votes=VOTES, seed=SEED, stored_figures=False)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def record(corpus, db):
    return corpus
