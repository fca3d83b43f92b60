"""Issue 17 (server side): bad page numbers answer 404 on a styled page, pages say where they are, the 404 and
500 pages render, filters fold, and the vote page shows its tally before its facts."""

import pytest
from django.test import override_settings
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["abc", "0", "-1", "²", "1.5"])
def test_a_page_number_that_is_not_one_is_a_styled_404(client, seed, page):
    with override_settings(DEBUG=False):
        response = client.get("/votes/", {"page": page})
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Not found</h1>" in html
    assert "pages are numbered 1, 2, 3" in html
    assert 'class="site-header"' in html  # extends base: the navigation is there


def test_an_unknown_address_is_the_styled_404(client, seed):
    with override_settings(DEBUG=False):
        response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.content.decode()
    assert "Resolver404" not in response.content.decode()  # no class name standing in for a message


def test_the_500_page_renders_without_a_request_context(rf):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "<h1>Server error</h1>" in response.content.decode()


def test_the_filters_are_folded_until_one_is_set(client, seed):
    assert '<details class="filter-panel">' in client.get("/votes/").content.decode()
    assert '<details class="filter-panel" open>' in client.get("/votes/", {"body": "C.1"}).content.decode()


def test_the_vote_page_shows_its_tally_before_its_facts(client, seed):
    from votes.models import Vote

    vote = Vote.objects.filter(method="recorded").first()
    html = client.get(f"/votes/{vote.pk}/", follow=True).content.decode()
    assert html.index('id="tally-heading"') < html.index('class="facts"')


def test_the_comparison_names_the_country_in_each_position_cell(client, seed):
    from votes.models import Country

    html = client.get("/countries/compare/", {"country": ["CHN", "USA"], "show": "all"}).content.decode()
    china, usa = Country.objects.get(pk="CHN").name, Country.objects.get(pk="USA").name
    assert html.count(f'<span class="cell-label">{china}: </span>') == 3  # the seed's three votes
    assert html.count(f'<span class="cell-label">{usa}: </span>') == 3
    assert '<details class="filter-panel">' in html  # folded: the results come first


def test_drafts_sort_by_a_column_in_the_address_and_refuse_an_unknown_sort(client):
    from web.factories import build_mini

    build_mini()
    def symbols(sort):
        html = client.get("/drafts/", {"sort": sort}).content.decode()
        return [s for s in ("A/C.1/79/L.53/Rev.1", "A/C.1/79/L.7") if f'data-draft="{s}"' in html], html
    ascending, html = symbols("symbol")
    assert html.index('data-draft="A/C.1/79/L.53/Rev.1"') < html.index('data-draft="A/C.1/79/L.7"')
    assert 'aria-sort="ascending"' in html and 'href="?sort=-symbol"' in html
    _, html = symbols("-symbol")
    assert html.index('data-draft="A/C.1/79/L.7"') < html.index('data-draft="A/C.1/79/L.53/Rev.1"')
    assert client.get("/drafts/", {"sort": "title; drop"}).status_code == 400
