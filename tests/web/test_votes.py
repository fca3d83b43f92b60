"""/votes/: filters as GET parameters, htmx fragments, errors, sorting, pagination and the query budget."""

import datetime

import pytest
from django.urls import reverse

from votes import figures

from .factories import DraftFactory, make_vote

URL = "/votes/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def subjects(response) -> list[str]:
    """The subject labels of the listed votes, in order (rows carry data-subject)."""
    import re

    return re.findall(r'<tr data-vote="\d+" data-subject="([^"]+)"', response.content.decode())


def symbols(response) -> list[str]:
    import re

    return re.findall(r'<tr data-vote="\d+" data-subject="[^"]+">\s*<td[^>]*>[^<]*</td>\s*<td[^>]*>[^<]*</td>\s*<td><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_url_scheme_is_stable():
    assert reverse("vote-list") == "/votes/"
    assert reverse("vote-detail", args=[7]) == "/votes/7/"  # redirects to the readable address
    assert reverse("vote-page", args=["A/C.1/79/L.53/Rev.1/PP18"]) == "/votes/A/C.1/79/L.53/Rev.1/PP18/"
    assert reverse("vote-roll-call", args=[4291]) == "/votes/voeten/4291/"
    assert reverse("draft-detail", args=["A/C.1/79/L.53/Rev.1"]) == "/drafts/A/C.1/79/L.53/Rev.1/"
    assert reverse("country-detail", args=["CHN"]) == "/countries/CHN/"
    assert reverse("country-compare") == "/countries/compare/"
    assert reverse("search") == "/search/"


def test_lists_every_vote_newest_first(client, mini):
    response = client.get(URL)
    assert response.status_code == 200
    # The three votes of 6 November (last action first), then the adoption without a vote of 4 November.
    assert subjects(response) == ["whole", "OP1", "PP2", "whole"]
    assert "Without a vote" in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("country=CHN&position=no", []),
        ("country=USA&position=no", ["whole", "OP1", "PP2"]),
        ("country=BRA&position=abstain", ["PP2"]),
        ("country=MDG&position=absent", ["whole", "PP2"]),
        ("country=mdg", ["whole", "OP1", "PP2"]),
        ("subject=paragraph", ["OP1", "PP2"]),
        ("subject=whole", ["whole", "whole"]),
        ("paragraph=PP2", ["PP2"]),
        ("paragraph=pp2", ["PP2"]),
        ("outcome=retained", ["OP1", "PP2"]),
        ("method=without_vote", ["whole"]),
        ("method=recorded&subject=whole", ["whole"]),
        ("session=79", ["whole", "OP1", "PP2", "whole"]),
        ("body=C.1", ["whole", "OP1", "PP2", "whole"]),
        ("body=GA", []),
        ("agenda_item=106", ["whole", "OP1", "PP2", "whole"]),
        ("agenda_item=5", []),
        ("draft=A/C.1/79/L.7", ["whole"]),
        ("draft=a/c.1/79/l.53/rev.1", ["whole", "OP1", "PP2"]),
        ("sponsor=CIV", ["whole", "OP1", "PP2"]),
        ("sponsor=USA", []),
        ("date_from=2024-11-05", ["whole", "OP1", "PP2"]),
        ("date_to=2024-11-05", ["whole"]),
        ("date_from=2024-11-04&date_to=2024-11-04", ["whole"]),
        ("q=undue restrictions", ["whole", "PP2"]),  # the paragraph voted on, and the whole draft
        ("q=outer space", ["whole"]),  # the whole draft's paragraph text
        ("q=exports restrictions", ["whole", "PP2"]),  # every word, in any order (issue 17: not only the phrase)
        ("q=%22restrictions undue%22", []),  # quoted: the exact phrase only
        ("q=%22undue restrictions%22 exports", ["whole", "PP2"]),  # a phrase and a word together
        ("q=undue nonexistentword", []),  # every word must match, not any
        ("q=Transparency", ["whole"]),  # the title, any case
        ("q=序言部分第2段", ["whole", "PP2"]),  # Chinese paragraph text (the whole vote covers it)
        ("q=和平利用", ["whole", "OP1", "PP2"]),  # Chinese title
        ("country=USA&position=no&subject=paragraph&outcome=retained&sponsor=CHN&session=79", ["OP1", "PP2"]),
    ],
)
def test_filters_combine(client, mini, query, expected):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200, response.content.decode()[-2000:]
    assert subjects(response) == expected


