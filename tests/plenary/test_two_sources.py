"""Two sources, one record: the verbatim record A/48/PV.46 and Voeten's roll call 3739 are the same vote on
resolution 48/14, whichever is loaded first; the record keeps both and names how they differ."""

import csv
import gzip
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from votes import figures
from votes.models import CountryTally, Position, RollCall, Vote
from votes.plenary import ingest_plenary_file
from votes.voeten import import_voeten

ROOT = Path(__file__).resolve().parents[2]
EXTRACT = ROOT / "tests" / "fixtures" / "voeten"
RECORD = ROOT / "corpus" / "plenary" / "A-48-PV.46_en.txt"


def whole_vote():
    return Vote.objects.get(draft__resolution="A/RES/48/14", subject="whole", document__isnull=False)


def assert_one_vote_two_sources():
    vote = whole_vote()
    roll_call = RollCall.objects.get(rcid=3739)
    assert roll_call.vote == vote and roll_call.listed is not None
    # One vote on resolution 48/14 in the plenary, not two.
    assert Vote.objects.filter(draft__resolution="A/RES/48/14", body="GA", subject__in=["whole", "not_coded"]).count() == 1
    said = "\n".join(roll_call.differences)
    assert "Voeten's roll call 3739 lists Monaco as voting yes; the verbatim record A/48/PV.46 lists it as absent" in said
    assert "lists Mongolia as absent; the verbatim record A/48/PV.46 lists it as voting yes" in said
    assert "dated 1993-11-02; the verbatim record A/48/PV.46, 1993-11-01" in said
    # The record's positions are the verbatim record's; the dataset's lists are kept beside them.
    assert vote.positions.get(country="MNG").position == "yes" and roll_call.listed["MCO"] == "yes"
    before = sorted(CountryTally.objects.values_list("country_id", "yes", "no", "abstain", "absent"))
    figures.recount()
    assert sorted(CountryTally.objects.values_list("country_id", "yes", "no", "abstain", "absent")) == before
    return vote


def test_the_record_after_the_dataset(countries):
    import_voeten(EXTRACT)
    result = ingest_plenary_file(RECORD)
    assert any("roll call 3739" in found for found in result.paired)
    assert_one_vote_two_sources()


def test_the_dataset_after_the_record_and_again(countries):
    ingest_plenary_file(RECORD)
    result = import_voeten(EXTRACT)
    assert any("roll call 3739" in found for found in result.paired)
    vote = assert_one_vote_two_sources()
    positions = sorted(vote.positions.values_list("country_id", "position"))
    again = import_voeten(EXTRACT, force=True)
    assert (again.created, again.updated, again.deleted) == (0, 0, 0) and not again.paired
    assert sorted(whole_vote().positions.values_list("country_id", "position")) == positions
    assert_one_vote_two_sources()


def test_the_dataset_shape_still_gives_back_its_rows(client, countries):
    ingest_plenary_file(RECORD)
    import_voeten(EXTRACT)
    response = client.get(reverse("vote-list"), {"body": "GA", "format": "csv", "shape": "voeten-votes"})
    exported = sorted(tuple(r.values()) for r in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    with gzip.open(EXTRACT / "un_votes.csv.gz", "rt", encoding="utf-8", newline="") as f:
        given = sorted(tuple(r.values()) for r in csv.DictReader(f))
    # Every row of the dataset, plus the record's own votes (the four paragraph votes) as tally-<id>.
    assert [row for row in exported if not row[0].startswith("tally-")] == given


def test_the_vote_page_shows_the_differences_and_the_command_prints_them(client, countries):
    import_voeten(EXTRACT)
    ingest_plenary_file(RECORD)
    page = client.get(reverse("vote-detail", args=[whole_vote().pk]), follow=True).content.decode()
    assert "is the same vote, compared" in page and "lists Monaco as voting yes" in page
    out = io.StringIO()
    call_command("compare_sources", stdout=out)
    assert "= roll call 3739" in out.getvalue() and "1 votes in both sources" in out.getvalue()
