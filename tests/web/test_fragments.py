"""Rows and menus kept rendered (the `fragments` cache) are keyed by everything they show: a change of the
record, of the language or of a name shows at once, and the cached copy is used only for identical inputs."""

import datetime
import re

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from votes.links import vote_path
from votes.models import Country, GroupMembership, Paragraph, Position, Vote

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


def test_the_compare_page_shows_a_changed_position_and_a_renamed_country_at_once(client, mini):
    """The compared positions come with the page's keys (not with its rows), and the page's country menus (a, b, c
    and the filters' sponsor) share one key for their options: both still follow the record."""
    vote, url = mini["op1"], "/countries/compare/?a=USA&b=CIV&show=all"
    before = client.get(url).content.decode()
    menus = before.count(">Brazil</option>")
    assert 'class="position-abstain"' in row_of(before, vote) and menus >= 3
    Position.objects.filter(vote=vote, country_id="CIV").update(position="no")  # by SQL: no signal
    Country.objects.filter(iso3="BRA").update(name_en="Brasil (renamed)")
    after = client.get(url).content.decode()
    assert 'class="position-abstain"' not in row_of(after, vote) and row_of(after, vote).count('class="position-no"') == 2
    assert after.count(">Brasil (renamed)</option>") == menus and ">Brazil</option>" not in after


# --- the vote page's lists, map and bloc table (one fragment) ------------------------------------------------


def listed_position(html: str, iso3: str) -> str:
    """The position under which the vote page's lists name `iso3`."""
    at = html.index(f'<li data-country="{iso3}">')
    return re.findall(r'<section class="position-group" aria-labelledby="group-(\w+)">', html[:at])[-1]


def mapped_position(html: str, iso3: str) -> str:
    return re.search(rf'<path [^>]*data-country="{iso3}" data-position="(\w+)"', html).group(1)


def bloc_cells(html: str, code: str) -> list[str]:
    start = html.index(f'<tr data-group="{code}">')
    return re.findall(r"<td>([^<]*)</td>", html[start : html.index("</tr>", start)])[:5]  # members, yes, no, abstain, absent


@pytest.fixture
def whole_vote(seed):
    return Vote.objects.get(draft=seed, subject="whole")


def test_the_vote_page_analysis_is_rendered_once_then_served_from_the_cache(client, whole_vote):
    first = client.get(vote_path(whole_vote)).content.decode()
    keys = set(caches["fragments"]._cache)
    assert any(key.endswith("vote_analysis." + key.rsplit(".", 1)[-1]) for key in keys)
    assert client.get(vote_path(whole_vote)).content.decode().split("<main")[1] == first.split("<main")[1]
    assert set(caches["fragments"]._cache) == keys  # nothing rendered anew


def test_a_changed_position_shows_in_the_lists_the_map_and_the_blocs_at_once(client, whole_vote):
    old = whole_vote.positions.get(country_id="FRA").position
    new = "yes" if old != "yes" else "no"
    before = client.get(vote_path(whole_vote)).content.decode()
    assert listed_position(before, "FRA") == mapped_position(before, "FRA") == old
    counts = dict(zip(("members", "yes", "no", "abstain", "absent"), map(int, bloc_cells(before, "EU"))))

    Position.objects.filter(vote=whole_vote, country_id="FRA").update(position=new)  # by SQL: no signal
    after = client.get(vote_path(whole_vote)).content.decode()
    assert listed_position(after, "FRA") == mapped_position(after, "FRA") == new
    counts[old] -= 1
    counts[new] += 1
    assert dict(zip(counts, map(int, bloc_cells(after, "EU")))) == counts


def test_a_changed_membership_or_name_shows_at_once(client, whole_vote):
    before = client.get(vote_path(whole_vote)).content.decode()
    members = int(bloc_cells(before, "EU")[0])
    GroupMembership.objects.filter(group_id="EU", country_id="FRA").update(end=whole_vote.date - datetime.timedelta(days=1))
    assert int(bloc_cells(client.get(vote_path(whole_vote)).content.decode(), "EU")[0]) == members - 1
    Country.objects.filter(iso3="FRA").update(name_en="French Republic (renamed)")
    assert '<li data-country="FRA"><a href="/countries/FRA/">French Republic (renamed)</a>' in client.get(vote_path(whole_vote)).content.decode()


# --- the filter forms' fields ----------------------------------------------------------------------------------


def fields_of(html: str) -> str:
    return html[html.index('<form class="filters"') : html.index("</form>")]


def test_the_filter_fields_are_kept_and_show_each_value_and_error(client, mini):
    first = fields_of(client.get("/votes/").content.decode())
    keys = set(caches["fragments"]._cache)
    assert fields_of(client.get("/votes/").content.decode()) == first
    assert set(caches["fragments"]._cache) == keys  # nothing rendered anew
    typed = fields_of(client.get("/votes/", {"q": "zebra", "outcome": "adopted"}).content.decode())
    assert 'value="zebra"' in typed and '<option value="adopted" selected>' in typed
    refused = client.get("/votes/", {"session": "abc"})
    assert refused.status_code == 400
    fields = fields_of(refused.content.decode())
    assert 'aria-invalid="true"' in fields and 'class="errorlist"' in fields
    assert 'aria-invalid' not in fields_of(client.get("/votes/").content.decode())
