"""Rows and menus kept rendered (the `fragments` cache) are keyed by everything they show: a change of the
record, of the language or of a name shows at once, and the cached copy is used only for identical inputs."""

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from votes.models import Country, Paragraph, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_fragments():
    caches["fragments"].clear()
    yield
    caches["fragments"].clear()


def row_of(html: str, vote: Vote) -> str:
    start = html.index(f'<tr data-vote="{vote.pk}"')
    return html[start : html.index("</tr>", start)]


def test_a_row_is_rendered_once_and_then_served_from_the_cache(client, mini):
    first = client.get("/votes/").content.decode()
    keys = set(caches["fragments"]._cache)
    assert len(keys) >= 4 + 3  # the four votes' rows, and the menus
    again = client.get("/votes/").content.decode()
    assert set(caches["fragments"]._cache) == keys  # nothing rendered anew
    assert again.split("</thead>")[1] == first.split("</thead>")[1]


def test_a_changed_vote_shows_at_once(client, mini):
    vote = mini["whole"]
    assert "Adopted" in row_of(client.get("/votes/").content.decode(), vote)
    Vote.objects.filter(pk=vote.pk).update(outcome="rejected", yes_count=0)  # by SQL: no signal, no save
    row = row_of(client.get("/votes/").content.decode(), vote)
    assert "Rejected" in row and "Adopted" not in row


def test_a_changed_paragraph_text_shows_at_once(client, mini):
    pp2 = mini["pp2"]
    client.get("/votes/")
    Paragraph.objects.filter(pk=pp2.paragraph_id).update(text_en="Stressing the zebra protocol")
    assert "Stressing the zebra protocol" in row_of(client.get("/votes/").content.decode(), pp2)


def test_the_country_column_and_the_language_are_part_of_the_key(client, mini):
    vote = mini["pp2"]
    plain = row_of(client.get("/votes/").content.decode(), vote)
    with_country = row_of(client.get("/votes/?country=CIV").content.decode(), vote)
    assert 'class="position"' in with_country and 'class="position"' not in plain
    with translation.override("zh-hans"):
        chinese = row_of(client.get(reverse("vote-list")).content.decode(), vote)
    assert chinese != plain and "在国际安全领域促进和平利用国际合作" in chinese


def test_a_renamed_country_shows_in_the_menu_at_once(client, mini):
    assert ">Brazil</option>" in client.get("/votes/").content.decode()
    Country.objects.filter(iso3="BRA").update(name_en="Brasil (renamed)")
    page = client.get("/votes/").content.decode()
    assert ">Brasil (renamed)</option>" in page and ">Brazil</option>" not in page
