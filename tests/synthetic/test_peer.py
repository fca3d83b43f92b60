"""The SQLite copy Datasette serves beside Tally (`bench --datasette`) holds the same rows, with types its
filters compare correctly."""

import sqlite3

import pytest
from django.db import connection

from benchmarks import peer
from votes.models import Position, Vote

pytestmark = pytest.mark.django_db


def test_the_copy_holds_the_record_and_answers_the_same_filters(seed, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the copy is made from the bench database, which is PostgreSQL")
    path = tmp_path / "copy.sqlite3"
    counts = peer.copy_to_sqlite(path, log=lambda message: None)
    assert counts == {
        "votes_country": connection.cursor().execute("SELECT count(*) FROM votes_country").fetchone()[0],
        "votes_draft": 1, "votes_vote": 3, "votes_position": 579,
    }
    copy = sqlite3.connect(path)
    chn_no = set(Position.objects.filter(country_id="USA", position="no").values_list("vote_id", flat=True))
    assert chn_no and {row[0] for row in copy.execute(
        "SELECT vote_id FROM votes_position WHERE country_id = ? AND position = ?", ["USA", "no"])} == chn_no
    vote = Vote.objects.get(subject_label="PP18")
    # Datasette passes filter values as text: an INTEGER column still matches them.
    assert copy.execute("SELECT count(*) FROM votes_position WHERE vote_id = ?", [str(vote.pk)]).fetchone()[0] == 193
