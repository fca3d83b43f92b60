"""Entering a recorded vote in the admin by pasting its lists, as printed, in any language."""

import pytest
from django.urls import reverse

from votes.models import Correction
from tests.curation.conftest import positions_of, pp18_expected, pp18_lists, vote_form
from tests.curation.factories import ParagraphFactory
from votes.models import Position, Vote

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language, choice", [("zh", ""), ("en", ""), ("zh", "zh"), ("en", "en")])
def test_pasting_the_pp18_lists_gives_193_positions(countries, editor_client, language, choice):
    paragraph = ParagraphFactory()
    response = editor_client.post(
        reverse("admin:votes_vote_add"), vote_form(paragraph, pp18_lists(language), language=choice)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    vote = Vote.objects.get()
    assert (vote.subject_label, vote.body_id, vote.session_id) == ("PP18", "C.1", 79)  # filled in from the draft
    assert vote.positions.count() == 193
    assert (vote.yes_count, vote.no_count, vote.abstain_count, vote.absent_count) == (87, 53, 22, 31)
    assert vote.stated_matches_counted and vote.margin == 34
    expected = pp18_expected()
    positions = positions_of(vote)
    for key in ("yes", "no", "abstain"):
        assert sorted(iso3 for iso3, value in positions.items() if value == key) == expected[key]
    # Adding a vote is not a correction of anything; its history says who added the positions.
    assert not Correction.objects.exists()
    assert vote.positions.first().history.get().history_user.username == "editor"


def test_chinese_and_english_lists_give_the_same_positions_as_the_report(seed, editor_client):
    """The seed's own PP18 vote, re-entered from the English lists: nothing changes, nothing is a correction."""
    vote = seed.votes.get(subject_label="PP18")
    before = positions_of(vote)
    for language in ("en", "zh"):
        response = editor_client.post(
            reverse("admin:votes_vote_change", args=[vote.pk]),
            vote_form(vote.paragraph, pp18_lists(language), reason="Checked against the printed lists."),
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert positions_of(vote) == before
    assert not Correction.objects.exists()


def test_a_list_with_one_unknown_name_is_refused_and_nothing_is_written(countries, editor_client):
    paragraph = ParagraphFactory()
    lists = pp18_lists("en")
    lists["yes"] = lists["yes"].replace("Kiribati", "Atlantis")
    response = editor_client.post(reverse("admin:votes_vote_add"), vote_form(paragraph, lists))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["yes_list"]
    assert "Atlantis" in errors["yes_list"][0]
    assert "Atlantis" in response.content.decode()
    assert not Vote.objects.exists() and not Position.objects.exists()


def test_an_unknown_chinese_name_fragment_is_shown_with_suggestions(countries, editor_client):
    paragraph = ParagraphFactory()
    lists = pp18_lists("zh")
    lists["abstain"] = lists["abstain"].replace("巴哈马、", "巴哈、")
    response = editor_client.post(reverse("admin:votes_vote_add"), vote_form(paragraph, lists))
    errors = response.context["adminform"].form.errors
    assert "巴哈" in errors["abstain_list"][0] and "巴哈马" in errors["abstain_list"][0]
    assert not Vote.objects.exists()


def test_lists_that_disagree_with_the_stated_tally_are_refused(countries, editor_client):
    paragraph = ParagraphFactory()
    response = editor_client.post(reverse("admin:votes_vote_add"), vote_form(paragraph, pp18_lists("en"), stated_no="54"))
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"no_list", "stated_no"}
    assert "53 names listed" in errors["no_list"][0] and "says 54" in errors["no_list"][0]
    assert not Vote.objects.exists() and not Position.objects.exists()


def test_a_country_in_two_lists_or_not_a_member_is_refused(countries, editor_client):
    paragraph = ParagraphFactory()
    lists = pp18_lists("en")
    response = editor_client.post(
        reverse("admin:votes_vote_add"),
        vote_form(paragraph, {**lists, "abstain": lists["abstain"].replace("Tonga", "China")}),
    )
    assert "Listed twice: China (already listed under yes)" in response.context["adminform"].form.errors["abstain_list"][0]
    response = editor_client.post(
        reverse("admin:votes_vote_add"),
        vote_form(paragraph, {**lists, "abstain": lists["abstain"].replace("Tonga", "Holy See")}),
    )
    assert "Not a Member State on 2024-11-06: VAT" in response.context["adminform"].form.errors["abstain_list"][0]
    assert not Vote.objects.exists()


def test_lists_need_a_date_and_a_recorded_vote(countries, editor_client):
    paragraph = ParagraphFactory()
    response = editor_client.post(reverse("admin:votes_vote_add"), vote_form(paragraph, pp18_lists("en"), date=""))
    assert "date" in response.context["adminform"].form.errors
    response = editor_client.post(
        reverse("admin:votes_vote_add"),
        vote_form(paragraph, pp18_lists("en"), method="without_vote", stated_yes="", stated_no="", stated_abstain=""),
    )
    assert "method" in response.context["adminform"].form.errors
    assert not Vote.objects.exists()


def test_changing_a_vote_needs_a_reason_and_records_the_correction(seed, editor_client, editor):
    vote = seed.votes.get(subject_label="PP18")
    url = reverse("admin:votes_vote_change", args=[vote.pk])
    lists = {"yes": "", "no": "", "abstain": ""}
    response = editor_client.post(url, vote_form(vote.paragraph, lists, meeting="32"))
    assert response.status_code == 200
    assert "reason" in response.context["adminform"].form.errors
    vote.refresh_from_db()
    assert vote.meeting == 31 and not Correction.objects.exists()

    response = editor_client.post(url, vote_form(vote.paragraph, lists, meeting="32", reason="A/C.1/79/PV.32: the vote was at the 32nd meeting."))
    assert response.status_code == 302
    vote.refresh_from_db()
    assert vote.meeting == 32 and vote.positions.count() == 193  # blank lists keep the positions
    correction = Correction.objects.get()
    assert (correction.field, correction.old_value, correction.new_value) == ("meeting", "31", "32")
    assert correction.created_by == editor and correction.reason.startswith("A/C.1/79/PV.32")
    assert correction.key == {"draft": seed.symbol, "body": "C.1", "subject_label": "PP18"}
    latest = vote.history.first()
    assert latest.history_user == editor and latest.history_change_reason.startswith("A/C.1/79/PV.32")


def test_repasted_lists_that_move_a_country_record_a_correction(seed, editor_client):
    vote = seed.votes.get(subject_label="PP18")
    lists = pp18_lists("en")
    lists["yes"] = lists["yes"].replace("Côte\n\nd’Ivoire, ", "")
    lists["abstain"] = lists["abstain"].replace("Tonga, ", "Tonga, Côte d’Ivoire, ")
    response = editor_client.post(
        reverse("admin:votes_vote_change", args=[vote.pk]),
        vote_form(vote.paragraph, lists, stated_yes="86", stated_abstain="23", reason="Footnote 2: it meant to abstain."),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Position.objects.get(vote=vote, country_id="CIV").position == "abstain"
    fields = sorted(Correction.objects.values_list("field", "old_value", "new_value"))
    assert fields == [("position", "yes", "abstain"), ("stated_abstain", "22", "23"), ("stated_yes", "87", "86")]
    vote.refresh_from_db()
    assert (vote.yes_count, vote.abstain_count) == (86, 23)


def test_a_second_vote_on_the_same_subject_is_refused(seed, editor_client):
    paragraph = seed.paragraphs.get(voted_label="PP18")
    response = editor_client.post(reverse("admin:votes_vote_add"), vote_form(paragraph, pp18_lists("en")))
    assert response.status_code == 200
    assert "already has a vote on PP18" in response.context["adminform"].form.errors["subject_label"][0]
    assert seed.votes.count() == 3


def test_a_new_date_recomputes_who_was_absent(seed, editor_client):
    vote = seed.votes.get(subject_label="PP18")
    blank = {"yes": "", "no": "", "abstain": ""}
    # South Sudan (admitted 2011-07-14) abstained on no vote here but is absent: in 2010 it was no Member.
    response = editor_client.post(
        reverse("admin:votes_vote_change", args=[vote.pk]),
        vote_form(vote.paragraph, blank, date="2010-11-06", reason="Testing a date"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    vote.refresh_from_db()
    assert not vote.positions.filter(country_id="SSD").exists()
    assert (vote.yes_count, vote.no_count, vote.abstain_count, vote.absent_count) == (87, 53, 22, 30)
    # Montenegro voted no: a date before its admission (2006-06-28) is refused.
    response = editor_client.post(
        reverse("admin:votes_vote_change", args=[vote.pk]),
        vote_form(vote.paragraph, blank, date="2005-11-06", reason="Testing a date"),
    )
    assert "MNE" in response.context["adminform"].form.errors["date"][0]