def test_country_filter_shows_its_position_and_intention(client, mini):
    response = client.get(URL, {"country": "CIV", "position": "yes"})
    html = response.content.decode()
    assert subjects(response) == ["whole", "PP2"]
    assert "Position of Côte d&#x27;Ivoire" in html
    assert "stated it intended: Abstain" in html
    assert "Subsequently, Côte d&#x27;Ivoire intended to abstain." in html


def test_paragraph_row_shows_opening_words(client, mini):
    html = client.get(URL, {"paragraph": "PP2"}).content.decode()
    assert "Noting with concern the undue restrictions on exports" in html


def test_tally_bar_carries_text_figures(client, mini):
    html = client.get(URL, {"paragraph": "PP2"}).content.decode()
    assert 'class="tally-bar" aria-hidden="true"' in html
    assert "Yes 2" in html and "No 2" in html and "Abstain 1" in html and "Absent 1" in html


@pytest.mark.parametrize(
    "query, field",
    [
        ("country=XXX", "country"),
        ("session=abc", "session"),
        ("session=78", "session"),  # not a session of the record
        ("body=C.9", "body"),
        ("subject=everything", "subject"),
        ("position=yes", "position"),  # a position without a country
        ("date_from=yesterday", "date_from"),
        ("date_from=2024-12-01&date_to=2024-11-01", "date_to"),
        ("agenda_item=abc", "agenda_item"),
        ("sort=random", "sort"),
        ("sponsor=ZZZ", "sponsor"),
    ],
)
def test_invalid_parameters_show_the_form_errors(client, mini, query, field):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    assert f'id="field-{field}"' in html and f'<ul class="errorlist" id="id_{field}_error">' in html
    assert "<tr data-vote" not in html


def test_unknown_country_error_names_the_code(client, mini):
    html = client.get(URL, {"country": "XXX"}).content.decode()
    assert "Unknown country code: XXX." in html


