"""Who may do what in the admin: anonymous requests go to the login page, viewers read, editors write."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from curation.groups import EDITORS, VIEWERS
from votes.models import Correction
from curation.services import record_corrections
from votes.models import Country, Document, Draft, Paragraph, Position, Sponsorship, Vote

pytestmark = pytest.mark.django_db


def registered_models(apps=("votes",)):
    """The models Tally registers (user accounts are the superuser's business)."""
    return sorted(
        (model for model in admin.site._registry if model._meta.app_label in apps), key=lambda model: model._meta.label
    )


def some_object(model):
    return model._default_manager.order_by("pk").first()


def admin_urls() -> list[str]:
    """Every page of the admin for the seed's data: index, app lists, and per model the changelist, add page,
    and for one object its change, delete and history pages (and a history version where there is history)."""
    urls = [reverse("admin:index"), reverse("admin:votes_document_upload"), reverse("admin:password_change")]
    urls += [reverse("admin:app_list", args=[label]) for label in ("votes", "auth")]
    urls.append(reverse("admin:autocomplete") + "?app_label=votes&model_name=vote&field_name=draft&term=L.53")
    for model in registered_models(apps=("votes", "auth")):
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{info}_changelist"), reverse(f"{info}_add")]
        obj = some_object(model)
        if obj is None:
            continue
        urls += [reverse(f"{info}_{view}", args=[obj.pk]) for view in ("change", "delete", "history")]
        if hasattr(model, "history"):
            version = model.history.filter(**{model._meta.pk.attname: obj.pk}).first()
            if version is not None:
                urls.append(reverse(f"{info}_simple_history", args=[obj.pk, version.history_id]))
    return urls


@pytest.fixture
def correction(seed, editor):
    """A correction, so that the corrections' pages have one to show."""
    position = Position.objects.filter(vote__draft=seed).first()
    return record_corrections(position, {"position": ("yes", "no")}, reason="test", user=editor)[0]


def test_anonymous_requests_to_any_admin_url_go_to_the_login_page(client, seed, correction):
    urls = admin_urls()
    assert len(urls) > 60
    login = reverse("admin:login")
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response.url.startswith(f"{login}?next="), url
    assert client.get(login).status_code == 200


def test_the_groups_hold_the_permissions_staff_need():
    viewers = set(Group.objects.get(name=VIEWERS).permissions.values_list("codename", flat=True))
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    assert viewers and all(codename.startswith("view_") for codename in viewers)
    assert {"view_vote", "view_position", "view_correction", "view_country", "view_document"} <= viewers
    assert viewers < editors
    assert {"add_vote", "change_vote", "delete_vote", "change_position", "change_paragraph", "delete_sponsorship", "add_document", "delete_document"} <= editors
    assert not {"delete_position", "change_country", "add_correction", "change_correction", "delete_correction"} & editors


def test_viewers_read_every_page_and_change_nothing(seed, correction, viewer_client):
    for model in registered_models():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert viewer_client.get(reverse(f"{info}_changelist")).status_code == 200, model
        assert viewer_client.get(reverse(f"{info}_add")).status_code == 403, model
        obj = some_object(model)
        if obj is None:
            continue
        page = viewer_client.get(reverse(f"{info}_change", args=[obj.pk]))
        assert page.status_code == 200, model
        assert 'name="_save"' not in page.content.decode(), model  # read-only
        assert viewer_client.post(reverse(f"{info}_change", args=[obj.pk]), {}).status_code == 403, model
        assert viewer_client.post(reverse(f"{info}_delete", args=[obj.pk]), {"post": "yes"}).status_code == 403, model
        assert viewer_client.get(reverse(f"{info}_history", args=[obj.pk])).status_code == 200, model


def test_a_viewer_cannot_correct_a_position_or_paste_lists(seed, viewer_client):
    position = Position.objects.get(vote__draft=seed, vote__subject_label="PP18", country_id="CIV")
    response = viewer_client.post(
        reverse("admin:votes_position_change", args=[position.pk]), {"position": "no", "reason": "try"}
    )
    assert response.status_code == 403
    vote = position.vote
    page = viewer_client.get(reverse("admin:votes_vote_change", args=[vote.pk])).content.decode()
    assert 'name="yes_list"' not in page and "Yes (87)" in page
    position.refresh_from_db()
    assert position.position == "yes" and not Correction.objects.exists()


def test_editors_change_the_record_but_not_the_reference_data(seed, editor_client):
    for model in registered_models():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert editor_client.get(reverse(f"{info}_changelist")).status_code == 200, model
    country = Country.objects.get(iso3="FRA")
    assert editor_client.post(reverse("admin:votes_country_change", args=["FRA"]), {"name_en": "X"}).status_code == 403
    country.refresh_from_db()
    assert country.name_en == "France"
    page = editor_client.get(reverse("admin:votes_vote_change", args=[seed.votes.first().pk])).content.decode()
    assert 'name="_save"' in page and 'name="yes_list"' in page and 'name="reason"' in page
    # A document can be deleted, with what it alone produced (tests/figures/test_document_removal.py), never changed.
    document = Document.objects.get()
    assert editor_client.post(reverse("admin:votes_document_change", args=[document.pk]), {"file_name": "x"}).status_code == 403
    # A mistaken vote goes whole (tests/figures); a single position never (an absent Member keeps its row).
    position = seed.votes.first().positions.first()
    assert editor_client.post(reverse("admin:votes_position_delete", args=[position.pk]), {"post": "yes"}).status_code == 403
    assert Position.objects.filter(pk=position.pk).exists()


def test_the_draft_admin_has_sponsors_paragraphs_and_votes_inline(seed, editor_client):
    response = editor_client.get(reverse("admin:votes_draft_change", args=[seed.pk]))
    formsets = {f.formset.prefix: f for f in response.context["inline_admin_formsets"]}
    assert len(formsets["sponsorships"].formset.forms) == 35
    assert len(formsets["paragraphs"].formset.forms) == 25
    assert len(formsets["votes"].formset.forms) == 3
    search = editor_client.get(reverse("admin:votes_draft_changelist"), {"q": "L.53"})
    assert list(search.context["cl"].result_list) == [seed]
    search = editor_client.get(reverse("admin:votes_draft_changelist"), {"q": "和平利用"})
    assert list(search.context["cl"].result_list) == [seed]


def test_votes_filter_by_session_body_outcome_subject_and_method(seed, editor_client):
    url = reverse("admin:votes_vote_changelist")
    for params, expected in [
        ({"session__number__exact": "79"}, 3),
        ({"body__code__exact": "C.1"}, 3),
        ({"outcome__exact": "retained"}, 2),
        ({"subject__exact": "whole"}, 1),
        ({"method__exact": "recorded"}, 3),
        ({"method__exact": "without_vote"}, 0),
    ]:
        response = editor_client.get(url, params)
        assert response.status_code == 200 and response.context["cl"].result_count == expected, params


def test_a_vote_shows_its_positions_grouped_with_counts(seed, editor_client):
    vote = seed.votes.get(subject_label="PP18")
    page = editor_client.get(reverse("admin:votes_vote_change", args=[vote.pk])).content.decode()
    for heading in ("Yes (87)", "No (53)", "Abstain (22)", "Absent (31)"):
        assert heading in page
    assert "All 193 positions of this vote" in page
    listing = editor_client.get(reverse("admin:votes_position_changelist"), {"vote__id__exact": vote.pk, "position__exact": "no"})
    assert listing.status_code == 200 and listing.context["cl"].result_count == 53
    assert reverse("admin:votes_position_change", args=[vote.positions.get(country_id="CIV").pk]) in page


@pytest.mark.parametrize(
    "name, budget",
    [("vote_changelist", 12), ("vote_change", 25), ("draft_change", 40), ("position_changelist", 12),
     ("paragraph_changelist", 12), ("draft_changelist", 12)],
)
def test_admin_pages_have_query_budgets(seed, editor_client, django_assert_max_num_queries, name, budget):
    objects = {"vote_change": seed.votes.first().pk, "draft_change": seed.pk}
    args = [objects[name]] if name in objects else []
    with django_assert_max_num_queries(budget):
        response = editor_client.get(reverse(f"admin:votes_{name}", args=args))
    assert response.status_code == 200


def test_models_with_history_use_the_history_admin():
    from simple_history.admin import SimpleHistoryAdmin

    for model in (Draft, Sponsorship, Paragraph, Vote, Position):
        assert isinstance(admin.site._registry[model], SimpleHistoryAdmin), model


def test_the_admin_names_the_stored_tallies_in_plain_english(seed, editor_client):
    page = editor_client.get("/admin/").content.decode()
    assert "Country tallies" in page and "tallys" not in page
