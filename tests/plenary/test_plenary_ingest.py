"""Storing plenary records: the two real ones (what `make run` loads) and small ones written for the test —
linked to the committee's drafts when their report is stored, or kept under the report and numeral until it is."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from parsing import ReportError
from votes.ingest import IngestRefused, ingest_report_file
from votes.models import Draft, IntendedPosition, Position, Vote
from votes.plenary import ingest_plenary, ingest_plenary_file

from plenary_helpers import CORPUS, HEADING, LISTS, THIRD_COMMITTEE_79, ROOT

MULTI = ROOT / "tests" / "fixtures" / "reports" / "multi.en.txt"
A48 = CORPUS / "A-48-PV.46_en.txt"
A79 = CORPUS / "A-79-PV.29_en.txt"


@pytest.mark.django_db
def test_a48_pv46_stores_four_paragraph_votes_and_the_whole_on_the_draft(countries):
    result = ingest_plenary_file(A48)
    assert result.created["votes"] == 5 and result.created["drafts"] == 1 and result.created["paragraphs"] == 4
    draft = Draft.objects.get(symbol="A/48/L.13")
    assert (draft.body_id, draft.session_id, draft.kind, draft.resolution) == ("GA", 48, "resolution", "A/RES/48/14")
    assert draft.agenda_item.number == 14
    votes = list(draft.votes.order_by("order"))
    assert [(v.subject, v.subject_label, v.outcome, v.body_id, v.meeting, str(v.date)) for v in votes] == [
        ("paragraph", "PP8", "retained", "GA", 46, "1993-11-01"),
        ("paragraph", "PP9", "retained", "GA", 46, "1993-11-01"),
        ("paragraph", "OP7", "retained", "GA", 46, "1993-11-01"),
        ("paragraph", "OP8", "retained", "GA", 46, "1993-11-01"),
        ("whole", "whole", "adopted", "GA", 46, "1993-11-01"),
    ]
    whole = votes[-1]
    # The counted figures, from the stored positions, against the tally printed.
    assert (whole.yes_count, whole.no_count, whole.abstain_count) == (whole.stated_yes, whole.stated_no, whole.stated_abstain) == (140, 1, 9)
    assert whole.positions.count() == 184  # every Member on 1 November 1993, absent ones included
    assert whole.absent_count == 184 - 150
    assert whole.positions.get(country_id="PRK").position == "no"
    assert whole.document.symbol == "A/48/PV.46" and whole.document.body_id == "GA"
    assert votes[0].paragraph.voted_label == "PP8"


@pytest.mark.django_db
def test_the_same_record_twice_changes_nothing(countries):
    ingest_plenary_file(A79)
    again = ingest_plenary_file(A79)
    assert again.status == "unchanged" and again.already_ingested
    assert Vote.objects.count() == 1 and Position.objects.count() == 193
    vote = Vote.objects.get()
    assert vote.draft.resolution == "A/RES/79/6"
    assert vote.draft.title_en == "Report of the International Criminal Court"  # 'entitled "..."' in the record
    assert list(IntendedPosition.objects.values_list("country_id", "position")) == [("SDN", "abstain")]


@pytest.mark.django_db
def test_a_dry_run_writes_nothing(countries):
    result = ingest_plenary_file(A79, dry_run=True)
    assert result.created["votes"] == 1
    assert not Vote.objects.exists() and not Draft.objects.exists()


@pytest.mark.django_db
def test_committee_drafts_are_linked_by_report_and_numeral(countries):
    ingest_report_file(MULTI)
    first, second, decision = (Draft.objects.get(symbol=s) for s in ("A/C.3/79/L.10", "A/C.3/79/L.11", "A/C.3/79/L.12"))
    assert [(d.committee_report, d.report_number) for d in (first, second, decision)] == [
        ("A/79/457", 1), ("A/79/457", 2), ("A/79/457", None)]
    assert Draft.objects.get(symbol="A/C.3/79/L.13").committee_report == ""  # rejected: not recommended
    result = ingest_plenary(THIRD_COMMITTEE_79.encode(), "A-79-PV.50_en.txt")
    assert result.created["drafts"] == 0
    for draft in (first, second, decision):
        draft.refresh_from_db()
    assert (first.resolution, second.resolution, decision.resolution) == ("A/RES/79/160", "A/RES/79/161", "A/DEC/79/530")
    plenary = second.votes.get(body_id="GA")
    committee = second.votes.get(body_id="C.3", subject="whole")
    assert plenary.method == "recorded" and (plenary.yes_count, plenary.no_count, plenary.abstain_count) == (3, 1, 2)
    assert plenary.order > committee.order  # the path: committee, then plenary
    assert list(plenary.intended_positions.values_list("country_id", "position")) == [("CUB", "yes")]
    assert first.votes.get(body_id="GA").method == "without_vote"

    page = Client().get(reverse("draft-detail", args=[second.symbol])).content.decode()
    path = page[page.index('id="path-heading"'):page.index('id="actions-heading"')]
    assert path.index("path-committee") < path.index("path-plenary") < path.index("A/RES/79/161")
    assert "A/79/PV.50" in path and "A/79/457" in path


@pytest.mark.django_db
def test_a_draft_whose_report_is_not_in_tally_is_kept_under_report_and_numeral_until_it_is(countries):
    ingest_plenary(THIRD_COMMITTEE_79.encode(), "A-79-PV.50_en.txt")
    placeholder = Draft.objects.get(symbol="A/79/457 draft resolution II")
    assert (placeholder.body_id, placeholder.committee_report, placeholder.report_number, placeholder.resolution) == (
        "C.3", "A/79/457", 2, "A/RES/79/161")
    assert Draft.objects.filter(symbol="A/79/457 draft decision", report_number=None, kind="decision").exists()
    ingest_report_file(MULTI)  # the committee report arrives: the placeholder is its draft
    second = Draft.objects.get(symbol="A/C.3/79/L.11")
    assert second.pk == placeholder.pk and second.resolution == "A/RES/79/161"
    assert sorted(second.votes.values_list("body_id", "subject_label")) == [
        ("C.3", "OP4(a)"), ("C.3", "PP3"), ("C.3", "whole"), ("GA", "whole")]
    assert not Draft.objects.filter(symbol__startswith="A/79/457 ").exists()


@pytest.mark.django_db
def test_a_record_that_contradicts_the_stored_one_is_refused_whole(countries):
    ingest_plenary(THIRD_COMMITTEE_79.encode(), "A-79-PV.50_en.txt")
    changed = THIRD_COMMITTEE_79.replace("Belarus\n", "Cuba\n").replace("China, Cuba", "China, Belarus")
    with pytest.raises(IngestRefused) as refused:
        ingest_plenary(changed.encode(), "A-79-PV.50_en.copy.txt")
    assert "lists differ: BLR abstain here, no in the record; CUB no here, abstain in the record" in str(refused.value)
    assert Vote.objects.filter(body_id="GA").count() == 3


@pytest.mark.django_db
def test_an_unreadable_record_writes_nothing(countries):
    broken = HEADING + "Agenda item 64\nHuman rights\nA recorded vote has been requested.\n" + LISTS
    with pytest.raises(ReportError):
        ingest_plenary(broken.encode(), "broken.txt")
    assert not Draft.objects.exists()


@pytest.mark.django_db
def test_the_command_ingests_both_real_records(countries, capsys):
    call_command("ingest_plenary", str(A48), str(A79))
    out = capsys.readouterr().out
    assert "A-48-PV.46_en.txt (en): created" in out and "A-79-PV.29_en.txt (en): created" in out
    assert Vote.objects.filter(body_id="GA").count() == 6
    assert sorted(Draft.objects.values_list("resolution", flat=True)) == ["A/RES/48/14", "A/RES/79/6"]





@pytest.mark.django_db
def test_the_draft_page_with_its_path_keeps_its_query_budget(countries, django_assert_max_num_queries):
    ingest_report_file(MULTI)
    ingest_plenary(THIRD_COMMITTEE_79.encode(), "A-79-PV.50_en.txt")
    with django_assert_max_num_queries(6):  # the draft page's five, and the resolution's dataset record
        response = Client().get(reverse("draft-detail", args=["A/C.3/79/L.11"]))
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_draft_that_became_another_resolution_is_refused(countries):
    ingest_plenary_file(A79)
    other = A79.read_text(encoding="utf-8").replace("(resolution \n79/6)", "(resolution \n79/7)")
    assert other != A79.read_text(encoding="utf-8")
    with pytest.raises(IngestRefused) as refused:
        ingest_plenary(other.encode(), "A-79-PV.29_en.other.txt")
    assert "draft A/79/L.8 became A/RES/79/7 here but A/RES/79/6 in the record" in str(refused.value)
    assert Draft.objects.get(symbol="A/79/L.8").resolution == "A/RES/79/6"


@pytest.mark.django_db
def test_the_path_links_the_resolution_to_a_datasets_record_of_it(countries):
    ingest_plenary_file(A79)
    dataset_draft = Draft.objects.create(symbol="A/RES/79/6", kind="resolution", session_id=79, body_id="GA",
                                         resolution="A/RES/79/6")  # as the Voeten import stores a roll call's draft
    page = Client().get(reverse("draft-detail", args=["A/79/L.8"])).content.decode()
    assert f'href="{reverse("draft-detail", args=[dataset_draft.symbol])}"' in page
