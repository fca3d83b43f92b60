"""The imported roll calls on the site: filters, the vote page's source, and the exports in Voeten's shape that
give the dataset's rows back."""

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from django.urls import reverse

from votes.models import Position, RollCall, Vote
from votes.voeten import import_voeten

EXTRACT = Path(__file__).resolve().parents[1] / "fixtures" / "voeten"


@pytest.fixture
def extract(countries):
    import_voeten(EXTRACT)


def given(name: str) -> list[tuple]:
    with gzip.open(EXTRACT / name, "rt", encoding="utf-8", newline="") as f:
        return sorted(tuple(row.values()) for row in csv.DictReader(f))


def exported(client, **params) -> list[tuple]:
    response = client.get(reverse("vote-list"), {"format": "csv", **params})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return sorted(tuple(row.values()) for row in csv.DictReader(io.StringIO(text)))


def test_the_round_trip_gives_back_the_input_rows(client, extract):
    assert exported(client, body="GA", shape="voeten-votes") == given("un_votes.csv.gz")
    assert exported(client, body="GA", shape="voeten-roll-calls") == given("un_roll_calls.csv.gz")


def test_a_filtered_list_exports_its_own_roll_calls_in_the_shape(client, extract):
    rows = exported(client, issue="hr", shape="voeten-roll-calls")
    tagged = set(RollCall.objects.filter(vote__issue_tags="hr").values_list("rcid", flat=True))
    assert rows and {int(row[0]) for row in rows} == tagged


def test_committee_votes_export_in_the_same_terms(client, seed):
    rows = exported(client, body="C.1", shape="voeten-votes")
    cast = Position.objects.filter(vote__body="C.1").exclude(position="absent").count()
    assert len(rows) == cast and all(row[0].startswith("tally-") for row in rows)
    assert ("tally-%d" % Vote.objects.get(subject_label="whole").pk, "China", "CN", "yes") in rows


def test_an_unknown_shape_is_refused(client, extract):
    assert client.get(reverse("vote-list"), {"format": "csv", "shape": "stata"}).status_code == 400


def test_issue_important_and_rcid_filter_the_list(client, extract):
    def listed(**params):
        response = client.get(reverse("vote-list"), {"format": "json", **params})
        assert response.status_code == 200, response.content
        return {row["rcid"] for row in json.loads(b"".join(response.streaming_content))["results"]}

    assert listed(issue="me") == set(RollCall.objects.filter(vote__issue_tags="me").values_list("rcid", flat=True))
    assert listed(important="1") == set(RollCall.objects.filter(important="1").values_list("rcid", flat=True)) != set()
    assert listed(rcid=941) == {941}
    assert client.get(reverse("vote-list"), {"issue": "nope"}).status_code == 400


def test_the_vote_page_names_its_source_and_its_flags(client, extract):
    vote = Vote.objects.get(roll_call__rcid=941)
    page = client.get(reverse("vote-detail", args=[vote.pk]), follow=True).content.decode()
    assert "roll call 941" in page and "Voeten" in page and "CC0" in page
    assert "lists disagree with the tally" in page
    assert "Recorded in the dataset" in page


def test_a_country_list_of_a_session_lists_real_votes(client, extract):
    session = Vote.objects.filter(positions__country="USA", positions__position="no").values_list("session", flat=True).first()
    response = client.get(reverse("vote-list"), {"country": "USA", "position": "no", "session": session})
    assert response.status_code == 200
    expected = Vote.objects.filter(session=session, positions__country="USA", positions__position="no").count()
    assert expected and response.content.decode().count("<tr data-vote") == min(expected, 50)


def test_the_text_search_finds_a_roll_calls_description(client, extract):
    roll_call = RollCall.objects.exclude(descr="").order_by("rcid").first()
    word = max(roll_call.descr.split(), key=len).strip(".,;()")
    response = client.get(reverse("vote-list"), {"q": word, "format": "json"})
    rcids = {row["rcid"] for row in json.loads(b"".join(response.streaming_content))["results"]}
    assert roll_call.rcid in rcids


def test_a_dataset_drafts_page_says_what_the_data_lack(client, extract):
    draft = Vote.objects.get(roll_call__rcid=941).draft
    page = client.get(reverse("draft-detail", args=[draft.symbol])).content.decode()
    assert "Known from Voeten" in page and "Roll call 941" in page
    assert "Original sponsors" not in page and "Recommended text" not in page



def test_the_sources_page_lists_documents_and_the_dataset(client, seed):
    import_voeten(EXTRACT)
    page = client.get(reverse("sources")).content.decode()
    assert "Voeten" in page and "311 roll calls" in page and "CC0" in page
    assert "first-committee-79-item106.txt" in page and "Last updated" in page
    from votes.models import Dataset

    for checksum in Dataset.objects.get().files.values():
        assert checksum in page


def test_a_roll_calls_citation_names_the_dataset(client, extract):
    vote = Vote.objects.get(roll_call__rcid=941)
    page = client.get(reverse("vote-detail", args=[vote.pk]), follow=True).content.decode()
    assert "hdl:1902.1/12379, roll call 941" in page and "@misc{tally-vote-voeten-941-roll-call-941," in page


def test_the_home_page_counts_the_plenary_roll_calls_beside_the_committee_votes(client, seed):
    import_voeten(EXTRACT)
    page = client.get(reverse("home")).content.decode()
    assert 'data-count="roll_calls">311<' in page and 'data-count="committee_votes">3<' in page
    assert 'data-count="plenary_votes">311<' in page
