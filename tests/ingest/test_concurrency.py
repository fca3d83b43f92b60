"""Simultaneous ingests, each in its own process (issue 18, fault 2): exactly one writes a report, the others
wait for it and report the file as ingested before; none fails."""

from collections import Counter

import pytest

from tests import processes
from tests.conftest import FIXTURES, SEED_EN, SEED_ZH

CHILDREN = 6
SEED_ROWS = Counter(Document=1, Draft=1, Sponsorship=35, Paragraph=25, Vote=3, Position=579)


@pytest.fixture
def session_stored(shared_database):
    """Another report of the seed's session stored first: the race is on the document, not on creating the
    session (whose insert would make the others wait); returns the record's sizes then."""
    completed = processes.manage(shared_database, "ingest_report", str(FIXTURES / "reports" / "single.en.txt"))
    assert completed.returncode == 0, completed.stderr
    return Counter(processes.record_state(shared_database)["sizes"])


def ingest_together(database_url, tmp_path, paths):
    """Start one child per path, all connected before any begins, and return their (returncode, out, err)."""
    start_file = tmp_path / "start"
    children = [processes.start(database_url, start_file, "ingest_report", str(path)) for path in paths]
    for child in children:
        processes.wait_connected(child)
    start_file.touch()
    return [(child.wait(timeout=300), child.stdout.read(), child.stderr.read()) for child in children]


def test_simultaneous_ingests_of_one_file_write_it_once(shared_database, session_stored, tmp_path):
    outcomes = ingest_together(shared_database, tmp_path, [SEED_ZH] * CHILDREN)
    assert [(code, err) for code, _, err in outcomes] == [(0, "")] * CHILDREN
    first_lines = sorted(out.splitlines()[0] for _, out, _ in outcomes)
    assert first_lines == sorted(
        [f"{SEED_ZH.name} (zh): created"] + [f"{SEED_ZH.name} (zh): unchanged (this file was ingested before)"] * (CHILDREN - 1)
    )
    state = processes.record_state(shared_database)
    assert Counter(state["sizes"]) == session_stored + SEED_ROWS
    assert state["figures_differing"] == [] and state["figure_rows"]["agreement"] > 30_000


def test_simultaneous_ingests_of_two_languages_give_one_record(shared_database, session_stored, tmp_path):
    outcomes = ingest_together(shared_database, tmp_path, [SEED_ZH, SEED_EN] * (CHILDREN // 2))
    assert [(code, err) for code, _, err in outcomes] == [(0, "")] * CHILDREN
    created = [out.splitlines()[0] for _, out, _ in outcomes if "ingested before" not in out]
    assert len(created) == 2  # one per language: the first of each writes its document (and texts)
    state = processes.record_state(shared_database)
    assert Counter(state["sizes"]) == session_stored + SEED_ROWS + Counter(Document=1)
    assert state["figures_differing"] == []
