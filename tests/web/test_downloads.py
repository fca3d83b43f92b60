"""Downloads of single records: a vote's roll call, every Member with its position and stated intention."""

import csv
import io
import json
from collections import Counter

from django.urls import reverse

from votes.models import Vote


def test_a_votes_roll_call_downloads_with_every_member(client, seed):
    vote = Vote.objects.get(draft=seed, subject_label="whole")
    response = client.get(reverse("vote-detail", args=[vote.pk]), {"format": "csv"}, follow=True)
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == vote.positions.count() == 193
    assert Counter(row["position"] for row in rows) == Counter(vote.positions.values_list("position", flat=True))
    intended = {row["country"]: row["intended_position"] for row in rows if row["intended_position"]}
    assert intended == dict(vote.intended_positions.values_list("country_id", "position"))
    data = json.loads(b"".join(client.get(reverse("vote-detail", args=[vote.pk]), {"format": "json"}, follow=True).streaming_content))
    assert len(data["results"]) == 193
    assert client.get(reverse("vote-detail", args=[vote.pk]), {"format": "xls"}, follow=True).status_code == 400


def test_json_twins_say_their_licence_source_date_and_count(client, seed):
    data = json.loads(b"".join(client.get(reverse("vote-list"), {"country": "CHN", "format": "json"}).streaming_content))
    assert data["count"] == len(data["results"]) == Vote.objects.count() == 3
    assert "CC BY 4.0" in data["licence"] and "committee reports" in data["source"]
    assert data["generated"][:4].isdigit() and data["query"] == {"country": "CHN"}


def test_a_csv_filename_says_what_was_filtered(client, seed):
    response = client.get(reverse("vote-list"), {"country": "CHN", "position": "yes", "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="tally-votes-country-CHN-position-yes.csv"'
    response = client.get(reverse("vote-list"), {"q": '"; rm -rf /', "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="tally-votes-q-rm-rf.csv"'
