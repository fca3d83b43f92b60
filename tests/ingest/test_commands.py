"""The management commands, as a person at a shell runs them."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import FIXTURES, SEED_EN, SEED_ZH
from votes.models import Document, Vote

EXPECTED_ZH = FIXTURES / "reports" / "first-committee-79-item106.expected.json"


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_parse_report_prints_the_schema_json_byte_for_byte():
    out, err = run("parse_report", str(SEED_ZH), "--json")
    assert out == EXPECTED_ZH.read_text(encoding="utf-8") + "\n"
    assert err == ""


def test_parse_report_summary_names_the_votes():
    out, _ = run("parse_report", str(SEED_EN))
    assert "A/C.1/79/L.53/Rev.1" in out and "PP18" in out and "CIV intended abstain" in out


def test_parse_report_on_a_bad_report_names_the_line_and_prints_nothing(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(SEED_ZH.read_text(encoding="utf-8").replace("以 87 票", "以 88 票", 1), encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("parse_report", str(bad), "--json", stdout=out, stderr=err)
    assert out.getvalue() == ""
    assert "line 72: 87 names listed under 赞成, tally says 88" in err.getvalue()


@pytest.mark.django_db
def test_ingest_report_reports_and_is_idempotent(countries):
    out, _ = run("ingest_report", str(SEED_ZH), str(SEED_EN))
    assert "created: 1 agenda_items, 1 documents, 1 drafts, 2 intended_positions" in out
    assert Vote.objects.count() == 3
    out, _ = run("ingest_report", str(SEED_ZH))
    assert "unchanged (this file was ingested before)" in out
    assert Document.objects.count() == 2 and Vote.objects.count() == 3


@pytest.mark.django_db
def test_ingest_report_dry_run_and_failure_write_nothing(countries, tmp_path):
    out, _ = run("ingest_report", "--dry-run", str(SEED_ZH))
    assert "would be created" in out and Vote.objects.count() == 0
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not a report")
    with pytest.raises(CommandError, match="1 of 1 report"):
        call_command("ingest_report", str(bad), stdout=StringIO(), stderr=StringIO())
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_recount_restores_what_is_stored_beside_the_record(seed):
    from votes.models import AgreementScore, CountryTally, DraftSearchText

    tallies = {t.country_id: (t.yes, t.no, t.abstain, t.absent, t.with_majority) for t in CountryTally.objects.all()}
    pairs = {(s.country_id, s.other_id): (s.common, s.same, s.votes, s.agreed) for s in AgreementScore.objects.all()}
    search = DraftSearchText.objects.get(draft=seed)
    assert tallies["CHN"][0] == 3 and len(pairs) > 30_000  # ingest stored them
    # The record changed by other means: the stored figures and search rows drift.
    CountryTally.objects.filter(country_id="CHN").update(yes=0)
    AgreementScore.objects.filter(country_id="USA").delete()
    DraftSearchText.objects.all().delete()
    out, _ = run("recount")
    assert f"agreement: {len(pairs):,} rows" in out and "search rows: 1 rows" in out
    assert {t.country_id: (t.yes, t.no, t.abstain, t.absent, t.with_majority) for t in CountryTally.objects.all()} == tallies
    assert {(s.country_id, s.other_id): (s.common, s.same, s.votes, s.agreed) for s in AgreementScore.objects.all()} == pairs
    assert DraftSearchText.objects.get(draft=seed).body == search.body
