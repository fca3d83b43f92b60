"""The whole record as one download: the zip validates as a Frictionless data package, and loading its tables
back gives the site's counts."""

import csv
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from frictionless import Package

from votes import dump
from votes.models import Draft, Position, Vote
from votes.voeten import import_voeten

EXTRACT = Path(__file__).resolve().parents[1] / "fixtures" / "voeten"


@pytest.fixture
def record(seed, settings, tmp_path):
    settings.DOWNLOADS_DIR = tmp_path / "downloads"
    import_voeten(EXTRACT)


def downloaded(client) -> zipfile.ZipFile:
    response = client.get(reverse("record-download"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def table(archive: zipfile.ZipFile, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode())))


def test_the_download_is_a_valid_data_package(client, record, tmp_path):
    archive = downloaded(client)
    archive.extractall(tmp_path / "package")
    descriptor = json.loads(archive.read("datapackage.json"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0" and any("Voeten" in s["title"] for s in descriptor["sources"])
    # Every column described from the models' help texts.
    assert all(field["description"] for resource in descriptor["resources"] for field in resource["schema"]["fields"])
    report = Package(str(tmp_path / "package" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_loaded_back_its_tables_give_the_sites_counts(client, record):
    archive = downloaded(client)
    votes, positions = table(archive, "votes"), table(archive, "positions")
    assert len(votes) == Vote.objects.count() == 314
    assert len(table(archive, "drafts")) == Draft.objects.count()
    assert Counter(row["position"] for row in positions) == Counter(Position.objects.values_list("position", flat=True))
    by_vote = Counter((row["vote_id"], row["position"]) for row in positions)
    for vote in votes:
        assert int(vote["yes"]) == by_vote[(vote["vote_id"], "yes")] and int(vote["absent"]) == by_vote[(vote["vote_id"], "absent")]
    countries = {row["iso3"]: row for row in table(archive, "countries")}
    assert countries["AFG"]["m49"] == "004" and countries["NAM"]["iso2"] == "NA"


def test_the_download_is_remade_when_the_record_changes(client, record, settings):
    call_command("export_record", stdout=io.StringIO(), stderr=io.StringIO())
    assert dump.is_current()
    out = io.StringIO()
    call_command("export_record", stdout=out, stderr=io.StringIO())
    assert "up to date" in out.getvalue()
    Vote.objects.filter(roll_call__rcid=941).delete()
    from votes.models import Dataset

    Dataset.objects.update(summary={"touched": True})  # an import's save marks the change (auto_now)
    Dataset.objects.get().save()
    assert not dump.is_current()
    assert len(table(downloaded(client), "votes")) == 313
