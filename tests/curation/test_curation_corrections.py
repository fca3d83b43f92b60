"""Hand corrections in the admin: recorded with who, when and why, kept in the history, and kept when the
report is ingested again (listed as conflicts instead of being undone)."""

import pytest
from django.urls import reverse

from votes.models import Correction
from tests.conftest import SEED_EN, SEED_ZH
from tests.curation.conftest import vote_form
from votes.ingest import ingest_report_file
from votes.models import Paragraph, Position, Sponsorship, Vote

pytestmark = pytest.mark.django_db


def correct_position(client, position, value, reason="A/C.1/79/PV.31, p. 12: Côte d’Ivoire abstained."):
    return client.post(reverse("admin:votes_position_change", args=[position.pk]), {"position": value, "reason": reason})


def test_a_position_is_corrected_with_a_reason(seed, editor_client, editor):
    position = Position.objects.get(vote__draft=seed, vote__subject_label="PP18", country_id="CIV")
    response = correct_position(editor_client, position, "abstain", reason="")
    assert response.status_code == 200 and "reason" in response.context["adminform"].form.errors
    assert not Correction.objects.exists()

    response = correct_position(editor_client, position, "abstain")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:votes_vote_change", args=[position.vote_id])  # back to its vote
    position.refresh_from_db()
    assert position.position == "abstain"
    correction = Correction.objects.for_object(position).get()
    assert (correction.field, correction.old_value, correction.new_value) == ("position", "yes", "abstain")
    assert correction.created_by == editor and "PV.31" in correction.reason
    assert correction.key["country"] == "CIV" and correction.key["subject_label"] == "PP18"
    assert Correction.objects.latest_values(Position) == {(position.pk, "position"): "abstain"}
    vote = position.vote
    vote.refresh_from_db()
    assert (vote.yes_count, vote.abstain_count) == (86, 23)  # recounted
    history = position.history.first()
    assert (history.position, history.history_user, history.history_change_reason) == ("abstain", editor, correction.reason)
    # The change is browsable in the admin's history page.
    page = editor_client.get(reverse("admin:votes_position_history", args=[position.pk]))
    assert page.status_code == 200 and "PV.31" in page.content.decode()


def test_a_corrected_position_survives_reingesting_the_seed(seed, editor_client):
    position = Position.objects.get(vote__draft=seed, vote__subject_label="PP18", country_id="CIV")
    assert correct_position(editor_client, position, "abstain").status_code == 302
    for path in (SEED_ZH, SEED_EN):  # the same file again, and the same report in English
        result = ingest_report_file(path)
        position.refresh_from_db()
        assert position.position == "abstain"
        assert any("CIV" in conflict and "abstain" in conflict for conflict in result.conflicts), str(result)
    assert Correction.objects.count() == 1


def test_a_paragraph_text_corrected_on_the_draft_page_survives_reingesting(seed, editor_client):
    paragraph = seed.paragraphs.get(voted_label="OP1")
    url = reverse("admin:votes_draft_change", args=[seed.pk])
    data = post_data_of(editor_client.get(url))
    index = next(i for i in range(int(data["paragraphs-TOTAL_FORMS"])) if data[f"paragraphs-{i}-id"] == str(paragraph.pk))
    corrected = paragraph.text_zh.replace("。", "；", 1) + "（更正）"
    data[f"paragraphs-{index}-text_zh"] = corrected
    response = editor_client.post(url, data)
    assert response.status_code == 200  # no reason given: refused, next to the paragraphs
    assert "Say why" in response.content.decode()
    assert Paragraph.objects.get(pk=paragraph.pk).text_zh == paragraph.text_zh

    data["reason"] = "The published text has a misprint (see A/79/408/Corr.1)."
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert Paragraph.objects.get(pk=paragraph.pk).text_zh == corrected
    correction = Correction.objects.get()
    assert (correction.field, correction.old_value, correction.new_value) == ("text_zh", paragraph.text_zh, corrected)
    assert correction.key == {"draft": seed.symbol, "voted_label": "OP1"}

    result = ingest_report_file(SEED_ZH)
    assert Paragraph.objects.get(pk=paragraph.pk).text_zh == corrected
    assert any("text_zh" in conflict for conflict in result.conflicts), str(result)


