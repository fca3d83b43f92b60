"""Ingesting the real seed report: what it stores, and that it stores it once."""

import pytest
from django.contrib.contenttypes.models import ContentType

from votes.models import Correction
from parsing import ReportError
from tests.conftest import SEED_EN, SEED_SYMBOL, SEED_ZH
from votes.ingest import IngestRefused, ingest_report, ingest_report_file
from votes.models import Document, Draft, IntendedPosition, Paragraph, Position, Sponsorship, Vote

pytestmark = pytest.mark.django_db


def table_sizes():
    return {model.__name__: model.objects.count() for model in (Draft, Sponsorship, Paragraph, Vote, Position, IntendedPosition)}


def test_the_seed_gives_the_record_the_report_states(seed):
    assert Draft.objects.count() == 1
    assert seed.kind == "resolution" and seed.body_id == "C.1" and seed.session_id == 79
    assert seed.agenda_item.number == 106
    assert seed.title_zh == "在国际安全领域促进和平利用国际合作"
    assert seed.sponsorships.filter(kind="original").count() == 28
    assert seed.sponsorships.filter(kind="later").count() == 7
    assert seed.sponsorships.get(order=0, kind="original").country_id == "CHN"  # the introducing State first
    assert seed.paragraphs.count() == 25
    assert seed.paragraphs.filter(part="preambular").count() == 22
    votes = list(seed.votes.order_by("order"))
    assert [v.subject_label for v in votes] == ["PP18", "OP2", "whole"]
    assert [v.outcome for v in votes] == ["retained", "retained", "adopted"]
    assert [v.paragraph.voted_label if v.paragraph else None for v in votes] == ["PP18", "OP2", None]
    for vote in votes:
        assert vote.positions.count() == 193
        assert vote.method == "recorded" and vote.meeting == 31 and str(vote.date) == "2024-11-06"
        assert vote.stated_matches_counted
        counted = {value: vote.positions.filter(position=value).count() for value in ("yes", "no", "abstain", "absent")}
        # the stored counts are what the positions say
        assert (vote.yes_count, vote.no_count, vote.abstain_count, vote.absent_count) == tuple(counted.values())
        assert vote.margin == vote.yes_count - vote.no_count
    assert [v.absent_count for v in votes] == [31, 29, 13]
    assert [(v.stated_yes, v.stated_no, v.stated_abstain) for v in votes] == [(87, 53, 22), (94, 53, 17), (102, 53, 25)]
    intended = IntendedPosition.objects.order_by("vote__order")
    assert [(i.vote.subject_label, i.country_id, i.position) for i in intended] == [
        ("PP18", "CIV", "abstain"),
        ("whole", "MDG", "yes"),
    ]
    assert "科特迪瓦" in intended[0].footnote
    # Côte d'Ivoire voted yes on PP18 although it meant to abstain: the record keeps what was recorded.
    assert Position.objects.get(vote=votes[0], country_id="CIV").position == "yes"


def test_every_fact_traces_to_its_document(seed):
    document = Document.objects.get()
    assert document.language == "zh" and len(document.sha256) == 64
    assert list(seed.documents.all()) == [document]
    assert set(Vote.objects.values_list("document", flat=True)) == {document.pk}
    assert document.summary["created"]["positions"] == 579


def test_the_same_report_twice_changes_nothing(seed):
    before = table_sizes()
    result = ingest_report_file(SEED_ZH)
    assert result.status == "unchanged" and result.already_ingested
    assert table_sizes() == before
    assert Document.objects.count() == 1


def test_the_english_version_adds_only_its_texts(seed):
    before = table_sizes()
    result = ingest_report_file(SEED_EN)
    assert table_sizes() == before
    assert +result.created == {"documents": 1}
    assert result.updated["paragraphs"] == 25 and result.updated["drafts"] == 1
    draft = Draft.objects.get(symbol=SEED_SYMBOL)
    assert draft.title_en.startswith("Promoting international cooperation on peaceful uses")
    assert draft.title_zh == "在国际安全领域促进和平利用国际合作"
    pp18 = draft.paragraphs.get(voted_label="PP18")
    assert pp18.text_en.startswith("Noting with concern") and pp18.text_zh.startswith("关切地注意到")
    assert draft.documents.count() == 2
    assert ingest_report_file(SEED_EN).status == "unchanged"


def test_a_dry_run_writes_nothing(countries):
    result = ingest_report_file(SEED_ZH, dry_run=True)
    assert result.created["votes"] == 3 and result.created["positions"] == 579
    assert "would be created" in str(result)
    assert table_sizes() == dict.fromkeys(table_sizes(), 0)
    assert Document.objects.count() == 0


def test_a_version_that_disagrees_is_refused_with_the_difference_named(seed):
    text = SEED_EN.read_text(encoding="utf-8")
    # Swap Algeria (in favour) and the Bahamas (abstaining) in the first vote: the tallies still add up.
    text = text.replace("Algeria, Angola", "Bahamas, Angola", 1).replace("Bahamas, Barbados", "Algeria, Barbados", 1)
    before = table_sizes()
    with pytest.raises(IngestRefused) as refused:
        ingest_report(text.encode(), "disagreeing.en.txt")
    message = str(refused.value)
    assert "PP18" in message and "DZA abstain here, yes in the record" in message
    assert "BHS yes here, abstain in the record" in message
    assert table_sizes() == before and Document.objects.count() == 1
    assert not Draft.objects.get().title_en  # not even the texts of a refused version


def test_a_report_whose_list_disagrees_with_its_tally_writes_nothing(countries):
    text = SEED_ZH.read_text(encoding="utf-8").replace("以 87 票对 53 票", "以 88 票对 53 票", 1)
    with pytest.raises(ReportError) as error:
        ingest_report(text.encode(), "wrong-count.txt")
    assert "88" in str(error.value) and "line " in str(error.value)
    assert Vote.objects.count() == 0 and Document.objects.count() == 0


def test_a_hand_correction_survives_reingestion_as_a_conflict(seed):
    position = Position.objects.get(vote__subject_label="PP18", country_id="CIV")
    position.position = "abstain"
    position.save()
    Correction.objects.create(
        content_type=ContentType.objects.get_for_model(Position),
        object_id=position.pk,
        field="position",
        old_value="yes",
        new_value="abstain",
        reason="test: the delegation's statement",
    )
    result = ingest_report_file(SEED_EN)
    assert any("the report lists CIV as voting yes; a hand correction says abstain" in conflict for conflict in result.conflicts), result.conflicts
    assert not any("Value." in conflict for conflict in result.conflicts)
    position.refresh_from_db()
    assert position.position == "abstain"


def test_ingestion_adds_its_votes_to_the_stored_agreement_figures(seed):
    from votes.models import AgreementScore

    china_usa = AgreementScore.objects.get(country_id="CHN", other_id="USA")
    assert (china_usa.votes, china_usa.agreed, china_usa.score) == (3, 0, 0.0)
    china_russia = AgreementScore.objects.get(country_id="RUS", other_id="CHN")
    assert (china_russia.votes, china_russia.agreed) == (3, 3)
    # Absent is not a position cast: Somalia was absent from the PP18 vote.
    assert AgreementScore.objects.get(country_id="SOM", other_id="CHN").votes == 2
    ingest_report_file(SEED_EN)  # the same votes again, in English: not counted twice
    assert AgreementScore.objects.get(country_id="CHN", other_id="USA").votes == 3