def test_htmx_request_gets_only_the_results_partial(client, mini):
    response = client.get(URL, {"outcome": "retained"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert html.count("<tr data-vote") == 2
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_full_page(client, mini):
    response = client.get(URL, {"outcome": "retained"}, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    html = response.content.decode()
    assert "<html" in html and '<form class="filters"' in html
    assert "HX-Request" in response["Vary"]


def test_boosted_sort_link_gets_the_full_page(client, mini):
    response = client.get(URL, {"sort": "margin"}, HTTP_HX_BOOSTED="true", **HTMX)
    assert "<html" in response.content.decode()


def test_full_page_also_varies_on_hx_request(client, mini):
    response = client.get(URL)
    assert "HX-Request" in response["Vary"]


def test_invalid_filter_over_htmx_is_a_400_fragment_with_errors(client, mini):
    response = client.get(URL, {"session": "abc"}, **HTMX)
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()


def test_the_form_is_a_plain_get_form_enhanced_by_htmx(client, mini):
    html = client.get(URL).content.decode()
    assert '<form class="filters" method="get" action="/votes/"' in html
    assert 'hx-get="/votes/"' in html and 'hx-target="#results"' in html and 'hx-push-url="true"' in html
    assert "delay:500ms" in html
    assert '<button type="submit">' in html
    for name in ("q", "country", "position", "subject", "paragraph", "outcome", "method", "session", "body",
                 "agenda_item", "draft", "sponsor", "date_from", "date_to", "sort"):
        assert f'<label for="id_{name}">' in html, name


def test_nav_links_every_section(client, db):
    html = client.get("/").content.decode()
    for href in ('href="/votes/"', 'href="/drafts/"', 'href="/countries/"', 'href="/search/"'):
        assert href in html


@pytest.fixture
def many(mini):
    """Sixty more votes on other drafts, with margins from -30 to +29, on sixty days."""
    for n in range(60):
        draft = DraftFactory(symbol=f"A/C.3/79/L.{n + 1}")
        yes = [f"Y{i:02d}" for i in range(n % 40)]
        no = [f"N{i:02d}" for i in range(10)]
        make_vote(draft, "whole", date=datetime.date(2024, 9, 1) + datetime.timedelta(days=n), yes=yes, no=no + ["USA"])
    figures.recount()  # the figures ingest stores
    return mini


def test_paginates_with_real_links(client, many):
    response = client.get(URL, {"country": "USA"})
    html = response.content.decode()
    assert html.count("<tr data-vote") == 50
    assert "63 votes" in html
    assert 'href="?country=USA&amp;page=2"' in html
    assert 'hx-get="?country=USA&amp;page=2"' in html
    second = client.get(URL, {"country": "USA", "page": 2})
    assert second.content.decode().count("<tr data-vote") == 13
    assert "51–63 of 63" in second.content.decode()
    assert "1–50 of 63" in html
    # A page past the end shows the last page rather than an error.
    assert client.get(URL, {"page": 99}).status_code == 200


def test_sorts_by_margin_and_date(client, many):
    import re

    def margins(query):
        html = client.get(f"{URL}?{query}").content.decode()
        return [int(m) for m in re.findall(r'<span class="margin">([+-]\d+)</span>', html)]

    lowest = margins("sort=margin")
    assert lowest == sorted(lowest) and lowest[0] == -11
    highest = margins("sort=-margin")
    assert highest == sorted(highest, reverse=True)
    closest = margins("sort=closest")
    assert [abs(m) for m in closest] == sorted(abs(m) for m in closest)
    html = client.get(f"{URL}?sort=date").content.decode()
    assert html.index("A/C.3/79/L.1/") < html.index("A/C.3/79/L.2/")
    # The header links keep the filters and set the sort, as real hrefs.
    html = client.get(URL, {"country": "USA"}).content.decode()
    assert 'href="?country=USA&amp;sort=margin"' in html
    assert 'href="?country=USA&amp;sort=date"' in html


@pytest.mark.parametrize(
    "query",
    ["", "country=USA&position=no", "q=restrictions&sponsor=CHN&session=79&body=C.1", "sort=margin&subject=whole"],
)
def test_query_budget_does_not_grow_with_the_data(client, many, django_assert_max_num_queries, query):
    with django_assert_max_num_queries(10):
        response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    # The same page over a larger record makes no more queries.
    for n in range(40):
        make_vote(DraftFactory(), "whole", yes=["USA"], no=["CHN"])
    with django_assert_max_num_queries(10):
        client.get(f"{URL}?{query}")


def test_vote_list_never_loads_positions(client, many, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get(URL, {"country": "USA"})
    for query in context.captured_queries:
        sql = query["sql"]
        assert not sql.startswith('SELECT "votes_position"'), sql


def test_text_search_pages_come_before_their_count(client, many):
    """`q=` is the one filter whose count costs more than its page: the page shows 50 votes and a next link
    without counting (no COUNT query), and loads its count from /votes/count/ with the same filters."""
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        html = client.get(URL, {"q": "a/c.3/79", "outcome": "adopted"}).content.decode()
    assert not any("COUNT(" in query["sql"] for query in context.captured_queries)
    assert html.count("<tr data-vote") == 50
    assert 'hx-get="/votes/count/?q=a%2Fc.3%2F79&amp;outcome=adopted"' in html and 'hx-trigger="load"' in html
    assert 'rel="next"' in html and 'rel="prev"' not in html
    second = client.get(URL, {"q": "a/c.3/79", "outcome": "adopted", "page": 2}).content.decode()
    assert second.count("<tr data-vote") == 10
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert 'aria-current="page">2<' in second
    past_the_end = client.get(URL, {"q": "a/c.3/79", "page": 5})
    assert past_the_end.status_code == 200 and 'rel="prev"' in past_the_end.content.decode()
    # The count, over htmx: the fragment alone; without htmx (the link's own address): the list, counted.
    fragment = client.get("/votes/count/", {"q": "a/c.3/79", "outcome": "adopted"}, headers={"HX-Request": "true"})
    assert re.fullmatch(r'\s*<span class="count">\s*60 votes\s*</span>\s*', fragment.content.decode())
    assert "HX-Request" in fragment["Vary"]
    page = client.get("/votes/count/", {"q": "a/c.3/79"}).content.decode()
    assert "60 votes" in page and 'href="?q=a%2Fc.3%2F79&amp;page=2"' in page
    invalid = client.get("/votes/count/", {"q": "x", "session": "abc"}, headers={"HX-Request": "true"})
    assert invalid.status_code == 400