def test_a_sponsor_removed_on_the_draft_page_is_recorded_by_its_natural_key(seed, editor_client):
    response, sponsorship = remove_sponsor_on_the_draft_page(editor_client, seed, "PSE")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not Sponsorship.objects.filter(pk=sponsorship.pk).exists()
    correction = Correction.objects.get()
    assert (correction.field, correction.old_value, correction.new_value) == ("kind", "later", "")
    assert Correction.objects.sponsorships_by_hand(seed.symbol) == {"PSE": ""}
    # The deletion is in the sponsorship's history, with the reason.
    assert Sponsorship.history.filter(id=sponsorship.pk, history_type="-").get().history_change_reason.startswith("Listed")


def test_a_vote_tally_correction_is_reported_on_reingest(seed, editor_client):
    vote = seed.votes.get(subject_label="whole")
    data = vote_form(seed.votes.get(subject_label="PP18").paragraph, {"yes": "", "no": "", "abstain": ""})
    data.update(subject="whole", paragraph="", outcome="adopted", stated_yes="103", stated_no="53", stated_abstain="25")
    data["reason"] = "Corrected tally, A/C.1/79/PV.31."
    response = editor_client.post(reverse("admin:votes_vote_change", args=[vote.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Correction.objects.get().field == "stated_yes"
    result = ingest_report_file(SEED_ZH)
    vote.refresh_from_db()
    assert vote.stated_yes == 103
    assert any("stated_yes" in conflict for conflict in result.conflicts), str(result)


def remove_sponsor_on_the_draft_page(client, draft, iso3: str):
    """Tick the sponsor's DELETE box on the draft's change page, give a reason and save; (response, sponsorship)."""
    url = reverse("admin:votes_draft_change", args=[draft.pk])
    data = post_data_of(client.get(url))
    sponsorship = draft.sponsorships.get(country_id=iso3)
    index = next(
        i for i in range(int(data["sponsorships-TOTAL_FORMS"])) if data[f"sponsorships-{i}-id"] == str(sponsorship.pk)
    )
    data[f"sponsorships-{index}-DELETE"] = "on"
    data["reason"] = "Listed by mistake (A/C.1/79/PV.31)."
    return client.post(url, data), sponsorship


def post_data_of(response) -> dict:
    """The values a change page's form would post as it stands (the main form and every inline)."""
    data = {}
    adminform = response.context["adminform"]
    forms = [adminform.form] + [f for formset in response.context["inline_admin_formsets"] for f in formset.formset.forms]
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            data[key] = [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
    return data


def test_a_sponsor_removed_by_hand_stays_removed_when_the_report_is_ingested_again(seed, editor_client):
    assert remove_sponsor_on_the_draft_page(editor_client, seed, "PSE")[0].status_code == 302
    result = ingest_report_file(SEED_EN)
    assert not seed.sponsorships.filter(country_id="PSE").exists()
    assert any("PSE" in conflict for conflict in result.conflicts), str(result)


def test_a_corrected_position_moves_the_stored_agreement_figures(seed, editor_client):
    """Côte d'Ivoire voted yes with China on PP18; corrected to abstain, that agreement is no longer counted."""
    from votes import figures
    from votes.models import AgreementScore

    before = AgreementScore.objects.get(country_id="CIV", other_id="CHN")
    position = Position.objects.get(vote__subject_label="PP18", country_id="CIV")
    url = reverse("admin:votes_position_change", args=[position.pk])
    data = post_data_of(editor_client.get(url))
    data.update(position="abstain", reason="The delegation's statement at the 31st meeting.")
    assert editor_client.post(url, data).status_code == 302
    after = AgreementScore.objects.get(country_id="CIV", other_id="CHN")
    assert (after.votes, after.agreed) == (before.votes, before.agreed - 1)
    figures.recount()  # the incremental figures equal a full recount
    assert AgreementScore.objects.get(country_id="CIV", other_id="CHN").agreed == after.agreed


def test_a_votes_public_page_lists_its_corrections(seed, editor_client, client):
    position = Position.objects.get(vote__draft=seed, vote__subject_label="PP18", country="CIV")
    assert correct_position(editor_client, position, "abstain").status_code == 302
    page = client.get(reverse("vote-detail", args=[position.vote_id]), follow=True).content.decode()
    assert "Corrections" in page and "CIV position <del>yes</del> → <ins>abstain</ins>" in page
    assert "Côte d’Ivoire abstained" in page
    # Another vote of the draft lists none.
    other = Vote.objects.get(draft=seed, subject_label="whole")
    assert 'id="corrections-heading"' not in client.get(reverse("vote-detail", args=[other.pk]), follow=True).content.decode()
