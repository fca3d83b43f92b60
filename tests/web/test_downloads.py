"""Downloads of single records: a vote's roll call, every Member with its position and stated intention."""

import csv
import io
import json
from collections import Counter

from django.urls import reverse

from votes.models import Vote


def test_a_votes_roll_call_downloads_with_every_member(client, seed):
    vote = Vote.objects.get(draft=seed, subject_label="whole")
    response = client.get(reverse("vote-detail", args=[vote.pk]), {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == vote.positions.count() == 193
    assert Counter(row["position"] for row in rows) == Counter(vote.positions.values_list("position", flat=True))
    intended = {row["country"]: row["intended_position"] for row in rows if row["intended_position"]}
    assert intended == dict(vote.intended_positions.values_list("country_id", "position"))
    data = json.loads(b"".join(client.get(reverse("vote-detail", args=[vote.pk]), {"format": "json"}).streaming_content))
    assert len(data["results"]) == 193
    assert client.get(reverse("vote-detail", args=[vote.pk]), {"format": "xls"}).status_code == 400
